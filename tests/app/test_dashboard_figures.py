"""The dashboard's tiles and charts on a small hand-built street, against figures worked out by
hand; also the world the other dashboard tests share (``build_world``).

October 2026, Beijing time; "now" is 5 November 2026, 10:00:

====  ========  ========  ==============  ============  ==============  =====================
 no.  place     category  reported        deadline      resolved        notes
====  ========  ========  ==============  ============  ==============  =====================
  1   A         积水      10-01 00:30     10-09         10-08 15:00     satisfied, on time
  2   A         积水      10-10 09:00     10-15         10-16 01:00     dissatisfied; late in
                                                                        Beijing (UTC: 10-15)
  3   B         停车      10-20 10:00     10-23         —               open, overdue now
  4   B         停车      10-31 23:30     11-04         11-02 10:00     basically satisfied
  5   A         —         09-15 10:00     09-20         10-03 10:00     satisfied, late
  6   A         积水      10-05           —             —               rejected: left out
  7   B         —         10-06           —             —               deleted: left out
  8   A, grid   —         11-01 00:10     11-10         —               open, supervised
====  ========  ========  ==============  ============  ==============  =====================
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy.orm import Session

from app.dashboard.board import board, communities
from app.dashboard.charts import issues_by_category, issues_by_month, issues_by_place
from app.dashboard.kpis import kpis, list_count
from app.dashboard.period import Period, month_of, year_of
from app.dashboard.reminders import days_left
from app.dashboard.scope import scope_for
from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData
from app.issues.limits import end_of
from app.localtime import BEIJING
from db.models.directory import OrgLevel
from db.models.issues import (
    Dispatch,
    DispatchStatus,
    Issue,
    IssueCategory,
    IssueSource,
    IssueStatus,
    Satisfaction,
)
from db.models.meetings import Meeting

NOW = datetime(2026, 11, 5, 10, 0, tzinfo=BEIJING)
OCTOBER = month_of(date(2026, 10, 1))


@dataclass(frozen=True)
class World:
    street: str
    a: str
    b: str
    grid: str
    department: str
    water: str
    parking: str


def at(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=BEIJING)


def _issue(s: Session, n: int, community: str, reported: datetime, **fields: Any) -> Issue:
    deadline = fields.get("deadline")
    issue = Issue(
        number=f"MS2026-{n:06d}",
        title=f"事项{n}",
        source=IssueSource.PHONE,
        community_id=community,
        reported_at=reported,
        due_at=end_of(deadline) if deadline else None,  # due at 24:00 of the deadline
        **fields,
    )
    s.add(issue)
    s.flush()
    return issue


def build_world(database: Database) -> World:
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET)).id
        zone = directory.org_units.create(s, OrgUnitData("南片区", OrgLevel.ZONE, street)).id
        a = directory.org_units.create(s, OrgUnitData("甲社区", OrgLevel.COMMUNITY, zone)).id
        b = directory.org_units.create(s, OrgUnitData("乙社区", OrgLevel.COMMUNITY, zone)).id
        grid = directory.org_units.create(s, OrgUnitData("甲一网格", OrgLevel.GRID, a)).id
        dept = directory.org_units.create(s, OrgUnitData("城管科", OrgLevel.DEPARTMENT, street)).id
        water, parking = IssueCategory(name="积水"), IssueCategory(name="停车", position=1)
        s.add_all([water, parking])
        s.flush()
        closed, sat = IssueStatus.CLOSED, Satisfaction
        one = _issue(
            s,
            1,
            a,
            at(10, 1, 0, 30),
            category_id=water.id,
            deadline=date(2026, 10, 9),
            resolved_at=at(10, 8, 15),
            status=closed,
            satisfaction=sat.SATISFIED,
        )
        two = _issue(
            s,
            2,
            a,
            at(10, 10, 9),
            category_id=water.id,
            deadline=date(2026, 10, 15),
            resolved_at=at(10, 16, 1),
            status=closed,
            satisfaction=sat.DISSATISFIED,
        )
        three = _issue(
            s,
            3,
            b,
            at(10, 20),
            category_id=parking.id,
            deadline=date(2026, 10, 23),
            status=IssueStatus.IN_PROGRESS,
        )
        four = _issue(
            s,
            4,
            b,
            at(10, 31, 23, 30),
            category_id=parking.id,
            deadline=date(2026, 11, 4),
            resolved_at=at(11, 2),
            status=IssueStatus.FOLLOWED_UP,
            satisfaction=sat.BASICALLY_SATISFIED,
        )
        _issue(
            s,
            5,
            a,
            at(9, 15),
            deadline=date(2026, 9, 20),
            resolved_at=at(10, 3),
            status=closed,
            satisfaction=sat.SATISFIED,
        )
        _issue(s, 6, a, at(10, 5), category_id=water.id, status=IssueStatus.REJECTED)
        _issue(s, 7, b, at(10, 6), status=IssueStatus.IN_PROGRESS, deleted_at=at(10, 7))
        _issue(s, 8, a, at(11, 1, 0, 10), grid_id=grid, deadline=date(2026, 11, 10),
               supervised=True, supervision_note="街道督办")  # fmt: skip
        for issue, sent, due, done, status in (
            (one, at(10, 1, 9), date(2026, 10, 5), at(10, 4), DispatchStatus.DONE),
            (two, at(10, 10), date(2026, 10, 14), at(10, 15, 9), DispatchStatus.DONE),
            (three, at(10, 20, 11), date(2026, 10, 22), None, DispatchStatus.ACKNOWLEDGED),
            (four, at(11, 1), date(2026, 11, 3), None, DispatchStatus.RETURNED),
        ):
            s.add(Dispatch(issue_id=issue.id, org_unit_id=dept, dispatched_at=sent, due_on=due,
                           due_at=end_of(due), completed_at=done, status=status))  # fmt: skip
        s.add(
            Meeting(kind="联席会议", title="十月会", starts_at=at(10, 12, 14), host_org_unit_id=a)
        )
        s.add(Meeting(kind="联席会议", title="九月会", starts_at=at(9, 12, 14),
                      host_org_unit_id=street))  # fmt: skip
    return World(street, a, b, grid, dept, water.id, parking.id)


@pytest.fixture
def world(database: Database) -> World:
    return build_world(database)


def figures(
    database: Database, community: str | None = None, period: Period = OCTOBER
) -> dict[str, object]:
    with database.reader() as s:
        return {k.key: k.value for k in kpis(s, scope_for(s, period, NOW, community))}


def test_the_tiles_of_october(database: Database, world: World) -> None:
    found = figures(database)
    assert found["open_issues"] == 2  # 3 and 8; 7 is deleted
    assert found["overdue"] == 1  # 3
    assert found["resolved"] == 3  # 1, 2 and 5 resolved in October; 4 in November
    days = ((7 + 14.5 / 24) + (5 + 16 / 24) + 18) / 3
    assert found["resolve_days"] == pytest.approx(days)
    assert found["satisfaction"] == pytest.approx(2 / 3)  # 1 and 5 of 1, 2 and 5
    assert found["meetings"] == 1
    assert (found["active_agreements"], found["expiring_agreements"]) == (0, 0)
    assert found["seven"] is None  # no branch pairings: nothing to measure


def test_the_tiles_of_one_community_and_of_the_year(database: Database, world: World) -> None:
    found = figures(database, world.b)
    assert (found["open_issues"], found["overdue"], found["resolved"], found["meetings"]) == (
        1,
        1,
        0,
        0,
    )
    assert found["satisfaction"] is None
    year = figures(database, period=year_of(date(2026, 1, 1)))
    assert (year["resolved"], year["meetings"]) == (4, 2)


def test_a_tile_counts_what_its_list_shows(database: Database, world: World) -> None:
    with database.reader() as s:
        for kpi in kpis(s, scope_for(s, OCTOBER, NOW, world.a)):
            if kpi.key in ("open_issues", "overdue", "meetings"):
                assert list_count(s, kpi.link, NOW) == kpi.value
        found = {k.key: k for k in kpis(s, scope_for(s, OCTOBER, NOW, world.a))}
    assert found["open_issues"].link.area == "issues"
    assert found["open_issues"].link.filters == {
        "status": ["registered", "accepted", "dispatched", "in_progress"],
        "community_id": world.a,
    }
    assert found["meetings"].link.filters == {
        "starts_from": date(2026, 10, 1),
        "starts_before": date(2026, 11, 1),
        "host_org_unit_ids": (world.a, world.grid),
    }


def test_issues_per_month_in_beijing_months(database: Database, world: World) -> None:
    with database.reader() as s:
        rows = issues_by_month(s, scope_for(s, OCTOBER, NOW))
    assert [r.month for r in rows] == [date(2026, m, 1) for m in range(5, 11)]
    by_month = {r.month.month: (r.received, r.resolved, r.overdue) for r in rows}
    # 8 arrived at 00:10 on 1 November in Beijing, still 31 October in UTC: November's
    assert by_month[10] == (4, 3, 2)  # late: 2 (Beijing day after its deadline) and 3 (open)
    assert by_month[9] == (1, 0, 1)
    assert rows[-1].link.filters == {
        "reported_from": date(2026, 10, 1),
        "reported_before": date(2026, 11, 1),
    }
    with database.reader() as s:
        year = issues_by_month(s, scope_for(s, year_of(date(2026, 1, 1)), NOW))
    assert year[-1].month == date(2026, 11, 1)  # December is still to come: not a fall to zero
    assert (year[-1].received, year[-1].resolved) == (1, 1)  # 8 arrived, 4 resolved


def test_issues_by_category_and_by_place(database: Database, world: World) -> None:
    with database.reader() as s:
        scope = scope_for(s, OCTOBER, NOW)
        categories = issues_by_category(s, scope)
        places = issues_by_place(s, scope)
        grids = issues_by_place(s, scope_for(s, year_of(date(2026, 1, 1)), NOW, world.a))
    assert sorted((r.name, r.count) for r in categories) == [("停车", 2), ("积水", 2)]
    assert categories[0].link.filters["category_id"] in (world.water, world.parking)
    assert {(r.name, r.count, r.share) for r in places} == {("甲社区", 2, 0.5), ("乙社区", 2, 1.0)}
    assert {r.name: r.link.filters["community_id"] for r in places}["乙社区"] == world.b
    assert sorted((r.name, r.count) for r in grids) == [("甲一网格", 1), ("（未填）", 3)]


def test_the_board_and_its_reminders(database: Database, world: World) -> None:
    with database.reader() as s:
        whole = board(s, scope_for(s, OCTOBER, NOW))
        names = communities(s)
    assert sorted(n for _, n in names) == ["乙社区", "甲社区"]
    texts = [str(r.text) for r in whole.reminders]
    assert texts[0] == "1件民生事项已超过办理时限"
    assert "督办 MS2026-000008 事项8，时限2026年11月10日" in texts
    assert whole.reminders[0].link.filters == {"overdue": True}
    assert [m.count for m in whole.meetings][-2:] == [1, 1]  # September and October
    assert whole.kpi("resolved").value == 3


def test_days_left_never_reads_one_days() -> None:
    """Before, 还有1天 became "(1 days left)" in English; 1 is now 明天 (tomorrow)."""
    texts = [str(days_left(n)) for n in (0, 1, 2, 30)]
    assert texts == ["今天", "明天", "还有2天", "还有30天"]
    english = {"今天": "today", "明天": "tomorrow", "还有{n}天": "{n} days left"}
    assert days_left(1).format(lambda _context, text: english[text]) == "tomorrow"
