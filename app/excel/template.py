"""The import template of a kind: a data sheet with the column names (each with a comment
saying what to write, required ones in red) and a 说明 sheet with an example row, which the
importer skips. The example is not on the data sheet, so it can never be imported by mistake.

Columns of digits that are not numbers (ID numbers, phones) are formatted as text, or Excel
would keep an ID number to 15 digits; columns with fixed choices offer them in a drop-down
list and refuse anything else as it is typed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation

from app.excel.kind import ImportColumn, ImportKind
from app.excel.reading import MAX_ROWS, NOTES_SHEET
from app.excel.writing import header_cell, save, set_widths, sheet_name

COLUMN_WIDTH = 130
HOW_TO = (
    "导入说明：在第一个工作表中从第2行起逐行填写，第1行的列名不要改动。",
    "红色列名为必填；本表不会被导入，可以保留。",
)
NOTE_HEADERS = ("列名", "必填", "填写说明", "示例")
REQUIRED = "必填。"
YES = "是"
TEXT_FORMAT = "@"
CHOICE_ERROR = "请从下拉列表中选择：{choices}"


def write_template(kind: ImportKind[Any], path: Path) -> None:
    """Writes the template of ``kind``, in Chinese whatever the interface language: the
    importer reads its headers and choices back as written."""
    book = Workbook(write_only=True)
    data = book.create_sheet(sheet_name(kind.title))
    set_widths(data, [COLUMN_WIDTH] * len(kind.columns))
    data.freeze_panes = "A2"
    headers = []
    for column in kind.columns:
        cell = header_cell(data, column.header, column.required)
        required = REQUIRED if column.required else ""
        cell.comment = Comment(required + column.note, "")
        headers.append(cell)
    for index, column in enumerate(kind.columns, start=1):  # before the first row is written
        _format_column(data, get_column_letter(index), column)
    data.append(headers)

    notes = book.create_sheet(NOTES_SHEET)
    set_widths(notes, [COLUMN_WIDTH, 60, 420, 220])
    for line in HOW_TO:
        notes.append([line])
    notes.append([])
    notes.append([header_cell(notes, text) for text in NOTE_HEADERS])
    for column in kind.columns:
        notes.append(
            [
                WriteOnlyCell(notes, column.header),
                YES if column.required else "",
                column.note,
                column.example,
            ]
        )
    save(book, path)


def _format_column(sheet: WriteOnlyWorksheet, letter: str, column: ImportColumn) -> None:
    if column.as_text:
        sheet.column_dimensions[letter].number_format = TEXT_FORMAT
    if column.choices:
        choices = ",".join(column.choices)
        drop_down = DataValidation(
            type="list",
            formula1=f'"{choices}"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=column.header,
            error=CHOICE_ERROR.format(choices="、".join(column.choices)),
        )
        drop_down.add(f"{letter}2:{letter}{MAX_ROWS + 1}")
        sheet.data_validations.append(drop_down)
