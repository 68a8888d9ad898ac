"""三率 per unit and per community against figures worked out by hand, the weights and the
minimum samples of the office's rules, and the red and black lists."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from app.dashboard.period import month_of
from app.dashboard.rates import RateRow, community_rates, ranking, unit_rates
from app.dashboard.report import monthly_report
from app.dashboard.scope import scope_for
from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData
from app.issues.rules import IssueRules, save_rules
from app.localtime import BEIJING
from db.models.directory import OrgLevel
from db.models.issues import Dispatch, DispatchStatus, Issue, IssueSource, IssueStatus
from db.models.issues import Satisfaction as Sat

JUNE = month_of(datetime(2026, 6, 1).date())
NOW = datetime(2026, 7, 3, 9, tzinfo=BEIJING)


def at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 6, day, hour, tzinfo=BEIJING)


def _order(s: Session, n: int, community: str, status: IssueStatus = IssueStatus.CLOSED,
           satisfaction: Sat | None = None, resolved: bool = True) -> Issue:  # fmt: skip
    issue = Issue(
        number=f"MS2026-{n:06d}",
        title=f"事项{n}",
        source=IssueSource.PHONE,
        community_id=community,
        reported_at=at(n % 20 + 1, 8),
        status=status,
        satisfaction=satisfaction,
        resolved_at=at(n % 20 + 5) if resolved else None,
    )
    s.add(issue)
    s.flush()
    return issue


def _sent(s: Session, issue: Issue, unit: str, ack_hours: float | None, done: bool,
          status: DispatchStatus | None = None) -> None:  # fmt: skip
    sent = issue.reported_at + timedelta(hours=1)
    s.add(
        Dispatch(
            issue_id=issue.id,
            org_unit_id=unit,
            dispatched_at=sent,
            acknowledged_at=None if ack_hours is None else sent + timedelta(hours=ack_hours),
            status=status or (DispatchStatus.DONE if done else DispatchStatus.ACKNOWLEDGED),
            lead=True,
        )
    )


@pytest.fixture
def month(database: Database) -> dict[str, str]:
    """城管科: 6 orders — 4 reported within 24 h, 4 done, 4 rated of which 3 pleased.
    社区建设科: 2 orders (too few to rank). 物业办: 5 orders, all fast and done, 3 rated, 1
    pleased. One returned order and one merged repeat count nowhere."""
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("建宁路街道", OrgLevel.STREET)).id
        a = directory.org_units.create(s, OrgUnitData("甲社区", OrgLevel.COMMUNITY, street)).id
        b = directory.org_units.create(s, OrgUnitData("乙社区", OrgLevel.COMMUNITY, street)).id

        def dept(name: str) -> str:
            return directory.org_units.create(s, OrgUnitData(name, OrgLevel.DEPARTMENT, street)).id

        city, building, estate = dept("城管科"), dept("社区建设科"), dept("物业办")
        city_orders = [
            (2, True, Sat.SATISFIED),
            (3, True, Sat.SATISFIED),
            (20, True, Sat.BASICALLY_SATISFIED),
            (5, True, Sat.DISSATISFIED),
            (30, False, None),  # late: 30 hours to 报到
            (None, False, None),  # never reported
        ]
        for n, (ack, done, sat) in enumerate(city_orders, start=1):
            status = IssueStatus.CLOSED if done else IssueStatus.IN_PROGRESS
            order = _order(s, n, a, status, satisfaction=sat, resolved=done)
            _sent(s, order, city, ack, done)
        for n in (7, 8):
            _sent(s, _order(s, n, b, satisfaction=Sat.SATISFIED), building, 1, True)
        for n, sat in zip(range(9, 14), (Sat.SATISFIED, Sat.DISSATISFIED, Sat.DISSATISFIED,
                                         None, None), strict=True):  # fmt: skip
            _sent(s, _order(s, n, b, satisfaction=sat), estate, 2, True)
        returned = _order(s, 14, b, status=IssueStatus.IN_PROGRESS, resolved=False)
        _sent(s, returned, city, 1, False, DispatchStatus.RETURNED)
        _order(s, 15, a, status=IssueStatus.MERGED, resolved=False)
    return {"a": a, "b": b}


def _rows(database: Database, rules: IssueRules) -> tuple[dict[str, RateRow], dict[str, RateRow]]:
    with database.reader() as s:
        scope = scope_for(s, JUNE, NOW)
        units = {r.name: r for r in unit_rates(s, scope)}
        places = {r.name: r for r in community_rates(s, scope)}
    return units, places


def test_the_three_rates_per_unit_by_hand(database: Database, month: dict[str, str]) -> None:
    units, _ = _rows(database, IssueRules())
    city = units["建宁路街道城管科"]
    assert (city.received, city.responded, city.resolved, city.rated, city.satisfied) == (
        6, 4, 4, 4, 3,
    )  # fmt: skip
    assert city.response_rate == pytest.approx(4 / 6)  # 2, 3, 20 and 5 hours; not 30, not never
    assert city.resolution_rate == pytest.approx(4 / 6)
    assert city.satisfaction_rate == pytest.approx(3 / 4)
    rules = IssueRules()  # 10 / 45 / 45, at least 5 orders and 3 rated
    assert city.score(rules) == pytest.approx(10 * 4 / 6 + 45 * 4 / 6 + 45 * 3 / 4)  # 70.42
    estate = units["建宁路街道物业办"]
    assert estate.score(rules) == pytest.approx(10 * 1 + 45 * 1 + 45 * 1 / 3)  # 70.0
    building = units["建宁路街道社区建设科"]
    assert building.received == 2 and not building.ranked(rules) and building.score(rules) is None


def test_the_three_rates_per_community_by_hand(database: Database, month: dict[str, str]) -> None:
    _, places = _rows(database, IssueRules())
    a, b = places["甲社区"], places["乙社区"]
    # 甲: the six of 城管科 (the merged repeat left out)
    assert (a.received, a.responded, a.resolved, a.rated, a.satisfied) == (6, 4, 4, 4, 3)
    # 乙: 2 + 5 + the one whose unit gave it back (reported at once, so it responded)
    assert (b.received, b.responded, b.resolved, b.rated, b.satisfied) == (8, 8, 7, 5, 3)


def test_weights_and_samples_are_the_offices(database: Database, month: dict[str, str]) -> None:
    units, _ = _rows(database, IssueRules())
    rows = list(units.values())
    lists = ranking(rows, IssueRules())
    assert [(r.name, round(s, 2)) for r, s in lists.red] == [("建宁路街道城管科", 70.42)]
    assert [(r.name, round(s, 2)) for r, s in lists.black] == [("建宁路街道物业办", 70.0)]
    assert [r.name for r in lists.unranked] == ["建宁路街道社区建设科"]
    # this year the office weighs satisfaction most and asks for two orders only
    rules = IssueRules(weight_response=0, weight_resolution=20, weight_satisfaction=80,
                       min_samples=2, min_rated=2)  # fmt: skip
    with database.session() as s:
        save_rules(s, rules)
    lists = ranking(rows, rules)
    assert [r.name for r, _ in lists.red] == ["建宁路街道社区建设科", "建宁路街道城管科"]
    assert [r.name for r, _ in lists.black] == ["建宁路街道物业办"]
    assert lists.unranked == []
    with database.reader() as s:
        report = monthly_report(s, JUNE, NOW)
    assert report.rules == rules and report.merged == 1
    assert {r.name for r in report.unit_rates} == set(units)
