"""When the next session of a regular meeting falls, and when its decisions are due.

A zone council meets on a pattern such as "the second Tuesday of the month": the next session
keeps the week of the month and the weekday (a fifth Thursday becomes the month's last), and
moves to the next working day when that day is a holiday — never onto a weekend, even a
weekend made a working day. Action items are due by the working day before the next session,
which reviews them. Re-exported by ``service``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from app.issues.calendar import WorkCalendar, load_calendar
from app.localtime import to_beijing
from app.meetings.store import live_meeting

WEEK = 7


def _month_after(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def same_weekday_in(year: int, month: int, weekday: int, week: int) -> date:
    """The ``week``-th ``weekday`` of the month (1-based); the last one when there are fewer."""
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % WEEK + (week - 1) * WEEK)
    while day.month != month:
        day -= timedelta(days=WEEK)
    return day


def _is_meeting_day(day: date, calendar: WorkCalendar) -> bool:
    return day.weekday() < 5 and calendar.is_workday(day)


def next_session_day(previous: date, calendar: WorkCalendar, after: date | None = None) -> date:
    """The day of the session after one held on ``previous``: the same week of the month and
    weekday in the following month (or the first such month whose day is after ``after``),
    moved on to a working weekday."""
    week = (previous.day - 1) // WEEK + 1
    year, month = _month_after(previous.year, previous.month)
    while True:
        day = same_weekday_in(year, month, previous.weekday(), week)
        while not _is_meeting_day(day, calendar):
            day += timedelta(days=1)
        if after is None or day > after:
            return day
        year, month = _month_after(year, month)


def due_before(session_day: date, calendar: WorkCalendar) -> date:
    """The working day before ``session_day``: when a decision is due for review there."""
    day = session_day - timedelta(days=1)
    while not _is_meeting_day(day, calendar):
        day -= timedelta(days=1)
    return day


def propose_next_start(session: Session, meeting_id: str, today: date) -> datetime:
    """The next session's start (Beijing wall-clock time, naive) for 复制为下次会议: the
    pattern's next day after ``today``, at the same time of day."""
    meeting = live_meeting(session, meeting_id)
    start = to_beijing(meeting.starts_at)
    calendar = load_calendar(session, today)
    day = next_session_day(start.date(), calendar, after=today)
    return datetime(day.year, day.month, day.day, start.hour, start.minute)


def default_due_on(session: Session, starts_at: datetime) -> date:
    """A new action item's due day: the working day before the next session."""
    held = starts_at.date()
    calendar = load_calendar(session, held)
    return due_before(next_session_day(held, calendar), calendar)
