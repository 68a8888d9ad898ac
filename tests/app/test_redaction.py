"""No personal data and no secrets in the log, on stderr or in an error's text: SQL parameters
hidden, a URL's password and ID numbers and phones replaced, an unexpected error reported by
its reference."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from app.database import Database
from app.directory import service
from app.directory.records import PersonData
from app.logs import setup_logging
from app.redaction import redacted
from db import engine as engine_module
from db.models.directory import Person
from tests.app.test_cli import run
from tests.app.test_excel_import import write_sheet

ID_NUMBER = "11010519491231002X"
SECRET = "s3cret-Passw0rd"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"postgresql+psycopg://wang:{SECRET}@server/gongjian",
            "postgresql+psycopg://wang:***@server/gongjian",
        ),
        (
            f"host=db user=wang password={SECRET} dbname=g",
            "host=db user=wang password=*** dbname=g",
        ),
        (f"('王喆', '13912345678', '{ID_NUMBER}')", "('王喆', '***', '***')"),
        (
            "MS2026-000123 at 2026-11-28 10:00:01.123456",
            "MS2026-000123 at 2026-11-28 10:00:01.123456",
        ),
        ("row 17391234567890 of 12", "row 17391234567890 of 12"),  # longer numbers are not phones
    ],
)
def test_redaction(text: str, expected: str) -> None:
    assert redacted(text) == expected


def test_a_failed_write_does_not_quote_the_row(database: Database) -> None:
    with database.session() as session:
        service.people.create(session, PersonData("王喆", id_number=ID_NUMBER))
    with pytest.raises(DBAPIError) as error, database.session() as session:
        session.add(Person(name="王喆", id_number=ID_NUMBER))  # past the service's own check
    assert ID_NUMBER not in str(error.value) and "hidden" in str(error.value)


def test_a_locked_database_logs_no_personal_data(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "g.db"
    Database(str(path)).close()
    sheet = tmp_path / "people.xlsx"
    write_sheet(sheet, [("姓名", "手机", "身份证号"), ("王喆", "13912345678", ID_NUMBER)])
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the file's write lock
    try:
        code, out, err = run(capsys, "--db", str(path), "import", "people", str(sheet))
    finally:
        holder.rollback()
        holder.close()
    log = setup_logging().read_text(encoding="utf-8")
    assert code == 1 and len(err.strip().splitlines()) == 1
    for text in (out, err, log):
        assert ID_NUMBER not in text and "13912345678" not in text


def test_a_server_password_appears_neither_on_stderr_nor_in_the_log(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = f"postgresql+psycopg://wang:{SECRET}@127.0.0.1:1/gongjian?connect_timeout=2"
    code, _, err = run(capsys, "--db", url, "check")
    log = setup_logging().read_text(encoding="utf-8")
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert SECRET not in err and SECRET not in log


def test_an_unexpected_error_is_logged_redacted_under_the_reference_it_shows(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import app.maintenance

    def broken(target: str) -> list[object]:
        raise RuntimeError(f"row ('王喆', '{ID_NUMBER}') could not be read")

    monkeypatch.setattr(app.maintenance, "check_database", broken)
    path = tmp_path / "g.db"
    Database(str(path)).close()
    code, _, err = run(capsys, "--db", str(path), "check")
    reference = err.strip().rsplit("编号 ", 1)[1].rstrip("。")
    log = setup_logging().read_text(encoding="utf-8")
    assert code == 1 and ID_NUMBER not in err and "RuntimeError" in err
    assert f"[{reference}]" in log and ID_NUMBER not in log and "could not be read" in log
