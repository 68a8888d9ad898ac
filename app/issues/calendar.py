"""Working days: Monday to Friday, minus holidays, plus the weekends made working days.

Deadlines of issues are counted in working days of this calendar. The exceptions come from
the ``holidays`` table (users edit it), or from the demo's own holiday table. Inside the
range given to the constructor look-ups are O(log n) on a precomputed list (the demo asks for
millions of them); outside it they step day by day with the same rules, so they are exact.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models.issues import Holiday

Exceptions = Mapping[date, tuple[bool, str]]
"""day → (is_workday, name): a holiday (False) or a weekend made a working day (True)."""


class WorkCalendar:
    """Working days between two dates, with fast "n working days after" look-ups."""

    def __init__(self, first: date, last: date, exceptions: Exceptions) -> None:
        self.first = first
        self.last = last
        self._exceptions = dict(exceptions)
        self._workdays: list[int] = [
            ordinal
            for ordinal in range(first.toordinal(), last.toordinal() + 1)
            if self._rule(date.fromordinal(ordinal))
        ]

    def _rule(self, day: date) -> bool:
        special = self._exceptions.get(day)
        return special[0] if special is not None else day.weekday() < 5

    def _inside(self, day: date) -> bool:
        return self.first <= day <= self.last

    def is_workday(self, day: date) -> bool:
        if not self._inside(day):
            return self._rule(day)
        ordinal = day.toordinal()
        index = bisect_left(self._workdays, ordinal)
        return index < len(self._workdays) and self._workdays[index] == ordinal

    def next_workday(self, day: date) -> date:
        """The day itself when it is a working day, else the first working day after it."""
        return self.add(day, 0)

    def add(self, day: date, working_days: int) -> date:
        """The day ``working_days`` working days after ``day`` (0: the same or next workday).

        Counting starts on the next working day, so a Saturday plus 1 is the Monday."""
        if working_days < 0:
            raise ValueError("working_days must not be negative")
        ordinal = day.toordinal()
        index = bisect_left(self._workdays, ordinal)
        on_workday = index < len(self._workdays) and self._workdays[index] == ordinal
        target = index + working_days - (0 if on_workday or working_days == 0 else 1)
        if self._inside(day) and 0 <= target < len(self._workdays):
            return date.fromordinal(self._workdays[target])
        return self._step(day, working_days)

    def _step(self, day: date, working_days: int) -> date:
        left = working_days
        if not self.is_workday(day):
            while not self.is_workday(day):
                day += timedelta(days=1)
            left = max(left - 1, 0)  # reaching the next working day counts as one
        while left:
            day += timedelta(days=1)
            if self.is_workday(day):
                left -= 1
        return day

    def between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when end ≤ start)."""
        if end <= start:
            return 0
        if self._inside(start) and self._inside(end):
            return bisect_right(self._workdays, end.toordinal()) - bisect_right(
                self._workdays, start.toordinal()
            )
        return sum(
            1 for n in range(1, (end - start).days + 1) if self.is_workday(start + timedelta(n))
        )


def load_calendar(session: Session, around: date, years: int = 2) -> WorkCalendar:
    """The calendar with the user's holidays, precomputed ``years`` either side of a day."""
    exceptions = {
        day: (is_workday, name)
        for day, is_workday, name in session.execute(
            select(Holiday.day, Holiday.is_workday, Holiday.name)
        )
    }
    first = date(around.year - years, 1, 1)
    last = date(around.year + years, 12, 31)
    return WorkCalendar(first, last, exceptions)
