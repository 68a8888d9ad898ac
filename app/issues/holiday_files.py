"""Holiday files: one year's holidays and make-up working days as the State Council's notice
gives them, in a small TOML file (the format is in the README, "The holiday calendar").

The years the program ships live in ``resources/calendar/``; a later year's file is imported
from the calendar screen or with ``gongjian holidays --import``. Reading checks the whole
file and names the first problem in Chinese; nothing is written from a file with a problem.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.localtime import cn_date
from app.paths import resource_path

SHIPPED_FOLDER = ("calendar",)
NAME_MAX = 40
SOURCE_MAX = 120
LONGEST_BREAK = 15  # days: no festival in any notice is longer


@dataclass(frozen=True)
class Festival:
    """One paragraph of a notice: the days off (first to last) and the make-up working days."""

    name: str
    first: date
    last: date
    work: tuple[date, ...]

    def days_off(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]


@dataclass(frozen=True)
class HolidayFile:
    year: int
    notice: str  # 国务院办公厅关于2026年部分节假日安排的通知
    document: str  # 国办发明电〔2025〕7号 ("" when not given)
    published: date | None
    festivals: tuple[Festival, ...]

    @property
    def source(self) -> str:
        """What the calendar screen names as the days' origin: the document, else the notice."""
        return (self.document or self.notice)[:SOURCE_MAX]

    def exceptions(self) -> dict[date, tuple[bool, str]]:
        """day → (is_workday, name), as ``WorkCalendar`` takes them."""
        days: dict[date, tuple[bool, str]] = {}
        for festival in self.festivals:
            for day in festival.days_off():
                days[day] = (False, festival.name)
            for day in festival.work:
                days[day] = (True, f"{festival.name}调休上班")
        return dict(sorted(days.items()))


def _problem(template: str, **params: object) -> UserError:
    return UserError(Message("errors", template, **params))


def _text(table: dict[str, Any], key: str, festival: str, required: bool = True) -> str:
    """A text value; ``festival`` names the paragraph ("" for the file's opening lines)."""
    value = table.get(key, "")
    if isinstance(value, str) and (value.strip() or not required):
        return value.strip()
    if festival:
        raise _problem(
            QT_TRANSLATE_NOOP("errors", "节假日文件中“{festival}”一段缺少“{key}”（须是文字）。"),
            festival=festival,
            key=key,
        )
    raise _problem(QT_TRANSLATE_NOOP("errors", "节假日文件开头缺少“{key}”（须是文字）。"), key=key)


def _day(value: object, key: str, festival: str) -> date:
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if not festival:
        raise _problem(
            QT_TRANSLATE_NOOP("errors", "节假日文件开头的“{key}”须是日期，写成 2027-01-01。"),
            key=key,
        )
    raise _problem(
        QT_TRANSLATE_NOOP("errors", "节假日文件中“{festival}”的“{key}”须是日期，写成 2027-01-01。"),
        festival=festival,
        key=key,
    )


def _festival(table: object, index: int, year: int) -> Festival:
    if not isinstance(table, dict):
        raise _problem(QT_TRANSLATE_NOOP("errors", "节假日文件的每个节日须写成 [[holiday]] 一段。"))
    name = _text(table, "name", f"[[holiday]] {index}")
    if len(name) > NAME_MAX:
        raise _problem(
            QT_TRANSLATE_NOOP("errors", "节日名称“{name}”超过{max}个字。"), name=name, max=NAME_MAX
        )
    where = name
    first, last = _day(table.get("first"), "first", where), _day(table.get("last"), "last", where)
    work_values = table.get("work", [])
    if not isinstance(work_values, list):
        raise _problem(
            QT_TRANSLATE_NOOP("errors", "{where}的“work”须是日期的列表，如 [2027-02-07]。"),
            where=where,
        )
    work = tuple(_day(v, "work", where) for v in work_values)
    if last < first or (last - first).days >= LONGEST_BREAK:
        raise _problem(
            QT_TRANSLATE_NOOP("errors", "{where}的放假日期有误：{first}至{last}。"),
            where=where,
            first=cn_date(first),
            last=cn_date(last),
        )
    window = (date(year - 1, 12, 1), date(year + 1, 1, 31))
    for day in (first, last, *work):
        if not window[0] <= day <= window[1]:
            raise _problem(
                QT_TRANSLATE_NOOP("errors", "{where}的日期{day}不在{year}年。"),
                where=where,
                day=cn_date(day),
                year=year,
            )
    for day in work:
        if day.weekday() < 5:
            raise _problem(
                QT_TRANSLATE_NOOP(
                    "errors", "{where}的调休上班日{day}不是周末：调休上班日应是周六或周日。"
                ),
                where=where,
                day=cn_date(day),
            )
    return Festival(name, first, last, work)


def parse_holiday_file(text: str) -> HolidayFile:
    """The file's year and festivals; UserError naming the first problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _problem(
            QT_TRANSLATE_NOOP("errors", "节假日文件的格式有误：{detail}"), detail=str(error)
        ) from None
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
        raise _problem(QT_TRANSLATE_NOOP("errors", "节假日文件须写明年份，如 year = 2027。"))
    notice = _text(data, "notice", "")
    document = _text(data, "document", "", required=False)
    published = data.get("published")
    if published is not None:
        published = _day(published, "published", "")
    tables = data.get("holiday")
    if not isinstance(tables, list) or not tables:
        raise _problem(QT_TRANSLATE_NOOP("errors", "节假日文件里没有节日（[[holiday]] 段）。"))
    festivals = tuple(_festival(t, n, year) for n, t in enumerate(tables, start=1))
    _check_overlaps(festivals)
    return HolidayFile(year, notice, document, published, festivals)


def _check_overlaps(festivals: tuple[Festival, ...]) -> None:
    seen: dict[date, str] = {}
    for festival in festivals:
        for day in [*festival.days_off(), *festival.work]:
            if day in seen:
                raise _problem(
                    QT_TRANSLATE_NOOP("errors", "{day}在“{a}”和“{b}”中重复出现。"),
                    day=cn_date(day),
                    a=seen[day],
                    b=festival.name,
                )
            seen[day] = festival.name


def read_holiday_file(path: Path) -> HolidayFile:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise _problem(
            QT_TRANSLATE_NOOP("errors", "节假日文件须以 UTF-8 编码保存：{name}"), name=path.name
        ) from None
    except OSError as error:
        raise _problem(
            QT_TRANSLATE_NOOP("errors", "无法读取节假日文件：{name}（{why}）"),
            name=path.name,
            why=error.strerror or "",
        ) from None
    return parse_holiday_file(text)


@cache
def shipped_files() -> tuple[HolidayFile, ...]:
    """The notices shipped with the program, oldest year first."""
    folder = resource_path(*SHIPPED_FOLDER)
    return tuple(
        sorted((read_holiday_file(p) for p in folder.glob("*.toml")), key=lambda f: f.year)
    )


def shipped_years() -> tuple[int, ...]:
    return tuple(f.year for f in shipped_files())


def official_exceptions(first_year: int, last_year: int) -> dict[date, tuple[bool, str]]:
    """The shipped notices' days for these years (years with no notice have none)."""
    days: dict[date, tuple[bool, str]] = {}
    for found in shipped_files():
        if first_year <= found.year <= last_year:
            days.update(found.exceptions())
    return days


def holiday_file_text(file: HolidayFile) -> str:
    """The file as it is read back (for 导出: one office sends a year to the communities)."""
    lines = [
        f"# {file.notice}" + (f"（{file.document}）" if file.document else ""),
        "# 一个节日一段：first 至 last 放假（含调休），work 是调休上班的周末。",
        "",
        f"year = {file.year}",
        f"notice = {_quoted(file.notice)}",
        f"document = {_quoted(file.document)}",
    ]
    if file.published is not None:
        lines.append(f"published = {file.published.isoformat()}")
    for festival in file.festivals:
        work = ", ".join(d.isoformat() for d in festival.work)
        lines += [
            "",
            "[[holiday]]",
            f"name = {_quoted(festival.name)}",
            f"first = {festival.first.isoformat()}",
            f"last = {festival.last.isoformat()}",
            f"work = [{work}]",
        ]
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
