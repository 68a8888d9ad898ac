"""The one change channel, counted in the main window: an edit re-reads the tab in front
once, a tab behind another only when it is next shown, and a tab untouched by the change
never."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.changes import Area, Changes
from db.models.meetings import Meeting, MeetingStatus
from tests.ui.conftest import Asked, show_main_window
from tests.ui.keys import type_text

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any, demo_street: Path, tmp_path: Path) -> MainWindow:
    target = tmp_path / "street.db"
    target.write_bytes(demo_street.read_bytes())
    return show_main_window(qtbot, str(target), tmp_path, last_tab="meetings")  # type: ignore[no-any-return]


def count_refreshes(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Builds every tab, then counts each one's refreshes from now on; meetings in front."""
    counts: Counter[str] = Counter()
    for key in ("home", "secondments", "issues", "directory", "agreements", "meetings"):
        page = window.show_tab(key)
        assert page is not None

        def counted(page: Any = page, key: str = key) -> None:
            counts[key] += 1
            type(page).refresh(page)

        monkeypatch.setattr(page, "refresh", counted)
    return counts


def a_draft_meeting(window: MainWindow) -> str:
    assert window.database is not None
    with window.database.reader() as s:
        drafts = select(Meeting.id).where(
            Meeting.status == MeetingStatus.DRAFT, Meeting.deleted_at.is_(None)
        )
        return str(s.scalars(drafts).first())


def test_saving_a_meeting_refreshes_its_list_once_home_when_shown_secondments_never(
    window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = count_refreshes(window, monkeypatch)
    tab: Any = window.current_page()
    editor = tab.open_meeting(a_draft_meeting(window))
    type_text(editor.basics.place, "（改在二楼）")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.is_dirty()
    assert counts == {"meetings": 1}  # the editor saved; the list in front re-read once

    window.show_tab("home")  # the dashboard counts meetings: brought up to date when shown
    window.show_tab("secondments")  # shows no meetings: untouched
    window.show_tab("issues")  # shows where issues came from: one re-read, now
    window.show_tab("meetings")  # already up to date
    window.show_tab("home")  # nothing new since it was last shown
    assert counts == {"meetings": 1, "home": 1, "issues": 1}


def test_undo_from_another_tab_reaches_the_meetings_tab_when_it_is_shown(
    window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch, asked: Asked
) -> None:
    tab: Any = window.current_page()
    meeting_id = a_draft_meeting(window)
    tab.panel.select_id(meeting_id)
    asked.answers = [QMessageBox.StandardButton.Yes]
    assert tab.delete_selected()
    assert tab.model.find_row(meeting_id) is None
    counts = count_refreshes(window, monkeypatch)

    window.show_tab("secondments")
    window.undo_stack.undo()  # 编辑 → 撤销 while the secondments tab is in front
    assert counts == {}  # nothing in front shows meetings

    window.show_tab("meetings")
    assert counts == {"meetings": 1}
    assert tab.model.find_row(meeting_id) is not None


def test_a_directory_change_re_reads_a_hidden_meetings_tab_once(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = count_refreshes(window, monkeypatch)
    window.show_tab("issues")  # its list names communities and units
    window.events.announce(Changes.of(Area.DIRECTORY))
    window.events.announce(Changes.of(Area.DIRECTORY))  # two edits while meetings is hidden
    assert counts == {"issues": 2}
    window.show_tab("meetings")
    assert counts == {"issues": 2, "meetings": 1}


def test_the_screen_that_made_the_change_is_not_re_read_for_it(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = count_refreshes(window, monkeypatch)
    page = window.current_page()
    window.events.announce(Changes.of(Area.MEETINGS), page)
    assert counts == {}
    window.events.announce(Changes.of(Area.MEETINGS))
    assert counts == {"meetings": 1}
