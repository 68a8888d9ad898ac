"""The main window as a user meets it: tabs, status bar, shortcuts, errors, settings."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.changes import Area, Changes
from app.database import Database
from app.directory import service
from app.directory.records import OrgUnitData, ResidentUnitData
from db.models.directory import OrgLevel, UnitCategory

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from ui.main_window import TAB_KEYS, MainWindow
from ui.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot: QtBot, database: Database, settings: Settings) -> MainWindow:
    with database.session() as s:
        street = service.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET))
        service.resident_units.create(
            s, ResidentUnitData("江苏省某某厅", UnitCategory.PROVINCIAL_ORGAN, street.id)
        )
    main = MainWindow(database.target, settings, interactive=False)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    main.open_database()
    return main


def test_tabs_are_built_when_first_shown(window: MainWindow) -> None:
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "首页",
        "联席会议",
        "共建协议",
        "干部挂职",
        "民生事项",
        "组织与人员",
    ]
    assert set(window._pages) == {"home"}
    for key in TAB_KEYS:
        assert window.show_tab(key) is window.current_page()
    assert set(window._pages) == set(TAB_KEYS)


def test_status_bar_names_the_database_and_counts(window: MainWindow, database: Database) -> None:
    assert database.location in window.location_label.text()
    assert "单位 1" in window.counts_label.text()


def test_the_last_tab_is_remembered(qtbot: QtBot, database: Database, settings: Settings) -> None:
    first = MainWindow(database.target, settings, interactive=False)
    qtbot.addWidget(first)
    first.open_database()
    first.show_tab("directory")
    second = MainWindow(database.target, settings, interactive=False)
    qtbot.addWidget(second)
    assert TAB_KEYS[second.tabs.currentIndex()] == "directory"


def test_ctrl_f_focuses_the_search_of_the_current_tab(qtbot: QtBot, window: MainWindow) -> None:
    window.show_tab("issues")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    assert page is not None and page.panel.search.hasFocus()  # type: ignore[attr-defined]


def test_an_edit_in_one_tab_updates_the_status_bar(window: MainWindow, database: Database) -> None:
    with database.session() as s:
        service.resident_units.create(s, ResidentUnitData("某高校", UnitCategory.UNIVERSITY))
    window.events.announce(Changes.of(Area.DIRECTORY))
    assert "单位 2" in window.counts_label.text()


def test_an_unexpected_error_is_logged_and_shown_not_fatal(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    import sys

    from ui import errors

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.informativeText()) or 0)
    previous = sys.excepthook
    errors.install_exception_hook(str(tmp_path / "gongjian.log"))
    try:
        with caplog.at_level(logging.ERROR, logger="gongjian.ui"):
            try:
                raise RuntimeError("boom")
            except RuntimeError:
                sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        sys.excepthook = previous
    assert "RuntimeError: boom" in caplog.text
    assert shown and "gongjian.log" in shown[0]


def test_a_database_that_cannot_open_is_reported(
    qtbot: QtBot, tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs.opening_problem import OpeningProblemDialog

    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 100)
    shown: list[str] = []

    def quit_(dialog: OpeningProblemDialog) -> int:
        shown.append(dialog.explanation.text())
        return 0  # closed: the action stays "quit"

    monkeypatch.setattr(OpeningProblemDialog, "exec", quit_)
    main = MainWindow(str(bad), settings)
    qtbot.addWidget(main)
    assert not main.open_database()
    assert shown and "损坏" in shown[0]
    assert main.location_label.text() == "数据库未打开"
    assert bad.read_bytes() == b"not a database" * 100


def test_settings_dialog_saves_language_and_location(qtbot: QtBot, settings: Settings) -> None:
    from ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.database.setText("/data/street.db")
    dialog.accept()
    assert settings.language == "en" and settings.database == "/data/street.db"


def test_home_figures_show_before_the_database_opens(
    qtbot: QtBot, database: Database, settings: Settings
) -> None:
    with database.session() as s:
        service.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET))
    settings.last_tab = "home"
    main = MainWindow(database.target, settings, interactive=False)
    qtbot.addWidget(main)
    assert main.show_quick_page()
    home = main.current_page()
    assert home is not None and main.database is None
    assert home.tiles["org_units"].value.text() == "1"  # type: ignore[attr-defined]
    main.open_database()
    assert main.current_page() is home and home.context is main.context  # type: ignore[attr-defined]
    with database.session() as s:
        service.org_units.create(s, OrgUnitData("湖南路街道", OrgLevel.STREET))
    home.refresh()
    assert home.tiles["org_units"].value.text() == "2"  # type: ignore[attr-defined]
