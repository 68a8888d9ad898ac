"""Reading an xlsx file for import: refuse, with a clear Chinese message, anything that is not
one plain table (not xlsx, password-protected, extra sheets, merged headers, too many rows).

Files are opened in openpyxl's read-only mode and the rows counted from the sheet's stored
dimension before any row is read, so a huge file is refused at once.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, Message

CONTEXT = "excel"
MAX_ROWS = 100_000
NOTES_SHEET = "说明"  # the template's instructions sheet, which the importer skips
OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")


class FileRefused(UserError):
    """The file cannot be imported at all (as opposed to problems in some of its rows)."""


def refused(template: str, **params: object) -> FileRefused:
    return FileRefused(Message(CONTEXT, template, **params))


@dataclass(frozen=True)
class Table:
    """The data sheet: its headers (row 1) and its non-empty rows by Excel row number."""

    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Any, ...]], ...]


def read_table(path: Path) -> Table:
    """The one data sheet of ``path``; FileRefused says what is wrong with the file."""
    path = Path(path)
    _check_container(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise refused(
            QT_TRANSLATE_NOOP(
                "excel",
                "无法读取“{name}”，它可能已损坏或不是 xlsx 格式。"
                "请在 Excel 中打开它，另存为“Excel 工作簿（.xlsx）”后再导入。",
            ),
            name=path.name,
        ) from error
    try:
        return _read_sheet(path, _data_sheet(book.worksheets))
    finally:
        book.close()


def _check_container(path: Path) -> None:
    try:
        with path.open("rb") as stream:
            head = stream.read(8)
            encrypted = head == OLE_SIGNATURE and ENCRYPTION_STREAM in head + stream.read()
    except OSError as error:
        raise refused(
            QT_TRANSLATE_NOOP(
                "excel",
                "无法打开“{name}”（{reason}）。请关闭正在使用它的程序，或检查文件是否还在。",
            ),
            name=path.name,
            reason=error.strerror or type(error).__name__,
        ) from error
    if encrypted:
        raise refused(
            QT_TRANSLATE_NOOP(
                "excel",
                "文件设置了打开密码，无法读取。"
                "请在 Excel 中打开它，去掉密码后另存为 .xlsx 再导入。",
            )
        )
    if head == OLE_SIGNATURE:
        raise refused(
            QT_TRANSLATE_NOOP(
                "excel", "这是旧版 Excel（.xls）文件。请在 Excel 中另存为 .xlsx 格式后再导入。"
            )
        )
    if not head.startswith(b"PK"):
        raise refused(
            QT_TRANSLATE_NOOP(
                "excel", "“{name}”不是 Excel（.xlsx）文件。请选择用模板填写的 .xlsx 文件。"
            ),
            name=path.name,
        )


def _data_sheet(sheets: list[Any]) -> ReadOnlyWorksheet:
    data = [s for s in sheets if s.title != NOTES_SHEET]
    if len(data) != 1 or not isinstance(data[0], ReadOnlyWorksheet):
        raise refused(
            QT_TRANSLATE_NOOP(
                "excel",
                "文件有{n}个数据工作表（{names}），只能有一个。请把要导入的数据放在一个工作表中，"
                "删除其余工作表（“说明”表可以保留）。",
            ),
            n=len(data),
            names="、".join(s.title for s in data),
        )
    return data[0]


def _read_sheet(path: Path, sheet: ReadOnlyWorksheet) -> Table:
    stored = sheet.max_row  # from the sheet's dimension: no row is read yet
    if stored is not None and stored - 1 > MAX_ROWS:
        raise _too_many(stored - 1)
    if _header_merged(sheet):
        raise refused(
            QT_TRANSLATE_NOOP(
                "excel",
                "第1行（列名）有合并的单元格。请取消合并，每列只写一个列名（可下载模板对照）。",
            )
        )
    rows = sheet.iter_rows(values_only=True)
    headers = _headers(next(rows, ()))
    table: list[tuple[int, tuple[Any, ...]]] = []
    for number, values in enumerate(rows, start=2):
        if any(v is not None and str(v).strip() for v in values):
            if len(table) == MAX_ROWS:
                raise _too_many(MAX_ROWS + 1)
            table.append((number, tuple(values[: len(headers)])))
    if not table:
        raise refused(
            QT_TRANSLATE_NOOP(
                "excel", "工作表“{sheet}”中没有数据行（第1行是列名，数据从第2行起）。"
            ),
            sheet=sheet.title,
        )
    return Table(headers, tuple(table))


def _too_many(count: int) -> FileRefused:
    return refused(
        QT_TRANSLATE_NOOP(
            "excel", "文件有{n}行数据，一次最多导入{max}行。请把文件拆成几个较小的文件分别导入。"
        ),
        n=f"{count:,}",
        max=f"{MAX_ROWS:,}",
    )


def _headers(values: tuple[Any, ...]) -> tuple[str, ...]:
    headers = [str(v).strip() if v is not None else "" for v in values]
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


def _header_merged(sheet: ReadOnlyWorksheet) -> bool:
    """Whether a merged range covers row 1. Read-only sheets do not parse merges, so the
    sheet's XML is scanned for them (they follow the rows, at the end of the part)."""
    return any(_first_row(ref) == 1 for ref in _merge_refs(sheet))


def _merge_refs(sheet: ReadOnlyWorksheet) -> Iterator[str]:
    source = sheet._get_source()  # openpyxl's own accessor for the sheet's XML part
    try:
        for _event, element in iterparse(source):
            if element.tag.endswith("}mergeCell"):
                yield element.get("ref", "")
            element.clear()
    finally:
        source.close()


def _first_row(ref: str) -> int:
    start = ref.split(":")[0]
    digits = "".join(c for c in start if c.isdigit())
    return int(digits) if digits else 0
