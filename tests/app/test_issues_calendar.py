"""Working-day arithmetic: Monday–Friday, minus holidays, plus adjusted working weekends."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.demo.clock import holidays_for
from app.issues.calendar import WorkCalendar

FIRST = date(2025, 1, 1)
LAST = date(2027, 12, 31)
days = st.dates(min_value=FIRST, max_value=date(2027, 6, 30))
exceptions = st.dictionaries(
    st.dates(min_value=FIRST, max_value=LAST),
    st.tuples(st.booleans(), st.just("x")),
    max_size=40,
)
counts = st.integers(min_value=0, max_value=40)


def plain(day: date, extra: dict[date, tuple[bool, str]]) -> bool:
    special = extra.get(day)
    return special[0] if special else day.weekday() < 5


@given(days, counts, exceptions)
def test_result_is_a_working_day_and_counts_exactly(day: date, n: int, extra: dict) -> None:
    calendar = WorkCalendar(FIRST, LAST, extra)
    result = calendar.add(day, n)
    assert plain(result, extra)
    assert result >= day
    if n >= 1:
        assert calendar.between(day, result) == n
        # no working day is skipped: the day before the result has one fewer
        assert calendar.between(day, result - timedelta(days=1)) == n - 1
    elif plain(day, extra):
        assert result == day


@given(days, counts, exceptions)
def test_monotone(day: date, n: int, extra: dict) -> None:
    calendar = WorkCalendar(FIRST, LAST, extra)
    assert calendar.add(day, n + 2) > calendar.add(day, n + 1) >= calendar.add(day, n)
    # from a day off, "same day" and "one working day" both mean the next working day
    if n == 0 and not plain(day, extra):
        assert calendar.add(day, 1) == calendar.add(day, 0)


@given(days, counts, exceptions)
def test_fast_path_agrees_with_stepping(day: date, n: int, extra: dict) -> None:
    fast = WorkCalendar(FIRST, LAST, extra)
    slow = WorkCalendar(date(2000, 1, 1), date(2000, 1, 2), extra)  # everything outside
    assert fast.add(day, n) == slow.add(day, n)
    assert fast.between(day, day + timedelta(days=n)) == slow.between(day, day + timedelta(n))
    assert fast.is_workday(day) == slow.is_workday(day) == plain(day, extra)


@given(days, st.integers(min_value=0, max_value=20))
def test_plain_weeks(day: date, weeks: int) -> None:
    calendar = WorkCalendar(FIRST, LAST, {})
    monday = day - timedelta(days=day.weekday())
    assert calendar.add(monday, 5 * weeks) == monday + timedelta(weeks=weeks)


def test_holidays_and_adjusted_weekends() -> None:
    table = holidays_for(2026)
    calendar = WorkCalendar(FIRST, LAST, table)
    assert not calendar.is_workday(date(2026, 10, 1))  # 国庆节
    assert calendar.is_workday(next(d for d, (w, _) in table.items() if w))  # 调休上班
    # Thursday 30 April 2026 + 1: 1–5 May off, so Wednesday 6 May (or the working Saturday)
    after = calendar.add(date(2026, 4, 30), 1)
    assert after > date(2026, 5, 5) or table.get(after, (False, ""))[0]
    assert calendar.add(date(2026, 6, 6), 1) == date(2026, 6, 8)  # Saturday + 1 = Monday
    assert calendar.add(date(2026, 6, 6), 0) == date(2026, 6, 8)
