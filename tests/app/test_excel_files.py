"""Files that cannot be imported get one clear Chinese message, never a crash; random cell
values never crash the importer or leave a partial import behind."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import func, select

from app.database import Database
from app.excel.importing import ImportRefused, import_file, preview
from app.excel.kinds import IMPORT_KINDS
from app.excel.reading import MAX_ROWS, OLE_SIGNATURE, FileRefused, read_table
from app.excel.template import write_template
from db.models.agreements import Agreement, MemberRegistration
from db.models.directory import PartyOrg, Person, ResidentUnit
from db.models.issues import Issue
from tests.app.test_excel_import import build_records, build_streets, write_sheet

UNITS = IMPORT_KINDS["units"]


def refusal(path: Path) -> str:
    with pytest.raises(FileRefused) as refused:
        read_table(path)
    return str(refused.value)


def test_a_file_that_is_not_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "单位.xlsx"
    path.write_text("名称,类别\n某单位,高校\n", encoding="utf-8")
    assert refusal(path) == "“单位.xlsx”不是 Excel（.xlsx）文件。请选择用模板填写的 .xlsx 文件。"


def test_a_password_protected_file(tmp_path: Path) -> None:
    """Excel saves a protected workbook as an OLE compound file with an EncryptionInfo stream."""
    path = tmp_path / "加密.xlsx"
    directory = "EncryptionInfo".encode("utf-16-le") + b"\0" * 50
    path.write_bytes(
        OLE_SIGNATURE + b"\0" * 504 + directory + "EncryptedPackage".encode("utf-16-le")
    )
    assert "设置了打开密码" in refusal(path)


def test_an_old_xls_file(tmp_path: Path) -> None:
    path = tmp_path / "旧.xls"
    path.write_bytes(OLE_SIGNATURE + b"\0" * 1024 + "Workbook".encode("utf-16-le"))
    assert "旧版 Excel（.xls）" in refusal(path)


def test_a_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "坏.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert refusal(path) == (
        "无法读取“坏.xlsx”，它可能已损坏或不是 xlsx 格式。"
        "请在 Excel 中打开它，另存为“Excel 工作簿（.xlsx）”后再导入。"
    )  # the fix, not only what is wrong


def test_extra_sheets(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "单位"  # type: ignore[union-attr]
    book.active.append(["单位名称", "类别"])  # type: ignore[union-attr]
    book.create_sheet("草稿")
    book.save(tmp_path / "two.xlsx")
    assert refusal(tmp_path / "two.xlsx") == (
        "文件有2个数据工作表（单位、草稿），只能有一个。"
        "请把要导入的数据放在一个工作表中，删除其余工作表（“说明”表可以保留）。"
    )


def test_the_templates_notes_sheet_is_skipped(tmp_path: Path) -> None:
    write_template(UNITS, tmp_path / "template.xlsx")
    assert refusal(tmp_path / "template.xlsx").startswith("工作表“驻区单位”中没有数据行")


def test_merged_header_cells(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["单位名称", None, "类别"])
    sheet.append(["某单位", None, "高校"])
    sheet.merge_cells("A1:B1")
    book.save(tmp_path / "merged.xlsx")
    assert "合并的单元格" in refusal(tmp_path / "merged.xlsx")


def test_more_than_the_row_limit_is_refused_before_reading_rows(tmp_path: Path) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("单位")
    sheet.append(["单位名称", "类别"])
    for n in range(MAX_ROWS + 1):
        sheet.append([n])
    book.save(tmp_path / "big.xlsx")
    assert refusal(tmp_path / "big.xlsx") == (
        "文件有100,001行数据，一次最多导入100,000行。请把文件拆成几个较小的文件分别导入。"
    )


def test_missing_required_columns_and_repeated_headers(tmp_path: Path, database: Database) -> None:
    path = write_sheet(tmp_path / "a.xlsx", [("单位名称", "地址"), ("某单位", "")])
    with pytest.raises(FileRefused, match="文件缺少必填的列：类别。请使用“驻区单位”的导入模板"):
        preview(database, UNITS, path)
    write_sheet(path, [("单位名称", "类别", "类别"), ("某单位", "高校", "")])
    assert refusal(path) == "列名重复：类别。每个列名只能出现一次。"


cells = st.one_of(
    st.none(),
    st.text(max_size=20).map(lambda t: ILLEGAL_CHARACTERS_RE.sub("", t)),
    st.sampled_from(["宁海路社区", "高校", "是", "2026-03-01", "13912345678", "第一网格"]),
    st.integers(min_value=-(10**12), max_value=10**18),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
    st.datetimes(),
    st.booleans(),
)
MODELS = (ResidentUnit, PartyOrg, Person, MemberRegistration, Agreement, Issue)


@pytest.fixture(scope="module")
def filled_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "filled.db"
    database = Database(str(path))
    build_records(database, build_streets(database))
    database.close()
    return path


def counts(database: Database) -> list[int]:
    with database.reader() as s:
        return [int(s.scalar(select(func.count()).select_from(m)) or 0) for m in MODELS]


@pytest.mark.parametrize("key", sorted(IMPORT_KINDS))
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.lists(cells, min_size=1, max_size=12), min_size=1, max_size=6))
def test_random_cells_never_crash_nor_import_in_part(
    key: str, rows: list[list[Any]], filled_template: Path, tmp_path: Path
) -> None:
    kind = IMPORT_KINDS[key]
    target = tmp_path / f"{key}.db"
    shutil.copyfile(filled_template, target)
    database = Database(str(target))
    try:
        before = counts(database)
        path = write_sheet(tmp_path / f"{key}.xlsx", [[c.header for c in kind.columns], *rows])
        try:
            import_file(database, kind, path)
        except (ImportRefused, FileRefused):
            assert counts(database) == before
    finally:
        database.close()


def test_a_file_that_cannot_be_opened_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "名单.xlsx"
    path.mkdir()  # as unreadable as a file another program holds open
    assert refusal(path).startswith("无法打开“名单.xlsx”（")
    assert refusal(path).endswith("）。请关闭正在使用它的程序，或检查文件是否还在。")
