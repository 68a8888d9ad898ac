"""Beijing office time for the demo: its events fall in office hours.

Deadlines count working days of the database's own calendar (the State Council's notices the
program ships; a year without a notice has weekends only), read in ``app.demo._build``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from app.localtime import BEIJING_OFFSET


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
