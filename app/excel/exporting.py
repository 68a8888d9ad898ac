"""Export of a list as the user sees it (filtered, sorted, masked) to an xlsx sheet.

Rows are read a page at a time (by keyset seek where the source can) and written in
openpyxl's write-only mode, so a list of a million issues never sits in memory as rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from sqlalchemy.orm import Session

from app.access import record_disclosure
from app.database import Database
from app.excel.writing import header_cell, save, set_widths, sheet_name, text_cell
from app.labels import label
from app.list_shape import Column, ColumnKind, Row
from app.listing import ListQuery, ListSource
from app.localtime import to_beijing

PAGE_SIZE = 2000
SHEET_ROWS = 1_048_575  # Excel's rows per sheet, less the header
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
Progress = Callable[[int, int], None]  # (rows written, rows in all)
YES, NO = "是", "否"  # Chinese in any interface language, so the file imports back


def export_list(
    database: Database,
    source: ListSource,
    query: ListQuery,
    path: Path,
    title: str = "列表",
    progress: Progress | None = None,
) -> int:
    """Writes every row ``query`` matches to ``path``; returns how many were written.
    A list longer than a sheet can hold goes on over further sheets (“标题 (2)”…).

    Headers, enums and yes/no stay Chinese whatever the interface language: the file is a
    Chinese office document, and the importer reads these same words back."""
    book = Workbook(write_only=True)
    headers = [c.label for c in source.columns]
    sheet = _new_sheet(book, source, headers, sheet_name(title))
    written = on_sheet = 0
    with database.reader() as session:
        total = source.count(session, query) if progress else 0
        for page in pages(session, source, query):
            for row in page:
                if on_sheet == SHEET_ROWS:
                    part = f" ({len(book.worksheets) + 1})"
                    sheet = _new_sheet(book, source, headers, sheet_name(title[:25]) + part)
                    on_sheet = 0
                sheet.append(
                    [_cell(sheet, c, v) for c, v in zip(source.columns, row.values, strict=True)]
                )
                on_sheet += 1
            written += len(page)
            if progress:
                progress(written, total)
    save(book, path)
    if source.reveals_personal_data(database.operator, query.use):
        with database.session() as session:
            record_disclosure(session, "export", title, file=path.name, rows=written)
    return written


def _new_sheet(
    book: Workbook, source: ListSource, headers: list[str], name: str
) -> WriteOnlyWorksheet:
    sheet = book.create_sheet(name)
    set_widths(sheet, [c.width for c in source.columns])
    sheet.freeze_panes = "A2"
    sheet.append([header_cell(sheet, text) for text in headers])
    return sheet


def pages(session: Session, source: ListSource, query: ListQuery) -> Iterator[list[Row]]:
    """Every matching row, a page at a time, in the query's order."""
    page = source.fetch(session, query, 0, PAGE_SIZE)
    offset = 0
    while page:
        yield page
        if len(page) < PAGE_SIZE:
            return
        offset += len(page)
        last: Row = page[-1]
        following = source.fetch_after(session, query, last, PAGE_SIZE)
        page = (
            following if following is not None else source.fetch(session, query, offset, PAGE_SIZE)
        )


def _cell(sheet: WriteOnlyWorksheet, column: Column, value: Any) -> Any:
    if value is None:
        return None
    if column.kind is ColumnKind.DATETIME and isinstance(value, datetime):
        return _dated(sheet, to_beijing(value).replace(tzinfo=None), DATETIME_FORMAT)
    if column.kind is ColumnKind.DATE and isinstance(value, date):
        return _dated(sheet, value, DATE_FORMAT)
    if column.kind is ColumnKind.BOOL:
        return YES if value else NO
    if isinstance(value, StrEnum):
        return label(value)
    if isinstance(value, str):
        return text_cell(sheet, ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def _dated(sheet: WriteOnlyWorksheet, value: date, number_format: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = number_format
    return cell
