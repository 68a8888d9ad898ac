"""Erasure of a person's personal data (PIPL art. 47): gone from the record and from the audit
log's snapshots, the chain still whole, the erasure itself audited without the values."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from app.database import Database
from app.directory import service as directory
from app.directory.records import PersonData
from app.erasure import erase_personal_data
from app.errors import UserError, ValidationError
from app.issues import service as issues
from app.issues.records import IssueData
from app.maintenance import check_database
from app.operator import LOCAL_ADMIN, Operator
from db.models.directory import Person
from db.models.issues import Issue
from db.models.security import AuditEntry, Role
from tests.app.test_cli import run

ID_NUMBER = "11010519491231002X"
MOBILE = "13912345678"


def dump(path: str) -> str:
    """Everything the file holds, as text (what someone reading the file could find)."""
    connection = sqlite3.connect(path)
    rows = [
        json.dumps(row, ensure_ascii=False, default=str)
        for table in ("people", "issues", "audit_log")
        for row in connection.execute(f"SELECT * FROM {table}")
    ]
    connection.close()
    return "\n".join(rows)


def test_erasing_a_person_clears_record_and_audit_log_and_keeps_the_chain(
    database: Database,
) -> None:
    with database.session() as s:
        person = directory.people.create(s, PersonData("王喆", mobile=MOBILE, id_number=ID_NUMBER))
    with database.session() as s:
        directory.people.update(
            s,
            person.id,
            person.version,
            PersonData("王喆", mobile=MOBILE, id_number=ID_NUMBER, post="科长"),
        )
    assert ID_NUMBER in dump(database.target)

    with database.session() as s:
        done = erase_personal_data(s, LOCAL_ADMIN, "people", person.id, "本人书面申请")

    assert done.fields == ("id_number", "mobile") and done.entries == 2
    text = dump(database.target)
    assert ID_NUMBER not in text and MOBILE not in text
    with database.reader() as s:
        row = s.get(Person, person.id)
        assert (row.id_number, row.mobile, row.post) == (None, "", "科长")
        erased = s.scalars(
            select(AuditEntry).where(AuditEntry.entity_id == person.id).order_by(AuditEntry.seq)
        ).all()
    update = erased[-2]
    assert set(update.after["id_number"]) == {"erased"} and update.salt is None
    assert update.after["post"] == "科长"  # the rest of the history stays
    last = erased[-1]
    assert (last.action, last.reason) == ("erase", "本人书面申请")
    assert last.after == {"fields": ["id_number", "mobile"], "entries": 2}
    assert check_database(database.target) == []  # the chain survives
    database.close()  # the last connection out writes the log back into the file
    for part in Path(database.target).parent.glob("gongjian.db*"):  # nor in freed pages
        assert ID_NUMBER.encode() not in part.read_bytes(), part


def test_erasing_an_issue_reporter_clears_phone_and_address(database: Database) -> None:
    with database.session() as s:
        issue_id = issues.register(
            s,
            IssueData(
                title="楼道积水",
                address="建宁路33号2单元",
                reporter_name="张玥",
                reporter_phone=MOBILE,
            ),
        )
    with database.session() as s:
        erase_personal_data(s, LOCAL_ADMIN, "issues", issue_id, "当事人申请")
    with database.reader() as s:
        issue = s.get(Issue, issue_id)
        assert (issue.reporter_phone, issue.address, issue.title) == ("", "", "楼道积水")
    assert MOBILE not in dump(database.target) and "建宁路33号2单元" not in dump(database.target)
    assert check_database(database.target) == []


@pytest.mark.parametrize(
    ("operator", "reason", "error"),
    [
        (Operator("s1", "工作人员", Role.STAFF, "wang"), "申请", "只有管理员"),
        (LOCAL_ADMIN, "  ", "依据"),
    ],
)
def test_only_an_administrator_erases_and_says_why(
    database: Database, operator: Operator, reason: str, error: str
) -> None:
    with database.session() as s:
        person = directory.people.create(s, PersonData("王喆", id_number=ID_NUMBER))
    with pytest.raises((UserError, ValidationError), match=error), database.session() as s:
        erase_personal_data(s, operator, "people", person.id, reason)
    with database.reader() as s:
        assert s.get(Person, person.id).id_number == ID_NUMBER


def test_erase_on_the_command_line_finds_a_person_by_id_number(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "g.db"
    database = Database(str(path))
    with database.session() as s:
        directory.people.create(s, PersonData("王喆", mobile=MOBILE, id_number=ID_NUMBER))
    database.close()
    code, out, err = run(
        capsys, "--db", str(path), "erase", "person", ID_NUMBER, "--reason", "本人申请"
    )
    assert code == 0, err
    assert "id_number、mobile" in out and ID_NUMBER not in dump(str(path))
    code, _, err = run(capsys, "--db", str(path), "erase", "person", ID_NUMBER, "--reason", "再次")
    assert code == 1 and "找不到" in err
