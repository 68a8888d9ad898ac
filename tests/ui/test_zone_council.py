"""The zone council's friction, gone: owners named with their street and found by their full
words, a guest added with Enter, a meeting editor beside the list that asks 保存 / 放弃 / 取消
before moving on, no minutes finalised before the meeting, and action items due in time for
the next session."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData
from app.localtime import beijing_today
from app.meetings import service
from db.models.directory import OrgLevel
from tests.ui import test_meetings_tab as meetings
from tests.ui.conftest import UnsavedQuestions
from tests.ui.keys import type_text
from tests.ui.test_meetings_tab import DRAFT_TITLE, FUTURE_TITLE, click, select_meeting, stored

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from ui.meetings.agenda_model import ActionNode
from ui.meetings.editor import AGENDA, ATTENDEES, BASICS, MeetingDialog
from ui.meetings.owner_picker import ORG_UNIT
from ui.meetings.tab import MeetingsTab
from ui.widgets.unsaved import Answer

# the meetings tab's small street, one fresh copy per test
templates, database, world, make_tab = (
    meetings.templates,
    meetings.database,
    meetings.world,
    meetings.make_tab,
)


def open_meeting(tab: MeetingsTab, qtbot: Any, meeting_id: str) -> MeetingDialog:
    select_meeting(tab, meeting_id)
    qtbot.keyClick(tab.panel.table, Qt.Key.Key_Return)
    editor = tab.editor
    assert editor is not None and editor.isVisible()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def test_the_editor_leaves_the_list_usable_and_asks_before_moving_on(
    world: dict[str, str], database: Database, make_tab: Any, qtbot: Any, unsaved: UnsavedQuestions
) -> None:
    tab = make_tab()
    editor = open_meeting(tab, qtbot, world["draft"])
    assert editor.windowModality() == Qt.WindowModality.NonModal
    assert QApplication.activeModalWidget() is None  # the main window takes clicks meanwhile

    editor.tabs.setCurrentIndex(ATTENDEES)
    type_text(editor.basics.place, "社区会议室")
    qtbot.waitUntil(editor.marker.isVisible)
    unsaved.answers.append(Answer.CANCEL)
    assert tab.open_meeting(world["future"]) is editor
    assert unsaved == [DRAFT_TITLE]  # 取消: the same meeting, as typed
    assert editor.meeting_id == world["draft"] and editor.basics.place.text() == "社区会议室"

    unsaved.answers.append(Answer.SAVE)
    tab.open_meeting(world["future"])  # 保存: stored, then the other meeting
    assert stored(database, world["draft"]).data.place == "社区会议室"
    assert editor.meeting_id == world["future"] and editor.basics.title.text() == FUTURE_TITLE
    assert editor.tabs.currentIndex() == BASICS and editor.basics.place.text() == ""
    assert editor.marker.isHidden()  # the form shows the new record, clean

    type_text(editor.basics.place, "街道会议室")
    unsaved.answers.append(Answer.DISCARD)
    tab.open_meeting(world["draft"])  # 放弃: nothing stored
    assert stored(database, world["future"]).data.place == ""
    assert editor.meeting_id == world["draft"]


def test_a_meeting_not_yet_held_is_not_finalised_and_says_why(
    world: dict[str, str], make_tab: Any, qtbot: Any, warned: list[str]
) -> None:
    tab = make_tab()
    editor = open_meeting(tab, qtbot, world["future"])
    editor.tabs.setCurrentIndex(AGENDA)
    click(qtbot, editor.finalise_button)
    assert not editor.is_final
    assert warned and "2030-01-10 14:30" in warned[0] and "还没有开始" in warned[0]
    assert "还没有开始" in editor.error_text("starts_at")
    assert editor.tabs.currentIndex() == BASICS  # the page with the start, brought forward


def test_a_new_action_item_is_due_the_working_day_before_the_next_session(
    world: dict[str, str], make_tab: Any, qtbot: Any
) -> None:
    tab = make_tab()
    editor = open_meeting(tab, qtbot, world["draft"])  # Wednesday 20 May 2026, the third
    editor.tabs.setCurrentIndex(AGENDA)
    page = editor.agenda
    click(qtbot, page.add_item_button)
    click(qtbot, page.add_decision_button)
    click(qtbot, page.add_action_button)
    node = page.current_node()
    assert isinstance(node, ActionNode)
    assert node.due_on == date(2026, 6, 16)  # the day before Wednesday 17 June
    assert page.action_form.has_due.isChecked()


def test_the_owner_picker_names_the_street_and_finds_the_full_words(
    world: dict[str, str], database: Database, make_tab: Any, qtbot: Any
) -> None:
    with database.session() as s:
        for street_name in ("湖南路街道", "建宁路街道"):
            street = directory.org_units.create(s, OrgUnitData(street_name, OrgLevel.STREET)).id
            directory.org_units.create(s, OrgUnitData("城管科", OrgLevel.DEPARTMENT, street))
    tab = make_tab()
    editor = open_meeting(tab, qtbot, world["draft"])
    editor.tabs.setCurrentIndex(AGENDA)
    page = editor.agenda
    click(qtbot, page.add_item_button)
    click(qtbot, page.add_decision_button)
    click(qtbot, page.add_action_button)
    picker = page.action_form.owner
    assert picker.kind.currentIndex() == ORG_UNIT
    combo = picker.org_unit
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert "湖南路街道 / 城管科" in labels and "建宁路街道 / 城管科" in labels
    assert "宁海路街道 / 城市管理科" in labels

    combo.lineEdit().setFocus()
    type_text(combo.lineEdit(), "城管")
    popup = combo.completer().popup()
    assert popup.isVisible()
    found = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert sorted(found) == [
        "宁海路街道 / 城市管理科",
        "建宁路街道 / 城管科",
        "湖南路街道 / 城管科",
    ]

    combo.lineEdit().clear()
    type_text(combo.lineEdit(), "湖南路城管")
    found = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert found == ["湖南路街道 / 城管科"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.currentText() == "湖南路街道 / 城管科" and not picker.is_unmatched()
    assert picker.owner()[2] is not None


def test_enter_on_a_guest_in_the_list_adds_them_without_a_complaint(
    world: dict[str, str], make_tab: Any, qtbot: Any
) -> None:
    tab = make_tab()
    editor = open_meeting(tab, qtbot, world["draft"])
    editor.tabs.setCurrentIndex(ATTENDEES)
    page = editor.attendees
    page.person.setFocus()
    type_text(page.person, "钱")
    popup = page.person.completer_popup.popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert [v.name for v in page.model.rows()] == ["钱昇"]
    assert page.error_text() == "" and page.person.text() == ""

    type_text(page.person, "张")  # the only match: Enter takes it without arrowing
    qtbot.keyClick(page.person.completer_popup.popup(), Qt.Key.Key_Return)
    assert [v.name for v in page.model.rows()] == ["钱昇", "张玥"]
    assert page.error_text() == ""

    type_text(page.person, "某某")  # nobody: now the note says so
    qtbot.keyClick(page.person, Qt.Key.Key_Return)
    assert "没有找到“某某”" in page.error_text()


def test_the_duplicate_dialog_proposes_the_same_week_and_weekday(
    world: dict[str, str], make_tab: Any, qtbot: Any
) -> None:
    tab = make_tab()
    select_meeting(tab, world["draft"])
    dialog = tab.duplicate_selected()
    assert dialog is not None
    proposed = dialog.value()
    assert proposed.weekday() == 2 and (proposed.day - 1) // 7 == 2  # a third Wednesday
    assert proposed.date() > beijing_today()
    assert dialog.starts_at.text().split()[1] == QLocale().dayName(3)  # the pattern shows
    with tab.context.database.reader() as s:
        assert proposed == service.propose_next_start(s, world["draft"], beijing_today())
    dialog.reject()
