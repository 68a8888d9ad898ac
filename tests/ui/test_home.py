"""The home tab driven as a user would: the period and the community change the tiles, a tile,
a bar or a reminder opens its list, the charts come after the tiles and export to PNG, the
choice is remembered, and the monthly report opens in the print preview. The street is
test_dashboard_figures' (its docstring has the table of issues)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.database import Database
from app.summary import Counts
from tests.app.test_dashboard_figures import World, build_world

from PySide6.QtCore import QDate, QPointF, QSettings, Qt
from PySide6.QtGui import QUndoStack
from ui.home.remembered import HomeChoice
from ui.home.tab import KPI_KEYS, HomeTab
from ui.home.tiles import PERIOD_KEYS, SNAPSHOT_KEYS
from ui.tab import DataEvents, TabContext
from ui.widgets import palette

OPEN = ["registered", "accepted", "dispatched", "in_progress"]


@pytest.fixture
def world(database: Database) -> World:
    return build_world(database)


@pytest.fixture
def opened() -> list[tuple[str, dict[str, Any]]]:
    return []


@pytest.fixture
def choice(tmp_path: Path) -> HomeChoice:
    return HomeChoice(QSettings(str(tmp_path / "home.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def home_context(
    database: Database, qapp: Any, opened: list[tuple[str, dict[str, Any]]]
) -> TabContext:
    return TabContext(
        database, QUndoStack(), DataEvents(), lambda area, f: opened.append((area, dict(f)))
    )


@pytest.fixture
def tab(
    qtbot: QtBot, world: World, home_context: TabContext, choice: HomeChoice
) -> Iterator[HomeTab]:
    page = HomeTab(home_context, choice=choice)
    qtbot.addWidget(page)
    page.resize(1366, 740)
    page.show()
    page.first.setDate(QDate(2026, 10, 15))  # October 2026
    yield page


def value(tab: HomeTab, key: str) -> str:
    return tab.tiles[key].value.text()


def choose(tab: HomeTab, combo: Any, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def test_the_period_and_the_community_change_the_tiles(tab: HomeTab, world: World) -> None:
    assert tab.period_label.text() == "2026年10月 · 宁海路街道"  # the only street
    assert [value(tab, k) for k in ("open_issues", "resolved", "satisfaction", "meetings")] == [
        "2",
        "3",
        "66.7%",
        "1",
    ]
    assert value(tab, "resolve_days") == "10.4天"
    choose(tab, tab.community, "乙社区")
    assert tab.period_label.text() == "2026年10月 · 乙社区"
    assert [value(tab, k) for k in ("open_issues", "resolved", "satisfaction", "meetings")] == [
        "1",
        "0",
        "—",
        "0",
    ]
    choose(tab, tab.community, "宁海路街道")  # the whole street, by its name
    choose(tab, tab.kind, "年度")
    assert tab.period_label.text() == "2026年 · 宁海路街道"
    assert (value(tab, "resolved"), value(tab, "meetings")) == ("4", "2")
    assert not tab.last.isVisible()
    choose(tab, tab.kind, "自定义")
    assert tab.last.isVisible()


def test_a_custom_range_ending_too_early_says_so(tab: HomeTab) -> None:
    choose(tab, tab.kind, "自定义")
    tab.last.setDate(QDate(2026, 10, 1))
    assert "结束日期早于开始日期" in tab.hint.text()


def test_a_tile_opens_the_records_it_counts(
    qtbot: QtBot, tab: HomeTab, world: World, opened: list[tuple[str, dict[str, Any]]]
) -> None:
    choose(tab, tab.community, "乙社区")
    qtbot.mouseClick(tab.tiles["open_issues"], Qt.MouseButton.LeftButton)
    assert opened == [("issues", {"status": OPEN, "community_id": world.b})]
    tab.tiles["meetings"].setFocus()
    qtbot.keyClick(tab.tiles["meetings"], Qt.Key.Key_Return)
    assert opened[-1] == (
        "meetings",
        {
            "starts_from": QDate(2026, 10, 1).toPython(),
            "starts_before": QDate(2026, 11, 1).toPython(),
            "host_org_unit_ids": (world.b,),
        },
    )
    qtbot.mouseClick(tab.tiles["people"], Qt.MouseButton.LeftButton)  # a count, not a list
    assert len(opened) == 2


def test_charts_follow_the_tiles_and_their_bars_open_lists(
    qtbot: QtBot, tab: HomeTab, tmp_path: Path, opened: list[tuple[str, dict[str, Any]]]
) -> None:
    qtbot.waitUntil(lambda: tab.charts is not None)
    panels = tab.charts.panels
    assert len(panels["issue_months"].links) == 6  # May to October
    assert [link.filters["community_id"] for link in panels["places"].links]
    months = panels["issue_months"]
    months.setFocus()
    for _ in range(7):  # past the last bar: it stays on the last
        qtbot.keyClick(months, Qt.Key.Key_Right)
    assert months.picked.text() == "10月（回车打开）"
    qtbot.keyClick(months, Qt.Key.Key_Return)
    assert opened[-1] == (
        "issues",
        {
            "reported_from": QDate(2026, 10, 1).toPython(),
            "reported_before": QDate(2026, 11, 1).toPython(),
        },
    )
    categories = panels["categories"]
    box = categories.plot.getPlotItem().vb
    middle_of_first_bar = box.mapViewToScene(QPointF(1, 0))  # a count of 2, from the top
    spot = categories.plot.mapFromScene(middle_of_first_bar)
    qtbot.mouseClick(categories.plot.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert opened[-1][0] == "issues" and "category_id" in opened[-1][1]
    png = tmp_path / "chart.png"
    assert panels["categories"].export_to(png)
    assert png.read_bytes().startswith(b"\x89PNG")
    choose(tab, tab.community, "甲社区")
    assert tab.charts.panels["places"].title.text() == "本期各网格事项与满意率"


def test_a_reminder_opens_its_list(
    qtbot: QtBot, tab: HomeTab, opened: list[tuple[str, dict[str, Any]]]
) -> None:
    texts = [tab.reminders.item(i).text() for i in range(tab.reminders.count())]
    supervised = next(i for i, t in enumerate(texts) if t.startswith("督办 MS2026-000008"))
    item = tab.reminders.item(supervised)
    rect = tab.reminders.visualItemRect(item)
    qtbot.mouseClick(tab.reminders.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [("issues", {"supervised": True, "status": OPEN})]


def test_the_choice_is_remembered(
    qtbot: QtBot, tab: HomeTab, home_context: TabContext, choice: HomeChoice
) -> None:
    choose(tab, tab.kind, "季度")
    choose(tab, tab.community, "甲社区")
    again = HomeTab(home_context, choice=choice)
    qtbot.addWidget(again)
    assert again.kind.currentText() == "季度" and again.community.currentText() == "甲社区"


def test_the_tiles_show_before_the_database_opens(
    qtbot: QtBot, world: World, home_context: TabContext, choice: HomeChoice
) -> None:
    quick = Counts(6, 0, 0, 2, 0, 0, 1, 8, 2)
    page = HomeTab(None, figures=quick, choice=choice)
    qtbot.addWidget(page)
    assert (value(page, "open_issues"), value(page, "org_units")) == ("2", "6")
    assert value(page, "resolved") == "—" and page.charts is None
    page.attach(home_context)
    assert value(page, "open_issues") == "2" and value(page, "meetings") != "—"
    qtbot.waitUntil(lambda: page.charts is not None)


def test_the_monthly_report_opens_in_the_print_preview(
    tab: HomeTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[bytes, str]] = []
    monkeypatch.setattr(
        "ui.printing.preview.preview_pdf",
        lambda parent, data, title: shown.append((data, title)) or False,
    )
    choose(tab, tab.community, "乙社区")
    tab.print_current()
    assert shown[0][0].startswith(b"%PDF") and shown[0][1] == "乙社区2026年10月工作月报"


def test_an_empty_database_says_there_is_nothing_rather_than_draw_empty_axes(
    qtbot: QtBot, home_context: TabContext, choice: HomeChoice
) -> None:
    page = HomeTab(home_context, choice=choice)  # no world: the database is empty
    qtbot.addWidget(page)
    page.resize(1366, 740)
    page.show()
    qtbot.waitUntil(lambda: page.charts is not None and page.board is not None)
    assert page.charts is not None
    for key, panel in page.charts.panels.items():
        assert not panel.empty.isHidden() and panel.plot.isHidden(), key
        assert not panel.export_button.isEnabled(), key
    assert page.reminders.item(0).text() == "没有需要提醒的事项。"


def test_a_count_axis_shows_whole_numbers(qtbot: QtBot, tab: HomeTab) -> None:
    qtbot.waitUntil(lambda: tab.charts is not None)
    assert tab.charts is not None
    meetings = tab.charts.panels["meetings"].plot.getPlotItem()  # one meeting a month
    ticks = meetings.getAxis("left").tickValues(*meetings.viewRange()[1], 200)
    assert all(float(v).is_integer() for _spacing, values in ticks for v in values)


@pytest.mark.parametrize(
    ("today", "label"),
    [
        (date(2026, 11, 1), "2026年10月"),
        (date(2026, 11, 5), "2026年10月"),
        (date(2026, 11, 6), "2026年11月"),
    ],  # fmt: skip
)
def test_the_first_five_days_of_a_month_show_the_month_just_ended(
    qtbot: QtBot,
    world: World,
    home_context: TabContext,
    choice: HomeChoice,
    monkeypatch: pytest.MonkeyPatch,
    today: date,
    label: str,
) -> None:
    monkeypatch.setattr("ui.home.tab.beijing_today", lambda: today)
    page = HomeTab(home_context, choice=choice)
    qtbot.addWidget(page)
    assert page.period_label.text() == f"{label} · 宁海路街道"
    assert page.period_note.text() == label


def test_period_tiles_and_snapshot_tiles_stand_apart_coloured_only_when_late(
    tab: HomeTab, qtbot: QtBot
) -> None:
    """本期 holds the period's figures, 当前 the counts as of now; a tile is coloured only when
    its figure asks for action."""
    assert (tab.period_heading.text(), tab.period_note.text()) == ("本期", "2026年10月")
    assert tab.snapshot_heading.text() == "当前" and tab.snapshot_note.text().startswith("截至")
    top = {key: tab.tiles[key].mapTo(tab, tab.tiles[key].rect().topLeft()).y() for key in KPI_KEYS}
    assert len({top[key] for key in PERIOD_KEYS}) == 1
    assert len({top[key] for key in SNAPSHOT_KEYS}) == 1
    assert top["resolved"] < top["open_issues"]
    assert tab.board is not None
    for kpi in tab.board.kpis:
        wanted = ""
        if kpi.key == "overdue" and kpi.value:
            wanted = "alert"
        elif kpi.key in ("expiring_agreements", "evaluations_due") and kpi.value:
            wanted = "warning"
        assert tab.tiles[kpi.key].property("attention") == wanted, kpi
    overdue = next(k for k in tab.board.kpis if k.key == "overdue")
    assert overdue.value, "the street has an overdue issue: its tile is red"
    assert (
        tab.tiles["resolved"]
        .value.palette()
        .color(tab.tiles["resolved"].value.foregroundRole())
        .name()
        == "#333333"
    )
    assert (
        tab.tiles["overdue"]
        .value.palette()
        .color(tab.tiles["overdue"].value.foregroundRole())
        .name()
        == palette.ERROR_RED  # the one error red
    )


def test_the_rates_below_the_charts_follow_the_tiles_with_the_same_figures(
    qtbot: QtBot, world: World, home_context: TabContext, choice: HomeChoice
) -> None:
    page = HomeTab(home_context, choice=choice)
    qtbot.addWidget(page)
    assert page.board is not None and page.rates is None  # out of view: built after the paint
    qtbot.waitUntil(lambda: page.rates is not None)
    assert page.rates is not None
    assert page.rates.units.rows == page.board.unit_rates
    page.first.setDate(QDate(2026, 10, 15))  # a later refresh shows its board there at once
    assert page.rates.places.rows == page.board.place_rates
    assert page.rates.places.rows and page.rates.units.rows
