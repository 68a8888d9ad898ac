"""Paginating a document set on the GB/T 9704 line grid: 22 lines a page, no platypus.

Every block of the minutes is a whole number of grid lines, so pagination is counting lines:
a block goes on the current page line by line and continues on the next; the blank lines
before a block are dropped at the top of a page; a block may ask that its first ``keep``
lines (counting on into the blocks after it) share a page, which keeps a heading or a label
(``会议议定：``, ``出席：``) with two lines under it; a block that moves to a new page may
``carry`` the last lines of text before it along, so the signature never stands alone
(GB/T 9704 7.3.5); and a block ``at_foot`` sits on the last lines of the page (the 版记).
A page is never shorter for any other reason, so every full page holds exactly 22 lines.
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
    carry: int = 0  # lines of text before it that go with it to a new page (the signature)
    at_foot: bool = False  # sits on the last lines of the page (版记)

    @property
    def height(self) -> int:
        return self.rows if self.drawing is not None else len(self.lines)

    @property
    def wants_followers(self) -> bool:
        """A heading or a label: it asks for lines of the blocks after it on its page."""
        return self.drawing is None and self.keep > self.height


@dataclass(frozen=True)
class Placed:
    block: Block
    start: int  # the block's first line on this page
    end: int
    row: int  # the grid line it starts on

    @property
    def height(self) -> int:
        return self.block.height if self.block.drawing is not None else self.end - self.start


def paginate(blocks: Sequence[Block], rows: int = LINES_PER_PAGE) -> list[list[Placed]]:
    pages: list[list[Placed]] = [[]]
    row = 0
    for block in blocks:
        if block.height == 0:
            continue
        space = block.space_before if row else 0
        if block.at_foot:
            if row + space + block.height > rows:
                pages.append([])
            pages[-1].append(Placed(block, 0, block.height, rows - block.height))
            row = rows
            continue
        needed = min(block.keep if block.drawing is None else block.height, rows)
        if row and row + space + needed > rows:
            carried = _carried(pages[-1], block.carry)
            pages.append(carried)
            row = sum(placed.height for placed in carried)
            space = block.space_before if row else 0
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


def _carried(page: list[Placed], lines: int) -> list[Placed]:
    """Takes the last ``lines`` lines of text off ``page`` (and a heading or label they would
    leave behind alone) for the top of the next page; nothing when that would empty the page
    or the lines are not text. Returns them placed from the next page's first line."""
    if not lines:
        return []
    kept = list(page)
    moved: list[Placed] = []
    owed = lines
    while kept and (owed > 0 or kept[-1].block.wants_followers):
        last = kept.pop()
        if last.block.drawing is not None:
            return []
        take = last.height if owed <= 0 else min(owed, last.height)
        owed -= take
        if take < last.height:
            kept.append(Placed(last.block, last.start, last.end - take, last.row))
        moved.insert(0, Placed(last.block, last.end - take, last.end, 0))
    if not kept:
        return []
    page[:] = kept
    row = 0
    placed: list[Placed] = []
    for part in moved:
        if placed and part.start == 0:
            row += part.block.space_before
        placed.append(Placed(part.block, part.start, part.end, row))
        row += part.height
    return placed


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
