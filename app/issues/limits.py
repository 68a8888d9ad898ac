"""Time limits (办理时限) by tier and clock, and the due moment they give.

A limit is an amount of clock hours, working days or calendar days. Days follow the usual
rule for periods: the day the clock starts is not counted, and the last day runs to 24:00, so
"3 个工作日" from Wednesday 30 September 2026 ends at 24:00 on the make-up Saturday 10 October
(8 and 9 October are the first two; 1–7 October are the National Day holiday). Hours run on
the clock, nights and holidays included: a 2-hour emergency has no office hours.

Staff type limits as they say them ("3 个工作日", "24小时", "7天", "15 个自然日"); ``parse_limit``
reads them, ``limit_text`` writes them back, and the four tiers of Beijing's 接诉即办 rules are
offered as presets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.errors import invalid
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.issues.calendar import WorkCalendar
from app.issues.due import due_day
from app.localtime import BEIJING, local_day
from db.models.issues import LimitUnit

HOURS_MAX = 720  # 30 days on the clock
DAYS_MAX = 60
UNIT_WORDS = {  # what staff type after the number
    LimitUnit.HOURS: ("小时", "个小时", "h", "时"),
    LimitUnit.WORKING_DAYS: ("个工作日", "工作日", "个工作天", "工作天"),
    LimitUnit.CALENDAR_DAYS: ("天", "日", "个自然日", "自然日", "个日历日", "日历日", "d"),
}
_TYPED = re.compile(r"^\s*(\d{1,4})\s*(.*?)\s*$")


@dataclass(frozen=True)
class Limit:
    amount: int
    unit: LimitUnit

    def text(self) -> Message:
        """ "3个工作日", "24小时", "7天" (translatable)."""
        templates = {
            LimitUnit.HOURS: QT_TRANSLATE_NOOP("limits", "{n}小时"),
            LimitUnit.WORKING_DAYS: QT_TRANSLATE_NOOP("limits", "{n}个工作日"),
            LimitUnit.CALENDAR_DAYS: QT_TRANSLATE_NOOP("limits", "{n}天"),
        }
        return Message("limits", templates[self.unit], n=self.amount)

    def __str__(self) -> str:
        return str(self.text())


@dataclass(frozen=True)
class Tier:
    name: str  # QT_TRANSLATE_NOOP("limits", …)
    limit: Limit


TIERS = (
    Tier(QT_TRANSLATE_NOOP("limits", "紧急（危及生命财产安全）"), Limit(2, LimitUnit.HOURS)),
    Tier(QT_TRANSLATE_NOOP("limits", "水电气热"), Limit(24, LimitUnit.HOURS)),
    Tier(QT_TRANSLATE_NOOP("limits", "一般诉求"), Limit(7, LimitUnit.CALENDAR_DAYS)),
    Tier(QT_TRANSLATE_NOOP("limits", "复杂诉求"), Limit(15, LimitUnit.CALENDAR_DAYS)),
)
"""The presets: Beijing's 接诉即办 tiers (other provinces often use 5 个工作日)."""

DEFAULT_LIMIT = Limit(3, LimitUnit.WORKING_DAYS)


def check_limit(limit: Limit, field: str = "limit") -> Limit:
    """The limit when it is within bounds, else ValidationError on ``field``."""
    top = HOURS_MAX if limit.unit is LimitUnit.HOURS else DAYS_MAX
    if not 1 <= limit.amount <= top:
        raise invalid(
            field,
            QT_TRANSLATE_NOOP("validation", "办理时限须在1到{max}{unit}之间。"),
            max=top,
            unit=Message("limits", _UNIT_NAMES[limit.unit]),
        )
    return limit


_UNIT_NAMES = {
    LimitUnit.HOURS: QT_TRANSLATE_NOOP("limits", "小时"),
    LimitUnit.WORKING_DAYS: QT_TRANSLATE_NOOP("limits", "个工作日"),
    LimitUnit.CALENDAR_DAYS: QT_TRANSLATE_NOOP("limits", "天"),
}


def parse_limit(text: str, field: str = "limit") -> Limit:
    """ "3 个工作日", "3个工作日", "24小时", "7天", "15 个自然日" → a Limit; ValidationError on
    ``field`` naming what may be typed."""
    match = _TYPED.match(text.replace("　", " "))
    if match:
        amount, word = int(match.group(1)), match.group(2).lower()
        for unit, words in UNIT_WORDS.items():
            if word in words:
                return check_limit(Limit(amount, unit), field)
    raise invalid(
        field,
        QT_TRANSLATE_NOOP("validation", "“{text}”不是办理时限：请写成“3个工作日”“24小时”或“7天”。"),
        text=text.strip(),
    )


_DAY = re.compile(r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*$")


def parse_due(text: str, field: str = "due") -> Limit | date | None:
    """What staff type as a dispatch's 办理时限: a limit ("3个工作日"), a last day
    ("2026-10-10", "2026年10月10日"), or nothing (None: the issue's own)."""
    if not text.strip():
        return None
    if match := _DAY.match(text):
        try:
            return date(*(int(part) for part in match.groups()))
        except ValueError:
            raise invalid(
                field,
                QT_TRANSLATE_NOOP("validation", "“{text}”不是有效的日期。"),
                text=text.strip(),
            ) from None
    return parse_limit(text, field)


def end_of(day: date) -> datetime:
    """24:00 Beijing of ``day`` (the next day's midnight), as an aware datetime."""
    return datetime.combine(day + timedelta(days=1), time(), BEIJING)


def due_moment(calendar: WorkCalendar, start: datetime, limit: Limit) -> datetime:
    """When an issue (or a dispatch) whose clock starts at ``start`` is due."""
    if limit.unit is LimitUnit.HOURS:
        return start + timedelta(hours=limit.amount)
    day = local_day(start)
    if limit.unit is LimitUnit.CALENDAR_DAYS:
        return end_of(day + timedelta(days=limit.amount))
    return end_of(calendar.add(day, limit.amount))


def shifted(calendar: WorkCalendar, due: datetime, unit: LimitUnit, paused: datetime,
            resumed: datetime) -> datetime:  # fmt: skip
    """The due moment after the clock stood still from ``paused`` to ``resumed``: hours by
    the time that passed; working (calendar) days by the working (calendar) days it covered."""
    if resumed <= paused:
        return due
    if unit is LimitUnit.HOURS:
        return due + (resumed - paused)
    first, last = local_day(paused), local_day(resumed)
    if unit is LimitUnit.CALENDAR_DAYS:
        return end_of(due_day(due) + timedelta(days=(last - first).days))
    skipped = calendar.between(first, last)
    return end_of(calendar.add(due_day(due), skipped)) if skipped else due


def extended(calendar: WorkCalendar, due: datetime, limit: Limit) -> datetime:
    """The due moment ``limit`` later (延期 by "3个工作日"): hours on the clock, days from
    the day it was due."""
    if limit.unit is LimitUnit.HOURS:
        return due + timedelta(hours=limit.amount)
    if limit.unit is LimitUnit.CALENDAR_DAYS:
        return end_of(due_day(due) + timedelta(days=limit.amount))
    return end_of(calendar.add(due_day(due), limit.amount))
