"""The 七个共 matrix of a year as a PDF: landscape A4, a table of the pairs × the seven joint
activities.

The title and a summary line (how many pairs, the average completion, what the marks mean),
then a table 序号 / 党支部（驻区单位） / 社区 / the seven / 完成率 whose header repeats on every
page; a done cell shows √ and the date of the latest activity. Page numbers ``— N —`` are
centred under the table. Like the sign-in sheet, built with platypus and our TextBlock.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.flowables import Flowable
from reportlab.platypus.frames import Frame
from reportlab.platypus.tables import Table, TableStyle

from app.agreements.matrix import (
    SEVEN,
    CellState,
    MatrixRow,
    average_percent,
    cell_text,
    matrix_title,
)
from app.exports.pdf.flowable import TextBlock
from app.exports.pdf.fonts import FontSet, font_set
from app.exports.pdf.layout import MM, SIZE_3, page_number_text
from app.exports.pdf.metadata import DocumentInfo, apply_info
from app.exports.pdf.tables import HEADER_FILL, ruled
from app.exports.pdf.typeset import Run, TextStyle
from app.labels import label

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
SIDE_MARGIN = 16 * MM
TOP_MARGIN = 15 * MM
BOTTOM_MARGIN = 18 * MM  # room for the page number
FRAME_WIDTH = PAGE_WIDTH - 2 * SIDE_MARGIN  # 265 mm
COLUMN_WIDTHS = tuple(w * MM for w in (10, 64, 24, *(22,) * len(SEVEN), 13))
CELL_SIZE = 10.0
PADDING = 1.2 * MM
DONE_FILL = HexColor("#E3F4E1")

TITLE = TextStyle(size=SIZE_3, leading=1.6 * SIZE_3, align="center", balance=True)
SUMMARY = TextStyle(size=CELL_SIZE, leading=1.8 * CELL_SIZE, align="left")
CELL_LEFT = TextStyle(size=CELL_SIZE, leading=1.3 * CELL_SIZE, align="left")
CELL_CENTRE = TextStyle(size=CELL_SIZE, leading=1.3 * CELL_SIZE, align="center")


def render_matrix(rows: list[MatrixRow], year: int, scope: str = "") -> bytes:
    """The matrix as the bytes of a PDF file; ``scope`` names a filter (a zone or community)."""
    fonts = font_set()
    title = matrix_title(year)
    buffer = io.BytesIO()
    frame = Frame(
        SIDE_MARGIN,
        BOTTOM_MARGIN,
        FRAME_WIDTH,
        PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )

    info = DocumentInfo(title=title, subject="七个共完成情况", keywords=("七个共", scope))

    def on_page(canvas: Any, document: Any) -> None:
        if canvas.getPageNumber() == 1:
            apply_info(canvas, info)
        canvas.saveState()
        canvas.setFont(fonts.song, CELL_SIZE)
        canvas.drawCentredString(
            PAGE_WIDTH / 2, BOTTOM_MARGIN / 2, page_number_text(canvas.getPageNumber())
        )
        canvas.restoreState()

    document = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        pageTemplates=[PageTemplate(id="page", frames=[frame], onPage=on_page)],
        title=title,
        lang="zh-CN",
        displayDocTitle=1,
        invariant=1,
        initialFontName=fonts.fangsong,  # not Helvetica, which would sit unembedded
        initialFontSize=CELL_SIZE,
    )
    document.build(matrix_flowables(rows, year, scope, fonts))
    return buffer.getvalue()


def matrix_flowables(rows: list[MatrixRow], year: int, scope: str, fonts: FontSet) -> list[Any]:
    summary = f"共{len(rows)}对结对，平均完成率{average_percent(rows)}%"
    if scope:
        summary = f"{scope}：{summary}"
    legend = "。√ 已开展（最近一次的日期）  ○ 已承诺未开展  — 未承诺"
    return [
        TextBlock([Run(matrix_title(year), fonts.title)], TITLE),
        TextBlock([Run(summary + legend, fonts.fangsong)], SUMMARY),
        _table(rows, fonts),
    ]


def _block(text: str, font: str, style: TextStyle = CELL_CENTRE) -> Flowable:
    return TextBlock([Run(text, font)], style)


def _table(rows: list[MatrixRow], fonts: FontSet) -> Table:
    headers = ("序号", "党支部（驻区单位）", "社区", *(label(a) for a in SEVEN), "完成率")
    data: list[list[object]] = [[_block(text, fonts.heiti) for text in headers]]
    style: list[tuple[Any, ...]] = [
        *ruled(fonts.fangsong, CELL_SIZE, 0.5, PADDING),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ALIGN", (0, 1), (-1, -1), "CENTER"),
        ("ALIGN", (1, 1), (1, -1), "LEFT"),
    ]
    for number, row in enumerate(rows, start=1):
        name = row.branch_name + (f"（{row.unit_name}）" if row.unit_name else "")
        data.append(
            [
                str(number),
                _block(name, fonts.fangsong, CELL_LEFT),
                row.community_name,
                *(cell_text(c) for c in row.cells),
                f"{row.percent}%",
            ]
        )
        for column, cell in enumerate(row.cells, start=3):
            if cell.state is CellState.DONE:
                style.append(("BACKGROUND", (column, number), (column, number), DONE_FILL))
    table = Table(data, colWidths=COLUMN_WIDTHS, repeatRows=1, spaceBefore=2 * MM)
    table.setStyle(TableStyle(style))
    assert abs(sum(COLUMN_WIDTHS) - FRAME_WIDTH) < 0.01
    return table
