"""The next session of a regular meeting and its decisions' due day; no minutes finalised
before the meeting was held."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app.database import Database
from app.errors import ValidationError
from app.issues.calendar import WorkCalendar
from app.localtime import BEIJING
from app.meetings import service
from app.meetings.records import MeetingContent, MeetingData
from app.meetings.schedule import due_before, next_session_day, same_weekday_in
from db.models.issues import Holiday

NO_HOLIDAYS = WorkCalendar(date(2024, 1, 1), date(2030, 12, 31), {})
# 2026: the National Day week off, Sunday 27 September and Saturday 10 October worked
GOLDEN_WEEK = WorkCalendar(
    date(2026, 1, 1),
    date(2026, 12, 31),
    {
        **{date(2026, 10, d): (False, "国庆节") for d in range(1, 8)},
        date(2026, 9, 27): (True, "国庆节调休"),
        date(2026, 10, 10): (True, "国庆节调休"),
    },
)


def test_the_second_tuesday_stays_the_second_tuesday() -> None:
    assert date(2026, 3, 10).weekday() == 1  # the second Tuesday of March
    assert next_session_day(date(2026, 3, 10), NO_HOLIDAYS) == date(2026, 4, 14)


def test_a_fifth_thursday_becomes_the_last_one() -> None:
    assert next_session_day(date(2026, 4, 30), NO_HOLIDAYS) == date(2026, 5, 28)
    assert same_weekday_in(2026, 2, 0, 5) == date(2026, 2, 23)


def test_a_holiday_moves_the_session_to_the_next_working_weekday() -> None:
    # the first Thursday of October 2026 is in the National Day week; the Saturday after it is
    # a make-up working day, but no meeting goes on a weekend
    assert next_session_day(date(2026, 9, 3), GOLDEN_WEEK) == date(2026, 10, 8)
    # a session on the make-up Sunday is followed by the next month's fourth Sunday's Monday
    assert next_session_day(date(2026, 9, 27), GOLDEN_WEEK).weekday() == 0


def test_the_next_session_after_a_given_day_skips_months_already_past() -> None:
    assert next_session_day(date(2026, 1, 13), NO_HOLIDAYS, after=date(2026, 4, 1)) == date(
        2026, 4, 14
    )


def test_decisions_are_due_the_working_day_before_the_next_session() -> None:
    assert due_before(date(2026, 4, 13), NO_HOLIDAYS) == date(2026, 4, 10)  # Monday → Friday
    assert due_before(date(2026, 10, 8), GOLDEN_WEEK) == date(2026, 9, 30)


@given(st.dates(date(2025, 1, 1), date(2029, 12, 31)))
def test_a_next_session_is_next_month_on_a_weekday(held: date) -> None:
    day = next_session_day(held, NO_HOLIDAYS)
    assert day.weekday() < 5
    assert (day.year * 12 + day.month) - (held.year * 12 + held.month) == 1 or (held.weekday() >= 5)
    if held.weekday() < 5:
        assert day.weekday() == held.weekday()
        assert abs((day.day - 1) // 7 - (held.day - 1) // 7) <= 1  # same week, or the last


def _meeting(database: Database, starts_at: datetime) -> str:
    with database.session() as s:
        return service.create_meeting(
            s,
            MeetingContent(
                MeetingData(kind=service.DEFAULT_KINDS[0], title="片区议事会", starts_at=starts_at)
            ),
        )


def test_a_meeting_not_yet_held_cannot_be_finalised(database: Database) -> None:
    soon = datetime.now(BEIJING).replace(second=0, microsecond=0) + timedelta(days=2)
    meeting_id = _meeting(database, soon)
    with database.reader() as s, pytest.raises(ValidationError) as refused:
        service.check_held(s, meeting_id)
    assert refused.value.field == "starts_at"
    text = refused.value.message.format(lambda _c, t: t)
    assert soon.strftime("%Y-%m-%d %H:%M") in text and "还没有开始" in text
    with database.session() as s, pytest.raises(ValidationError):
        service.finalise(s, meeting_id, 1)
    with database.reader() as s:
        service.check_held(s, meeting_id, now=soon + timedelta(hours=3))  # afterwards: fine


def test_the_next_start_and_the_due_day_come_from_the_pattern(database: Database) -> None:
    held = datetime(2026, 9, 3, 14, 30, tzinfo=BEIJING)  # the first Thursday
    meeting_id = _meeting(database, held)
    with database.session() as s:  # the official calendar may hold them already
        stored = set(s.scalars(select(Holiday.day)))
        for d in range(1, 8):
            if date(2026, 10, d) not in stored:
                s.add(Holiday(day=date(2026, 10, d), is_workday=False, name="国庆节"))
    with database.reader() as s:
        proposed = service.propose_next_start(s, meeting_id, today=date(2026, 9, 4))
        assert proposed == datetime(2026, 10, 8, 14, 30)
        assert service.default_due_on(s, held.replace(tzinfo=None)) == date(2026, 9, 30)
        later = service.propose_next_start(s, meeting_id, today=date(2026, 11, 20))
        assert later == datetime(2026, 12, 3, 14, 30)
