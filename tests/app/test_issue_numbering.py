"""Issue numbers and deadlines when many issues are registered in one transaction (an import):
the lock is taken once, numbers count on in memory, and nothing is cached past its
transaction or past a change of the holidays."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from app.database import Database
from app.issues import service
from app.issues.limits import Limit
from app.issues.numbering import next_issue_number
from app.issues.records import IssueData
from db.models.issues import Issue, LimitUnit

MONDAY = datetime(2026, 6, 1, 2, 0, tzinfo=UTC)  # 10:00 in Beijing


def _numbers(database: Database) -> list[str]:
    with database.reader() as s:
        return sorted(s.scalars(select(Issue.number)))


def test_one_transaction_numbers_on_and_a_failed_one_leaves_no_gap(database: Database) -> None:
    with database.session() as s:
        for n in range(3):
            service.register(s, IssueData(title=f"事项{n}"), reported_at=MONDAY)
    with pytest.raises(RuntimeError), database.session() as s:
        service.register(s, IssueData(title="回滚的事项"), reported_at=MONDAY)
        raise RuntimeError("the import stopped")
    with database.session() as s:
        service.register(s, IssueData(title="下一件"), reported_at=MONDAY)
        assert next_issue_number(s, 2026) == "MS2026-000005"
    assert _numbers(database) == [f"MS2026-00000{n}" for n in range(1, 5)]


def test_a_holiday_set_in_the_transaction_counts_for_the_next_deadline(database: Database) -> None:
    with database.session() as s:
        water = service.save_category(s, "积水", Limit(1, LimitUnit.WORKING_DAYS))
        first = service.register(s, IssueData(title="甲", category_id=water), reported_at=MONDAY)
        service.set_holiday(s, date(2026, 6, 2), False, "临时休息日")
        second = service.register(s, IssueData(title="乙", category_id=water), reported_at=MONDAY)
    with database.reader() as s:
        deadlines = [s.get(Issue, i).deadline for i in (first, second)]
    assert deadlines == [date(2026, 6, 2), date(2026, 6, 3)]
