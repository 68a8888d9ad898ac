"""The secondment forms: the two-way evaluation form (干部挂职双向评价表) and the end-of-term
assessment (干部挂职鉴定表), one per posting.

A4 portrait on the GB/T 9704 page of the minutes (same margins, page numbers, fonts and
embedding): a centred title in the title font, the period under it, then a ruled form (see
:mod:`forms`) the width of the type area. Labels are in 黑体, what was entered in 仿宋, set
with the same line breaking as the minutes; empty fields keep their rows (with room to write
by hand), so every field of the form is on paper whether or not it was filled in. Grades print
as boxes (``■优秀 □称职 □基本称职 □不称职``); each side's opinion has 40 mm to sign and seal,
and a section never leaves its heading row behind on the page before.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.platypus.flowables import Flowable, KeepTogether
from reportlab.platypus.tables import Table

from app.exports.pdf.flowable import TextBlock, build_pdf
from app.exports.pdf.fonts import FontSet, font_set
from app.exports.pdf.forms import BLANK_DATE, CELL_JUSTIFY, FormTable
from app.exports.pdf.layout import LEADING, SIZE_2, SIZE_3
from app.exports.pdf.metadata import DocumentInfo
from app.exports.pdf.text import chinese_date
from app.exports.pdf.typeset import Run, TextStyle
from app.exports.pdf.writing import atomic_write_bytes
from app.secondments.documents import GRADE_LABELS, EvaluationForm, Opinion, PostingFacts

EVALUATION_TITLE = "干部挂职双向评价表"
CHECKED, UNCHECKED = "■", "□"
DISAGREEMENT_NOTE = "两方等次相差两档及以上或分数相差15分及以上，请核实。"

TITLE = TextStyle(size=SIZE_2, leading=1.5 * SIZE_2, align="center", balance=True)
SUBTITLE = TextStyle(size=SIZE_3, leading=LEADING, align="center")


def term_text(facts: PostingFacts) -> str:
    """The term as agreed, with the status when it still ends as planned."""
    text = f"{chinese_date(facts.starts_on)}至{chinese_date(facts.planned_ends_on)}"
    return text if facts.term_changed else f"{text}（{facts.status}）"


def term_change_text(facts: PostingFacts) -> str:
    """How the term changed, one line a step: ``延期至2027年8月31日（延期），理由：…``, and
    ``2026年5月10日提前结束，理由：…`` (an extension it cut short is ``曾延期``)."""
    lines = []
    ended = chinese_date(facts.ends_on)
    if facts.extension_reason:
        extended = "曾延期" if facts.early_end_reason else f"延期至{ended}（{facts.status}）"
        lines.append(f"{extended}，理由：{facts.extension_reason}")
    if facts.early_end_reason:
        lines.append(f"{ended}提前结束，理由：{facts.early_end_reason}")
    return "\n".join(lines) or f"实际至{ended}（{facts.status}）"


def grade_boxes(grade: str) -> str:
    return "\u3000".join(
        f"{CHECKED if text == grade else UNCHECKED}{text}" for text in GRADE_LABELS
    )


def add_facts(form: FormTable, facts: PostingFacts, period: str | None = None) -> None:
    form.pair("姓名", facts.person_name, "性别", facts.gender)
    if period is not None:
        form.pair("挂职类型", facts.kind, "评价类别", period)
    else:
        form.wide("挂职类型", facts.kind)
    form.pair("派出单位", facts.home_name, "原职务", facts.home_post)
    form.pair("挂职单位", facts.host_name, "挂职岗位", facts.host_post)
    form.wide("挂职期限", term_text(facts))
    if facts.term_changed:
        form.wide("期限变更", form.value(term_change_text(facts), CELL_JUSTIFY))
    if facts.mentor_name:
        form.wide("导师", facts.mentor_name)
    form.wide("挂职任务", facts.objectives)


def add_opinion(form: FormTable, opinion: Opinion, title: str) -> None:
    """A side's opinion: grade, score and evaluator, then what it wrote, signed and sealed."""
    form.section(title)
    form.wide("评价等次", form.value(grade_boxes(opinion.grade)))
    form.pair("得分", opinion.score, "评价单位", opinion.evaluator)
    signed_on = chinese_date(opinion.evaluated_on) if opinion.evaluated_on else BLANK_DATE
    form.signed("评价意见", opinion.comment, "", signed_on)


def heading(title: str, subtitle: str, fonts: FontSet) -> list[Flowable]:
    return [
        TextBlock([Run(title, fonts.title)], TITLE),
        TextBlock([Run(f"（{subtitle}）", fonts.fangsong)], SUBTITLE),
    ]


def evaluation_flowables(form: EvaluationForm, fonts: FontSet) -> list[Flowable]:
    table = FormTable(fonts)
    add_facts(table, form.facts, form.period)
    add_opinion(table, form.home, "派出单位评价")
    add_opinion(table, form.host, "挂职单位评价")
    table.wide("备注", DISAGREEMENT_NOTE if form.disagreement else "")
    return [*heading(EVALUATION_TITLE, form.period, fonts), *table.flowables()]


def document_title(title: str, facts: PostingFacts, detail: str = "") -> str:
    return f"{facts.person_name}{title}" + (f"（{detail}）" if detail else "")


def form_info(title: str, facts: PostingFacts, detail: str = "") -> DocumentInfo:
    return DocumentInfo(
        title=document_title(title, facts, detail),
        subject=title,
        keywords=(title, facts.person_name, facts.host_name, facts.home_name),
    )


def render_evaluation_form(form: EvaluationForm) -> bytes:
    """The 双向评价表 as the bytes of a PDF file."""
    fonts = font_set()
    info = form_info(EVALUATION_TITLE, form.facts, form.period)
    return build_pdf(evaluation_flowables(form, fonts), info=info, fonts=fonts)


def write_evaluation_form(form: EvaluationForm, path: Path) -> None:
    atomic_write_bytes(path, render_evaluation_form(form))


def texts(flowables: Sequence[Flowable]) -> list[str]:
    """Every text of the flowables, for tests (what the PDF must show)."""
    found: list[str] = []
    for item in flowables:
        if isinstance(item, TextBlock):
            found.append("".join(run.text for run in item.runs))
        elif isinstance(item, KeepTogether):
            found += texts(item._content)
        elif isinstance(item, Table):
            for row in item._cellvalues:
                found += [
                    "".join(run.text for run in cell.runs)
                    for cell in row
                    if isinstance(cell, TextBlock)
                ]
    return found
