"""The 七个共 matrix as an Excel workbook: one sheet, a title row, Chinese headings, one row
per pair, the heading and the pair's name frozen so they stay in view while scrolling."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.agreements.matrix import SEVEN, MatrixRow, average_percent, cell_text, matrix_title
from app.exports.pdf.writing import atomic_write_bytes
from app.labels import label

LEADING_HEADERS = ("序号", "协议编号", "党支部", "驻区单位", "片区", "社区")
TRAILING_HEADERS = ("完成项数", "完成率")
WIDTHS = (6, 18, 40, 30, 14, 14) + (14,) * len(SEVEN) + (10, 9)  # in characters
HEADER_ROW = 3  # under the title and the summary line
HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
DONE_FILL = PatternFill("solid", fgColor="E3F4E1")


def matrix_workbook(rows: list[MatrixRow], year: int) -> bytes:
    """The workbook's bytes (an .xlsx file)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"{year}年七个共"
    headers = (*LEADING_HEADERS, *(label(a) for a in SEVEN), *TRAILING_HEADERS)
    sheet.cell(1, 1, matrix_title(year)).font = Font(bold=True, size=14)
    sheet.cell(
        2,
        1,
        f"共{len(rows)}对结对，平均完成率{average_percent(rows)}%。"
        "√ 已开展（最近一次的日期）  ○ 已承诺未开展  — 未承诺",
    )
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(HEADER_ROW, column, text)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for number, row in enumerate(rows, start=1):
        values = (
            number,
            row.number,
            row.branch_name,
            row.unit_name,
            row.zone_name,
            row.community_name,
            *(cell_text(c) for c in row.cells),
            row.completion,
            row.percent / 100,
        )
        line = HEADER_ROW + number
        for column, value in enumerate(values, start=1):
            sheet.cell(line, column, value)
        for offset, matrix_cell in enumerate(row.cells):
            cell = sheet.cell(line, len(LEADING_HEADERS) + 1 + offset)
            cell.alignment = Alignment(horizontal="center")
            if matrix_cell.last_on is not None:
                cell.fill = DONE_FILL
        sheet.cell(line, len(headers)).number_format = "0%"
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[HEADER_ROW].height = 32
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 4)  # headings and 序号…党支部 stay
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_matrix_xlsx(rows: list[MatrixRow], year: int, path: Path) -> None:
    """Writes the workbook atomically: a failed write leaves any file already there intact."""
    atomic_write_bytes(path, matrix_workbook(rows, year))
