"""What the printed forms' ruled tables share: the grid itself and the header row's fill."""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import HexColor, black

HEADER_FILL = HexColor("#F2F2F2")


def ruled(
    font: str, size: float, rule: float, padding: float, vertical: float | None = None
) -> list[tuple[Any, ...]]:
    """A table style ruled with ``rule``-point lines, its cells vertically centred and
    padded by ``padding`` (``vertical`` above and below, when given). Every cell is set in
    ``font`` at ``size``: the cells hold TextBlocks, but an empty one would set Helvetica,
    which is not embedded."""
    above = padding if vertical is None else vertical
    return [
        ("FONT", (0, 0), (-1, -1), font, size),
        ("GRID", (0, 0), (-1, -1), rule, black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), above),
        ("BOTTOMPADDING", (0, 0), (-1, -1), above),
    ]
