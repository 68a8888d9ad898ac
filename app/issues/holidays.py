"""The holiday calendar deadlines are counted in: the State Council's notices shipped with the
program fill every database, a holiday file adds a later year, and single days are set by
hand. Each day says where it came from (``HolidayOrigin``) and which notice or file.

A year comes from one notice: installing or importing it replaces what the year held (hand
edits made afterwards stay, since a year is installed once). Imports and hand edits are
audited.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app import audit
from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.issues.holiday_files import (
    Festival,
    HolidayFile,
    holiday_file_text,
    read_holiday_file,
    shipped_files,
)
from app.issues.official_calendar import INSTALLED
from app.issues.store import flush, forget_calendars
from db.base import Entity
from db.models.issues import Holiday, HolidayOrigin
from db.models.security import Setting

NAME_MAX = 40
RANGE_MAX = 31  # days set at once by hand

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HolidayView:
    day: date
    is_workday: bool
    name: str
    origin: HolidayOrigin
    source: str  # the notice's document number, or the file's; "" for a hand edit


@dataclass(frozen=True)
class Installed:
    """What installing a year did."""

    year: int
    days_off: int
    workdays: int
    replaced: int  # days the year held before


def holidays(session: Session, year: int) -> list[HolidayView]:
    rows = session.scalars(
        select(Holiday)
        .where(Holiday.day >= date(year, 1, 1), Holiday.day <= date(year, 12, 31))
        .order_by(Holiday.day)
    )
    return [HolidayView(h.day, h.is_workday, h.name, h.origin, h.source) for h in rows]


def _invalid(field: str, template: str, **params: object) -> ValidationError:
    return ValidationError(field, Message("errors", template, **params))


def _put(session: Session, day: date, is_workday: bool, name: str, origin: HolidayOrigin,
         source: str = "") -> None:  # fmt: skip
    row = session.scalar(select(Holiday).where(Holiday.day == day))
    before = audit.snapshot(row) if row else None
    if row is None:
        row = Holiday(day=day)
        session.add(row)
    row.is_workday, row.name, row.origin, row.source = is_workday, name, origin, source
    flush(session)
    audit.record(session, "update" if before else "create", row, before)


def set_holiday(session: Session, day: date, is_workday: bool, name: str = "") -> None:
    """Marks a day a holiday (``is_workday`` False) or a working weekend (True), by hand.

    ValidationError on ``name`` when longer than 40 characters."""
    set_holidays(session, day, day, is_workday, name)


def set_holidays(
    session: Session, first: date, last: date, is_workday: bool, name: str = ""
) -> int:
    """The days from ``first`` to ``last`` (a festival's whole break at once), by hand.
    Returns how many days were set. ValidationError on ``name`` or ``last``."""
    text = name.strip()
    if len(text) > NAME_MAX:
        raise _invalid("name", QT_TRANSLATE_NOOP("errors", "名称最多{max}个字。"), max=NAME_MAX)
    if last < first:
        raise _invalid("last", QT_TRANSLATE_NOOP("errors", "结束日期不能早于开始日期。"))
    if (last - first).days >= RANGE_MAX:
        raise _invalid("last", QT_TRANSLATE_NOOP("errors", "一次最多设置{max}天。"), max=RANGE_MAX)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    if is_workday and (weekday := next((d for d in days if d.weekday() < 5), None)):
        raise _invalid(
            "kind",
            QT_TRANSLATE_NOOP("errors", "{day}是周一至周五，本来就上班：调休上班只设在周末。"),
            day=f"{weekday.month}月{weekday.day}日",
        )
    for day in days:
        _put(session, day, is_workday, text, HolidayOrigin.EDITED)
    forget_calendars(session)
    return len(days)


def clear_holiday(session: Session, day: date) -> None:
    """The day follows the Monday–Friday rule again."""
    row = session.scalar(select(Holiday).where(Holiday.day == day))
    if row is None:
        return
    _purge(session, row)
    forget_calendars(session)


def _purge(session: Session, row: Holiday) -> None:
    before = audit.snapshot(row)
    session.delete(row)
    flush(session)
    audit.record(session, "purge", row, before)


def install_year(session: Session, file: HolidayFile, origin: HolidayOrigin) -> Installed:
    """The year becomes exactly what the file says (its notice's days, nothing else). An
    import is audited; the program's own notices, installed when a file opens, are not a
    change anyone made."""
    exceptions = file.exceptions()
    old = session.scalars(
        select(Holiday).where(
            or_(
                Holiday.day.between(date(file.year, 1, 1), date(file.year, 12, 31)),
                Holiday.day.in_(list(exceptions)),
            )
        )
    ).all()
    audited = origin is not HolidayOrigin.OFFICIAL
    for row in old:
        if audited:
            _purge(session, row)
        else:
            session.delete(row)
    session.flush()
    rows: list[Entity] = [
        Holiday(day=day, is_workday=w, name=name, origin=origin, source=file.source)
        for day, (w, name) in exceptions.items()
    ]
    session.add_all(rows)
    if audited:
        audit.record_created(session, rows, reason=file.source)
    flush(session)
    forget_calendars(session)
    workdays = sum(1 for w, _ in exceptions.values() if w)
    return Installed(file.year, len(exceptions) - workdays, workdays, len(old))


def import_holiday_file(session: Session, path: Path) -> Installed:
    """导入: a year's notice from a holiday file; UserError naming the file's problem."""
    return install_year(session, read_holiday_file(path), HolidayOrigin.IMPORTED)


def install_shipped_years(session: Session) -> list[int]:
    """The shipped notices' years this database has not had yet; returns them."""
    setting = session.scalar(select(Setting).where(Setting.key == INSTALLED))
    done = set(setting.value if setting is not None else [])
    new = [f for f in shipped_files() if f.year not in done]
    for file in new:
        install_year(session, file, HolidayOrigin.OFFICIAL)
    if new:
        years = sorted(done | {f.year for f in new})
        if setting is None:
            session.add(Setting(key=INSTALLED, value=years))
        else:
            setting.value = years
        flush(session)
    return [f.year for f in new]


def year_as_file(session: Session, year: int) -> HolidayFile:
    """The year as a holiday file (to 导出 and send on): runs of days off with one name are
    a festival; a make-up working day joins the festival it is named after, else the
    nearest one. ValidationError when the year has no holidays to export."""
    rows = holidays(session, year)
    festivals: list[Festival] = []
    for row in (r for r in rows if not r.is_workday):
        last = festivals[-1] if festivals else None
        if last and last.name == row.name and last.last + timedelta(days=1) == row.day:
            festivals[-1] = Festival(last.name, last.first, row.day, ())
        else:
            festivals.append(Festival(row.name, row.day, row.day, ()))
    if not festivals:
        raise _invalid(
            "year", QT_TRANSLATE_NOOP("errors", "{year}年还没有节假日，无法导出。"), year=year
        )
    work: dict[int, list[date]] = {}
    for row in (r for r in rows if r.is_workday):
        named = [i for i, f in enumerate(festivals) if row.name.startswith(f.name)]
        index = named[0] if named else _nearest(festivals, row.day)
        work.setdefault(index, []).append(row.day)
    done = [
        Festival(f.name, f.first, f.last, tuple(work.get(i, ()))) for i, f in enumerate(festivals)
    ]
    sources = sorted({r.source for r in rows if r.source})
    notice = sources[0] if len(sources) == 1 else f"{year}年节假日安排"
    return HolidayFile(year, notice, "", None, tuple(done))


def _nearest(festivals: list[Festival], day: date) -> int:
    return min(
        range(len(festivals)),
        key=lambda i: min(
            abs((festivals[i].first - day).days), abs((festivals[i].last - day).days)
        ),
    )


def export_holiday_file(session: Session, year: int, path: Path) -> Path:
    """导出 the year in the holiday file format; written whole or not at all."""
    text = holiday_file_text(year_as_file(session, year))
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)
    return path
