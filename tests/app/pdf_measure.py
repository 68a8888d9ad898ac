"""Measuring printed PDFs as a reader's ruler would: every text line with its position, read
back with poppler's ``pdftotext -bbox-layout`` (CI installs poppler-utils).

Positions are in PDF points from the top-left corner of the page, as poppler gives them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.exports.pdf.layout import (
    LEFT_MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PITCH,
    TOP_MARGIN,
    TYPE_HEIGHT,
    TYPE_WIDTH,
)

MM = 72 / 25.4
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdfinfo"))
needs_poppler = pytest.mark.skipif(
    not POPPLER,
    reason="poppler-utils (pdftotext, pdffonts, pdfinfo) is not installed: "
    "apt-get install poppler-utils",
)
TYPE_LEFT = LEFT_MARGIN
TYPE_RIGHT = LEFT_MARGIN + TYPE_WIDTH
TYPE_TOP = TOP_MARGIN
TYPE_BOTTOM = TOP_MARGIN + TYPE_HEIGHT
PAGE_NUMBER = re.compile(r"—\s*(\d+)\s*—")


@dataclass(frozen=True)
class TextLine:
    page: int
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    text: str

    @property
    def flat(self) -> str:
        return re.sub(r"\s+", "", self.text)

    @property
    def indented(self) -> bool:
        """Starts at least half a character in from the left edge of the type area."""
        return self.x_min > TYPE_LEFT + PITCH / 2

    @property
    def full(self) -> bool:
        """Reaches the right edge of the type area (within a character)."""
        return self.x_max > TYPE_RIGHT - PITCH


@dataclass(frozen=True)
class Measured:
    """A PDF read back: its pages' body lines and page-number lines."""

    pages: int
    lines: list[TextLine]

    def body(self, page: int | None = None) -> list[TextLine]:
        """Lines inside the type area (not page numbers, not the draft mark)."""
        return [
            line
            for line in self.lines
            if (page is None or line.page == page)
            and line.y_max < TYPE_BOTTOM + 2
            and not is_draft_mark(line)
        ]

    def page_numbers(self) -> list[TextLine]:
        return [line for line in self.lines if line.y_min > TYPE_BOTTOM]

    def text(self) -> str:
        return "".join(line.flat for line in self.body())


def is_draft_mark(line: TextLine) -> bool:
    """A character of the large diagonal 草稿 of a draft (read back one character a line)."""
    return line.flat in ("草", "稿", "草稿") and line.y_max - line.y_min > 40


def run_tool(tool: list[str], pdf: bytes) -> str:
    with tempfile.TemporaryDirectory(prefix="gongjian-measure-") as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(pdf)
        arguments = [*tool, str(path), "-"] if tool[0] == "pdftotext" else [*tool, str(path)]
        return subprocess.run(arguments, capture_output=True, text=True, check=True).stdout


def measure(pdf: bytes) -> Measured:
    """Every text line of ``pdf`` with its position."""
    xhtml = run_tool(["pdftotext", "-bbox-layout"], pdf)
    xhtml = re.sub(r"<!DOCTYPE[^>]*>", "", xhtml)
    xhtml = re.sub(r'xmlns="[^"]*"', "", xhtml)
    root = ET.fromstring(xhtml)
    lines: list[TextLine] = []
    count = 0
    for number, page in enumerate(root.iter("page"), start=1):
        count = number
        width, height = float(page.get("width", 0)), float(page.get("height", 0))
        assert abs(width - PAGE_WIDTH) < 0.5 and abs(height - PAGE_HEIGHT) < 0.5  # A4
        for line in page.iter("line"):
            lines.append(
                TextLine(
                    number,
                    float(line.get("xMin", 0)),
                    float(line.get("yMin", 0)),
                    float(line.get("xMax", 0)),
                    float(line.get("yMax", 0)),
                    " ".join(word.text or "" for word in line.iter("word")),
                )
            )
    lines.sort(key=lambda line: (line.page, round(line.y_min, 1), line.x_min))
    return Measured(count, lines)


def info(pdf: bytes) -> dict[str, str]:
    """``pdfinfo``'s fields (dates in ISO 8601)."""
    found: dict[str, str] = {}
    for row in run_tool(["pdfinfo", "-isodates"], pdf).splitlines():
        key, _, value = row.partition(":")
        found[key.strip()] = value.strip()
    return found


def embedded_fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """Each font of the PDF with whether it is embedded (``pdffonts``)."""
    rows = run_tool(["pdffonts"], pdf).splitlines()[2:]
    return [(row.split()[0], row.split()[-5] == "yes") for row in rows if row.strip()]
