"""In the main window on the demo street, every counted tile of the home tab opens a list
that shows exactly as many records as the tile says."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app import demo
from app.database import Database
from tests.ui.conftest import build_templates, open_copy

from PySide6.QtCore import QSettings, Qt
from ui.agreements.tab import AgreementsTab
from ui.home.tab import HomeTab
from ui.main_window import TAB_KEYS, MainWindow
from ui.settings import Settings

COUNTED = {
    "open_issues": "issues",
    "overdue": "issues",
    "meetings": "meetings",
    "active_agreements": "agreements",
    "expiring_agreements": "agreements",
    "active_postings": "secondments",
}


@pytest.fixture(scope="module")
def street(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _empty, filled, _ids = build_templates(
        tmp_path_factory.mktemp("home-street"),
        lambda database: demo.generate(database, "street", today=date.today()),
    )
    return filled


@pytest.fixture
def window(qtbot: QtBot, street: Path, tmp_path: Path, qapp: Any) -> MainWindow:
    database: Database = open_copy(street, tmp_path)
    database.close()
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    main = MainWindow(database.target, settings, interactive=False)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    main.open_database()
    return main


@pytest.mark.parametrize("key", list(COUNTED))
def test_a_tile_opens_the_list_it_counts(window: MainWindow, qtbot: QtBot, key: str) -> None:
    home = window.show_tab("home")
    assert isinstance(home, HomeTab)
    qtbot.waitUntil(lambda: home.board is not None)
    assert home.board is not None
    expected = home.board.kpi(key).value
    qtbot.mouseClick(home.tiles[key], Qt.MouseButton.LeftButton)
    assert TAB_KEYS[window.tabs.currentIndex()] == COUNTED[key]
    page = window.current_page()
    assert page is not None
    panel = page.shown_list()
    assert panel is not None
    assert expected and panel.model.rowCount() == expected, key


def test_the_unclaimed_needs_reminder_opens_the_three_lists(
    window: MainWindow, qtbot: QtBot
) -> None:
    home = window.show_tab("home")
    assert isinstance(home, HomeTab)
    qtbot.waitUntil(lambda: home.board is not None)
    items = [home.reminders.item(i) for i in range(home.reminders.count())]
    unclaimed = next(item for item in items if "条需求长时间无人认领" in item.text())
    home.reminders.scrollToItem(unclaimed)
    rect = home.reminders.visualItemRect(unclaimed)
    qtbot.mouseClick(home.reminders.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert TAB_KEYS[window.tabs.currentIndex()] == "agreements"
    page = window.current_page()
    assert isinstance(page, AgreementsTab) and page.current_name() == "lists"
