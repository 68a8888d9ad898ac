"""The sign-in sheet (签到表) of a meeting: who is expected, with room to sign.

A4 portrait on the GB/T 9704 page (same margins and page numbers as the minutes): the title
``{meeting}签到表``, a line with 时间 and 地点, then a table 序号 / 姓名 / 单位 / 职务 / 签名
whose header repeats on every page. The columns are sized from the content: 姓名 as wide as
the longest name (a name never splits), 职务 so that a post of five characters takes one line
and a longer one at most two, 签名 30 mm to sign in, 单位 the rest. Rows are at least 9 mm
high: 16 and more names a page. A few blank rows at the end take people nobody expected, as
many as fit without starting a page of their own.
"""

from __future__ import annotations

import re
from pathlib import Path

from reportlab.platypus.flowables import Flowable
from reportlab.platypus.tables import Table, TableStyle

from app.exports.pdf.flowable import TextBlock, build_pdf
from app.exports.pdf.fonts import FontSet, font_set
from app.exports.pdf.layout import LEADING, MM, SIZE_2, SIZE_3, TYPE_WIDTH
from app.exports.pdf.metadata import DocumentInfo
from app.exports.pdf.tables import HEADER_FILL, ruled
from app.exports.pdf.text import meeting_time
from app.exports.pdf.typeset import Run, TextStyle, set_lines, text_width
from app.exports.pdf.writing import atomic_write_bytes
from app.meetings.documents import SignInRow, SignInSheet

HEADERS = ("序号", "姓名", "单位", "职务", "签名")
NUMBER_WIDTH = 12 * MM
SIGNATURE_WIDTH = 30 * MM  # a signature written by hand
MIN_NAME_WIDTH = 20 * MM
MAX_NAME_WIDTH = 31 * MM  # six characters: a longer name (阿卜杜热合曼·买买提) wraps at its ·
MIN_UNIT_WIDTH = 40 * MM
UNIT_WIDTH = 56 * MM  # posts get one line where the units keep this much
MIN_POST_WIDTH = 18 * MM
SHORT_POST = "四级调研员"  # posts this long print on one line, longer ones may take two
POST_LINES = 2  # a post takes at most two lines
ROW_HEIGHT = 9 * MM
HEADER_HEIGHT = 9 * MM
PADDING = 1.5 * MM
BLANK_ROWS = 3
CELL_SIZE = 12.0  # 小四

TITLE = TextStyle(size=SIZE_2, leading=1.5 * SIZE_2, align="center", balance=True)
FACTS = TextStyle(size=SIZE_3, leading=LEADING, align="left")
CELL_LEFT = TextStyle(size=CELL_SIZE, leading=1.3 * CELL_SIZE, align="left")
CELL_CENTRE = TextStyle(size=CELL_SIZE, leading=1.3 * CELL_SIZE, align="center")


def render_signin_sheet(sheet: SignInSheet) -> bytes:
    """The sign-in sheet as the bytes of a PDF file: with as many of the blank rows as fit
    on the last page of names (none start a page of their own)."""
    fonts = font_set()
    info = DocumentInfo(
        title=f"{sheet.heading.strip()}签到表", subject="签到表", keywords=("签到表", sheet.place)
    )
    without = build_pdf(signin_flowables(sheet, fonts, blank_rows=0), info=info, fonts=fonts)
    pages = page_count(without)
    for blank in range(BLANK_ROWS, 0, -1):
        pdf = build_pdf(signin_flowables(sheet, fonts, blank), info=info, fonts=fonts)
        if page_count(pdf) == pages:
            return pdf
    return without


def page_count(pdf: bytes) -> int:
    """Pages of a PDF reportlab wrote (each page object says ``/Type /Page``)."""
    return len(re.findall(rb"/Type /Page\b", pdf))


def write_signin_sheet(sheet: SignInSheet, path: Path) -> None:
    """Renders the sign-in sheet and writes it atomically (see :mod:`writing`)."""
    atomic_write_bytes(path, render_signin_sheet(sheet))


def signin_flowables(
    sheet: SignInSheet, fonts: FontSet, blank_rows: int = BLANK_ROWS
) -> list[Flowable]:
    title = TextBlock([Run(f"{sheet.heading.strip()}签到表", fonts.title)], TITLE)
    facts = [Run(f"时间：{meeting_time(sheet.starts_at, None)}", fonts.fangsong)]
    if sheet.place.strip():  # 地点 moves down whole rather than splitting
        facts.append(Run("\u3000\u3000", fonts.fangsong))
        facts.append(Run(f"地点：{sheet.place.strip()}", fonts.fangsong, unbreakable=True))
    return [
        title,
        TextBlock(facts, FACTS, space_before=0.5 * LEADING),
        _table(sheet.rows, fonts, blank_rows),
    ]


def column_widths(rows: tuple[SignInRow, ...], fonts: FontSet) -> tuple[float, ...]:
    """序号, 姓名, 单位, 职务, 签名 in points, together the width of the type area."""

    def widest(texts: list[str], font: str) -> float:
        return max((text_width([Run(t, font)], CELL_LEFT) for t in texts), default=0.0)

    slack = 2 * PADDING + 1  # padding, and a point to spare
    name = widest([r.name.strip() for r in rows], fonts.fangsong) + slack
    name = min(max(MIN_NAME_WIDTH, name), MAX_NAME_WIDTH)
    room = TYPE_WIDTH - NUMBER_WIDTH - SIGNATURE_WIDTH - name - MIN_UNIT_WIDTH
    post_text = widest([r.post.strip() for r in rows], fonts.fangsong)
    one_line = post_text + slack
    if TYPE_WIDTH - NUMBER_WIDTH - SIGNATURE_WIDTH - name - one_line < UNIT_WIDTH:
        short = widest([SHORT_POST], fonts.fangsong) + slack
        one_line = max(post_text / POST_LINES + slack, min(short, one_line))
    post = max(MIN_POST_WIDTH, one_line)
    posts = [[Run(r.post.strip(), fonts.fangsong)] for r in rows if r.post.strip()]
    while post < room and any(  # line breaking rules may need a little more
        len(set_lines(runs, CELL_LEFT, post - 2 * PADDING)) > POST_LINES for runs in posts
    ):
        post += CELL_SIZE / 2
    post = min(post, room)
    unit = TYPE_WIDTH - NUMBER_WIDTH - SIGNATURE_WIDTH - name - post
    return (NUMBER_WIDTH, name, unit, post, SIGNATURE_WIDTH)


def _table(rows: tuple[SignInRow, ...], fonts: FontSet, blank_rows: int) -> Table:
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
    data += [[""] * len(HEADERS) for _ in range(blank_rows if rows else max(blank_rows, 1))]
    widths = column_widths(rows, fonts)
    table = Table(
        data,
        colWidths=widths,
        repeatRows=1,
        minRowHeights=[HEADER_HEIGHT] + [ROW_HEIGHT] * (len(data) - 1),
        spaceBefore=0.5 * LEADING,
    )
    table.setStyle(
        TableStyle(
            [
                *ruled(fonts.fangsong, CELL_SIZE, 0.6, PADDING),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ]
        )
    )
    assert abs(sum(widths) - TYPE_WIDTH) < 0.01
    return table
