"""Files that cannot be imported get one clear Chinese message, never a crash; random cell
values never crash the importer or leave a partial import behind."""

from __future__ import annotations

import re
import shutil
import struct
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import func, select

from app.database import Database
from app.excel import container
from app.excel.container import OLE_SIGNATURE
from app.excel.importing import ImportRefused, import_file, preview
from app.excel.kinds import IMPORT_KINDS
from app.excel.reading import MAX_ROWS, FileRefused, read_table
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


# What used to be stored silently wrong (data-safety issue, item 8)


def problems_of(database: Database, key: str, path: Path) -> list[tuple[int, str, str]]:
    report = preview(database, IMPORT_KINDS[key], path)
    return [(p.row, p.column, str(p.message)) for p in report.problems]


@pytest.fixture
def filled(filled_template: Path, tmp_path: Path) -> Iterator[Database]:
    target = tmp_path / "filled.db"
    shutil.copyfile(filled_template, target)
    database = Database(str(target))
    yield database
    database.close()


def test_merged_cells_in_data_rows_are_refused_with_the_rows_named(
    filled: Database, tmp_path: Path
) -> None:
    """Before, the rows below a merged 工作单位 lost their unit without a word."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "工作单位", "备注"])
    sheet.append(["赵一", "江苏省某某研究院", ""])
    sheet.append(["钱二", None, ""])
    sheet.append(["孙三", None, ""])
    sheet.append(["李四", "", ""])
    sheet.merge_cells("B2:B4")
    book.save(tmp_path / "merged.xlsx")
    found = problems_of(filled, "people", tmp_path / "merged.xlsx")
    assert [(row, column) for row, column, _ in found] == [
        (2, "工作单位"),
        (3, "工作单位"),
        (4, "工作单位"),
    ]
    assert found[0][2] == (
        "第2–4行的“工作单位”是合并的单元格（B2:B4）：合并后只有第一行有内容，其余行会成为空白。"
        "请取消合并，并在每一行填上内容。"
    )


def test_a_header_that_looks_like_a_template_column_is_an_error(
    filled: Database, tmp_path: Path
) -> None:
    """Before, 身份证号码 was a note and 20 people were imported without their ID numbers."""
    path = write_sheet(
        tmp_path / "p.xlsx", [("姓名", "身份证号码"), ("赵一", "11010519491231002X")]
    )
    with pytest.raises(ImportRefused) as refused:
        import_file(filled, IMPORT_KINDS["people"], path)
    assert [(p.row, p.column) for p in refused.value.report.problems] == [(1, "身份证号码")]
    assert "像是“身份证号”" in str(refused.value.report.problems[0].message)
    write_sheet(path, [("人员姓名", "性别"), ("赵一", "男")])  # a required column otherwise
    with pytest.raises(
        FileRefused, match="姓名（文件中的“人员姓名”像是这一列，请把列名改成“姓名”）"
    ):
        preview(filled, IMPORT_KINDS["people"], path)


def test_invisible_characters_are_removed_and_control_characters_refused(
    filled: Database, tmp_path: Path
) -> None:
    path = write_sheet(
        tmp_path / "p.xlsx",
        [
            ("\ufeff姓名", "职务", "备注"),
            ("王\u200b喆", "主\u00a0任", "第一行\n第二行"),
            ("\u3000王　明\u3000", "", ""),
            ("\ufeff欧阳\u2060明", "", ""),
            ("张QQ三", "", ""),
        ],
    )
    replace_in_parts(path, "张QQ三", "张_x0007_三")  # Excel's escape: openpyxl writes none
    assert problems_of(filled, "people", path) == [
        (5, "姓名", "这一格含有看不见的控制字符（U+0007），请删除这一格的内容后重新输入。")
    ]
    write_sheet(
        path,
        [
            ("姓名", "职务", "备注"),
            ("王\u200b喆", "主\u00a0任", "第一行\n第二行"),
            ("王　明", "", ""),
        ],
    )
    import_file(filled, IMPORT_KINDS["people"], path)
    with filled.reader() as s:
        rows = s.execute(select(Person.name, Person.post, Person.note).order_by(Person.created_at))
        assert list(rows)[-2:] == [("王喆", "主任", "第一行\n第二行"), ("王明", "", "")]


def test_dates_outside_a_plausible_range_are_refused(filled: Database, tmp_path: Path) -> None:
    """Before, 1900-01-01 (an empty cell formatted as a date) and 2099 were accepted."""
    path = write_sheet(
        tmp_path / "m.xlsx",
        [
            ("姓名", "工作单位", "报到社区", "报到日期"),
            ("张强", "江苏省某某研究院", "玉泉社区", date(1900, 1, 1)),
            ("张强", "江苏省某某研究院", "宁海路社区", "2099-01-01"),
        ],
    )
    found = problems_of(filled, "members", path)
    assert [(row, column) for row, column, _ in found] == [(2, "报到日期"), (3, "报到日期")]
    assert found[0][2].startswith("“1900-01-01”早于1990-01-01，不像是真实的日期")
    assert found[1][2].startswith("“2099-01-01”是将来的日期，这一列只能填已经过去的日期")
    issues = write_sheet(
        tmp_path / "i.xlsx", [("事项", "登记时间"), ("路灯不亮", datetime(1900, 1, 1, 9, 30))]
    )
    assert [(r, c) for r, c, _ in problems_of(filled, "issues", issues)] == [(2, "登记时间")]


def replace_in_parts(path: Path, old: str, new: str) -> None:
    """Edits the file's XML as another program could have written it."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, re.sub(old.encode(), new.encode(), data))


def test_rows_are_counted_from_the_rows_not_the_declared_dimension(tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "u.xlsx", [("单位名称", "类别"), ("甲", "高校"), ("乙", "国企")])
    replace_in_parts(path, '<dimension ref="[^"]*"/>', '<dimension ref="A1:B1"/>')
    assert [values for _row, values in read_table(path).rows] == [("甲", "高校"), ("乙", "国企")]


def test_a_part_that_expands_beyond_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A zip bomb: refused from the sizes the file declares, and when it lies about them,
    from the bytes it really inflates to, never holding them in memory."""
    monkeypatch.setattr(container, "MAX_UNPACKED_BYTES", 2**20)
    path = write_sheet(tmp_path / "u.xlsx", [("单位名称", "类别"), ("甲", "高校")])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (2 * 2**20))
    assert "解压后超过 1 MB" in refusal(path)

    lying = bytearray(path.read_bytes())
    for header in (b"PK\x03\x04", b"PK\x01\x02"):  # the local and the central header
        at = lying.rfind(header)
        size_at = at + (22 if header == b"PK\x03\x04" else 24)
        lying[size_at : size_at + 4] = struct.pack("<I", 1000)
    path.write_bytes(bytes(lying))
    assert "解压后超过 1 MB" in refusal(path)
    monkeypatch.setattr(container, "MAX_UNPACKED_BYTES", 64 * 2**20)
    assert refusal(path).startswith("无法读取“u.xlsx”，它可能已损坏")


def test_formulas_without_a_value_and_error_values_get_their_own_message(
    filled: Database, tmp_path: Path
) -> None:
    """openpyxl and other programs write formulas without computing them: a reader sees an
    empty cell. Excel's error values (#N/A) read as empty too."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["单位名称", "类别", "地址"])
    sheet.append(["甲单位", "高校", '=CONCAT("宁海路", "1号")'])
    sheet.append(["乙单位", "高校", "#N/A"])
    book.save(tmp_path / "f.xlsx")
    assert problems_of(filled, "units", tmp_path / "f.xlsx") == [
        (
            2,
            "地址",
            '这一格是公式（=CONCAT("宁海路", "1号")），但文件中没有它的计算结果（文件不是由 Excel'
            " 保存的）。请在 Excel 中打开并保存后再导入，或把公式换成数值。",
        ),
        (3, "地址", "这一格是错误值 #N/A，请改成正确的内容。"),
    ]


def test_full_width_and_superscript_digits_in_an_import(filled: Database, tmp_path: Path) -> None:
    """Before, a superscript digit in an ID number crashed the import, and full-width digits
    let one person in twice."""
    wide = "11010519491231002X".translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    path = write_sheet(
        tmp_path / "p.xlsx",
        [
            ("姓名", "身份证号", "手机"),
            ("王喆", wide, "１３９００００００１１"),
            ("王喆", "11010519491231002X", ""),
            ("李四", "11010519491231002²", "¹³⁹⁰⁰⁰⁰⁰⁰²²"),
        ],
    )
    found = problems_of(filled, "people", path)
    assert [(row, column) for row, column, _ in found] == [(3, ""), (4, "身份证号")]
    assert found[0][2] == "与第2行重复，请删除其中一行。"
