"""The GB/T 9704-2012 page: A4, the type area, the line grid, page numbers.

The standard's page: top margin 37 mm, left 28 mm, a type area (版心) of 156 × 225 mm, body
text in 3号仿宋 (16 pt), "一般每面排22行，每行排28个字，并撑满版心".

The grid, and the one trade-off it needs:

- 22 lines fill 225 mm when a line is 225 / 22 = 10.23 mm = 28.99 pt high (``LEADING``). Every
  block of the minutes is a whole number of such lines, so every page but the first holds
  exactly 22 lines of body text and all lines sit on the same grid.
- 28 characters of 16 pt measure 28 × 5.64 = 158.0 mm: 2 mm wider than the type area, so at
  16 pt without help a line holds only 27. GB/T 9704 keeps both the 3号 size and the 28
  characters, as Word does with its character grid: each character advances by
  156 / 28 = 5.57 mm = 15.79 pt (``PITCH``), i.e. a tracking of −0.21 pt (−1.3 %). A Chinese
  glyph's side bearings are wider than that, so glyphs never touch; shrinking the type to
  15.8 pt instead would break the rule on the body size. Half-width characters (digits, Latin)
  keep their own widths, so a line with digits holds more than 28 characters but is never wider
  than the type area.

Page numbers (7.5): 4号 (14 pt) half-width 宋体 Arabic numerals between two 一字线 (``— 1 —``),
below the type area with the dashes 7 mm under its lower edge; odd pages on the right and even
pages on the left, each one character in from the edge of the type area.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from app.exports.pdf.fonts import FontSet
from app.exports.pdf.metadata import DocumentInfo, apply_info

MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = A4
TOP_MARGIN = 37 * MM
LEFT_MARGIN = 28 * MM
TYPE_WIDTH = 156 * MM
TYPE_HEIGHT = 225 * MM
BOTTOM_MARGIN = PAGE_HEIGHT - TOP_MARGIN - TYPE_HEIGHT  # 35 mm
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28

SIZE_2 = 22.0  # 2号: titles
SIZE_3 = 16.0  # 3号: body
SIZE_4 = 14.0  # 4号: page numbers, tables
LEADING = TYPE_HEIGHT / LINES_PER_PAGE  # 28.99 pt
PITCH = TYPE_WIDTH / CHARS_PER_LINE  # 15.79 pt
TRACKING = PITCH - SIZE_3  # -0.21 pt

TITLE_TOP = 35 * MM  # 纪要标志: its upper edge 35 mm below the top of the type area (10.3)
PAGE_NUMBER_GAP = 7 * MM
DASH_HEIGHT = 0.35  # where an em dash sits above the baseline, in em
RED = HexColor("#E60012")
DRAFT_MARK = "草稿"
DRAFT_COLOR = Color(0.6, 0.6, 0.6, alpha=0.18)  # light enough to read the text through
DRAFT_SIZE = 120.0


def page_number_text(number: int) -> str:
    return f"— {number} —"


def draw_page_number(canvas: Any, number: int, fonts: FontSet) -> None:
    """``— N —`` under the type area: odd pages right, even pages left, one character in."""
    text = page_number_text(number)
    y = BOTTOM_MARGIN - PAGE_NUMBER_GAP - DASH_HEIGHT * SIZE_4
    canvas.saveState()
    canvas.setFont(fonts.song, SIZE_4)
    if number % 2:
        canvas.drawRightString(LEFT_MARGIN + TYPE_WIDTH - SIZE_4, y, text)
    else:
        canvas.drawString(LEFT_MARGIN + SIZE_4, y, text)
    canvas.restoreState()


def draw_draft_mark(canvas: Any, fonts: FontSet) -> None:
    """草稿 across the page, light and diagonal, so a draft can never pass for the final."""
    canvas.saveState()
    canvas.setFillColor(DRAFT_COLOR)
    canvas.setFont(fonts.heiti, DRAFT_SIZE)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(45)
    canvas.drawCentredString(0, -DRAFT_SIZE * DASH_HEIGHT, DRAFT_MARK)
    canvas.restoreState()


def new_canvas(buffer: io.BytesIO, *, info: DocumentInfo, fonts: FontSet) -> Any:
    """An A4 canvas with the document's metadata, deterministic output (``invariant``) and
    ``fonts.fangsong`` as every page's initial font: reportlab would otherwise start each page
    on Helvetica, which then sits unembedded in the file."""
    canvas = Canvas(
        buffer,
        pagesize=A4,
        invariant=1,
        initialFontName=fonts.fangsong,
        initialFontSize=SIZE_3,
        initialLeading=LEADING,
        lang="zh-CN",
    )
    apply_info(canvas, info)
    return canvas
