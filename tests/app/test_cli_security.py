"""The command line on a database with users, as a new user would try it: masked reading works,
writing and revealing need ``--user``, what is written is audited with its user, and
administrators manage users from the command line."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.database import Database
from app.directory import service
from app.directory.records import PersonData, ResidentUnitData
from app.operator import LOCAL_ADMIN
from app.users import UserInput, add_user
from db.models.directory import Person, UnitCategory
from db.models.security import AuditEntry, Role, User
from tests.app.test_cli import run
from tests.app.test_excel_import import write_sheet

ID_NUMBER = "11010519491231002X"
MOBILE = "13912345678"
PASSWORDS = {"admin": "plum river stone 1", "wang": "staff pass phrase 2", "look": "viewer pass 3"}


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "g.db"
    database = Database(str(path))
    with database.session() as session:
        service.people.create(session, PersonData("王喆", mobile=MOBILE, id_number=ID_NUMBER))
        service.resident_units.create(
            session,
            ResidentUnitData("南京大学", UnitCategory.UNIVERSITY, contact_phone="13800001111"),
        )
        for name, role in (("admin", Role.ADMIN), ("wang", Role.STAFF), ("look", Role.VIEWER)):
            password = PASSWORDS[name]
            add_user(session, LOCAL_ADMIN, UserInput(name, name, role, password, password))
    database.close()
    return path


def as_user(monkeypatch: pytest.MonkeyPatch, name: str) -> tuple[str, str]:
    monkeypatch.setenv("GONGJIAN_PASSWORD", PASSWORDS[name])
    return "--user", name


def cells(path: Path) -> list[str]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]


def audit_rows(db_file: Path, action: str) -> list[tuple[str | None, str]]:
    connection = sqlite3.connect(db_file)
    rows = connection.execute(
        "SELECT user_id, entity FROM audit_log WHERE action = ? ORDER BY seq", (action,)
    ).fetchall()
    connection.close()
    return rows


def user_id(db_file: Path, name: str) -> str:
    database = Database(str(db_file))
    with database.reader() as session:
        found = session.scalar(select(User.id).where(User.username == name))
    database.close()
    assert found is not None
    return found


def test_revealing_an_export_needs_a_signed_in_user_who_may_see(
    capsys: pytest.CaptureFixture[str],
    db_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out_file = tmp_path / "people.xlsx"
    db = ("--db", str(db_file))
    code, _, err = run(capsys, *db, "export", "people", str(out_file), "--reveal-personal")
    assert code == 1 and not out_file.exists()
    assert len(err.strip().splitlines()) == 1 and "--user" in err

    code, _, err = run(capsys, *db, "export", "people", str(out_file))  # masked reading works
    assert code == 0, err
    assert ID_NUMBER not in cells(out_file) and "1101**********002X" in cells(out_file)

    code, _, err = run(
        capsys,
        *db,
        *as_user(monkeypatch, "look"),
        "export",
        "people",
        str(out_file),
        "--reveal-personal",
    )
    assert code == 1 and "只读" in err

    code, _, err = run(
        capsys,
        *db,
        *as_user(monkeypatch, "wang"),
        "export",
        "people",
        str(out_file),
        "--reveal-personal",
    )
    assert code == 0, err
    assert ID_NUMBER in cells(out_file) and MOBILE in cells(out_file)
    assert audit_rows(db_file, "export") == [(user_id(db_file, "wang"), "人员")]


def test_unit_contact_phones_are_masked_in_an_export(
    capsys: pytest.CaptureFixture[str], db_file: Path, tmp_path: Path
) -> None:
    out_file = tmp_path / "units.xlsx"
    code, _, err = run(capsys, "--db", str(db_file), "export", "units", str(out_file))
    assert code == 0, err
    assert "138****1111" in cells(out_file) and "13800001111" not in cells(out_file)


def test_an_import_needs_a_signed_in_user_and_is_audited_with_them(
    capsys: pytest.CaptureFixture[str],
    db_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sheet = write_sheet(tmp_path / "p.xlsx", [("姓名", "职务"), ("李堃", "科长")])
    db = ("--db", str(db_file))

    def people() -> int:
        database = Database(str(db_file))
        with database.reader() as session:
            count = int(session.scalar(select(func.count()).select_from(Person)) or 0)
        database.close()
        return count

    code, _, err = run(capsys, *db, "import", "people", str(sheet))
    assert code == 1 and "--user" in err and people() == 1
    code, _, err = run(capsys, *db, *as_user(monkeypatch, "wang"), "import", "people", str(sheet))
    assert code == 0, err
    assert people() == 2
    wang = user_id(db_file, "wang")
    assert audit_rows(db_file, "import") == [(wang, "people")]
    assert (wang, "people") in audit_rows(db_file, "create")
    assert audit_rows(db_file, "sign_in")[-1] == (wang, "users")


def test_a_wrong_password_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], db_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GONGJIAN_PASSWORD", "not the password")
    code, _, err = run(capsys, "--db", str(db_file), "--user", "admin", "users", "list")
    assert (
        code == 1 and err.strip() == "gongjian: 用户名或密码不对。请检查后重新输入（区分大小写）。"
    )


def test_administrators_manage_users_from_the_command_line(
    capsys: pytest.CaptureFixture[str], db_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = ("--db", str(db_file))
    admin = as_user(monkeypatch, "admin")
    new_password = "li kun pass phrase"

    def with_stdin(text: str) -> None:
        monkeypatch.setattr("sys.stdin", io.StringIO(text))

    with_stdin(new_password + "\n")
    code, out, err = run(
        capsys, *db, *admin, "users", "add", "likun", "--name", "李堃", "--password-stdin"
    )
    assert code == 0 and "已添加用户 likun" in out, err
    code, _, err = run(capsys, *db, *admin, "users", "set-role", "likun", "viewer")
    assert code == 0, err
    code, out, _ = run(capsys, *db, *admin, "users", "list")
    assert next(line for line in out.splitlines() if "likun" in line).split()[1] == "只读"

    with_stdin("short\n")
    code, _, err = run(capsys, *db, *admin, "users", "set-password", "likun", "--password-stdin")
    assert code == 1 and "12" in err

    code, _, err = run(capsys, *db, *as_user(monkeypatch, "wang"), "users", "remove", "likun")
    assert code == 1 and "只有管理员" in err
    code, _, err = run(capsys, *db, "users", "remove", "likun")  # nobody signed in
    assert code == 1 and "--user" in err
    admin = as_user(monkeypatch, "admin")
    code, out, err = run(capsys, *db, *admin, "users", "remove", "likun")
    assert code == 0 and "已删除" in out, err
    code, _, err = run(capsys, *db, *admin, "users", "remove", "admin")
    assert code == 1 and "不能删除自己" in err
    database = Database(str(db_file))
    with database.reader() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "users").order_by(AuditEntry.seq)
        ).all()
    database.close()
    assert actions.count("delete") == 1 and "update" in actions


def test_check_on_the_command_line_reports_a_deleted_audit_entry(
    capsys: pytest.CaptureFixture[str], db_file: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(db_file), "check")
    assert code == 0, out
    connection = sqlite3.connect(db_file)
    with connection:
        connection.execute("DELETE FROM audit_log WHERE seq = 2")
    connection.close()
    code, out, _ = run(capsys, "--db", str(db_file), "check")
    assert code == 1 and "audit_log: 第 2 条起的 1 条审计记录被删除了" in out
