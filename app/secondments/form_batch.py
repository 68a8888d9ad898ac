"""Many 双向评价表 at once, for the year-end review: one PDF to print or keep, or a folder with
one file per posting.

Every form is built by the one form-building function (``render_evaluation_form``), so a batch
prints exactly what printing the forms one by one does, each form with its own page numbers;
the combined PDF is those files joined, each form starting on a new sheet.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.exports.pdf.evaluation import EVALUATION_TITLE, document_title, render_evaluation_form
from app.exports.pdf.writing import atomic_write_files, safe_file_name
from app.secondments.documents import EvaluationForm, evaluation_form
from app.secondments.evaluations import AssessmentRow
from db.models.secondments import EvaluationPeriod

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class FormRequest:
    """One form of the batch: a posting's evaluation of one period and year."""

    posting_id: str
    period: EvaluationPeriod
    year: int


@dataclass(frozen=True)
class RenderedForm:
    request: FormRequest
    form: EvaluationForm
    pdf: bytes


def requests_of(rows: Sequence[AssessmentRow]) -> list[FormRequest]:
    """The forms of rows of the annual assessment."""
    return [FormRequest(r.posting_id, r.pair.period, r.pair.year) for r in rows]


def read_forms(session: Session, requests: Sequence[FormRequest]) -> list[EvaluationForm]:
    """What each form prints, in the order asked."""
    return [evaluation_form(session, r.posting_id, r.period, r.year) for r in requests]


def render_forms(
    requests: Sequence[FormRequest],
    forms: Sequence[EvaluationForm],
    progress: Progress | None = None,
) -> list[RenderedForm]:
    """Each form's PDF; ``progress(done, total)`` after each (it may raise to cancel). Needs no
    database, so it can run off the thread that read the forms."""
    rendered = []
    for done, (request, form) in enumerate(zip(requests, forms, strict=True), start=1):
        rendered.append(RenderedForm(request, form, render_evaluation_form(form)))
        if progress is not None:
            progress(done, len(forms))
    return rendered


def batch_title(rendered: Sequence[RenderedForm]) -> str:
    """``2026年度干部挂职双向评价表（23份）``; the periods named when they differ."""
    periods = list(dict.fromkeys(r.form.period for r in rendered))
    period = periods[0] if len(periods) == 1 else ""
    return f"{period}{EVALUATION_TITLE}（{len(rendered)}份）"


def combined_pdf(rendered: Sequence[RenderedForm]) -> bytes:
    """The forms as one PDF, in the order given, each on its own sheets."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for each in rendered:
        writer.append(PdfReader(io.BytesIO(each.pdf)))
    writer.add_metadata({"/Title": batch_title(rendered)})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def files_per_posting(rendered: Sequence[RenderedForm]) -> dict[str, bytes]:
    """File name → PDF, one file per posting (its forms in the order given), named after the
    cadre and the periods: ``王喆双向评价表（2026年度）.pdf``. Two postings whose names would
    clash get ``（2）``, ``（3）``… in the order given."""
    by_posting: dict[str, list[RenderedForm]] = {}
    for each in rendered:
        by_posting.setdefault(each.request.posting_id, []).append(each)
    files: dict[str, bytes] = {}
    for forms in by_posting.values():
        periods = "、".join(dict.fromkeys(f.form.period for f in forms))
        stem = safe_file_name(document_title("双向评价表", forms[0].form.facts, periods))
        name, number = f"{stem}.pdf", 1
        while name in files:
            number += 1
            name = f"{stem}（{number}）.pdf"
        files[name] = forms[0].pdf if len(forms) == 1 else combined_pdf(forms)
    return files


def write_folder(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """Writes the files into ``folder``, all or none; the paths written."""
    targets = {folder / name: data for name, data in files.items()}
    atomic_write_files(targets)
    return list(targets)
