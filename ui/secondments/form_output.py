"""The 双向评价表 of many rows of the annual assessment, printed or saved in one go.

The forms' contents are read here, on the GUI thread (one short read); their PDFs are built on
a worker thread with a progress dialog that can cancel (23 forms take a few seconds), then
previewed as one document, saved as one file, or saved one file per posting into a folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.database import Database
from app.secondments.evaluations import AssessmentRow
from app.secondments.form_batch import (
    RenderedForm,
    batch_title,
    combined_pdf,
    files_per_posting,
    read_forms,
    render_forms,
    requests_of,
)

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from ui.excel.work import Cancelled, run_in_background


class FormOutput:
    def __init__(self, database: Database, parent: QWidget) -> None:
        self._database = database
        self._parent = parent

    def render(self, rows: Sequence[AssessmentRow]) -> list[RenderedForm] | None:
        """The forms of the rows as PDFs; None when the user cancelled."""
        requests = requests_of(rows)
        with self._database.reader() as session:
            forms = read_forms(session, requests)
        label = QCoreApplication.translate("FormOutput", "正在生成 {n} 份评价表…").format(
            n=len(forms)
        )
        try:
            return run_in_background(
                self._parent, label, lambda progress: render_forms(requests, forms, progress)
            )
        except Cancelled:
            return None

    def print_forms(self, rows: Sequence[AssessmentRow]) -> bool:
        """打印: one preview of every form; True when printed from it."""
        from ui.printing.preview import preview_pdf

        rendered = self.render(rows)
        if not rendered:
            return False
        return preview_pdf(self._parent, combined_pdf(rendered), batch_title(rendered))

    def save_file(self, rows: Sequence[AssessmentRow]) -> Path | None:
        """导出 PDF → 合并为一个文件."""
        from ui.printing.files import save_pdf_as

        rendered = self.render(rows)
        if not rendered:
            return None
        return save_pdf_as(self._parent, combined_pdf(rendered), batch_title(rendered))

    def save_folder(self, rows: Sequence[AssessmentRow]) -> list[Path] | None:
        """导出 PDF → 每人一个文件, into a folder the user picks."""
        from ui.printing.files import save_pdfs_in_folder

        rendered = self.render(rows)
        if not rendered:
            return None
        return save_pdfs_in_folder(self._parent, files_per_posting(rendered))
