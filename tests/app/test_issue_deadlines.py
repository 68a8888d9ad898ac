"""Deadlines by tier and clock: limits typed as staff say them, the due moment on the
official calendar (across the Spring Festival and National Day), and the clock paused while
the lead unit's objection is reviewed."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData
from app.errors import ValidationError
from app.issues import service
from app.issues.calendar import WorkCalendar
from app.issues.due import due_cn, due_day, due_text
from app.issues.holiday_files import official_exceptions
from app.issues.limits import TIERS, Limit, due_moment, end_of, parse_limit, shifted
from app.issues.records import DispatchTarget, IssueData
from app.localtime import BEIJING, local_day
from db.models.directory import OrgLevel
from db.models.issues import IssueSource, LimitUnit

W, H, D = LimitUnit.WORKING_DAYS, LimitUnit.HOURS, LimitUnit.CALENDAR_DAYS
OFFICIAL = WorkCalendar(date(2024, 1, 1), date(2026, 12, 31), official_exceptions(2024, 2026))
SPRING_FESTIVAL_2026 = {date(2026, 2, 15) + timedelta(days=n) for n in range(9)}


def beijing(*args: int) -> datetime:
    return datetime(*args, tzinfo=BEIJING).astimezone(UTC)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("typed", "limit"),
    [
        ("3 个工作日", Limit(3, W)),
        ("3个工作日", Limit(3, W)),
        ("24小时", Limit(24, H)),
        (" 2 小时 ", Limit(2, H)),
        ("7天", Limit(7, D)),
        ("15 个自然日", Limit(15, D)),
        ("10　日", Limit(10, D)),
    ],
)
def test_limits_are_typed_as_staff_say_them(typed: str, limit: Limit) -> None:
    assert parse_limit(typed) == limit
    assert parse_limit(str(limit)) == limit  # and read back as written


@pytest.mark.parametrize("typed", ["", "三天", "3 周", "0个工作日", "61个工作日", "721小时"])
def test_a_limit_that_cannot_be_read_says_what_to_type(typed: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_limit(typed, field="due")
    assert refused.value.field == "due"
    message = str(refused.value.message)
    assert "3个工作日" in message or "之间" in message


def test_the_four_tiers() -> None:
    assert [str(t.limit) for t in TIERS] == ["2小时", "24小时", "7天", "15天"]


def test_registered_on_the_last_working_day_before_national_day() -> None:
    """Wednesday 30 September 2026, 3 working days: 1–7 October are off, Thursday 8 and
    Friday 9 October are the first two, the make-up Saturday 10 October the third."""
    due = due_moment(OFFICIAL, beijing(2026, 9, 30, 16, 20), Limit(3, W))
    assert due == end_of(date(2026, 10, 10))
    assert due_text(due) == "2026-10-10 24:00" and due_cn(due) == "2026年10月10日24时"
    assert due_day(due) == date(2026, 10, 10)
    assert due_moment(OFFICIAL, beijing(2026, 9, 30, 16, 20), Limit(2, H)) == beijing(
        2026, 9, 30, 18, 20
    )
    assert due_text(beijing(2026, 9, 30, 18, 20)) == "2026-09-30 18:20"
    assert due_moment(OFFICIAL, beijing(2026, 9, 30, 16, 20), Limit(7, D)) == end_of(
        date(2026, 10, 7)
    )


moments = st.datetimes(min_value=datetime(2026, 1, 20), max_value=datetime(2026, 3, 10)).map(
    lambda d: d.replace(tzinfo=BEIJING).astimezone(UTC)
)


@settings(max_examples=300, deadline=None)
@given(moments, st.integers(min_value=1, max_value=20))
def test_working_days_across_the_spring_festival(start: datetime, n: int) -> None:
    due = due_moment(OFFICIAL, start, Limit(n, W))
    day, first = due_day(due), local_day(start)
    assert due == end_of(day) and day > first
    assert OFFICIAL.is_workday(day) and day not in SPRING_FESTIVAL_2026
    # exactly n working days after the day the clock started, none skipped
    counted = [first + timedelta(days=k) for k in range(1, (day - first).days + 1)]
    assert sum(OFFICIAL.is_workday(d) for d in counted) == n
    assert (
        not OFFICIAL.is_workday(day - timedelta(days=1))
        or n == 1
        or (sum(OFFICIAL.is_workday(d) for d in counted[:-1]) == n - 1)
    )
    # the 9-day break adds its working days to any limit that spans it
    if first < date(2026, 2, 14) and day > date(2026, 2, 23):
        assert (day - first).days >= n + 9


@settings(max_examples=200, deadline=None)
@given(moments, st.integers(min_value=1, max_value=720), st.integers(min_value=1, max_value=60))
def test_hours_and_calendar_days_ignore_holidays(start: datetime, hours: int, days: int) -> None:
    assert due_moment(OFFICIAL, start, Limit(hours, H)) == start + timedelta(hours=hours)
    due = due_moment(OFFICIAL, start, Limit(days, D))
    assert due_day(due) == local_day(start) + timedelta(days=days)
    assert due.astimezone(BEIJING).time() == time()


@settings(max_examples=200, deadline=None)
@given(moments, st.integers(min_value=0, max_value=200), st.integers(min_value=1, max_value=10))
def test_a_pause_moves_the_due_moment_by_what_it_covered(
    paused: datetime, hours: int, n: int
) -> None:
    resumed = paused + timedelta(hours=hours)
    due = due_moment(OFFICIAL, paused, Limit(n, W))
    moved = shifted(OFFICIAL, due, W, paused, resumed)
    skipped = OFFICIAL.between(local_day(paused), local_day(resumed))
    assert OFFICIAL.between(due_day(due), due_day(moved)) == skipped
    hourly = due_moment(OFFICIAL, paused, Limit(n, H))
    assert shifted(OFFICIAL, hourly, H, paused, resumed) == hourly + (resumed - paused)


def _street(database: Database) -> dict[str, str]:
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("建宁路街道", OrgLevel.STREET)).id
        community = directory.org_units.create(
            s, OrgUnitData("建宁路社区", OrgLevel.COMMUNITY, street)
        ).id
        city = directory.org_units.create(s, OrgUnitData("城管科", OrgLevel.DEPARTMENT, street)).id
        other = directory.org_units.create(
            s, OrgUnitData("社区建设科", OrgLevel.DEPARTMENT, street)
        ).id
        water = service.save_category(s, "积水", Limit(3, W))
    return {"community": community, "city": city, "other": other, "water": water}


def test_an_issue_registered_before_national_day_is_due_on_the_make_up_saturday(
    database: Database,
) -> None:
    ids = _street(database)
    data = IssueData("建宁路33号雨后积水", IssueSource.PHONE, category_id=ids["water"])
    with database.session() as s:
        issue_id = service.register(s, data, reported_at=beijing(2026, 9, 30, 16, 20))
    with database.reader() as s:
        detail = service.issue_detail(s, issue_id, now=beijing(2026, 10, 1, 9))
    assert detail.deadline == date(2026, 10, 10)
    assert detail.due_at == end_of(date(2026, 10, 10))
    assert detail.limit == Limit(3, W)
    assert detail.warning is None  # the holiday is not overdue


def test_the_leads_objection_stops_the_clock_until_it_is_reviewed(database: Database) -> None:
    ids = _street(database)
    data = IssueData("建宁路33号雨后积水", IssueSource.PHONE, category_id=ids["water"])
    with database.session() as s:
        issue_id = service.register(s, data, reported_at=beijing(2026, 6, 1, 9))  # Monday
        service.accept(s, issue_id, now=beijing(2026, 6, 1, 10))
        lead, _helper = service.dispatch(
            s,
            issue_id,
            [DispatchTarget(ids["city"]), DispatchTarget(ids["other"], limit=Limit(24, H))],
            now=beijing(2026, 6, 1, 11),
        )
    with database.reader() as s:
        detail = service.issue_detail(s, issue_id)
    assert detail.due_at == end_of(date(2026, 6, 4))
    assert [(d.unit_name, d.lead) for d in detail.dispatches] == [
        ("城管科", True),
        ("社区建设科", False),
    ]
    assert detail.dispatches[1].due_at == beijing(2026, 6, 2, 11)
    assert "主办" in detail.events[-1].note and "协办" in detail.events[-1].note
    with database.session() as s:
        service.object_to(s, lead, "积水点位于小区红线内", now=beijing(2026, 6, 2, 9))
    with database.reader() as s:
        detail = service.issue_detail(s, issue_id, now=beijing(2026, 6, 9, 9))
    assert detail.paused_at == beijing(2026, 6, 2, 9)
    assert detail.events[-1].note.endswith("（计时暂停，待审核）")
    # a week later: not overdue while the clock stands still (the helper's own time runs)
    assert not any("已超过办理时限（2026年6月4日" in r for r in detail.warning_reasons)
    with database.session() as s:
        service.review_objection(
            s, lead, False, "属市政管网，城管科牵头", now=beijing(2026, 6, 4, 9)
        )
    with database.reader() as s:
        detail = service.issue_detail(s, issue_id)
    assert detail.paused_at is None
    assert detail.due_at == end_of(date(2026, 6, 8))  # paused Wed and Thu: 2 working days
    assert detail.dispatches[0].status.value == "dispatched"
    assert detail.dispatches[0].review_note == "属市政管网，城管科牵头"
    last = detail.events[-1]
    assert (last.action, last.action_label) == ("keep", "驳回异议")
    assert "顺延至2026年6月8日24时" in last.note
