"""The dashboard's periods: month, quarter, year and custom ranges in Beijing days."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.dashboard.period import (
    PeriodKind,
    custom,
    month_of,
    parse_month,
    period_of,
    quarter_of,
    reporting_day,
    year_of,
)
from app.errors import ValidationError


def test_a_month_runs_from_its_first_day_to_the_next_months() -> None:
    period = month_of(date(2026, 12, 15))
    assert (period.start, period.end, period.last_day) == (
        date(2026, 12, 1),
        date(2027, 1, 1),
        date(2026, 12, 31),
    )
    assert str(period.label()) == "2026年12月"
    # Beijing midnight: 16:00 UTC the evening before
    assert period.start_moment.astimezone(UTC) == datetime(2026, 11, 30, 16, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("day", "start", "end", "label"),
    [
        (date(2026, 1, 1), date(2026, 1, 1), date(2026, 4, 1), "2026年第1季度"),
        (date(2026, 6, 30), date(2026, 4, 1), date(2026, 7, 1), "2026年第2季度"),
        (date(2026, 11, 28), date(2026, 10, 1), date(2027, 1, 1), "2026年第4季度"),
    ],
)
def test_quarters(day: date, start: date, end: date, label: str) -> None:
    period = quarter_of(day)
    assert (period.start, period.end, str(period.label())) == (start, end, label)
    assert len(period.months()) == 3


def test_a_year_and_its_twelve_months_of_trend() -> None:
    period = year_of(date(2026, 5, 5))
    assert (period.start, period.end, str(period.label())) == (
        date(2026, 1, 1),
        date(2027, 1, 1),
        "2026年",
    )
    assert period.trend_months() == [date(2026, m, 1) for m in range(1, 13)]


def test_a_short_period_shows_the_six_months_that_end_with_it() -> None:
    assert month_of(date(2026, 2, 10)).trend_months() == [
        date(2025, 9, 1),
        date(2025, 10, 1),
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]


def test_a_custom_range_includes_both_days() -> None:
    period = custom(date(2026, 10, 8), date(2027, 1, 7))
    assert period.end == date(2027, 1, 8)
    assert period.months() == [date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1),
                               date(2027, 1, 1)]  # fmt: skip
    assert str(period.label()) == "2026年10月8日至2027年1月7日"
    assert str(custom(date(2026, 3, 1), date(2026, 3, 1)).label()) == "2026年3月1日至3月1日"
    assert period_of(PeriodKind.CUSTOM, date(2026, 10, 8), date(2027, 1, 7)) == period


def test_a_custom_range_ending_before_it_starts_names_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        custom(date(2026, 10, 8), date(2026, 10, 7))
    assert caught.value.field == "last" and "结束日期" in str(caught.value)


def test_parse_month() -> None:
    assert parse_month("2026-10") == month_of(date(2026, 10, 1))
    for bad in ("2026-13", "2026", "十月"):
        with pytest.raises(ValueError):
            parse_month(bad)


@pytest.mark.parametrize(
    ("today", "shown"),
    [
        (date(2026, 12, 1), date(2026, 11, 30)),  # the 1st: the month just ended
        (date(2026, 12, 5), date(2026, 11, 30)),
        (date(2026, 12, 6), date(2026, 12, 6)),  # from the 6th: this month
        (date(2027, 1, 3), date(2026, 12, 31)),  # over the year's end
        (date(2026, 3, 2), date(2026, 2, 28)),
    ],
)
def test_the_first_five_days_of_a_month_report_the_month_before(today: date, shown: date) -> None:
    assert reporting_day(today) == shown
    assert month_of(reporting_day(today)).start == shown.replace(day=1)
