"""Beijing office time and the demo's public-holiday table.

Deadlines of issues count working days, so the demo feeds these holidays to the app's
``app.issues.calendar.WorkCalendar`` (Monday to Friday, minus holidays, plus adjusted weekends).
Holiday dates are rough (lunar festivals from a small table) — close enough for demo data.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from app.localtime import BEIJING_OFFSET

# Spring Festival (正月初一), Dragon Boat (端午), Mid-Autumn (中秋) per year.
LUNAR_FESTIVALS: dict[int, tuple[str, str, str]] = {
    2018: ("02-16", "06-18", "09-24"),
    2019: ("02-05", "06-07", "09-13"),
    2020: ("01-25", "06-25", "10-01"),
    2021: ("02-12", "06-14", "09-21"),
    2022: ("02-01", "06-03", "09-10"),
    2023: ("01-22", "06-22", "09-29"),
    2024: ("02-10", "06-10", "09-17"),
    2025: ("01-29", "05-31", "10-06"),
    2026: ("02-17", "06-19", "09-25"),
    2027: ("02-06", "06-09", "09-15"),
    2028: ("01-26", "05-28", "10-03"),
    2029: ("02-13", "06-16", "09-22"),
    2030: ("02-03", "06-05", "09-12"),
    2031: ("01-23", "06-24", "10-01"),
    2032: ("02-11", "06-12", "09-19"),
    2033: ("01-31", "06-01", "09-08"),
    2034: ("02-19", "06-20", "09-27"),
    2035: ("02-08", "06-10", "09-16"),
}
FALLBACK_FESTIVALS = ("02-05", "06-10", "09-20")


def local_time(day: date, minutes: int = 0) -> datetime:
    """``minutes`` after midnight in Beijing on ``day``, as an aware UTC datetime."""
    midnight = datetime(day.year, day.month, day.day, tzinfo=UTC) - BEIJING_OFFSET
    return midnight + timedelta(minutes=minutes)


def local_date(moment: datetime) -> date:
    return (moment + BEIJING_OFFSET).date()


def office_hours(moment: datetime) -> datetime:
    """The moment, moved forward into 08:30–17:30 Beijing time if it falls outside."""
    local = moment + BEIJING_OFFSET
    minutes = local.hour * 60 + local.minute
    if minutes < 510:
        return local_time(local.date(), 510 + minutes % 30)
    if minutes > 1050:
        return local_time(local.date() + timedelta(days=1), 510 + minutes % 45)
    return moment


def _festival(year: int, index: int) -> date:
    month_day = LUNAR_FESTIVALS.get(year, FALLBACK_FESTIVALS)[index]
    return date.fromisoformat(f"{year}-{month_day}")


def _span(start: date, days: int) -> list[date]:
    return [start + timedelta(days=i) for i in range(days)]


def _weekend_before(start: date) -> date:
    day = start - timedelta(days=2)
    while day.weekday() < 5:
        day -= timedelta(days=1)
    return day


def _weekend_after(end: date) -> date:
    day = end + timedelta(days=2)
    while day.weekday() < 5:
        day += timedelta(days=1)
    return day


def holidays_for(year: int) -> dict[date, tuple[bool, str]]:
    """day → (is_workday, name) for one year: holidays and the adjusted working weekends."""
    days: dict[date, tuple[bool, str]] = {}
    long_breaks: list[tuple[str, list[date]]] = [
        ("春节", _span(_festival(year, 0) - timedelta(days=1), 8)),
        ("劳动节", _span(date(year, 5, 1), 5)),
    ]
    mid_autumn = _festival(year, 2)
    national = _span(
        date(year, 10, 1), 8 if date(year, 9, 30) < mid_autumn < date(year, 10, 9) else 7
    )
    long_breaks.append(("国庆节", national))
    short_breaks = [
        ("元旦", [date(year, 1, 1)]),
        ("清明节", [date(year, 4, 4 if year % 4 in (0, 1) else 5)]),
        ("端午节", [_festival(year, 1)]),
    ]
    if mid_autumn not in national:
        short_breaks.append(("中秋节", [mid_autumn]))
    for name, span in short_breaks + long_breaks:
        for day in span:
            days[day] = (False, name)
    for name, span in long_breaks:
        for day in (_weekend_before(span[0]), _weekend_after(span[-1])):
            if day not in days and day.year == year:
                days[day] = (True, f"{name}调休上班")
    return dict(sorted(days.items()))
