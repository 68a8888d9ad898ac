"""A due moment as staff read and write it: 24:00 of a day belongs to that day.

Free of SQLAlchemy, so the issues list's first page can show its deadlines before the models
have loaded (see ``first_page.py``).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from app.localtime import cn_date, local_day, to_beijing


def due_day(due: datetime) -> date:
    """The Beijing day a due moment falls on (24:00 belongs to the day it ends)."""
    return local_day(due - timedelta(microseconds=1))


def due_text(due: datetime) -> str:
    """ "2026-10-10 24:00" or "2026-09-30 16:20": the due moment as staff read it."""
    local = to_beijing(due)
    if local.time() == time():
        return f"{due_day(due).isoformat()} 24:00"
    return local.strftime("%Y-%m-%d %H:%M")


def due_cn(due: datetime) -> str:
    """ "2026年10月10日24时" or "2026年9月30日16时20分": for the journal and work orders."""
    local = to_beijing(due)
    if local.time() == time():
        return f"{cn_date(due_day(due))}24时"
    minutes = f"{local.minute}分" if local.minute else ""
    return f"{cn_date(local.date())}{local.hour}时{minutes}"
