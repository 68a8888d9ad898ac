"""The paged table model and the list panel over it, with no tab around them."""

from __future__ import annotations

from typing import Any

import pytest

from app.database import Database
from app.directory import service
from app.directory.lists import PersonList, ResidentUnitList
from app.directory.records import PersonData, ResidentUnitData
from db.models.directory import UnitCategory

from PySide6.QtCore import Qt
from ui.models import paged_table
from ui.models.paged_table import ID_ROLE, VERSION_ROLE, PagedTableModel
from ui.widgets.list_panel import ListPanel

CATEGORIES = list(UnitCategory)


@pytest.fixture
def units(database: Database) -> list[str]:
    """30 resident units, 单位00 … 单位29, in categories that cycle."""
    with database.session() as s:
        return [
            service.resident_units.create(
                s, ResidentUnitData(f"单位{i:02d}", CATEGORIES[i % 8], contact_phone=f"8330{i:04d}")
            ).id
            for i in range(30)
        ]


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of 7 rows and a cache of 2 pages, so 30 rows span five pages and evict."""
    monkeypatch.setattr(paged_table, "PAGE_SIZE", 7)
    monkeypatch.setattr(paged_table, "MAX_CACHED_PAGES", 2)


def test_model_tester_with_data_after_reload_and_sort(
    database: Database, units: list[str], small_pages: None, qtmodeltester: Any
) -> None:
    model = PagedTableModel(database, ResidentUnitList())
    model.reload()
    qtmodeltester.check(model)
    model.reload()
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    assert model.rowCount() == 30


def test_model_tester_when_empty(database: Database, qtmodeltester: Any) -> None:
    model = PagedTableModel(database, PersonList())
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_rows_are_read_a_page_at_a_time(
    database: Database, units: list[str], small_pages: None
) -> None:
    model = PagedTableModel(database, ResidentUnitList())
    model.reload()
    assert model.index(29, 0).data() == "单位29"
    assert model.index(0, 0).data() == "单位00"
    assert model.index(15, 0).data() == "单位15"
    assert len(model._pages) == 2  # the oldest page was dropped
    assert model.index(3, 0).data(ID_ROLE) == units[3]
    assert model.index(3, 0).data(VERSION_ROLE) == 1
    assert model.index(1, 1).data() == "市级机关"  # an enum by its label
    assert model.headerData(0, Qt.Orientation.Horizontal) == "单位名称"


def test_sorting_reorders_and_reports_the_count(
    database: Database, units: list[str], qtbot: Any
) -> None:
    model = PagedTableModel(database, ResidentUnitList())
    model.reload()
    with qtbot.waitSignal(model.count_changed) as emitted:
        model.sort(ResidentUnitList().column_index("contact_phone"), Qt.SortOrder.DescendingOrder)
    assert emitted.args == [30]
    assert model.index(0, 0).data() == "单位29"
    with qtbot.assertNotEmitted(model.modelReset):
        model.sort(ResidentUnitList().column_index("contact_phone"), Qt.SortOrder.DescendingOrder)


def test_find_row_reads_pages_a_reload_dropped(
    database: Database, units: list[str], small_pages: None
) -> None:
    model = PagedTableModel(database, ResidentUnitList())
    model.reload()
    assert model.row_of_id(units[20]) is None  # nothing read yet
    assert model.find_row(units[20]) == 20
    assert model.find_row("no such id") is None


def test_a_new_list_panel_reads_once_in_its_set_order(
    database: Database, units: list[str], qtbot: Any
) -> None:
    model = PagedTableModel(database, ResidentUnitList())
    model.reload()
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    panel = ListPanel(model)
    qtbot.addWidget(panel)
    assert resets == []  # enabling sorting did not re-query
    assert not model.query.descending
    assert model.index(0, 0).data() == "单位00"


def test_list_panel_selects_a_record_after_a_reload(
    database: Database, units: list[str], small_pages: None, qtbot: Any
) -> None:
    model = PagedTableModel(database, ResidentUnitList())
    panel = ListPanel(model)
    qtbot.addWidget(panel)
    model.reload()
    assert panel.select_id(units[25])
    assert panel.current_id() == units[25]


def test_person_list_masks_personal_numbers(database: Database, qtmodeltester: Any) -> None:
    with database.session() as s:
        service.people.create(s, PersonData("王喆", mobile="13912345678"))
        service.people.create(s, PersonData("张玥"))  # no ID number: stored as NULL, not ""
    model = PagedTableModel(database, PersonList())
    model.reload()
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(2)] == ["王喆", "张玥"]  # wang, zhang
    assert model.index(0, 2).data() == "139****5678"
    assert model.index(1, 3).data() == ""
