"""The official calendar: the State Council's notices shipped for 2024–2026 fill every new
database; working-day arithmetic on it; holiday files imported and exported."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.database import Database
from app.errors import UserError, ValidationError
from app.issues import holidays as calendar
from app.issues.calendar import WorkCalendar, load_calendar
from app.issues.holiday_files import (
    holiday_file_text,
    official_exceptions,
    parse_holiday_file,
    shipped_files,
)
from db.models.issues import Holiday, HolidayOrigin
from db.models.security import AuditEntry

FIRST = date(2025, 1, 1)
LAST = date(2027, 12, 31)
days = st.dates(min_value=FIRST, max_value=date(2027, 6, 30))
exceptions = st.dictionaries(
    st.dates(min_value=FIRST, max_value=LAST),
    st.tuples(st.booleans(), st.just("x")),
    max_size=40,
)
counts = st.integers(min_value=0, max_value=40)


def _span(first: str, last: str) -> list[date]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


# 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025年11月4日）, by hand
HOLIDAYS_2026 = {
    "元旦": _span("2026-01-01", "2026-01-03"),
    "春节": _span("2026-02-15", "2026-02-23"),
    "清明节": _span("2026-04-04", "2026-04-06"),
    "劳动节": _span("2026-05-01", "2026-05-05"),
    "端午节": _span("2026-06-19", "2026-06-21"),
    "中秋节": _span("2026-09-25", "2026-09-27"),
    "国庆节": _span("2026-10-01", "2026-10-07"),
}
MAKE_UP_2026 = {
    date(2026, 1, 4): "元旦调休上班",
    date(2026, 2, 14): "春节调休上班",
    date(2026, 2, 28): "春节调休上班",
    date(2026, 5, 9): "劳动节调休上班",
    date(2026, 9, 20): "国庆节调休上班",
    date(2026, 10, 10): "国庆节调休上班",
}


def plain(day: date, extra: dict[date, tuple[bool, str]]) -> bool:
    special = extra.get(day)
    return special[0] if special else day.weekday() < 5


# the arithmetic


@given(days, counts, exceptions)
def test_result_is_a_working_day_and_counts_exactly(day: date, n: int, extra: dict) -> None:
    work = WorkCalendar(FIRST, LAST, extra)
    result = work.add(day, n)
    assert plain(result, extra)
    assert result >= day
    if n >= 1:
        assert work.between(day, result) == n
        # no working day is skipped: the day before the result has one fewer
        assert work.between(day, result - timedelta(days=1)) == n - 1
    elif plain(day, extra):
        assert result == day


@given(days, counts, exceptions)
def test_monotone(day: date, n: int, extra: dict) -> None:
    work = WorkCalendar(FIRST, LAST, extra)
    assert work.add(day, n + 2) > work.add(day, n + 1) >= work.add(day, n)
    # from a day off, "same day" and "one working day" both mean the next working day
    if n == 0 and not plain(day, extra):
        assert work.add(day, 1) == work.add(day, 0)


@given(days, counts, exceptions)
def test_fast_path_agrees_with_stepping(day: date, n: int, extra: dict) -> None:
    fast = WorkCalendar(FIRST, LAST, extra)
    slow = WorkCalendar(date(2000, 1, 1), date(2000, 1, 2), extra)  # everything outside
    assert fast.add(day, n) == slow.add(day, n)
    assert fast.between(day, day + timedelta(days=n)) == slow.between(day, day + timedelta(n))
    assert fast.is_workday(day) == slow.is_workday(day) == plain(day, extra)


@given(days, st.integers(min_value=0, max_value=20))
def test_plain_weeks(day: date, weeks: int) -> None:
    work = WorkCalendar(FIRST, LAST, {})
    monday = day - timedelta(days=day.weekday())
    assert work.add(monday, 5 * weeks) == monday + timedelta(weeks=weeks)


# the shipped notices


def test_a_new_database_knows_every_2026_holiday_and_make_up_day(database: Database) -> None:
    with database.reader() as s:
        year = {h.day: h for h in calendar.holidays(s, 2026)}
    expected_off = {day: name for name, span in HOLIDAYS_2026.items() for day in span}
    assert len(expected_off) == 33 and len(MAKE_UP_2026) == 6
    assert {d for d, h in year.items() if not h.is_workday} == set(expected_off)
    assert {d for d, h in year.items() if h.is_workday} == set(MAKE_UP_2026)
    for day, name in expected_off.items():
        assert year[day].name == name
    for day, name in MAKE_UP_2026.items():
        assert year[day].name == name and day.weekday() >= 5
    assert {h.origin for h in year.values()} == {HolidayOrigin.OFFICIAL}
    assert {h.source for h in year.values()} == {"国办发明电〔2025〕7号"}
    with database.reader() as s:
        work = load_calendar(s, date(2026, 6, 1))
    for day in expected_off:
        assert not work.is_workday(day)
    for day in MAKE_UP_2026:
        assert work.is_workday(day)
    # the first working day after the Spring Festival, and the Saturday before it works
    assert work.add(date(2026, 2, 13), 1) == date(2026, 2, 14)
    assert work.add(date(2026, 2, 14), 1) == date(2026, 2, 24)


def test_2024_and_2025_come_from_their_notices(database: Database) -> None:
    with database.reader() as s:
        y2024, y2025 = calendar.holidays(s, 2024), calendar.holidays(s, 2025)
    assert (sum(not h.is_workday for h in y2024), sum(h.is_workday for h in y2024)) == (28, 8)
    assert (sum(not h.is_workday for h in y2025), sum(h.is_workday for h in y2025)) == (28, 5)
    assert {h.source for h in y2024} == {"国办发明电〔2023〕7号"}
    assert {h.source for h in y2025} == {"国办发明电〔2024〕12号"}
    days_2025 = {h.day: h for h in y2025}
    assert days_2025[date(2025, 1, 28)].name == "春节"  # 除夕 off since 2025
    assert days_2025[date(2025, 10, 8)].name == "国庆节、中秋节"
    assert days_2025[date(2025, 1, 26)].is_workday and days_2025[date(2025, 2, 8)].is_workday
    days_2024 = {h.day: h for h in y2024}
    assert date(2024, 2, 9) not in days_2024  # 除夕 2024 was only "encouraged" off
    assert days_2024[date(2024, 2, 4)].is_workday and days_2024[date(2024, 2, 18)].is_workday


def test_every_shipped_notice_is_consistent() -> None:
    files = shipped_files()
    assert [f.year for f in files] == [2024, 2025, 2026]
    for file in files:
        assert file.notice == f"国务院办公厅关于{file.year}年部分节假日安排的通知"
        for festival in file.festivals:
            assert all(d.weekday() >= 5 for d in festival.work)
            assert festival.first.year == file.year
    assert files[2].published == date(2025, 11, 4)


def test_installed_once_and_hand_edits_survive_reopening(tmp_path: Path) -> None:
    def audited(database: Database) -> int:
        with database.reader() as s:
            return int(s.scalar(select(func.count()).where(AuditEntry.entity == "holidays")) or 0)

    path = str(tmp_path / "g.db")
    database = Database(path)
    assert audited(database) == 0  # the program's own notices: no one's change
    with database.session() as s:
        calendar.clear_holiday(s, date(2026, 10, 7))
        calendar.set_holiday(s, date(2026, 10, 8), False, "街道调休")
    database.close()
    database = Database(path)  # opening again installs nothing more
    with database.reader() as s:
        year = {h.day: h for h in calendar.holidays(s, 2026)}
    assert audited(database) == 2  # the hand edits
    database.close()
    assert date(2026, 10, 7) not in year
    assert year[date(2026, 10, 8)].origin is HolidayOrigin.EDITED


def test_days_set_by_range_and_refused_with_reasons(database: Database) -> None:
    with database.session() as s:
        assert calendar.set_holidays(s, date(2027, 2, 5), date(2027, 2, 11), False, "春节") == 7
    with database.reader() as s:
        assert [h.day.day for h in calendar.holidays(s, 2027)] == list(range(5, 12))
    with pytest.raises(ValidationError) as refused, database.session() as s:
        calendar.set_holidays(s, date(2027, 2, 1), date(2027, 2, 1), True, "调休")
    assert refused.value.field == "kind" and "周末" in str(refused.value.message)
    with pytest.raises(ValidationError) as refused, database.session() as s:
        calendar.set_holidays(s, date(2027, 2, 5), date(2027, 2, 1), False)
    assert refused.value.field == "last"
    with pytest.raises(ValidationError) as refused, database.session() as s:
        calendar.set_holiday(s, date(2027, 10, 1), False, "节" * 41)
    assert refused.value.field == "name"


# holiday files

FILE_2027 = """
year = 2027
notice = "国务院办公厅关于2027年部分节假日安排的通知"
document = "国办发明电〔2026〕9号"
published = 2026-11-10

[[holiday]]
name = "春节"
first = 2027-02-05
last = 2027-02-12
work = [2027-02-20]
"""


def test_a_year_is_imported_from_a_file_and_replaces_what_it_held(
    database: Database, tmp_path: Path
) -> None:
    with database.session() as s:
        calendar.set_holiday(s, date(2027, 5, 1), False, "手工")
    path = tmp_path / "2027.toml"
    path.write_text(FILE_2027, encoding="utf-8")
    with database.session() as s:
        done = calendar.import_holiday_file(s, path)
    assert (done.year, done.days_off, done.workdays, done.replaced) == (2027, 8, 1, 1)
    with database.reader() as s:
        year = calendar.holidays(s, 2027)
    assert {h.origin for h in year} == {HolidayOrigin.IMPORTED}
    assert {h.source for h in year} == {"国办发明电〔2026〕9号"}
    assert date(2027, 5, 1) not in {h.day for h in year}
    # exported, it reads back the same
    with database.reader() as s:
        out = calendar.export_holiday_file(s, 2027, tmp_path / "out.toml")
    again = parse_holiday_file(out.read_text(encoding="utf-8"))
    assert again.exceptions() == parse_holiday_file(FILE_2027).exceptions()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (("year = 2027", "year = 27"), "年份"),
        (("work = [2027-02-20]", "work = [2027-02-19]"), "不是周末"),
        (("last = 2027-02-12", "last = 2027-02-01"), "放假日期有误"),
        (("work = [2027-02-20]", "work = [2028-02-19]"), "不在2027年"),
        (('name = "春节"', "name = 5"), "name"),
        (("[[holiday]]", "[holiday"), "格式有误"),
        (("work = [2027-02-20]", "work = [2027-02-06]"), "重复出现"),
    ],
)
def test_a_wrong_file_is_refused_naming_the_problem(
    database: Database, tmp_path: Path, change: tuple[str, str], words: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(FILE_2027.replace(*change), encoding="utf-8")
    with pytest.raises(UserError) as refused, database.session() as s:
        calendar.import_holiday_file(s, path)
    assert words in str(refused.value.message)
    with database.reader() as s:  # nothing written
        assert s.scalar(select(func.count()).where(Holiday.day >= date(2027, 1, 1))) == 0


def test_the_shipped_files_round_trip_through_the_writer() -> None:
    for file in shipped_files():
        assert parse_holiday_file(holiday_file_text(file)).exceptions() == file.exceptions()
    assert len(official_exceptions(2026, 2026)) == 39
