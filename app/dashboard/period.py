"""The period the dashboard and the monthly report look at: a month, a quarter, a year or a
custom range of days, in Beijing dates, ``start`` inclusive and ``end`` exclusive.

Charts that follow a trend month by month show the period's months, or the six months that
end with it when the period is shorter (one month alone shows no trend)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.localtime import BEIJING

TREND_MONTHS = 6
REPORTING_DAYS = 5  # the first days of a month, when "how did we do?" means the month before


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CUSTOM = "custom"


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    start: date
    end: date  # the day after the last

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def start_moment(self) -> datetime:
        """Beijing midnight at the start, for comparing stored (UTC) times."""
        return datetime.combine(self.start, time(), BEIJING)

    @property
    def end_moment(self) -> datetime:
        return datetime.combine(self.end, time(), BEIJING)

    def months(self) -> list[date]:
        """The first day of each month the period touches."""
        first = self.start.replace(day=1)
        found = []
        while first < self.end:
            found.append(first)
            first = next_month(first)
        return found

    def trend_months(self) -> list[date]:
        """The months a trend chart shows: the period's, at least ``TREND_MONTHS`` of them."""
        found = self.months()
        while len(found) < TREND_MONTHS:
            found.insert(0, previous_month(found[0]))
        return found

    def label(self) -> Message:
        """``2026年10月``, ``2026年第4季度``, ``2026年`` or ``2026年10月8日至11月7日``."""
        start, last = self.start, self.last_day
        if self.kind is PeriodKind.MONTH:
            template = QT_TRANSLATE_NOOP("period", "{year}年{month}月")
        elif self.kind is PeriodKind.QUARTER:
            template = QT_TRANSLATE_NOOP("period", "{year}年第{quarter}季度")
        elif self.kind is PeriodKind.YEAR:
            template = QT_TRANSLATE_NOOP("period", "{year}年")
        elif last.year != start.year:
            template = QT_TRANSLATE_NOOP(
                "period", "{year}年{month}月{day}日至{last_year}年{last_month}月{last_day}日"
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "period", "{year}年{month}月{day}日至{last_month}月{last_day}日"
            )
        return Message(
            "period",
            template,
            year=start.year,
            month=start.month,
            day=start.day,
            quarter=(start.month - 1) // 3 + 1,
            last_year=last.year,
            last_month=last.month,
            last_day=last.day,
        )


def next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def previous_month(first: date) -> date:
    return date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_of(day: date) -> Period:
    first = month_start(day)
    return Period(PeriodKind.MONTH, first, next_month(first))


def quarter_of(day: date) -> Period:
    first = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return Period(PeriodKind.QUARTER, first, next_month(next_month(next_month(first))))


def year_of(day: date) -> Period:
    return Period(PeriodKind.YEAR, date(day.year, 1, 1), date(day.year + 1, 1, 1))


def custom(first: date, last: date) -> Period:
    """The days from ``first`` to ``last``, both included."""
    if last < first:
        text = QT_TRANSLATE_NOOP("validation", "结束日期早于开始日期，请选择开始日期当天或以后。")
        raise ValidationError("last", Message("validation", text))
    return Period(PeriodKind.CUSTOM, first, last + timedelta(days=1))


def period_of(kind: PeriodKind, day: date, last: date | None = None) -> Period:
    """The period of ``kind`` containing ``day`` (for CUSTOM: from ``day`` to ``last``)."""
    if kind is PeriodKind.CUSTOM:
        return custom(day, last or day)
    return {PeriodKind.MONTH: month_of, PeriodKind.QUARTER: quarter_of, PeriodKind.YEAR: year_of}[
        kind
    ](day)


def reporting_day(today: date) -> date:
    """The day whose period the home tab and the monthly report show unless told otherwise:
    today, except in the first ``REPORTING_DAYS`` days of a month, when the month just ended
    is the one to report (the new one is nearly empty): then its last day."""
    return today.replace(day=1) - timedelta(days=1) if today.day <= REPORTING_DAYS else today


def parse_month(text: str) -> Period:
    """``2026-10`` → October 2026; ValueError when it is not a month."""
    year, _, month = text.strip().partition("-")
    return month_of(date(int(year), int(month), 1))
