"""Work off the GUI thread whose window closes before the work is done."""

from __future__ import annotations

import logging
import threading
from typing import Any

import shiboken6

from PySide6.QtCore import QObject, QThreadPool
from ui.background import run_in_background


def test_a_result_for_a_closed_window_is_dropped_quietly(qtbot: Any, caplog: Any) -> None:
    window = QObject()
    release = threading.Event()
    told: list[object] = []
    run_in_background(window, lambda: release.wait(10), told.append, told.append)
    shiboken6.delete(window)  # closed while the work runs
    with caplog.at_level(logging.INFO, logger="gongjian.ui"):
        release.set()
        assert QThreadPool.globalInstance().waitForDone(10_000)
        qtbot.wait(50)  # a queued result, if any, would arrive now
    assert told == []
    assert "window that asked for it is closed" in caplog.text


def test_a_result_reaches_the_window_on_the_gui_thread(qtbot: Any) -> None:
    window = QObject()
    told: list[tuple[object, bool]] = []

    def done(result: object) -> None:
        told.append((result, threading.current_thread() is threading.main_thread()))

    run_in_background(window, lambda: 42, done, told.append)
    qtbot.waitUntil(lambda: told != [])
    assert told == [(42, True)]
