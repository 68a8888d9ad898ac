"""Our text lines inside reportlab's platypus, for documents that need its tables.

The minutes sit on a line grid and are paginated by :mod:`pages` without platypus; the sign-in
sheet needs platypus's ``Table`` (a header row repeated on every page), so its title and cells
are :class:`TextBlock` flowables, set with the same line breaking as the minutes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.flowables import Flowable
from reportlab.platypus.frames import Frame

from app.exports.pdf.fonts import FontSet
from app.exports.pdf.layout import (
    BOTTOM_MARGIN,
    LEADING,
    LEFT_MARGIN,
    PAGE_WIDTH,
    SIZE_3,
    TOP_MARGIN,
    TYPE_HEIGHT,
    TYPE_WIDTH,
    draw_draft_mark,
    draw_page_number,
)
from app.exports.pdf.metadata import DocumentInfo, apply_info
from app.exports.pdf.typeset import Line, Run, TextStyle, draw_lines, set_lines


class TextBlock(Flowable):  # type: ignore[misc]
    """A paragraph of plain text set line by line; splits between lines across pages."""

    def __init__(
        self,
        runs: Sequence[Run],
        style: TextStyle,
        *,
        space_before: float = 0.0,
        lines: list[Line] | None = None,
        line_width: float | None = None,
    ) -> None:
        super().__init__()
        self.runs = tuple(runs)
        self.style = style
        self.space_before = space_before
        self._lines = lines
        self._line_width = line_width

    def lines(self, width: float) -> list[Line]:
        if self._lines is None or (self.runs and self._line_width != width):
            self._lines = set_lines(self.runs, self.style, width)
            self._line_width = width
        return self._lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width = avail_width if self.runs or self._line_width is None else self._line_width
        self.width = width
        self.height = len(self.lines(width)) * self.style.leading
        return width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return self.space_before

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lines = self.lines(avail_width if self.runs else self._line_width or avail_width)
        fits = int((avail_height + 0.01) // self.style.leading)
        if fits <= 0 or fits >= len(lines):
            return []
        width = self._line_width
        head = TextBlock(
            (), self.style, space_before=self.space_before, lines=lines[:fits], line_width=width
        )
        return [head, TextBlock((), self.style, lines=lines[fits:], line_width=width)]

    def draw(self) -> None:
        assert self._lines is not None
        draw_lines(self.canv, self._lines, self.style, self.height)


def build_pdf(
    flowables: Sequence[Flowable], *, info: DocumentInfo, fonts: FontSet, draft: bool = False
) -> bytes:
    """Lays ``flowables`` out in the GB/T 9704 type area with page numbers (and a draft's mark
    on every page); the PDF's bytes.

    Every page starts on ``fonts.fangsong`` (reportlab would otherwise start it on Helvetica,
    which then sits unembedded in the file), and the output is deterministic (``invariant``).
    """
    buffer = io.BytesIO()
    frame = Frame(
        LEFT_MARGIN,
        BOTTOM_MARGIN,
        TYPE_WIDTH,
        TYPE_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )

    def on_page(canvas: Any, document: Any) -> None:
        if canvas.getPageNumber() == 1:
            apply_info(canvas, info)
        if draft:
            draw_draft_mark(canvas, fonts)
        draw_page_number(canvas, canvas.getPageNumber(), fonts)

    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        pageTemplates=[PageTemplate(id="page", frames=[frame], onPage=on_page)],
        leftMargin=LEFT_MARGIN,
        rightMargin=PAGE_WIDTH - LEFT_MARGIN - TYPE_WIDTH,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=info.title,
        lang="zh-CN",
        displayDocTitle=1,
        invariant=1,
        initialFontName=fonts.fangsong,
        initialFontSize=SIZE_3,
        initialLeading=LEADING,
    )
    document.build(list(flowables))
    return buffer.getvalue()
