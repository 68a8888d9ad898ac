"""The secondment forms: the two-way evaluation form (干部挂职双向评价表) and the end-of-term
assessment (干部挂职鉴定表), one per posting.

A4 portrait on the GB/T 9704 page of the minutes (same margins, page numbers, fonts and
embedding): a centred title in the title font, the period under it, then a ruled form table
the width of the type area. Labels are in 黑体, what was entered in 仿宋, set with the same line
breaking as the minutes; empty fields keep their rows (with room to write by hand), so every
field of the form is on paper whether or not it was filled in. Grades print as boxes
(``■优秀 □称职 □基本称职 □不称职``). Rows split across pages, never inside a line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.colors import HexColor, black
from reportlab.platypus.flowables import Flowable
from reportlab.platypus.tables import Table, TableStyle

from app.exports.pdf.flowable import TextBlock, build_pdf
from app.exports.pdf.fonts import FontSet, font_set
from app.exports.pdf.layout import LEADING, MM, SIZE_2, SIZE_3, TYPE_WIDTH
from app.exports.pdf.metadata import DocumentInfo
from app.exports.pdf.text import chinese_date
from app.exports.pdf.typeset import Run, TextStyle
from app.exports.pdf.writing import atomic_write_bytes
from app.secondments.documents import GRADE_LABELS, EvaluationForm, Opinion, PostingFacts

EVALUATION_TITLE = "干部挂职双向评价表"
COLUMN_WIDTHS = tuple(w * MM for w in (30, 48, 28, 50))  # 156 mm: the type area
CELL_SIZE = 12.0  # 小四: the evaluation form fits one page
ROW_HEIGHT = 8.5 * MM
COMMENT_HEIGHT = 20 * MM
PADDING = 1.5 * MM
SECTION_FILL = HexColor("#F2F2F2")
CHECKED, UNCHECKED = "■", "□"
DISAGREEMENT_NOTE = "两方等次相差两档及以上或分数相差15分及以上，请核实。"
BLANK_DATE = "\u3000\u3000年\u3000\u3000月\u3000\u3000日"

TITLE = TextStyle(size=SIZE_2, leading=1.5 * SIZE_2, align="center", balance=True)
SUBTITLE = TextStyle(size=SIZE_3, leading=LEADING, align="center")
CELL_LEFT = TextStyle(size=CELL_SIZE, leading=1.4 * CELL_SIZE, align="left")
CELL_JUSTIFY = TextStyle(size=CELL_SIZE, leading=1.4 * CELL_SIZE, align="justify")
CELL_CENTRE = TextStyle(size=CELL_SIZE, leading=1.4 * CELL_SIZE, align="center")
CELL_RIGHT = TextStyle(size=CELL_SIZE, leading=1.4 * CELL_SIZE, align="right")


@dataclass
class FormTable:
    """A ruled four-column form: label, value, label, value; values may span the row."""

    fonts: FontSet
    rows: list[list[object]] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)
    styles: list[tuple[object, ...]] = field(default_factory=list)

    def label(self, text: str) -> TextBlock:
        return TextBlock([Run(text, self.fonts.heiti)], CELL_CENTRE)

    def value(self, text: str, style: TextStyle = CELL_LEFT) -> TextBlock:
        return TextBlock([Run(text.strip(" \t\r\n"), self.fonts.fangsong)], style)

    def pair(self, label1: str, value1: str, label2: str, value2: str) -> None:
        self._add(
            [self.label(label1), self.value(value1), self.label(label2), self.value(value2)],
            ROW_HEIGHT,
        )

    def wide(self, label: str, value: object, height: float = ROW_HEIGHT) -> None:
        """A label and one value spanning the other three columns."""
        cell = self.value(value) if isinstance(value, str) else value
        self._add([self.label(label), cell, "", ""], height)
        row = len(self.rows) - 1
        self.styles.append(("SPAN", (1, row), (3, row)))

    def section(self, title: str) -> None:
        self._add([self.label(title), "", "", ""], ROW_HEIGHT)
        row = len(self.rows) - 1
        self.styles.append(("SPAN", (0, row), (3, row)))
        self.styles.append(("BACKGROUND", (0, row), (3, row), SECTION_FILL))

    def _add(self, cells: list[object], height: float) -> None:
        self.rows.append(cells)
        self.heights.append(height)

    def table(self) -> Table:
        table = Table(
            self.rows,
            colWidths=COLUMN_WIDTHS,
            minRowHeights=self.heights,
            spaceBefore=0.5 * LEADING,
        )
        table.setStyle(
            TableStyle(
                [
                    # cells hold TextBlocks, but empty ones would set Helvetica, unembedded
                    ("FONT", (0, 0), (-1, -1), self.fonts.fangsong, CELL_SIZE),
                    ("GRID", (0, 0), (-1, -1), 0.6, black),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                    ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
                    ("TOPPADDING", (0, 0), (-1, -1), PADDING),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING),
                    *self.styles,
                ]
            )
        )
        assert abs(sum(COLUMN_WIDTHS) - TYPE_WIDTH) < 0.01
        return table


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
    form.section(title)
    form.wide("评价等次", form.value(grade_boxes(opinion.grade)))
    form.pair(
        "得分",
        opinion.score,
        "评价日期",
        chinese_date(opinion.evaluated_on) if opinion.evaluated_on else BLANK_DATE,
    )
    form.wide("评价意见", form.value(opinion.comment, CELL_JUSTIFY), COMMENT_HEIGHT)
    form.pair("评价单位", opinion.evaluator, "签字盖章", "")


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
    return [*heading(EVALUATION_TITLE, form.period, fonts), table.table()]


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
        elif isinstance(item, Table):
            for row in item._cellvalues:
                found += [
                    "".join(run.text for run in cell.runs)
                    for cell in row
                    if isinstance(cell, TextBlock)
                ]
    return found
