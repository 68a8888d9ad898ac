"""The 版记 of the minutes (GB/T 9704-2012 7.4): at the foot of the last page, 抄送 and the
印发机关 with the date of issue, between rules the width of the type area.

``抄送：`` in 4号仿宋, one character in from both edges, its organs separated by ``，`` and
ended by ``。``, lines after the first aligned after the colon; then the 印发机关 one character
in from the left and ``2026年12月3日印发`` one character in from the right. The first and last
rules are 0.35 mm, the one between the two items 0.25 mm. Each line takes one line of the
22-line grid, so the 版记's last line is the type area's last.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from app.exports.pdf.fonts import FontSet
from app.exports.pdf.layout import LEADING, MM, SIZE_4, TYPE_WIDTH
from app.exports.pdf.pages import Block
from app.exports.pdf.text import chinese_date
from app.exports.pdf.typeset import Run, TextStyle, draw_lines, set_lines, text_width
from app.meetings.documents import MinutesDocument

THICK_RULE = 0.35 * MM
THIN_RULE = 0.25 * MM
COPY_LABEL = "抄送："
ISSUED = "印发"
BLANK_DATE = "\u3000\u3000年\u3000\u3000月\u3000\u3000日"
_SEPARATORS = re.compile(r"[、,，;；\s]+")


def copy_to_text(typed: str) -> str:
    """``区委组织部、区城管局`` → ``区委组织部，区城管局。``: organs separated by ，, ended by 。"""
    organs = [part for part in _SEPARATORS.split(typed.strip().rstrip("。.")) if part]
    return "，".join(organs) + "。" if organs else ""


def imprint_block(document: MinutesDocument, fonts: FontSet) -> Block | None:
    """The 版记 as a block sitting on the last lines of the last page; None without one."""
    copy_to = copy_to_text(document.copy_to)
    printed_by = document.printed_by.strip()
    if not copy_to and not printed_by:
        return None
    style = TextStyle(
        size=SIZE_4,
        leading=LEADING,
        first_indent=SIZE_4,
        indent=SIZE_4 + text_width([Run(COPY_LABEL, fonts.fangsong)], _plain()),
        right_indent=SIZE_4,
        align="left",
    )
    copy_lines = []
    if copy_to:
        runs = [Run(COPY_LABEL, fonts.fangsong), Run(copy_to, fonts.fangsong)]
        copy_lines = set_lines(runs, style, TYPE_WIDTH)
    issued = f"{chinese_date(document.issued_on) if document.issued_on else BLANK_DATE}{ISSUED}"
    issuer_line = set_lines([Run(printed_by, fonts.fangsong)], _edge("left"), TYPE_WIDTH)
    date_line = set_lines([Run(issued, fonts.fangsong)], _edge("right"), TYPE_WIDTH)
    rows = len(copy_lines) + 1

    def draw(canvas: Any, left: float, top: float) -> None:
        canvas.saveState()
        _rule(canvas, left, top, THICK_RULE)
        draw_lines(canvas, copy_lines, style, top, left)
        below_copy = top - len(copy_lines) * LEADING
        if copy_lines:
            _rule(canvas, left, below_copy, THIN_RULE)
        draw_lines(canvas, issuer_line, _edge("left"), below_copy, left)
        draw_lines(canvas, date_line, _edge("right"), below_copy, left)
        _rule(canvas, left, top - rows * LEADING, THICK_RULE)
        canvas.restoreState()

    return Block(drawing=draw, rows=rows, at_foot=True)


def _plain() -> TextStyle:
    return TextStyle(size=SIZE_4, leading=LEADING)


def _edge(side: Literal["left", "right"]) -> TextStyle:
    """One line one character in from the ``side`` edge."""
    indent = SIZE_4 if side == "left" else 0.0
    right = SIZE_4 if side == "right" else 0.0
    return TextStyle(
        size=SIZE_4, leading=LEADING, first_indent=indent, right_indent=right, align=side
    )


def _rule(canvas: Any, left: float, y: float, width: float) -> None:
    canvas.setLineWidth(width)
    canvas.line(left, y, left + TYPE_WIDTH, y)
