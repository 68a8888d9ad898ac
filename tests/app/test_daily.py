"""Statuses the calendar moves: once a day, audited without a user, whoever is signed in."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import demo
from app.daily import refresh_dated_statuses
from app.database import Database
from app.operator import Operator
from db.models.agreements import Agreement, AgreementStatus
from db.models.secondments import Posting, PostingStatus
from db.models.security import AuditEntry, Role

TODAY = date(2026, 11, 28)


@pytest.fixture
def street(tmp_path: Path) -> Database:
    database = Database(str(tmp_path / "demo.db"))
    demo.generate(database, "street", today=TODAY)
    return database


def _counts(database: Database) -> tuple[int, int]:
    with database.reader() as s:
        agreements = s.scalar(
            select(func.count()).where(Agreement.status == AgreementStatus.EXPIRED)
        )
        postings = s.scalar(select(func.count()).where(Posting.status == PostingStatus.ENDED))
    return agreements or 0, postings or 0


def test_the_demo_is_current_on_its_day_and_a_year_later_statuses_move(street: Database) -> None:
    with street.system_session() as s:
        assert refresh_dated_statuses(s, TODAY) == {}
    expired_before, finished_before = _counts(street)
    street.operator = Operator("someone", "查看者", Role.VIEWER)  # a viewer is signed in
    with street.system_session() as s:
        moved = refresh_dated_statuses(s, TODAY + timedelta(days=400))
    assert moved["agreements"] > 0 and moved["secondments"] > 0
    expired_after, finished_after = _counts(street)
    assert expired_after > expired_before and finished_after > finished_before
    with street.reader() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "status")).all()
    assert len(entries) >= sum(moved.values())
    assert all(entry.user_id is None for entry in entries)
