"""``gongjian import``, ``import-template`` and ``export``: the row report, the summary, the
exit code, and nothing written when a row has a problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.cli import excel as commands
from app.database import Database
from app.excel.kinds import IMPORT_KINDS
from app.excel.lists import EXPORT_LISTS
from db.models.directory import ResidentUnit
from tests.app.test_cli import run
from tests.app.test_excel_import import build_records, build_streets, sheet_rows, write_sheet


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "g.db"
    database = Database(str(path))
    build_records(database, build_streets(database))
    database.close()
    return path


def unit_count(db_file: Path) -> int:
    database = Database(str(db_file))
    with database.reader() as s:
        count = int(s.scalar(select(func.count()).select_from(ResidentUnit)) or 0)
    database.close()
    return count


def test_the_commands_know_every_kind_and_list() -> None:
    assert set(commands.IMPORT_KINDS) == set(IMPORT_KINDS)
    assert set(commands.EXPORT_LISTS) == set(EXPORT_LISTS)


def test_an_import_with_a_bad_row_reports_it_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db_file: Path, tmp_path: Path
) -> None:
    path = write_sheet(
        tmp_path / "u.xlsx",
        [
            ("单位名称", "类别", "所在社区"),
            ("新单位", "高校", ""),
            ("另一单位", "高校", "幸福社区"),
        ],
    )
    code, out, err = run(capsys, "--db", str(db_file), "import", "units", str(path))
    assert code == 1
    assert out == "第3行 “所在社区”列：找不到社区“幸福社区”，请核对名称，或先在系统中添加。\n"
    assert "共 1 处问题（2 行数据中有 1 行有问题），没有写入任何记录" in err
    assert unit_count(db_file) == 2


def test_dry_run_then_import_with_duplicates_updated(
    capsys: pytest.CaptureFixture[str], db_file: Path, tmp_path: Path
) -> None:
    path = write_sheet(
        tmp_path / "u.xlsx",
        [
            ("单位名称", "类别", "地址"),
            ("新单位", "高校", ""),
            ("某某科技公司", "国企", "北京西路"),
        ],
    )
    code, out, _ = run(capsys, "--db", str(db_file), "import", "units", str(path), "--dry-run")
    assert (code, out) == (
        0,
        "检查通过，未写入（--dry-run）：可新增 1 条，更新 0 条，跳过重复 1 条。\n",
    )
    assert unit_count(db_file) == 2
    code, out, _ = run(
        capsys, "--db", str(db_file), "import", "units", str(path), "--update-duplicates"
    )
    assert (code, out) == (0, "已导入：新增 1 条，更新 1 条，跳过重复 0 条。\n")
    assert unit_count(db_file) == 3


def test_a_column_that_looks_like_a_template_column_is_an_error_others_are_named(
    capsys: pytest.CaptureFixture[str], db_file: Path, tmp_path: Path
) -> None:
    """Before, 单位地址 (the template says 地址) was a note and the addresses were lost."""
    path = write_sheet(
        tmp_path / "u.xlsx",
        [("序号", "单位名称", "类别", "单位地址"), (1, "新单位", "高校", "北京西路")],
    )
    code, out, err = run(capsys, "--db", str(db_file), "import", "units", str(path), "--dry-run")
    assert code == 1
    assert out == (
        "第1行 “单位地址”列：列名“单位地址”不是模板中的列名，像是“地址”：照现在的写法，"
        "这一列不会被导入。请把列名改成“地址”；如果这一列不需要导入，请删除它。\n"
    )
    assert err.startswith(
        "这些列不会导入：序号。如要导入，请把列名改成“驻区单位”导入模板中的列名。\n"
    )
    assert unit_count(db_file) == 2


def test_a_file_that_cannot_be_read_is_one_line(
    capsys: pytest.CaptureFixture[str], db_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "u.xlsx"
    path.write_text("not a spreadsheet")
    code, out, err = run(capsys, "--db", str(db_file), "import", "units", str(path))
    assert (code, out) == (1, "")
    assert err == "gongjian: “u.xlsx”不是 Excel（.xlsx）文件。请选择用模板填写的 .xlsx 文件。\n"


def test_template_and_export(
    capsys: pytest.CaptureFixture[str], db_file: Path, tmp_path: Path
) -> None:
    template = tmp_path / "t.xlsx"
    code, out, _ = run(capsys, "--db", str(db_file), "import-template", "people", str(template))
    assert code == 0 and out == f"已保存导入模板：{template}\n"
    book = load_workbook(template)
    assert book.sheetnames == ["人员", "说明"]
    header = book["人员"]["A1"]
    assert header.value == "姓名" and header.comment is not None
    assert "必填" in header.comment.text
    assert book["说明"]["A5"].value == "姓名" and book["说明"]["D5"].value == "李华"

    exported = tmp_path / "people.xlsx"
    code, out, _ = run(
        capsys, "--db", str(db_file), "export", "people", str(exported), "--search", "李"
    )
    assert code == 0 and out == f"已导出 1 条记录：{exported}\n"
    assert sheet_rows(exported)[1][2] == "139****5678"
    code, _, _ = run(capsys, "--db", str(db_file), "export", "meetings", str(tmp_path / "m.xlsx"))
    assert code == 0 and sheet_rows(tmp_path / "m.xlsx")[0][0] == "时间"


def test_a_database_locked_by_another_program_is_named_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str],
    db_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The preview reads while another program writes; the import's final write waits for
    the lock, then says the database is in use elsewhere (and writes nothing)."""
    import sqlite3

    from db import engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)
    path = write_sheet(tmp_path / "u.xlsx", [("单位名称", "类别"), ("新单位", "高校")])
    other = sqlite3.connect(db_file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        code, out, _ = run(capsys, "--db", str(db_file), "import", "units", str(path), "--dry-run")
        assert code == 0 and "可新增 1 条" in out  # checking needs no write lock
        code, out, err = run(capsys, "--db", str(db_file), "import", "units", str(path))
        assert (code, out) == (1, "")
        assert err == (
            "gongjian: 数据库正被另一个程序（或另一个共建台窗口）写入，等待后仍未空出，"
            "没有导入任何记录。请稍后重试。\n"
        )
    finally:
        other.rollback()
        other.close()
    assert unit_count(db_file) == 2
    code, out, _ = run(capsys, "--db", str(db_file), "import", "units", str(path))
    assert code == 0 and unit_count(db_file) == 3  # retried once the lock is free
