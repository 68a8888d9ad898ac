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
