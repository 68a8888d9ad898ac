"""What the template and the exporter share: the header style, widths, the atomic save."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from app.exports.pdf.writing import atomic_write_bytes

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="E8EEF7")
REQUIRED_FONT = Font(bold=True, color="A4161A")
PIXELS_PER_CHARACTER = 7  # Excel's width unit is one digit of the default font
FORBIDDEN_IN_SHEET_NAMES = str.maketrans({c: "_" for c in "[]:*?/\\"})
# what Excel (and the programs that open a file after it) may take for a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def sheet_name(title: str) -> str:
    """A valid sheet name: at most 31 characters, none of ``[]:*?/\\``."""
    return (title.translate(FORBIDDEN_IN_SHEET_NAMES).strip() or "列表")[:31]


def header_cell(sheet: WriteOnlyWorksheet, text: str, required: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=text)
    cell.font = REQUIRED_FONT if required else HEADER_FONT
    cell.fill = HEADER_FILL
    cell.alignment = Alignment(vertical="center")
    return cell


def text_cell(sheet: WriteOnlyWorksheet, text: str) -> str | WriteOnlyCell:
    """``text`` for a cell, as text whatever it starts with: a name like ``=HYPERLINK(…)``
    or ``+86…`` is stored as a string and marked with Excel's quote prefix (the ``'`` typed
    before it), so it never runs as a formula, not even after the cell is edited."""
    if not text.startswith(FORMULA_STARTS):
        return text
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # openpyxl makes a formula of a string starting with =
    cell.quotePrefix = True
    return cell


def set_widths(sheet: WriteOnlyWorksheet, pixels: list[int]) -> None:
    for index, width in enumerate(pixels, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width / PIXELS_PER_CHARACTER + 2


def save(book: Workbook, path: Path) -> None:
    """Saves through a temporary file, so a failure leaves an existing file as it was."""
    buffer = io.BytesIO()
    book.save(buffer)
    atomic_write_bytes(Path(path), buffer.getvalue())
