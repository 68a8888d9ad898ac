"""Beijing time: how every time is shown and printed, whatever the PC's own time zone.

Times are stored in UTC. A street office is always in China (UTC+8, no daylight saving), and a
meeting at 14:30 must read 14:30 on a laptop set to another zone too.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

BEIJING_OFFSET = timedelta(hours=8)
BEIJING = timezone(BEIJING_OFFSET, "Asia/Shanghai")


def to_beijing(moment: datetime) -> datetime:
    return moment.astimezone(BEIJING)


def beijing_today() -> date:
    """Today's date in Beijing, whatever the PC's zone: when terms start and deadlines fall."""
    return datetime.now(BEIJING).date()


def local_day(moment: datetime) -> date:
    """The Beijing day of a stored (UTC) moment."""
    return to_beijing(moment).date()


def cn_date(day: date) -> str:
    """``2026年11月28日``: dates in documents and messages, Arabic numerals, no padding."""
    return f"{day.year}年{day.month}月{day.day}日"
