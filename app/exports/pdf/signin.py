"""The sign-in sheet (签到表) of a meeting: who is expected, with room to sign.

A4 portrait on the GB/T 9704 page (same margins and page numbers as the minutes): the title
``{meeting}签到表``, a line with 时间 and 地点, then a table 序号 / 姓名 / 单位 / 职务 / 签名
whose header repeats on every page. Rows are at least 12 mm high so there is room to sign; long
units wrap inside their cell (with the same line-breaking rules as the minutes), and a name is
never split. A few blank rows at the end take people nobody expected.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.colors import HexColor, black
from reportlab.platypus.flowables import Flowable
from reportlab.platypus.tables import Table, TableStyle

from app.exports.pdf.flowable import TextBlock, build_pdf
from app.exports.pdf.fonts import FontSet, font_set
from app.exports.pdf.layout import LEADING, MM, SIZE_2, SIZE_3, SIZE_4, TYPE_WIDTH
from app.exports.pdf.metadata import DocumentInfo
from app.exports.pdf.text import meeting_time
from app.exports.pdf.typeset import Run, TextStyle
from app.exports.pdf.writing import atomic_write_bytes
from app.meetings.documents import SignInRow, SignInSheet

HEADERS = ("序号", "姓名", "单位", "职务", "签名")
COLUMN_WIDTHS = tuple(w * MM for w in (13, 25, 50, 28, 40))  # 156 mm: the type area
ROW_HEIGHT = 12 * MM
HEADER_HEIGHT = 10 * MM
PADDING = 1.5 * MM
BLANK_ROWS = 3
CELL_SIZE = SIZE_4
HEADER_FILL = HexColor("#F2F2F2")

TITLE = TextStyle(size=SIZE_2, leading=1.5 * SIZE_2, align="center", balance=True)
FACTS = TextStyle(size=SIZE_3, leading=LEADING, align="left")
CELL_LEFT = TextStyle(size=CELL_SIZE, leading=1.4 * CELL_SIZE, align="left")
CELL_CENTRE = TextStyle(size=CELL_SIZE, leading=1.4 * CELL_SIZE, align="center")


def render_signin_sheet(sheet: SignInSheet) -> bytes:
    """The sign-in sheet as the bytes of a PDF file."""
    fonts = font_set()
    info = DocumentInfo(
        title=f"{sheet.heading.strip()}签到表", subject="签到表", keywords=("签到表", sheet.place)
    )
    return build_pdf(signin_flowables(sheet, fonts), info=info, fonts=fonts)


def write_signin_sheet(sheet: SignInSheet, path: Path) -> None:
    """Renders the sign-in sheet and writes it atomically (see :mod:`writing`)."""
    atomic_write_bytes(path, render_signin_sheet(sheet))


def signin_flowables(sheet: SignInSheet, fonts: FontSet) -> list[Flowable]:
    title = TextBlock([Run(f"{sheet.heading.strip()}签到表", fonts.title)], TITLE)
    facts = [Run(f"时间：{meeting_time(sheet.starts_at, None)}", fonts.fangsong)]
    if sheet.place.strip():  # 地点 moves down whole rather than splitting
        facts.append(Run("\u3000\u3000", fonts.fangsong))
        facts.append(Run(f"地点：{sheet.place.strip()}", fonts.fangsong, unbreakable=True))
    return [
        title,
        TextBlock(facts, FACTS, space_before=0.5 * LEADING),
        _table(sheet.rows, fonts),
    ]


def _table(rows: tuple[SignInRow, ...], fonts: FontSet) -> Table:
    header: list[object] = [TextBlock([Run(text, fonts.heiti)], CELL_CENTRE) for text in HEADERS]
    data: list[list[object]] = [header]
    for number, row in enumerate(rows, start=1):
        data.append(
            [
                TextBlock([Run(str(number), fonts.fangsong)], CELL_CENTRE),
                TextBlock([Run(row.name.strip(), fonts.fangsong, unbreakable=True)], CELL_CENTRE),
                TextBlock([Run(row.unit.strip(), fonts.fangsong)], CELL_LEFT),
                TextBlock([Run(row.post.strip(), fonts.fangsong)], CELL_LEFT),
                "",
            ]
        )
    data += [[""] * len(HEADERS) for _ in range(BLANK_ROWS)]
    table = Table(
        data,
        colWidths=COLUMN_WIDTHS,
        repeatRows=1,
        minRowHeights=[HEADER_HEIGHT] + [ROW_HEIGHT] * (len(data) - 1),
        spaceBefore=0.5 * LEADING,
    )
    table.setStyle(
        TableStyle(
            [
                # cells hold TextBlocks, but the empty ones would set Helvetica, unembedded
                ("FONT", (0, 0), (-1, -1), fonts.fangsong, CELL_SIZE),
                ("GRID", (0, 0), (-1, -1), 0.6, black),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), PADDING),
                ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING),
            ]
        )
    )
    assert abs(sum(COLUMN_WIDTHS) - TYPE_WIDTH) < 0.01
    return table
