"""The work order (工单) of an issue as a PDF: its facts, the description, the dispatches and
the journal, on the GB/T 9704 page of the minutes.

The facts are a two-column table; the description follows as body text under its own heading,
so a description of any length flows on over as many pages as it needs (a table cell cannot
be taller than a page). The dispatches (承办单位 / 状态 / 时限 / 报到 / 结果、异议或退单理由)
and the journal (时间 / 步骤 / 状态 / 说明) are tables whose header repeats on every page; a long
note continues in rows of at most ``ROW_LINES`` lines, so the table breaks between rows. One date
style on the sheet: the table style ``2026-12-03`` (with ``14:30`` where a time is known).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from reportlab.platypus.flowables import CondPageBreak, Flowable
from reportlab.platypus.tables import Table, TableStyle

from app.exports.pdf.flowable import TextBlock, build_pdf
from app.exports.pdf.fonts import FontSet, font_set
from app.exports.pdf.layout import LEADING, MM, PITCH, SIZE_2, SIZE_3, TRACKING
from app.exports.pdf.metadata import DocumentInfo
from app.exports.pdf.tables import HEADER_FILL, ruled
from app.exports.pdf.text import paragraphs
from app.exports.pdf.typeset import Run, TextStyle, set_lines
from app.issues.due import due_text
from app.issues.records import IssueDetail
from app.labels import label

TITLE = "民生事项工单"
FACT_WIDTHS_MM = (32, 124)
DISPATCH_WIDTHS_MM = (42, 16, 26, 26, 46)
JOURNAL_WIDTHS_MM = (37, 22, 18, 79)
HEADING_ROOM = 40 * MM
ROW_LINES = 12  # a longer note continues in rows of its own, so rows split between pages
CELL_SIZE = 12.0
PADDING = 1.5 * MM

TITLE_STYLE = TextStyle(size=SIZE_2, leading=1.5 * SIZE_2, align="center", balance=True)
HEADING = TextStyle(size=SIZE_3, leading=LEADING, align="left")
BODY = TextStyle(size=SIZE_3, leading=LEADING, tracking=TRACKING, first_indent=2 * PITCH)
CELL = TextStyle(size=CELL_SIZE, leading=1.4 * CELL_SIZE, align="left")


def table_time(moment: datetime | None) -> str:
    return f"{moment:%Y-%m-%d %H:%M}" if moment else ""


def render_work_order(detail: IssueDetail, facts: Sequence[tuple[str, str]]) -> bytes:
    """The work order as the bytes of a PDF file; ``facts`` are the label/value rows of its
    head, already masked as the reader's role requires."""
    fonts = font_set()
    info = DocumentInfo(
        title=f"{TITLE} {detail.number}",
        subject=TITLE,
        keywords=(TITLE, detail.number, detail.category_name, detail.community_name),
    )
    return build_pdf(work_order_flowables(detail, facts, fonts), info=info, fonts=fonts)


def work_order_flowables(
    detail: IssueDetail, facts: Sequence[tuple[str, str]], fonts: FontSet
) -> list[Flowable]:
    flowables: list[Flowable] = [
        TextBlock([Run(TITLE, fonts.title)], TITLE_STYLE),
        _table(facts, FACT_WIDTHS_MM, fonts, header=False),
        *_heading("问题描述", fonts),
    ]
    described = paragraphs(detail.data.description) or ["—"]
    flowables += [TextBlock([Run(text, fonts.fangsong)], BODY) for text in described]
    if detail.dispatches:
        rows = [("承办单位", "状态", "时限", "报到", "结果/异议/退单理由")]
        rows += [
            (
                v.unit_name + ("（主办）" if v.lead else "（协办）"),
                label(v.status),
                due_text(v.due_at) if v.due_at else "",
                table_time(v.acknowledged_at),
                v.return_reason if v.returned_at else v.objection_reason or v.result,
            )
            for v in detail.dispatches
        ]
        flowables += [*_heading("派单情况", fonts), _table(rows, DISPATCH_WIDTHS_MM, fonts)]
    journal: list[tuple[str | TextBlock, ...]] = [("时间", "步骤", "状态", "说明")]
    note_width = JOURNAL_WIDTHS_MM[-1] * MM - 2 * PADDING
    for e in detail.events:
        status = label(e.to_status) if e.to_status else ""
        first, *more = _chunks(e.note, note_width, fonts)
        journal.append((table_time(e.at), e.action_label, status, first))
        journal += [("", "", "", chunk) for chunk in more]
    flowables += [*_heading("办理记录", fonts), _table(journal, JOURNAL_WIDTHS_MM, fonts)]
    return flowables


def _chunks(text: str, width: float, fonts: FontSet) -> list[TextBlock]:
    """``text`` set ``width`` wide, in cells of at most ``ROW_LINES`` lines."""
    lines = set_lines([Run(text, fonts.fangsong)], CELL, width) if text else []
    if len(lines) <= ROW_LINES:
        return [TextBlock([Run(text, fonts.fangsong)], CELL)]
    return [
        TextBlock((), CELL, lines=lines[start : start + ROW_LINES], line_width=width)
        for start in range(0, len(lines), ROW_LINES)
    ]


def _heading(text: str, fonts: FontSet) -> list[Flowable]:
    """A heading that never ends a page: with less than ``HEADING_ROOM`` left, it starts the
    next one (a heading, a table's header row and a few rows)."""
    return [
        CondPageBreak(HEADING_ROOM),
        TextBlock([Run(text, fonts.heiti)], HEADING, space_before=0.5 * LEADING),
    ]


def _table(
    rows: Sequence[Sequence[str | TextBlock]],
    widths: Sequence[float],
    fonts: FontSet,
    header: bool = True,
) -> Table:
    """A ruled table of text cells in 仿宋, the header row (or the label column) in 黑体 on
    grey."""

    def cell(value: str | TextBlock, strong: bool) -> TextBlock:
        if isinstance(value, TextBlock):
            return value
        return TextBlock([Run(value, fonts.heiti if strong else fonts.fangsong)], CELL)

    data = [
        [cell(value, (header and r == 0) or (not header and c == 0)) for c, value in enumerate(row)]
        for r, row in enumerate(rows)
    ]
    table = Table(
        data,
        colWidths=[w * MM for w in widths],
        repeatRows=1 if header else 0,
        spaceBefore=0.3 * LEADING,
    )
    style: list[tuple[Any, ...]] = [
        *ruled(fonts.fangsong, CELL_SIZE, 0.6, PADDING),
        ("BACKGROUND", (0, 0), (-1, 0) if header else (0, -1), HEADER_FILL),
    ]
    table.setStyle(TableStyle(style))
    return table
