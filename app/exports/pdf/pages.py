"""Paginating a document set on the GB/T 9704 line grid: 22 lines a page, no platypus.

Every block of the minutes is a whole number of grid lines, so pagination is counting lines:
a block goes on the current page line by line and continues on the next; the blank lines
before a block are dropped at the top of a page; and a block may ask that its first ``keep``
lines (counting on into the blocks after it) share a page, which keeps a heading with the text
under it and the 出席/请假/列席 list together. A page is never shorter for any other reason,
so every full page holds exactly 22 lines.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from app.exports.pdf.fonts import FontSet
from app.exports.pdf.layout import (
    LEADING,
    LEFT_MARGIN,
    LINES_PER_PAGE,
    PAGE_HEIGHT,
    TOP_MARGIN,
    draw_draft_mark,
    draw_page_number,
    new_canvas,
)
from app.exports.pdf.metadata import DocumentInfo
from app.exports.pdf.typeset import Line, TextStyle, draw_lines

Drawing = Callable[[Any, float, float], None]  # (canvas, left, top)


@dataclass(frozen=True)
class Block:
    """Lines of text, or a drawing ``rows`` grid lines high that never splits (the title)."""

    lines: Sequence[Line] = ()
    style: TextStyle | None = None
    space_before: int = 0  # blank grid lines before the block, none at the top of a page
    keep: int = 1  # lines from the block's start, on into the next blocks, kept on one page
    drawing: Drawing | None = None
    rows: int = 0

    @property
    def height(self) -> int:
        return self.rows if self.drawing is not None else len(self.lines)


@dataclass(frozen=True)
class Placed:
    block: Block
    start: int  # the block's first line on this page
    end: int
    row: int  # the grid line it starts on


def paginate(blocks: Sequence[Block], rows: int = LINES_PER_PAGE) -> list[list[Placed]]:
    pages: list[list[Placed]] = [[]]
    row = 0
    for block in blocks:
        if block.height == 0:
            continue
        space = block.space_before if row else 0
        needed = min(block.keep if block.drawing is None else block.height, rows)
        if row and row + space + needed > rows:
            pages.append([])
            row = space = 0
        row += space
        if block.drawing is not None:
            pages[-1].append(Placed(block, 0, 0, row))
            row += block.height
            continue
        start = 0
        while start < len(block.lines):
            if row >= rows:
                pages.append([])
                row = 0
            end = min(len(block.lines), start + rows - row)
            pages[-1].append(Placed(block, start, end, row))
            row += end - start
            start = end
    return pages


def render_pages(
    pages: Sequence[Sequence[Placed]], *, info: DocumentInfo, fonts: FontSet, draft: bool = False
) -> bytes:
    """Draws the paginated blocks in the type area, with page numbers (and a draft's mark on
    every page); the PDF's bytes."""
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, info=info, fonts=fonts)
    top = PAGE_HEIGHT - TOP_MARGIN
    for number, page in enumerate(pages, start=1):
        if draft:
            draw_draft_mark(canvas, fonts)
        draw_page_number(canvas, number, fonts)
        for placed in page:
            y = top - placed.row * LEADING
            block = placed.block
            if block.drawing is not None:
                block.drawing(canvas, LEFT_MARGIN, y)
            else:
                assert block.style is not None
                lines = block.lines[placed.start : placed.end]
                draw_lines(canvas, lines, block.style, y, LEFT_MARGIN)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
