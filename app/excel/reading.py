"""Reading an xlsx file for import: refuse, with a clear Chinese message, anything that is not
one plain table (not xlsx, password-protected, too big, extra sheets, merged headers, too many
rows), and note what a reader would otherwise turn silently into empty cells: merged cells in
the data rows, formulas without a computed value, error values such as ``#N/A``.

The cells are read with calamine (about ten times faster than openpyxl's streaming reader:
20,000 rows of ten columns in under half a second), once ``container`` has checked that no
part of the file expands beyond its limit. Rows are counted from the rows themselves, never
from the dimension the file declares.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import XML, iterparse

from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter
from python_calamine import CalamineError, CalamineWorkbook

from app.excel import cells
from app.excel.container import FileRefused, damaged, read_container, refused
from app.i18n import QT_TRANSLATE_NOOP

__all__ = ["MAX_ROWS", "NOTES_SHEET", "FileRefused", "Merge", "OddCell", "Table", "read_table"]

MAX_ROWS = 100_000
NOTES_SHEET = "说明"  # the template's instructions sheet, which the importer skips
RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
ODD_MARKS = re.compile(rb"<(?:\w+:)?f[\s>/]|\st=\"e\"")  # a formula or an error value


@dataclass(frozen=True)
class Merge:
    """A merged range: Excel row numbers and 0-based column indexes, both inclusive."""

    first_row: int
    last_row: int
    first_column: int
    last_column: int

    @property
    def ref(self) -> str:
        start = f"{get_column_letter(self.first_column + 1)}{self.first_row}"
        return f"{start}:{get_column_letter(self.last_column + 1)}{self.last_row}"


class Oddity(StrEnum):
    FORMULA = "formula"  # a formula the file holds no computed value for
    ERROR = "error"  # an error value (#N/A, #REF! …)


@dataclass(frozen=True)
class OddCell:
    row: int  # the Excel row number
    column: int  # 0-based
    oddity: Oddity
    text: str  # the formula, or the error value


@dataclass(frozen=True)
class Table:
    """The data sheet: its headers (row 1), its non-empty rows by Excel row number, and the
    cells a reader would see as empty although they are not."""

    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Any, ...]], ...]
    merges: tuple[Merge, ...] = ()
    odd_cells: tuple[OddCell, ...] = ()


def read_table(path: Path) -> Table:
    """The one data sheet of ``path``; FileRefused says what is wrong with the file."""
    path = Path(path)
    data = read_container(path)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        name = _data_sheet(book.sheet_names)
        sheet = book.get_sheet_by_name(name)
        values = sheet.to_python(skip_empty_area=False)
        merged = sheet.merged_cell_ranges or []
    except (CalamineError, ValueError, OSError) as error:
        raise damaged(path.name) from error
    merges = tuple(Merge(r0 + 1, r1 + 1, c0, c1) for (r0, c0), (r1, c1) in merged)
    if any(m.first_row == 1 for m in merges):
        raise refused(
            QT_TRANSLATE_NOOP(
                "excel",
                "第1行（列名）有合并的单元格。请取消合并，每列只写一个列名（可下载模板对照）。",
            )
        )
    headers = _headers(values[0] if values else [])
    rows = _rows(values, len(headers))
    if not rows:
        raise refused(
            QT_TRANSLATE_NOOP(
                "excel", "工作表“{sheet}”中没有数据行（第1行是列名，数据从第2行起）。"
            ),
            sheet=name,
        )
    return Table(headers, rows, merges, tuple(_odd_cells(path, data, name)))


def _data_sheet(names: list[str]) -> str:
    data = [name for name in names if name != NOTES_SHEET]
    if len(data) != 1:
        raise refused(
            QT_TRANSLATE_NOOP(
                "excel",
                "文件有{n}个数据工作表（{names}），只能有一个。请把要导入的数据放在一个工作表中，"
                "删除其余工作表（“说明”表可以保留）。",
            ),
            n=len(data),
            names="、".join(data),
        )
    return data[0]


def _rows(values: list[list[Any]], width: int) -> tuple[tuple[int, tuple[Any, ...]], ...]:
    """The non-empty rows after the header, their empty cells as None."""
    rows: list[tuple[int, tuple[Any, ...]]] = []
    for number, row in enumerate(values[1:], start=2):
        cells_ = tuple(None if v == "" else v for v in row[:width])
        if any(v is not None and (not isinstance(v, str) or v.strip()) for v in cells_):
            if len(rows) == MAX_ROWS:
                raise _too_many(sum(1 for r in values[1:] if any(v != "" for v in r)))
            rows.append((number, cells_))
    return tuple(rows)


def _too_many(count: int) -> FileRefused:
    return refused(
        QT_TRANSLATE_NOOP(
            "excel", "文件有{n}行数据，一次最多导入{max}行。请把文件拆成几个较小的文件分别导入。"
        ),
        n=f"{count:,}",
        max=f"{MAX_ROWS:,}",
    )


def _headers(values: list[Any]) -> tuple[str, ...]:
    headers = [cells.text(v) for v in values]
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        raise refused(
            QT_TRANSLATE_NOOP(
                "excel", "第1行没有列名。请使用导入模板，第1行写列名，数据从第2行起。"
            )
        )
    twice = sorted({h for h in headers if h and headers.count(h) > 1})
    if twice:
        raise refused(
            QT_TRANSLATE_NOOP("excel", "列名重复：{names}。每个列名只能出现一次。"),
            names="、".join(twice),
        )
    return tuple(headers)


def _odd_cells(path: Path, data: bytes, sheet: str) -> Iterator[OddCell]:
    """The sheet's formulas without a computed value and its error values: calamine reads
    both as empty. Only a sheet whose XML has either is parsed a second time."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        part = archive.read(_sheet_part(path, archive, sheet))
    if ODD_MARKS.search(part) is None:
        return
    for _event, element in iterparse(io.BytesIO(part)):
        if element.tag.endswith("}c"):
            formula = value = None
            for child in element:
                if child.tag.endswith("}f"):
                    formula = child.text or ""
                elif child.tag.endswith("}v"):
                    value = child.text
            row, column = coordinate_to_tuple(element.get("r", "A1"))
            if element.get("t") == "e":
                yield OddCell(row, column - 1, Oddity.ERROR, value or "")
            elif formula is not None and not value:
                yield OddCell(row, column - 1, Oddity.FORMULA, formula)
            element.clear()
        elif element.tag.endswith("}row"):
            element.clear()


def _sheet_part(path: Path, archive: zipfile.ZipFile, sheet: str) -> str:
    """The zip path of the worksheet named ``sheet`` (workbook.xml names it, its rels part
    says where it is)."""
    try:
        book = XML(archive.read("xl/workbook.xml"))
        links = XML(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, SyntaxError) as error:
        raise damaged(path.name) from error
    ids = {e.get("name"): e.get(RELATIONSHIP) for e in book.iter() if e.tag.endswith("}sheet")}
    targets = {e.get("Id"): e.get("Target", "") for e in links}
    target = targets.get(ids.get(sheet), "")
    if not target:
        raise damaged(path.name)
    return target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
