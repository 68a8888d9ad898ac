"""Ruled forms to fill in, sign and seal: the secondment forms' table and opinion boxes.

A form is a four-column table (label, value, label, value; a value may span the row) cut into
sections: each section is its own table, kept on one page with its shaded heading row, so a
heading never ends a page with its content on the next. Where a unit signs and seals, the
row is an :class:`OpinionBox` at least 40 mm high (a round official seal is 38–42 mm across),
with what was written at the top and ``签字盖章`` and the date at its foot on the right.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.platypus.flowables import Flowable, KeepTogether
from reportlab.platypus.tables import Table, TableStyle

from app.exports.pdf.flowable import TextBlock
from app.exports.pdf.fonts import FontSet
from app.exports.pdf.layout import LEADING, MM, TYPE_WIDTH
from app.exports.pdf.tables import ruled
from app.exports.pdf.typeset import Line, Run, TextStyle, draw_lines, set_lines

COLUMN_WIDTHS = tuple(w * MM for w in (24, 54, 24, 54))  # 156 mm: the type area
CELL_SIZE = 12.0  # 小四
ROW_HEIGHT = 7.5 * MM
SEAL_HEIGHT = 40 * MM  # room for a seal
PADDING = 1.5 * MM
VERTICAL_PADDING = 1 * MM
SECTION_FILL = HexColor("#F2F2F2")
BLANK_DATE = "\u3000\u3000年\u3000\u3000月\u3000\u3000日"

CELL_LEFT = TextStyle(size=CELL_SIZE, leading=1.4 * CELL_SIZE, align="left")
CELL_JUSTIFY = TextStyle(size=CELL_SIZE, leading=1.4 * CELL_SIZE, align="justify")
CELL_CENTRE = TextStyle(size=CELL_SIZE, leading=1.4 * CELL_SIZE, align="center")
CELL_RIGHT = TextStyle(size=CELL_SIZE, leading=1.4 * CELL_SIZE, align="right")


class OpinionBox(Flowable):  # type: ignore[misc]
    """An opinion with room to sign and seal: the text from the top, and at the foot on the
    right ``签字盖章：`` over the date; at least ``SEAL_HEIGHT`` high, taller for a long text.
    A text longer than a page continues in a box of its own on the next, the signing part
    under its end."""

    def __init__(self, runs: Sequence[Run], signing: Sequence[Sequence[Run]]) -> None:
        super().__init__()
        self.runs = tuple(runs)
        self.signing = tuple(tuple(line) for line in signing)
        self._lines: list[Line] = []
        self._signed = True

    def _set(self, width: float) -> None:
        self.width = width
        self._lines = set_lines(self.runs, CELL_JUSTIFY, width) if self.runs else []
        self._sign = [set_lines(line, CELL_RIGHT, width)[0] for line in self.signing]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if not self._lines or self.width != avail_width:
            self._set(avail_width)
        text = len(self._lines) * CELL_JUSTIFY.leading
        signed = (len(self._sign) + 1) * CELL_RIGHT.leading if self._signed else 0.0
        least = SEAL_HEIGHT - 2 * VERTICAL_PADDING if self._signed else 0.0
        self.height = max(least, text + signed)
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        fits = int(avail_height // CELL_JUSTIFY.leading)
        if fits <= 0 or fits >= len(self._lines):
            return []
        head, tail = OpinionBox((), ()), OpinionBox((), self.signing)
        head._lines, head._sign, head._signed, head.width = self._lines[:fits], [], False, 0.0
        tail._lines, tail._sign, tail.width = self._lines[fits:], self._sign, 0.0
        head.width = tail.width = avail_width
        return [head, tail]

    def draw(self) -> None:
        draw_lines(self.canv, self._lines, CELL_JUSTIFY, self.height)
        if self._signed:
            top = len(self._sign) * CELL_RIGHT.leading
            draw_lines(self.canv, self._sign, CELL_RIGHT, top)


@dataclass
class FormTable:
    """A ruled four-column form: label, value, label, value; values may span the row."""

    fonts: FontSet
    sections: list[list[list[object]]] = field(default_factory=lambda: [[]])
    heights: list[list[float]] = field(default_factory=lambda: [[]])
    styles: list[list[tuple[object, ...]]] = field(default_factory=lambda: [[]])

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
        row = self._add([self.label(label), cell, "", ""], height)
        self.styles[-1].append(("SPAN", (1, row), (3, row)))

    def signed(self, label: str, text: str, signer: str, signed_on: str) -> None:
        """A wide row to write an opinion in and sign and seal under it."""
        runs = [Run(text.strip(), self.fonts.fangsong)] if text.strip() else []
        signing = [
            [Run("签字盖章：", self.fonts.heiti), Run(signer, self.fonts.fangsong)],
            [Run("日期：", self.fonts.heiti), Run(signed_on, self.fonts.fangsong)],
        ]
        self.wide(label, OpinionBox(runs, signing), SEAL_HEIGHT)
        row = len(self.sections[-1]) - 1
        self.styles[-1].append(("VALIGN", (1, row), (3, row), "TOP"))

    def section(self, title: str) -> None:
        """Starts a section: its shaded heading row stays on the page of its first rows."""
        self.sections.append([])
        self.heights.append([])
        self.styles.append([])
        row = self._add([self.label(title), "", "", ""], ROW_HEIGHT)
        self.styles[-1].append(("SPAN", (0, row), (3, row)))
        self.styles[-1].append(("BACKGROUND", (0, row), (3, row), SECTION_FILL))

    def _add(self, cells: list[object], height: float) -> int:
        self.sections[-1].append(cells)
        self.heights[-1].append(height)
        return len(self.sections[-1]) - 1

    def flowables(self) -> list[Flowable]:
        """The head of the form, then each section kept whole on a page where it fits."""
        found: list[Flowable] = []
        for number, (rows, heights, styles) in enumerate(
            zip(self.sections, self.heights, self.styles, strict=True)
        ):
            if not rows:
                continue
            table = self._table(rows, heights, styles, space=0.5 * LEADING if not found else 0)
            found.append(KeepTogether([table]) if number else table)
        return found

    def _table(
        self,
        rows: list[list[object]],
        heights: list[float],
        styles: list[tuple[object, ...]],
        space: float,
    ) -> Table:
        table = Table(
            rows,
            colWidths=COLUMN_WIDTHS,
            minRowHeights=heights,
            spaceBefore=space,
            splitInRow=1,
        )
        table.setStyle(
            TableStyle(
                [
                    *ruled(self.fonts.fangsong, CELL_SIZE, 0.6, PADDING, VERTICAL_PADDING),
                    *styles,
                ]
            )
        )
        assert abs(sum(COLUMN_WIDTHS) - TYPE_WIDTH) < 0.01
        return table
