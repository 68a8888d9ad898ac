"""Setting Chinese text into lines, and drawing them: our own line breaking, no markup.

reportlab's ``Paragraph`` parses markup (so ``<b>`` or ``&amp;`` typed by a user would be
interpreted) and its CJK wrap lets ``，；：！？`` start a line unless one patches module
globals. We do neither: :func:`set_lines` takes plain text runs, breaks them with
:func:`app.exports.pdf.text.break_lines` and :func:`draw_lines` draws each line with ``Tj``
strings, so what the user typed is what prints, and the rules hold in every document without
touching reportlab's globals.

Every character sits in a cell: its glyph's advance plus ``tracking`` (GB/T 9704's grid of 28
characters per line needs a slightly tighter pitch than 16 pt, see ``layout.py``). Chinese
quotation marks get a full cell although many fonts draw them narrow; a half-width space is
half a cell. Lines other than a paragraph's last are justified by spreading the spare width
over the gaps (Tc), as Chinese text is set.

A paragraph never ends on a line of one character (or one and its full stop): as typesetters
do, the character is pulled back into the line above by tightening it a little (at most
``MAX_SQUEEZE``), or else the line above gives a character or two down to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from reportlab.lib.colors import Color, black
from reportlab.pdfbase import pdfmetrics

from app.exports.pdf.fonts import character_map, fallback_font
from app.exports.pdf.text import (
    CLOSING_QUOTES,
    OPENING_QUOTES,
    break_lines,
    held_together,
    substance,
)

Align = Literal["justify", "left", "center", "right"]
ASCENT = 0.88  # the ideographic em box: 0.88 em above the baseline, 0.12 below
MAX_JUSTIFY_GAP = 0.5  # wider gaps (in em) look broken: such a line is set flush left instead
MAX_SQUEEZE = 0.04  # em a gap may lose to pull a paragraph's last character back
SHORT_LINE = 2  # a paragraph's last line holds at least this many characters (not marks)


@dataclass(frozen=True)
class Run:
    """Text in one font: the unit a line is built from."""

    text: str
    font: str
    color: Color | None = None  # None: the style's colour
    unbreakable: bool = False  # no line break inside (a person's name)
    attached: bool = False  # no line break between it and the run before


@dataclass(frozen=True)
class TextStyle:
    size: float
    leading: float  # the height of a line
    tracking: float = 0.0  # added to every character's advance (negative: tighter)
    first_indent: float = 0.0  # where the first line starts, from the left edge
    indent: float = 0.0  # where the other lines start (a hanging indent when > first_indent)
    right_indent: float = 0.0
    align: Align = "justify"
    color: Color = black
    balance: bool = False  # centred titles: lines of similar length, not one long one short

    def baseline(self) -> float:
        """The distance from a line's top to its baseline: the em box centred in the line."""
        return (self.leading - self.size) / 2 + ASCENT * self.size


@dataclass(frozen=True)
class Segment:
    x: float
    text: str
    font: str
    color: Color


@dataclass(frozen=True)
class Line:
    segments: tuple[Segment, ...]
    char_space: float
    text: str  # what the line says, for tests and debugging


@dataclass
class _Cells:
    """Every character of a paragraph with its font, colour, glyph width and cell width."""

    text: str = ""
    fonts: list[str] = field(default_factory=list)
    colors: list[Color] = field(default_factory=list)
    glyphs: list[float] = field(default_factory=list)
    advances: list[float] = field(default_factory=list)
    boxed: list[bool] = field(default_factory=list)  # a narrow glyph placed in a full cell
    glue: list[bool] = field(default_factory=list)  # no break before this character


_metrics: dict[str, tuple[dict[int, float], float]] = {}
_QUOTES = OPENING_QUOTES | CLOSING_QUOTES


def _widths(font: str) -> tuple[dict[int, float], float]:
    """A font's advance widths in 1/1000 em, and the width of a glyph it lacks."""
    found = _metrics.get(font)
    if found is None:
        face = pdfmetrics.getFont(font).face
        found = _metrics[font] = (face.charWidths, float(face.defaultWidth or 1000))
    return found


def glyph_width(font: str, char: str, size: float) -> float:
    widths, default = _widths(font)
    return widths.get(ord(char), default) * size / 1000


def _cells(runs: Sequence[Run], style: TextStyle) -> _Cells:
    """Every character's font (its run's, or the fallback's for what that font lacks), glyph
    and cell width. Runs per character: written for speed, a few thousand characters a page."""
    cells = _Cells()
    size, tracking = style.size, style.tracking
    scale = size / 1000
    fonts, colors, glyphs = cells.fonts.append, cells.colors.append, cells.glyphs.append
    advances, boxed, glue = cells.advances.append, cells.boxed.append, cells.glue.append
    for run in runs:
        color = run.color or style.color
        primary = character_map(run.font)
        widths, default = _widths(run.font)
        first = True
        for char in run.text:
            code = ord(char)
            glue(run.attached if first else run.unbreakable)
            first = False
            font = run.font
            if char == " ":
                glyph = size / 2
            elif code in primary or char.isspace():
                glyph = widths.get(code, default) * scale
            else:
                font = fallback_font(run.font, char)
                glyph = glyph_width(font, char, size)
            cell = max(glyph, size) if char in _QUOTES else glyph
            fonts(font)
            colors(color)
            glyphs(glyph)
            advances(cell + tracking)
            boxed(cell != glyph)
    cells.text = "".join(run.text for run in runs)
    return cells


def text_width(runs: Sequence[Run], style: TextStyle) -> float:
    """How wide ``runs`` are set on one line (without the tracking after the last character)."""
    advances = _cells(runs, style).advances
    return sum(advances) - style.tracking if advances else 0.0


def set_lines(runs: Sequence[Run], style: TextStyle, width: float) -> list[Line]:
    """Breaks ``runs`` into lines ``width`` wide and places every character."""
    cells = _cells(runs, style)
    first = width - style.first_indent - style.right_indent
    other = width - style.indent - style.right_indent
    glue = [a or b for a, b in zip(cells.glue, held_together(cells.text), strict=True)]
    spans = break_lines(cells.text, cells.advances, [first, other], glue)
    if style.balance and style.align == "center" and len(spans) > 1:
        spans = _balanced(cells, spans, first, other)
    elif style.align == "justify" and len(spans) > 1:
        spans = _without_short_last_line(cells, spans, [first, other], glue, style)
    lines: list[Line] = []
    for number, (start, end) in enumerate(spans):
        last = number == len(spans) - 1 or (end < len(cells.text) and cells.text[end] == "\n")
        lines.append(_place(cells, start, end, style, width, number == 0, last))
    return lines


def _without_short_last_line(
    cells: _Cells,
    spans: list[tuple[int, int]],
    widths: list[float],
    glue: list[bool],
    style: TextStyle,
) -> list[tuple[int, int]]:
    """``spans`` with a last line of at least ``SHORT_LINE`` characters: pulled back into the
    line above when squeezing it by at most ``MAX_SQUEEZE`` em a gap makes room, else with
    characters pushed down from the line above."""
    text = cells.text
    (start, end), (above, _) = spans[-1], spans[-2]
    if substance(text[start:end]) >= SHORT_LINE or text[start - 1] == "\n":
        return spans
    room = widths[0] if len(spans) == 2 else widths[1]
    merged = sum(cells.advances[above:end]) - style.tracking
    if merged <= room + (end - above - 1) * MAX_SQUEEZE * style.size:
        return [*spans[:-2], (above, end)]
    step = max(cells.advances[above:start])
    for pushed in range(1, 4):
        narrower = [widths[0]] + [widths[1]] * (len(spans) - 1)
        narrower[-2] -= pushed * step
        tried = break_lines(text, cells.advances, [*narrower, widths[1]], glue)
        if len(tried) == len(spans) and substance(text[slice(*tried[-1])]) >= SHORT_LINE:
            return tried
    return spans


def _balanced(
    cells: _Cells, spans: list[tuple[int, int]], first: float, other: float
) -> list[tuple[int, int]]:
    count = len(spans)
    target = sum(cells.advances) / count
    step = max(cells.advances) / 2
    while target < max(first, other):
        widths = [min(target, first), min(target, other)]
        tried = break_lines(cells.text, cells.advances, widths, cells.glue)
        if len(tried) <= count:
            return tried
        target += step
    return spans


def _place(
    cells: _Cells,
    start: int,
    end: int,
    style: TextStyle,
    width: float,
    first: bool,
    last: bool,
) -> Line:
    left = style.first_indent if first else style.indent
    room = width - left - style.right_indent
    used = sum(cells.advances[start:end])
    char_space = style.tracking
    x = left
    count = end - start
    gap = (room - used) / (count - 1) if count > 1 else 0.0
    if gap < 0:  # a line that took its paragraph's last character back: squeezed
        char_space += gap
    elif style.align == "justify" and not last and count > 1:
        if 0 < gap <= MAX_JUSTIFY_GAP * style.size:
            char_space += gap
    elif style.align in ("center", "right"):
        spare = room - (used - style.tracking)
        x += spare / 2 if style.align == "center" else spare
    segments: list[Segment] = []
    pending: list[str] = []
    pending_x = x
    pending_key: tuple[str, Color] | None = None

    def flush() -> None:
        if pending and pending_key is not None:
            segments.append(Segment(pending_x, "".join(pending), pending_key[0], pending_key[1]))
        pending.clear()

    extra = char_space - style.tracking
    for index in range(start, end):
        char = cells.text[index]
        advance = cells.advances[index] + extra
        key = (cells.fonts[index], cells.colors[index])
        if char.isspace():
            flush()
            pending_key = None
        elif cells.boxed[index]:
            flush()
            offset = 0.0
            if char in OPENING_QUOTES:
                offset = cells.advances[index] - style.tracking - cells.glyphs[index]
            segments.append(Segment(x + offset, char, key[0], key[1]))
            pending_key = None
        else:
            if key != pending_key:
                flush()
                pending_key = key
                pending_x = x
            pending.append(char)
        x += advance
    flush()
    return Line(tuple(segments), char_space, cells.text[start:end])


def draw_lines(
    canvas: Any, lines: Sequence[Line], style: TextStyle, top: float, left: float = 0.0
) -> None:
    """Draws ``lines`` downwards from ``top``, their left edge at ``left``."""
    text = canvas.beginText()
    font: str | None = None
    color: Color | None = None
    char_space: float | None = None
    for number, line in enumerate(lines):
        y = top - number * style.leading - style.baseline()
        if line.char_space != char_space:
            char_space = line.char_space
            text.setCharSpace(char_space)
        for segment in line.segments:
            if segment.font != font:
                font = segment.font
                text.setFont(font, style.size, style.leading)
            if segment.color != color:
                color = segment.color
                text.setFillColor(color)
            text.setTextOrigin(left + segment.x, y)
            text.textOut(segment.text)
    if char_space:
        text.setCharSpace(0)  # Tc outlives the text object: leave none for whoever draws next
    canvas.drawText(text)
