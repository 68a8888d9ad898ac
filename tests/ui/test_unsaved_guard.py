"""The one question before unsaved changes could be lost: its three answers in the real
message box, and the main window asking its open editors before it closes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.database import Database
from app.localtime import BEIJING
from app.meetings import service
from app.meetings.records import MeetingContent, MeetingData
from tests.ui.conftest import UnsavedQuestions, show_main_window
from tests.ui.keys import type_text

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from ui.main_window import MainWindow
from ui.widgets import unsaved as unsaved_module
from ui.widgets.unsaved import Answer


def answer_next_box(qtbot: QtBot, act: Any, seen: list[QMessageBox]) -> None:
    """Does ``act(box)`` to the message box about to open, as the user would."""

    def find() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, find)
            return
        seen.append(box)
        act(box)

    QTimer.singleShot(0, find)


def button(box: QMessageBox, text: str) -> Any:
    return next(b for b in box.buttons() if b.text() == text)


@pytest.mark.parametrize(
    ("act", "expected"),
    [
        (lambda box: button(box, "保存").click(), Answer.SAVE),
        (lambda box: button(box, "放弃").click(), Answer.DISCARD),
        (lambda box: button(box, "取消").click(), Answer.CANCEL),
        (lambda box: box.defaultButton().click(), Answer.SAVE),
        (lambda box: box.escapeButton().click(), Answer.CANCEL),
    ],
)
def test_the_question_offers_save_discard_cancel(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, act: Any, expected: Answer
) -> None:
    monkeypatch.undo()  # the real message box, not the tests' stand-in
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[QMessageBox] = []
    answer_next_box(qtbot, act, seen)
    assert unsaved_module.ask_unsaved(parent, "会议", "片区议事会") is expected
    assert "“片区议事会”有未保存的修改" in seen[0].text()
    assert sorted(b.text() for b in seen[0].buttons()) == sorted(["保存", "放弃", "取消"])


@pytest.fixture
def window(qtbot: QtBot, database: Database, tmp_path: Path) -> MainWindow:
    with database.session() as s:
        service.create_meeting(
            s,
            MeetingContent(
                MeetingData(
                    service.DEFAULT_KINDS[0],
                    "北片区协调议事会",
                    starts_at=datetime(2026, 3, 12, 14, 30, tzinfo=BEIJING),
                )
            ),
        )
    return show_main_window(qtbot, database.target, tmp_path, last_tab="meetings")


def test_closing_the_window_asks_the_open_editor_first(
    qtbot: QtBot, window: MainWindow, unsaved: UnsavedQuestions
) -> None:
    tab = window.current_page()
    assert tab is not None
    qtbot.keyClick(tab.panel.table, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    editor = tab.editor  # type: ignore[attr-defined]
    qtbot.waitUntil(editor.isVisible)
    type_text(editor.basics.place, "街道会议室")

    unsaved.answers.append(Answer.CANCEL)
    assert not window.close()  # 取消: the window and the typing stay
    assert unsaved == ["北片区协调议事会"]
    assert window.isVisible() and editor.isVisible()
    assert editor.basics.place.text() == "街道会议室"

    unsaved.answers.append(Answer.SAVE)
    window.close()  # saved at once; the window goes when the closing backup is made
    assert window.database is not None
    with window.database.reader() as s:
        stored = service.get_meeting(s, editor.meeting_id)
    assert stored.data.place == "街道会议室"
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
