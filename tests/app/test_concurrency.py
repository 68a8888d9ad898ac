"""Rules that check, then write, cannot interleave: two administrators demoting each other at
the same moment, two offices registering issues, two offices adding the same monthly report.

Each race is made to happen: the check is wrapped so that the first one in waits (up to a
second) for the other to pass its own check too. Where writers are serialised (SQLite's
``BEGIN IMMEDIATE``, PostgreSQL's row locks) the other never gets there while the first holds
its lock, the wait runs out, and the second checks only after the first has committed.
"""

# ruff: noqa: F401, F811  (fixtures imported from another test module)

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app import users
from app.database import Database
from app.errors import UserError
from app.issues import numbering, service
from app.issues.records import IssueData
from app.operator import LOCAL_ADMIN
from app.secondments import logs
from app.secondments.records import WorkLogData
from app.signing_in import sign_in
from db.models.secondments import LogKind
from db.models.security import Role
from tests.app.test_secondments_service import create, cross, world

PASSWORD = "gongjian-2026"


def race(
    monkeypatch: pytest.MonkeyPatch, owner: Any, check: str, *steps: Callable[[], Any]
) -> list[Any]:
    """Runs ``steps`` in threads at once, each held after ``owner.check`` until the others
    have checked too (or a second has passed); returns each step's result or exception."""
    barrier = threading.Barrier(len(steps), timeout=1)
    real = getattr(owner, check)

    def checked(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            pass
        return result

    monkeypatch.setattr(owner, check, checked)
    results: list[Any] = [None] * len(steps)

    def run(n: int) -> None:
        try:
            results[n] = steps[n]()
        except Exception as error:  # the refused one
            results[n] = error

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(steps))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.fixture(params=["sqlite", "postgresql"])
def shared(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A database on a file, or on the PostgreSQL server when GONGJIAN_TEST_POSTGRES names
    one (row locks instead of SQLite's single writer)."""
    if request.param == "sqlite":
        database = Database(str(tmp_path / "g.db"))
        yield database
        database.close()
        return
    server = os.environ.get("GONGJIAN_TEST_POSTGRES", "")
    if not server:
        pytest.skip("set GONGJIAN_TEST_POSTGRES to a server URL")
    name = f"gongjian_race_{uuid.uuid4().hex[:8]}"
    owner = create_engine(server, isolation_level="AUTOCOMMIT")
    with owner.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    database = Database(make_url(server).set(database=name).render_as_string(hide_password=False))
    yield database
    database.close()
    with owner.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    owner.dispose()


def test_two_administrators_demoting_each_other_leave_one(
    shared: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = shared
    ids = {}
    for name in ("zhang", "li"):
        with database.session() as session:
            data = users.UserInput(name, name, Role.ADMIN, PASSWORD, PASSWORD)
            ids[name] = users.add_user(session, LOCAL_ADMIN, data)
    zhang, li = (sign_in(database, name, PASSWORD) for name in ("zhang", "li"))
    sessions = {}
    for name, operator in (("zhang", zhang), ("li", li)):
        opened = Database(database.target)
        opened.operator = operator
        sessions[name] = opened

    def demote(by: str, whom: str) -> None:
        with sessions[by].session() as session:
            users.change_role(session, sessions[by].operator, ids[whom], Role.STAFF)

    results = race(
        monkeypatch,
        users,
        "_admins_with_password",
        lambda: demote("zhang", "li"),
        lambda: demote("li", "zhang"),
    )
    for opened in sessions.values():
        opened.close()
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(refused) == 1 and isinstance(refused[0], UserError)
    assert "最后一位管理员" in str(refused[0])
    with database.reader() as session:
        assert [u.role for u in users.list_users(session)].count(Role.ADMIN) == 1


def test_two_offices_registering_at_once_get_different_numbers(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = Database(database.target)

    def register(where: Database, title: str) -> str:
        with where.session() as session:
            issue_id = service.register(session, IssueData(title=title))
            return service.issue_detail(session, issue_id).number

    results = race(
        monkeypatch,
        numbering,
        "_highest",
        lambda: register(database, "甲"),
        lambda: register(other, "乙"),
    )
    other.close()
    assert all(isinstance(r, str) for r in results), results
    assert len(set(results)) == 2


def test_two_offices_adding_the_same_monthly_report_keep_one(
    database: Database,
    world: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    posting_id = create(database, cross(world))
    report = WorkLogData(LogKind.DUTY_REPORT, date(2026, 4, 2), "2026-03", "本月主要工作")
    other = Database(database.target)

    def add(where: Database) -> str:
        with where.session() as session:
            return logs.add_log(session, posting_id, report)

    results = race(monkeypatch, logs, "_has_twin", lambda: add(database), lambda: add(other))
    other.close()
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(refused) == 1 and "已经登记过了" in str(refused[0])
