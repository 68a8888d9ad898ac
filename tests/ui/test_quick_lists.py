"""A list tab's first page read with sqlite3 before SQLAlchemy loads: the same rows as the list
source's first page, shown in the real main window until the database is open, and only when
the file qualifies and nobody has to sign in."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.agreements.lists import AgreementList
from app.agreements.reckoning import BEHIND_MARGIN_DEFAULT, BEHIND_MARGIN_KEY, elapsed_share
from app.database import Database
from app.directory.lists import ResidentUnitList
from app.enums import Role
from app.issues.lists import IssueList
from app.listing import ListQuery
from app.localtime import local_day
from app.meetings.lists import MeetingList
from app.operator import LOCAL_ADMIN
from app.personal_data import PersonalKind, masked
from app.quick_lists import PAGE_SIZE, quick_page
from app.rows import Query, session_query
from app.secondments.lists import PostingList
from app.settings_store import store_setting
from app.users import UserInput, add_user
from db.base import utcnow
from tests.app.test_imports import HEAVY, loaded_after, packages

from PySide6.QtCore import QSettings
from ui.main_window import MainWindow
from ui.models.paged_table import PagedTableModel
from ui.quick_list import QuickListPage
from ui.settings import Settings

NOW = utcnow()
PASSWORD = "jianning-2026"


def _reader(tab: str) -> Callable[[Query], Any]:
    from app.quick_lists import READERS

    return lambda query: READERS[tab](query, NOW).rows


LISTS = {
    "agreements": AgreementList,
    "issues": IssueList,
    "meetings": MeetingList,
    "secondments": PostingList,
    "directory": ResidentUnitList,  # the directory tab opens on its resident units
}
# the moment rows are coloured at, as each list source is told it
AS_AT: dict[str, dict[str, Any]] = {"issues": {"now": NOW}, "agreements": {"today": local_day(NOW)}}


@pytest.fixture
def street(demo_street: Path, tmp_path: Path) -> Path:
    target = tmp_path / "street.db"
    shutil.copyfile(demo_street, target)
    return target


def _window(qtbot: QtBot, target: Path, tab: str) -> MainWindow:
    settings = Settings(QSettings(str(target.parent / "settings.ini"), QSettings.Format.IniFormat))
    settings.last_tab = tab
    main = MainWindow(str(target), settings, interactive=False)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    return main


def _texts(model: Any, rows: int) -> list[list[str]]:
    return [
        [model.index(r, c).data() or "" for c in range(model.columnCount())] for r in range(rows)
    ]


def _listed_and_read(target: Path, tab: str) -> tuple[list[Any], list[Any]]:
    """The list source's first page for the tab's starting query, and the quick reader's."""
    source = LISTS[tab]()
    query = ListQuery(
        sort=source.default_sort, descending=source.default_descending, filters=AS_AT.get(tab, {})
    )
    database = Database(str(target))
    try:
        with database.reader() as session:
            listed = source.fetch(session, query, 0, PAGE_SIZE)
            read = _reader(tab)(session_query(session))
    finally:
        database.close()
    return listed, read


@pytest.mark.parametrize("tab", sorted(LISTS))
def test_the_quick_reader_reads_the_list_sources_first_page(street: Path, tab: str) -> None:
    listed, read = _listed_and_read(street, tab)
    assert len(listed) > 20
    assert [(r.id, r.version, r.values, r.style) for r in read] == [
        (r.id, r.version, r.values, r.style) for r in listed
    ]
    # the issues have red and yellow rows, the agreements red ones (behind schedule)
    assert any(r.style for r in read) == (tab in AS_AT)


def test_the_agreements_first_page_shows_this_years_progress(street: Path) -> None:
    page = quick_page(str(street), "agreements", NOW)
    assert page is not None
    read = {r.id: r for r in page.rows}
    running = [r for r in read.values() if r.values[5] in ("active", "expiring")]
    others = [r for r in read.values() if r not in running]
    assert others and all(r.values[6] == "" and r.style == "" for r in others)
    red = [r for r in running if r.style == "red"]
    assert red
    behind_by = elapsed_share(NOW.year, local_day(NOW)) - BEHIND_MARGIN_DEFAULT
    assert all(int(r.values[6].removesuffix("%")) < behind_by * 100 for r in red)
    assert any(r.values[6].endswith("%") and not r.style for r in running)  # on schedule
    database = Database(str(street))
    with database.session() as s:  # a margin of 100 points: nobody is behind
        store_setting(s, BEHIND_MARGIN_KEY, 1.0)
    database.close()
    listed, relaxed = _listed_and_read(street, "agreements")
    assert [(r.id, r.values, r.style) for r in relaxed] == [
        (r.id, r.values, r.style) for r in listed
    ]
    assert not any(r.style for r in relaxed)
    assert [r.values for r in relaxed] == [read[r.id].values for r in relaxed]


def test_the_directorys_first_page_masks_phones_as_the_list_does(street: Path) -> None:
    """The quick reader masks by the same rule as the list, for the local administrator."""
    database = Database(str(street))
    try:
        with database.reader() as session:
            read = _reader("directory")(session_query(session))
            stored = dict(
                session.execute(text("SELECT id, contact_phone FROM resident_units")).all()
            )
    finally:
        database.close()
    phone = ResidentUnitList().column_index("contact_phone")
    shown = [(stored[r.id], r.values[phone]) for r in read if stored[r.id]]
    assert len(shown) > 20
    assert all(value == masked(PersonalKind.PHONE, phone_number) for phone_number, value in shown)
    assert all(value != phone_number for phone_number, value in shown)


@pytest.mark.parametrize("tab", sorted(LISTS))
def test_reopening_on_a_list_tab_shows_its_first_page_then_the_real_tab(
    qtbot: QtBot, street: Path, tab: str
) -> None:
    main = _window(qtbot, street, tab)
    assert main.show_quick_page()
    quick = main.current_page()
    assert isinstance(quick, QuickListPage) and main.database is None
    assert quick.data_ready() and quick.model.rowCount() > 20
    assert quick.note.text() == "正在打开…"
    assert quick.table.focusPolicy().name == "NoFocus"
    early = _texts(quick.model, 20)
    headers = [quick.model.headerData(c, _horizontal()) for c in range(quick.model.columnCount())]
    assert main.open_database()
    real = main.current_page()
    assert real is not None and not isinstance(real, QuickListPage)
    model = next(
        m for m in real.findChildren(PagedTableModel) if m.source.columns is quick.page.columns
    )
    assert [model.headerData(c, _horizontal()) for c in range(model.columnCount())] == headers
    assert _texts(model, 20) == early


def _horizontal() -> Any:
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_with_sign_in_required_no_rows_show_before_signing_in(qtbot: QtBot, street: Path) -> None:
    database = Database(str(street))
    with database.session() as s:
        add_user(s, LOCAL_ADMIN, UserInput("wang", "王同志", Role.ADMIN, PASSWORD, PASSWORD))
    database.close()
    assert quick_page(str(street), "issues") is None
    main = _window(qtbot, street, "issues")
    assert not main.show_quick_page()
    assert main.current_page() is None  # nothing but the home tab's counts may show early
    home = _window(qtbot, street, "home")
    assert home.show_quick_page()


def test_a_file_needing_an_upgrade_takes_the_normal_path(qtbot: QtBot, street: Path) -> None:
    with sqlite3.connect(street) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0010'")
    connection.close()
    assert quick_page(str(street), "secondments") is None
    assert not _window(qtbot, street, "secondments").show_quick_page()


def test_a_damaged_file_takes_the_normal_path(qtbot: QtBot, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    assert quick_page(str(damaged), "meetings") is None
    assert not _window(qtbot, damaged, "meetings").show_quick_page()


def test_a_tab_without_a_quick_reader_waits_for_the_database(street: Path) -> None:
    assert quick_page(str(street), "home") is None  # its counts are read otherwise


def test_reading_a_first_page_early_loads_no_library(street: Path) -> None:
    code = (
        "from app.quick_lists import READERS, quick_page\n"
        f"assert all(quick_page({str(street)!r}, tab) for tab in READERS)"
    )
    assert packages(loaded_after(code)).isdisjoint(HEAVY)
