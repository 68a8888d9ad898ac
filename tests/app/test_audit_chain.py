"""The audit log as a hash chain: every change and event with its user, nothing the program can
edit or delete, and ``gongjian check`` reporting an entry changed, deleted, or the whole log
emptied."""

# ruff: noqa: F401, F811  (fixtures imported from another test module)

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from app.audit import AuditLogProtected
from app.audit_chain import chain_findings
from app.database import Database
from app.directory import service as directory
from app.directory.records import PersonData
from app.maintenance import check_database
from app.operator import LOCAL_ADMIN
from app.signing_in import sign_in
from app.users import UserInput, add_user
from db.engine import make_engine
from db.migrate import upgrade
from db.models.security import AuditEntry, Role
from tests.app.test_meetings_service import basics, create, world

PASSWORD = "gongjian-2026"
ID_NUMBER = "11010519491231002X"


@pytest.fixture
def logged(database: Database) -> Database:
    """A database with a few audited changes: a user, two people, one edited."""
    with database.session() as session:
        add_user(session, LOCAL_ADMIN, UserInput("admin", "管理员", Role.ADMIN, PASSWORD, PASSWORD))
    database.operator = sign_in(database, "admin", PASSWORD)
    with database.session() as session:
        first = directory.people.create(session, PersonData("王喆", id_number=ID_NUMBER))
        directory.people.create(session, PersonData("李堃", mobile="13912345678"))
    with database.session() as session:
        directory.people.update(session, first.id, first.version, PersonData("王喆", post="科长"))
    return database


def problems(database: Database) -> list[str]:
    return [f"{f.check}: {f.detail}" for f in check_database(database.target)]


def raw(database: Database, sql: str) -> None:
    connection = sqlite3.connect(database.target)
    with connection:
        connection.execute(sql)
    connection.close()


def test_a_sound_log_passes_and_every_entry_names_its_user(logged: Database) -> None:
    assert problems(logged) == []
    with logged.reader() as session:
        rows = session.execute(
            select(AuditEntry.seq, AuditEntry.action, AuditEntry.user_id).order_by(AuditEntry.seq)
        ).all()
    assert [seq for seq, *_ in rows] == list(range(1, len(rows) + 1))
    assert [a for _, a, _ in rows] == ["create", "sign_in", "create", "create", "update"]
    # the first user was added by the local administrator (no user); then admin signed in
    assert [user is None for *_, user in rows] == [True, False, False, False, False]


def test_check_reports_a_changed_entry(logged: Database) -> None:
    raw(logged, "UPDATE audit_log SET reason = 'nothing happened' WHERE seq = 3")
    assert problems(logged) == [
        "audit_log: 第 3 条审计记录与它的哈希不符：这一条或它前一条被改动过"
    ]


def test_check_reports_a_changed_personal_value(logged: Database) -> None:
    raw(logged, "UPDATE audit_log SET after = replace(after, '13912345678', '13900000000')")
    assert problems(logged) == [
        "audit_log: 第 4 条审计记录与它的哈希不符：这一条或它前一条被改动过"
    ]


def test_check_reports_a_deleted_entry(logged: Database) -> None:
    raw(logged, "DELETE FROM audit_log WHERE seq = 2")
    assert problems(logged) == ["audit_log: 第 2 条起的 1 条审计记录被删除了"]


def test_check_reports_deleted_last_entries_and_an_emptied_log(logged: Database) -> None:
    raw(logged, "DELETE FROM audit_log WHERE seq >= 4")
    assert problems(logged) == ["audit_log: 第 4 条起的 2 条审计记录被删除了"]
    raw(logged, "DELETE FROM audit_log")
    assert problems(logged) == ["audit_log: 第 1 条起的 5 条审计记录被删除了"]


def test_check_reports_a_deleted_head_and_the_next_write_says_so(logged: Database) -> None:
    raw(logged, "DELETE FROM audit_head")
    assert problems(logged) == [
        "audit_log: 审计日志的链头丢失或与最后一条记录不符（第 6 条）：最后几条可能被删除"
    ]
    with logged.session() as session:  # work goes on; the log records what happened
        directory.people.create(session, PersonData("张玥"))
    assert problems(logged) == [
        "audit_log: 审计日志的链头丢失或与最后一条记录不符（第 6 条）：最后几条可能被删除"
    ]


def test_no_session_of_the_program_changes_or_deletes_an_entry(logged: Database) -> None:
    with pytest.raises(AuditLogProtected), logged.session() as session:
        session.scalars(select(AuditEntry)).first().reason = "edited"
    with pytest.raises(AuditLogProtected), logged.session() as session:
        session.delete(session.scalars(select(AuditEntry)).first())
    assert problems(logged) == []


def test_a_meeting_change_is_audited_with_its_user(logged: Database, world) -> None:
    meeting_id = create(logged, basics(world))
    with logged.reader() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity_id == meeting_id)).one()
    assert entry.user_id == logged.operator.user_id and entry.entity == "meetings"
    assert problems(logged) == []


def test_entries_written_before_the_chain_are_chained_by_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(str(path))
    upgrade(engine, "0004")
    with engine.begin() as connection:
        for n in range(3):
            connection.exec_driver_sql(
                "INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, before,"
                " after, reason, created_at, updated_at, version) VALUES (?, ?, NULL, 'create',"
                " 'people', ?, NULL, ?, '', ?, ?, 1)",
                (
                    f"e{n}",
                    f"2026-01-0{n + 1} 08:00:00.000000",
                    f"p{n}",
                    f'{{"name": "人{n}", "mobile": "1391234567{n}"}}',
                    "2026-01-01 08:00:00",
                    "2026-01-01 08:00:00",
                ),
            )
    engine.dispose()
    database = Database(str(path))  # upgrades to the head
    try:
        with database.reader() as session:
            assert [
                e.entity_id for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))
            ] == [
                "p0",
                "p1",
                "p2",
            ]
            assert chain_findings(session) == []
        with database.session() as session:
            directory.people.create(session, PersonData("新人"))
        assert problems(database) == []
    finally:
        database.close()


def test_agreement_parties_and_a_decision_turned_into_an_issue_are_audited_with_the_user(
    logged: Database,
    world,  # meetings' world: people, units, an org tree
) -> None:
    from dataclasses import replace

    from app.agreements import service as agreements
    from app.agreements.records import AgreementData, PartyRef
    from app.meetings import service as meetings
    from db.models.agreements import AgreementKind, PartySide
    from tests.app.test_meetings_service import full_content

    user = logged.operator.user_id
    street = PartyRef(PartySide.STREET_SIDE, org_unit_id=world["community"])
    base = AgreementData(
        kind=AgreementKind.CO_BUILDING,
        number="GJ2026-NHL-009",
        title="共建协议",
        parties=(street, PartyRef(PartySide.PARTNER_SIDE, resident_unit_id=world["organ"])),
    )
    with logged.session() as s:
        created = agreements.create_agreement(s, base)
    with logged.session() as s:
        agreements.save_agreement(
            s,
            created.id,
            created.version,
            replace(
                base,
                parties=(
                    street,
                    PartyRef(PartySide.PARTNER_SIDE, resident_unit_id=world["college"]),
                ),
            ),
        )
    with logged.reader() as s:
        update = s.scalars(
            select(AuditEntry).where(
                AuditEntry.entity_id == created.id, AuditEntry.action == "update"
            )
        ).one()
    assert update.user_id == user
    assert update.before["parties"] != update.after["parties"]  # who signed shows

    meeting_id = create(logged, full_content(world))
    with logged.session() as s:
        decision = meetings.get_meeting(s, meeting_id).agenda[0].decisions[0]
    with logged.session() as s:
        issue_id = meetings.decision_to_issue(s, decision_id=decision.id)
    with logged.reader() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity_id == issue_id)).one()
    assert entry.user_id == user and entry.action == "register"  # the issues area's own step
    assert problems(logged) == []
