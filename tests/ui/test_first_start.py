"""The first start on an empty database, in the real main window: the offer to load the demo
street, the load on a worker thread with progress and cancel, and 文件 → 载入演示数据."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.database import Database
from app.summary import counts
from tests.ui.conftest import show_main_window

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget
from ui.main_window import MainWindow

LOAD_TIMEOUT_MS = 180_000


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    # interactive, as on a real start
    return show_main_window(qtbot, str(tmp_path / "new.db"), tmp_path, interactive=True)


def click_in_next_box(button_text: str, seen: list[str]) -> None:
    """Clicks ``button_text`` in the message box about to open, as the user would."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(box.text())
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(0, click)


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_the_offer_loads_the_demo_inside_the_window_and_it_can_close(
    qtbot: QtBot, window: MainWindow
) -> None:
    seen: list[str] = []
    click_in_next_box("载入演示数据", seen)
    window.offer_demo_if_empty()
    assert seen and "空数据库" in seen[0]
    load = window.demo_load
    assert load is not None
    assert isinstance(load.dialog, QProgressDialog) and load.dialog.isVisible()
    with qtbot.waitSignal(load.finished, timeout=LOAD_TIMEOUT_MS) as finished:
        pass
    assert finished.args == [True]
    assert window.demo_load is None

    home = window.current_page()
    assert home is not None and window.tabs.isAncestorOf(home)
    assert visible_windows() == [window]  # no page became a window of its own
    gui_thread = QApplication.instance().thread()  # type: ignore[union-attr]
    assert all(o.thread() is gui_thread for o in window.findChildren(QObject))
    qtbot.waitUntil(lambda: home.charts is not None)  # type: ignore[attr-defined]
    charts = home.charts  # type: ignore[attr-defined]
    assert window.tabs.isAncestorOf(charts)
    drawn = [p for p in charts.panels.values() if p.plot.getPlotItem().listDataItems()]
    assert len(drawn) >= 4
    assert "单位 0 " not in window.counts_label.text()
    assert not [w for w in window.findChildren(QWidget) if w.isWindow() and w.isVisible()]

    window.close()  # the demo street is backed up first, then the window goes
    qtbot.waitUntil(lambda: visible_windows() == [], timeout=60_000)


def test_cancelling_leaves_the_database_empty_and_usable(qtbot: QtBot, window: MainWindow) -> None:
    load = window.load_demo_data()
    assert load is not None
    qtbot.waitUntil(lambda: load.dialog.value() > 0, timeout=LOAD_TIMEOUT_MS)
    cancel = load.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "取消"
    with qtbot.waitSignal(load.finished, timeout=LOAD_TIMEOUT_MS) as finished:
        cancel.click()
    assert finished.args == [False]
    assert window.demo_load is None and visible_windows() == [window]
    assert "保持为空" in window.statusBar().currentMessage()
    assert window.database is not None
    with window.database.reader() as session:
        assert counts(session).is_empty
    assert window.is_empty()
    window.show_tab("directory")  # the empty database works as before
    assert window.current_page() is not None


def test_the_menu_refuses_a_database_that_holds_data(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.directory import service
    from app.directory.records import OrgUnitData
    from db.models.directory import OrgLevel

    assert window.database is not None
    with window.database.session() as s:
        service.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    window.demo_action.trigger()
    assert window.demo_load is None
    assert told and "只能载入空数据库" in told[0] and "不会被改动" in told[0]


def test_answering_start_empty_offers_the_demo_again_in_the_menu(
    window: MainWindow, database: Database
) -> None:
    seen: list[str] = []
    click_in_next_box("从空白开始", seen)
    window.offer_demo_if_empty()
    assert seen and window.demo_load is None
    assert "载入演示数据" in window.demo_action.text() and window.demo_action.isEnabled()
