"""``gongjian init``, ``backup``, ``backup list``, ``restore``: from the command line, one clear
line for every refusal; the second backup folder used, and its absence said."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from app.backups import set_second_folder
from app.database import Database
from app.issues import service
from app.issues.records import IssueData
from db.snapshot import facts_of
from tests.app.test_cli import run


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "street #2" / "g.db"
    path.parent.mkdir()
    database = Database(str(path))
    with database.session() as s:
        service.register(s, IssueData(title="建宁路33号雨后积水"))
    database.close()
    return path


def _issues(path: Path) -> int:
    return facts_of(path).shown["issues"]


def test_init_makes_an_empty_database_and_refuses_an_existing_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "新 #库" / "new.db"
    path.parent.mkdir()
    code, out, err = run(capsys, "--db", str(path), "init")
    assert code == 0, err
    assert "已建立空数据库" in out and facts_of(path).revision is not None
    code, _, err = run(capsys, "--db", str(path), "init")
    assert code == 1 and err.strip() == f"gongjian: 文件已存在，init 只建立新的数据库：{path}"


def test_init_recreates_a_file_whose_creation_was_interrupted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "partial.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE settings (id TEXT)")
    connection.close()
    code, _, err = run(capsys, "--db", str(path), "check")
    assert code == 1
    code, _, err = run(capsys, "--db", str(path), "issues", "list")
    assert code == 1 and "只建了一部分表" in err
    code, out, err = run(capsys, "--db", str(path), "init", "--recreate")
    assert code == 0, err
    assert [p.name.split("-")[0] for p in tmp_path.glob("partial.incomplete-*.db")] == [
        "partial.incomplete"
    ]
    code, out, _ = run(capsys, "--db", str(path), "check")
    assert code == 0 and "检查通过" in out


def test_backup_list_and_restore(
    capsys: pytest.CaptureFixture[str], db_file: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--db", str(db_file), "backup")
    assert code == 0 and "已备份并校验" in out, err
    made = Path(out.split("：", 1)[1].strip())
    database = Database(str(db_file))
    with database.session() as s:
        service.register(s, IssueData(title="后来登记的事项"))
    database.close()

    code, out, _ = run(capsys, "--db", str(db_file), "backup", "list")
    assert code == 0 and made.name in out and "手动" in out
    code, out, _ = run(capsys, "--db", str(db_file), "backup", "list", "--json")
    (listed,) = json.loads(out)
    assert listed["file"] == made.name and listed["issues"] == 1 and not listed["damaged"]

    code, _, err = run(capsys, "--db", str(db_file), "restore", made.name)
    assert code == 1 and "--yes" in err  # no terminal to ask: nothing happens without it
    assert _issues(db_file) == 2
    code, out, err = run(capsys, "--db", str(db_file), "restore", made.name, "--yes")
    assert code == 0, err
    assert "已从备份恢复" in out and "恢复前的数据库已备份" in out
    # nothing left beside the file (looked at before the read below, whose read-only
    # connection leaves the -wal and -shm files SQLite makes for a reader of a WAL database)
    assert sorted(p.name for p in db_file.parent.iterdir()) == ["backups", "g.db"]
    assert _issues(db_file) == 1


def test_restore_refuses_a_backup_that_does_not_verify(
    capsys: pytest.CaptureFixture[str], db_file: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(db_file), "backup")
    made = Path(out.split("：", 1)[1].strip())
    with made.open("r+b") as f:
        f.write(b"\0" * 100)
    before = db_file.read_bytes()
    code, _, err = run(capsys, "--db", str(db_file), "restore", str(made), "--yes")
    assert code == 1 and "备份未通过校验" in err and len(err.strip().splitlines()) == 1
    assert db_file.read_bytes() == before


def test_restore_refuses_a_backup_from_a_newer_version(
    capsys: pytest.CaptureFixture[str], db_file: Path, tmp_path: Path
) -> None:
    newer = tmp_path / "newer.db"
    code, _, err = run(capsys, "--db", str(db_file), "backup", "-o", str(newer))
    assert code == 0, err
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.commit()
    connection.close()
    code, _, err = run(capsys, "--db", str(db_file), "restore", str(newer), "--yes")
    assert code == 1 and "更新版本" in err


def test_the_second_folder_gets_a_copy_and_its_absence_is_said(
    capsys: pytest.CaptureFixture[str], db_file: Path, tmp_path: Path
) -> None:
    usb = tmp_path / "U盘"
    usb.mkdir()
    database = Database(str(db_file))
    with database.session() as s:
        set_second_folder(s, usb)
    database.close()
    code, out, err = run(capsys, "--db", str(db_file), "backup")
    assert code == 0 and "第二备份文件夹" in out, err
    assert len(list(usb.glob("g-*-manual.db"))) == 1
    usb.rename(tmp_path / "拔出")
    code, out, err = run(capsys, "--db", str(db_file), "backup")
    assert code == 0 and "第二备份文件夹不存在或未连接" in err
    assert len(list((db_file.parent / "backups").glob("g-*-manual.db"))) == 2


@pytest.mark.parametrize("argv", [["backup"], ["backup", "list"], ["restore", "x.db", "--yes"]])
def test_a_server_database_is_answered_in_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, _, err = run(capsys, "--db", "postgresql+psycopg://u@server/gongjian", *argv)
    assert code == 1 and len(err.strip().splitlines()) == 1 and "pg_dump" in err


def test_an_import_is_preceded_by_a_backup(
    capsys: pytest.CaptureFixture[str], db_file: Path, tmp_path: Path
) -> None:
    template = tmp_path / "people.xlsx"
    run(capsys, "--db", str(db_file), "import-template", "people", str(template))
    run(capsys, "--db", str(db_file), "import", "people", str(template))
    assert len(list((db_file.parent / "backups").glob("g-*-import.db"))) == 1
