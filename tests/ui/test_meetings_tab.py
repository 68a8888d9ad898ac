"""The meetings tab driven as a user would: the list and its filters, the meeting editor from
an empty form to final minutes, printing and exporting, reopening, duplicating, deleting."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData, PersonData, ResidentUnitData
from app.localtime import BEIJING, beijing_today
from app.meetings import service
from app.meetings.detail import AttendeeView
from app.meetings.records import (
    ActionItemData,
    AgendaItemData,
    AttendeeData,
    DecisionData,
    MeetingContent,
    MeetingData,
)
from db.models.directory import OrgLevel, UnitCategory
from db.models.meetings import ActionStatus, AttendanceStatus, MeetingStatus
from db.models.security import AuditEntry
from tests.ui.conftest import Asked, UnsavedQuestions, build_templates, open_copy
from tests.ui.keys import type_text

from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QWidget
from ui.meetings.agenda_model import ActionNode, AgendaNode, AgendaTreeModel, DecisionNode
from ui.meetings.attendee_model import AttendeeTableModel, Col
from ui.meetings.basics_page import from_qdatetime, to_qdatetime
from ui.meetings.editor import MeetingDialog
from ui.meetings.output import minutes_pdf
from ui.meetings.raise_issue_dialog import RaiseIssueDialog
from ui.meetings.tab import MeetingsTab
from ui.models.paged_table import ID_ROLE
from ui.printing import preview as preview_module
from ui.printing.pages import page_count, prepare_printer
from ui.printing.preview import PdfPrintPreview
from ui.tab import TabContext
from ui.widgets.unsaved import Answer

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
ZONE_COUNCIL = "片区党建联盟协调议事会"
COMMUNITY_COUNCIL = "社区大党委会议"
LIAISON = "联络员会议"
FINAL_TITLE = "宁海路街道北片区党建联盟协调议事会"
DRAFT_TITLE = "宁海路社区“大党委”会议"
FUTURE_TITLE = "宁海路街道联络员会议"
ISSUE_NUMBER = re.compile(r"MS\d{4}-\d{6}")
# the completer's popup asks for what the offscreen platform cannot do
POPUP_LOG = "This plugin does not support (raise|grabbing the keyboard)"

# -- a small street, made through the app services -------------------------------------------


def populate(database: Database) -> dict[str, str]:
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET)).id
        zone = directory.org_units.create(s, OrgUnitData("北片区", OrgLevel.ZONE, street)).id
        community = directory.org_units.create(
            s, OrgUnitData("宁海路社区", OrgLevel.COMMUNITY, zone)
        ).id
        department = directory.org_units.create(
            s, OrgUnitData("城市管理科", OrgLevel.DEPARTMENT, street)
        ).id
        organ = directory.resident_units.create(
            s, ResidentUnitData("江苏省某某厅", UnitCategory.PROVINCIAL_ORGAN, community)
        ).id
        college = directory.resident_units.create(
            s, ResidentUnitData("某高校", UnitCategory.UNIVERSITY, community)
        ).id

        def person(name: str, post: str, **where: str) -> str:
            return directory.people.create(s, PersonData(name, post=post, **where)).id  # type: ignore[arg-type]

        ids = {
            "street": street,
            "zone": zone,
            "community": community,
            "department": department,
            "organ": organ,
            "college": college,
            "chair": person("王喆", "党工委书记", org_unit_id=street),
            "recorder": person("李堃", "党建办干事", org_unit_id=street),
            "secretary": person("张玥", "社区党委书记", org_unit_id=community),
            "official": person("赵赟", "机关党委书记", employer_unit_id=organ),
            "deputy": person("钱昇", "机关党委副书记", employer_unit_id=organ),
            "inspector": person("孙伟", "城管科科长", org_unit_id=department),
        }
        starts = datetime(2026, 3, 12, 14, 30, tzinfo=BEIJING)
        final = service.create_meeting(
            s,
            MeetingContent(
                MeetingData(
                    ZONE_COUNCIL,
                    FINAL_TITLE,
                    2,
                    starts,
                    starts + timedelta(hours=2),
                    "街道党群服务中心三楼会议室",
                    zone,
                    ids["chair"],
                    ids["recorder"],
                    "会议听取了各社区关于老旧小区停车难等问题的情况汇报。",
                ),
                attendees=[
                    AttendeeData(ids["chair"], status=AttendanceStatus.PRESENT),
                    AttendeeData(ids["secretary"], status=AttendanceStatus.PRESENT),
                    AttendeeData(ids["official"], organ, AttendanceStatus.LEAVE, "公务"),
                    AttendeeData(ids["inspector"], status=AttendanceStatus.OBSERVER),
                ],
                agenda=[
                    AgendaItemData(
                        "关于安乐村小区停车难问题",
                        "会议认为，安乐村小区车位供需矛盾突出。",
                        decisions=[
                            DecisionData(
                                "由街道城管科牵头，3月底前完成夜间停车泊位划设方案。",
                                action_items=[
                                    ActionItemData(
                                        "划设夜间停车泊位",
                                        owner_org_unit_id=department,
                                        due_on=date(2026, 3, 31),
                                    )
                                ],
                            )
                        ],
                    )
                ],
            ),
        )
        version = service.get_meeting(s, final).version
        service.finalise(s, final, version)
        ids["final"] = final
        ids["draft"] = service.create_meeting(
            s,
            MeetingData(
                COMMUNITY_COUNCIL,
                DRAFT_TITLE,
                None,
                datetime(2026, 5, 20, 9, 0, tzinfo=BEIJING),
                host_org_unit_id=community,
            ),
        )
        ids["future"] = service.create_meeting(
            s,
            MeetingData(LIAISON, FUTURE_TITLE, None, datetime(2030, 1, 10, 14, 30, tzinfo=BEIJING)),
        )
    return ids


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    empty, street, ids = build_templates(tmp_path_factory.mktemp("meetings"), populate)
    return {"empty": empty, "street": street, "ids": ids}


@pytest.fixture
def database(request: pytest.FixtureRequest, templates: dict[str, Any], tmp_path: Path) -> Any:
    """A fresh copy per test; a test that asks for ``world`` gets the street's records."""
    db = open_copy(templates["street" if "world" in request.fixturenames else "empty"], tmp_path)
    yield db
    db.close()


@pytest.fixture
def world(templates: dict[str, Any]) -> dict[str, str]:
    return templates["ids"]


@pytest.fixture
def make_tab(context: TabContext, qtbot: Any) -> Iterator[Any]:
    made: list[MeetingsTab] = []  # strong references: qtbot keeps weak ones only

    def make() -> MeetingsTab:
        tab = MeetingsTab(context)
        made.append(tab)
        qtbot.addWidget(tab)
        tab.resize(1366, 720)
        with qtbot.waitActive(tab):
            tab.show()
        return tab

    yield make


def pick_from_popup(qtbot: Any, lookup: Any, text: str) -> None:
    """Types a few characters into a LookupEdit and takes the first match offered."""
    type_text(lookup, text)
    popup = lookup.completer_popup.popup()
    assert popup.isVisible(), f"no match offered for {text!r}"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def open_editor(tab: MeetingsTab, qtbot: Any) -> MeetingDialog:
    dialog = tab.editor
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)  # for its shortcuts (Ctrl+S, Esc)
    return dialog


def titles(tab: MeetingsTab) -> list[str]:
    column = tab.model.source.column_index("title")
    return [tab.model.index(r, column).data() for r in range(tab.model.rowCount())]


def select_meeting(tab: MeetingsTab, meeting_id: str) -> None:
    assert tab.panel.select_id(meeting_id)


def stored(database: Database, meeting_id: str) -> service.MeetingDetail:
    with database.reader() as s:
        return service.get_meeting(s, meeting_id)


def click(qtbot: Any, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# -- models ------------------------------------------------------------------------------------


def test_item_models_pass_the_model_tester(
    world: dict[str, str], database: Database, qtmodeltester: Any, qapp: Any
) -> None:
    detail = stored(database, world["final"])
    attendees = AttendeeTableModel()
    attendees.set_rows(list(detail.attendees))
    qtmodeltester.check(attendees)
    attendees.set_status(3, AttendanceStatus.ABSENT)
    attendees.setData(attendees.index(2, Col.REASON), "另有公务")
    attendees.move(0, 1)
    attendees.move(3, -1)
    attendees.remove([1])
    attendees.set_error_row(0)
    qtmodeltester.check(attendees)

    tree = AgendaTreeModel()
    tree.set_agenda(detail.agenda)
    qtmodeltester.check(tree)
    item = tree.items[0]
    second = tree.add_agenda_item(AgendaNode("第二项"))
    decision = tree.add_decision(second)
    tree.add_action(decision)
    tree.add_action(tree.add_decision(item))
    tree.move(second, -1)
    tree.move(item.decisions[1], -1)
    tree.remove(item.decisions[0])
    qtmodeltester.check(tree)
    assert [i.title for i in tree.items] == ["第二项", "关于安乐村小区停车难问题"]
    assert tree.numbered(tree.index(0, 0)) == "一、第二项"
    assert tree.numbered(tree.index(0, 0, tree.index(1, 0))).startswith("（一）")


def test_the_list_model_passes_the_model_tester(
    world: dict[str, str], make_tab: Any, qtmodeltester: Any
) -> None:
    tab = make_tab()
    qtmodeltester.check(tab.model)


# -- the list ----------------------------------------------------------------------------------


def test_the_empty_list_says_what_to_do(make_tab: Any) -> None:
    tab = make_tab()
    assert tab.panel.empty_label.isVisible()
    assert "Ctrl+N" in tab.panel.empty_label.text()
    assert not tab.delete_button.isEnabled() and not tab.duplicate_button.isEnabled()
    upcoming = tab.summary.upcoming.item(0).text()
    assert upcoming == "近期没有安排会议。按 Ctrl+N 新建。"


def test_at_the_first_build_the_selected_meeting_follows_the_list(
    world: dict[str, str], context: TabContext, qtbot: Any
) -> None:
    tab = MeetingsTab(context)
    qtbot.addWidget(tab)
    assert titles(tab)[0] == FUTURE_TITLE and tab.open_button.isEnabled()
    assert FUTURE_TITLE not in tab.summary.browser.toPlainText()  # not read yet
    qtbot.waitUntil(lambda: FUTURE_TITLE in tab.summary.browser.toPlainText())


def test_the_list_shows_meetings_the_upcoming_ones_and_the_selected_one(
    world: dict[str, str], make_tab: Any
) -> None:
    tab = make_tab()
    assert titles(tab) == [FUTURE_TITLE, DRAFT_TITLE, FINAL_TITLE]  # latest first
    assert tab.panel.count_label.text() == "共 3 条"
    open_column = tab.model.source.column_index("open_actions")
    assert tab.model.index(2, open_column).data() == "1"
    assert tab.summary.upcoming.count() == 1
    assert FUTURE_TITLE in tab.summary.upcoming.item(0).text()

    select_meeting(tab, world["final"])
    html = tab.summary.browser.toPlainText()
    assert FINAL_TITLE in html and "王喆" in html and "宁海路街道城市管理科" in html
    assert "2 / 应到 3" in html  # present / expected (the observer does not count)


def test_filters_by_kind_status_period_host_and_search(
    world: dict[str, str], make_tab: Any, qtbot: Any
) -> None:
    tab = make_tab()
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findText(ZONE_COUNCIL))
    assert titles(tab) == [FINAL_TITLE]
    tab.kind_filter.setCurrentIndex(0)

    status = tab.panel._filters["status"]
    status.setCurrentIndex(status.findText("草稿"))
    assert titles(tab) == [FUTURE_TITLE, DRAFT_TITLE]
    status.setCurrentIndex(0)

    tab.period.combo.setCurrentIndex(4)  # 自定义…: from–to dates
    assert tab.period.first.isVisibleTo(tab)
    tab.period.first.setDate(QDate(2026, 3, 1))
    tab.period.last.setDate(QDate(2026, 5, 20))  # the last day is included
    assert titles(tab) == [DRAFT_TITLE, FINAL_TITLE]
    tab.period.combo.setCurrentIndex(0)
    assert tab.model.rowCount() == 3

    tab.host_filter.setCurrentIndex(tab.host_filter.findText("北片区"))  # and below it
    assert titles(tab) == [DRAFT_TITLE, FINAL_TITLE]
    tab.host_filter.setCurrentIndex(
        tab.host_filter.findText("宁海路社区", Qt.MatchFlag.MatchEndsWith)
    )
    assert titles(tab) == [DRAFT_TITLE]
    tab.host_filter.setCurrentIndex(0)

    tab.upcoming_only.setChecked(True)
    assert titles(tab) == [FUTURE_TITLE]
    tab.upcoming_only.setChecked(False)

    tab.focus_search()
    type_text(tab.panel.search, "北片区")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=2000)
    assert titles(tab) == [FINAL_TITLE]
    tab.panel.search.clear()
    type_text(tab.panel.search, "不存在的会议")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0, timeout=2000)
    assert "没有符合条件的记录" in tab.panel.empty_label.text()


def test_delete_asks_first_undo_restores_and_a_final_meeting_is_refused(
    world: dict[str, str], make_tab: Any, asked: Asked, warned: list[str], context: TabContext
) -> None:
    tab = make_tab()
    select_meeting(tab, world["draft"])
    assert not tab.delete_selected()  # answered No
    assert asked == [f"删除会议“{DRAFT_TITLE}”吗？\n删除后可用“撤销”（Ctrl+Z）恢复。"]
    assert DRAFT_TITLE in titles(tab)

    asked.answers.append(Yes)
    assert tab.delete_selected()
    assert DRAFT_TITLE not in titles(tab)
    assert context.undo_stack.undoText() == f"删除会议“{DRAFT_TITLE}”"
    context.undo_stack.undo()
    assert DRAFT_TITLE in titles(tab)

    select_meeting(tab, world["final"])
    assert not tab.delete_selected()
    assert len(asked) == 2  # not asked: the service's reason is shown instead
    assert warned == ["已定稿的纪要不能删除，请先退回草稿并说明理由。"]
    assert FINAL_TITLE in titles(tab)


def test_duplicate_asks_for_the_start_and_opens_a_draft_with_the_same_attendees(
    world: dict[str, str],
    database: Database,
    make_tab: Any,
    qtbot: Any,
    context: TabContext,
    asked: Asked,
) -> None:
    tab = make_tab()
    select_meeting(tab, world["final"])
    dialog = tab.duplicate_selected()
    assert dialog is not None
    proposed = from_qdatetime(dialog.starts_at.dateTime())
    # held on the second Thursday of March at 14:30: a second Thursday after today, at 14:30
    assert proposed.date() > beijing_today() and proposed.weekday() == 3
    assert (proposed.day - 1) // 7 == 1 and (proposed.hour, proposed.minute) == (14, 30)
    dialog.starts_at.setDateTime(to_qdatetime(datetime(2026, 4, 9, 9, 0)))
    dialog.accept()  # the earlier meeting's open decision is offered: not this time
    assert "加入议程“上次议定事项落实情况”吗？" in asked[-1]

    editor = open_editor(tab, qtbot)
    assert editor.meeting_id not in (None, world["final"])
    assert not editor.is_final
    assert editor.basics.session_no.value() == 3
    assert editor.basics.starts_at.dateTime() == to_qdatetime(datetime(2026, 4, 9, 9, 0))
    source = stored(database, world["final"])
    names = [a.name for a in editor.attendees.model.rows()]
    assert names == [a.name for a in source.attendees]
    assert all(a.status is None for a in editor.attendees.model.rows())
    assert [i.title for i in editor.agenda.model.items] == ["关于安乐村小区停车难问题"]
    assert context.undo_stack.undoText() == f"复制会议“{FINAL_TITLE}”"
    assert tab.model.rowCount() == 4
    editor.reject()

    context.undo_stack.undo()
    assert tab.model.rowCount() == 3


# -- the editor --------------------------------------------------------------------------------


@pytest.mark.qt_log_ignore(POPUP_LOG)
def test_a_meeting_from_an_empty_form_to_final_minutes(
    world: dict[str, str],
    database: Database,
    make_tab: Any,
    qtbot: Any,
    asked: Asked,
    warned: list[str],
    context: TabContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab = make_tab()
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findText(ZONE_COUNCIL))
    tab.new_record()
    dialog = open_editor(tab, qtbot)
    assert dialog.windowTitle() == "新建会议"
    basics = dialog.basics

    # 基本信息: the kind comes from the filter; chair by typing a few characters
    assert basics.kind.currentText() == ZONE_COUNCIL
    type_text(basics.title, "宁海路街道北片区党建联盟协调议事会")
    basics.session_no.setValue(3)
    basics.starts_at.setDateTime(to_qdatetime(datetime(2026, 4, 9, 14, 30)))
    type_text(basics.place, "街道党群服务中心三楼会议室")
    basics.host.setCurrentIndex(basics.host.findText("北片区"))
    pick_from_popup(qtbot, basics.chair, "王")
    assert basics.chair.text().startswith("王喆")
    type_text(basics.summary, "会议听取了安乐村停车难问题的汇报。")

    # 出席人员: a person by name, a whole unit; marking by keys
    dialog.tabs.setCurrentIndex(1)
    page = dialog.attendees
    pick_from_popup(qtbot, page.person, "王喆")
    pick_from_popup(qtbot, page.unit, "某某厅")  # its two people at once
    pick_from_popup(qtbot, page.person, "张玥")
    assert [a.name for a in page.model.rows()] == ["王喆", "赵赟", "钱昇", "张玥"]
    assert page.model.rows()[1].unit == "江苏省某某厅"
    page.select_row(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_1)  # 出席, and on to the next
    qtbot.keyClick(page.table, Qt.Key.Key_1)
    qtbot.keyClick(page.table, Qt.Key.Key_2)  # 请假: the reason opens for typing
    statuses = [a.status for a in page.model.rows()]
    assert statuses == [
        AttendanceStatus.PRESENT,
        AttendanceStatus.PRESENT,
        AttendanceStatus.LEAVE,
        None,
    ]
    assert page.counts.text().startswith("出席 2 / 应到 4")
    assert dialog.tabs.tabText(1) == "出席人员（2/4）"

    # saving 请假 without a reason: the error is at the row, nothing is lost
    click(qtbot, dialog.save_button)
    assert dialog.isVisible() and dialog.meeting_id is None
    assert dialog.tabs.currentIndex() == 1
    assert dialog.error_text("attendees[2].reason") == "钱昇请假，请填写请假理由。"
    assert page.table.currentIndex().row() == 2 and page.model.error_row == 2
    assert basics.title.text() == "宁海路街道北片区党建联盟协调议事会"
    assert context.undo_stack.count() == 0

    page.table.setCurrentIndex(page.model.index(2, Col.REASON))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not page.table
    type_text(editor, "外出开会")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits queued
    qtbot.waitUntil(lambda: page.model.rows()[2].reason == "外出开会", timeout=2000)
    assert page.error_text() == ""  # editing the row cleared its error

    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    meeting_id = dialog.meeting_id
    assert meeting_id is not None and dialog.isVisible()
    assert not dialog.is_dirty()
    assert context.undo_stack.undoText() == "新建会议“宁海路街道北片区党建联盟协调议事会”"
    assert tab.panel.current_id() == meeting_id
    assert stored(database, meeting_id).attendees[2].reason == "外出开会"

    # 议程: two items, reordered; a decision with an action item and its owner
    dialog.tabs.setCurrentIndex(2)
    agenda = dialog.agenda
    click(qtbot, agenda.add_item_button)
    type_text(agenda.agenda_form.title, "关于在职党员到社区报到服务")
    click(qtbot, agenda.add_item_button)
    type_text(agenda.agenda_form.title, "关于安乐村小区停车难问题")
    type_text(agenda.agenda_form.notes, "会议认为，安乐村小区车位供需矛盾突出。")
    click(qtbot, agenda.up_button)
    assert [i.title for i in agenda.model.items] == [
        "关于安乐村小区停车难问题",
        "关于在职党员到社区报到服务",
    ]
    assert agenda.model.numbered(agenda.model.index(0, 0)) == "一、关于安乐村小区停车难问题"
    click(qtbot, agenda.add_decision_button)
    type_text(agenda.decision_form.text, "由街道城管科牵头，月底前完成夜间停车泊位划设。")
    click(qtbot, agenda.add_action_button)
    form = agenda.action_form
    type_text(form.description, "划设夜间停车泊位")
    form.owner.org_unit.setCurrentIndex(form.owner.org_unit.findText("城市管理科"))
    form.has_due.setChecked(True)
    form.due_on.setDate(QDate(2026, 4, 30))
    action = agenda.current_node()
    assert isinstance(action, ActionNode)
    assert action.owner_label == "宁海路街道城市管理科" and action.due_on == date(2026, 4, 30)
    assert agenda.model.index(0, 0, agenda.model.index(0, 0, agenda.model.index(0, 0))).data() == (
        "宁海路街道城市管理科 · 2026-04-30前 · 未开始 · 划设夜间停车泊位"
    )
    click(qtbot, dialog.save_button)
    saved = stored(database, meeting_id)
    assert [i.title for i in saved.agenda] == [
        "关于安乐村小区停车难问题",
        "关于在职党员到社区报到服务",
    ]
    assert saved.agenda[0].decisions[0].action_items[0].owner == "宁海路街道城市管理科"

    # 转为民生事项: asks the category; the action item links to the issue's number and status
    decision = agenda.model.items[0].decisions[0]
    agenda.select(decision)
    questions: list[str] = []

    def accept_asked(dialog: RaiseIssueDialog) -> int:
        questions.append(dialog.findChildren(QLabel)[0].text())
        return 1

    monkeypatch.setattr(RaiseIssueDialog, "exec", accept_asked)
    click(qtbot, agenda.issue_button)
    assert questions[-1].startswith("把“由街道城管科牵头")
    action = agenda.current_node()
    assert isinstance(action, ActionNode) and action.issue_number
    assert ISSUE_NUMBER.fullmatch(action.issue_number)
    link = f"<a href='{action.issue_id}'>{action.issue_number}</a>"
    assert form.issue.text() == f"已转为民生事项 {link}（登记）"
    opened: list[tuple[str, dict[str, Any]]] = []
    context.open_list = lambda key, filters: opened.append((key, dict(filters)))
    form.issue.linkActivated.emit(action.issue_id)  # the number clicked
    assert opened == [("issues", {"issue_id": action.issue_id})]
    assert action.issue_number in agenda.model.index_of(action).data()
    assert not agenda.issue_button.isEnabled()

    # 定稿 with things missing: every gap is named, the first shown at its field
    click(qtbot, dialog.finalise_button)
    assert not dialog.is_final
    assert (
        warned[-1]
        == "定稿前请补全以下 2 项：\n· 记录人\n· 张玥（宁海路社区党委 社区党委书记）的出席情况"
    )
    assert dialog.tabs.currentIndex() == 0
    assert dialog.error_text("recorder_id") == "定稿前请补全：记录人"
    assert basics.recorder.property("invalid") is True

    pick_from_popup(qtbot, basics.recorder, "李堃")
    dialog.tabs.setCurrentIndex(1)
    page.select_row(3)
    click(qtbot, page.mark_buttons[AttendanceStatus.OBSERVER])
    asked.answers.append(Yes)
    click(qtbot, dialog.finalise_button)  # saves first, then asks
    assert asked[-1].startswith("定稿后纪要只读")
    assert dialog.is_final
    assert "已定稿" in dialog.banner.text()
    assert all(not w.isEnabled() for w in basics.inputs())
    assert not page.person.isEnabled() and not page.unit.isEnabled()
    assert not page.remove_button.isEnabled()
    assert not agenda.add_item_button.isEnabled() and not agenda.delete_button.isEnabled()
    assert not dialog.save_button.isEnabled() and not dialog.finalise_button.isVisible()
    assert not (page.model.flags(page.model.index(0, Col.STATUS)) & Qt.ItemFlag.ItemIsEditable)
    assert stored(database, meeting_id).status is MeetingStatus.FINAL

    # 导出纪要PDF…: written where the user chose, the exported time recorded
    target = tmp_path / "纪要.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    click(qtbot, dialog.export_button)
    assert target.read_bytes().startswith(b"%PDF")
    assert stored(database, meeting_id).exported_at is not None
    assert "已导出" in dialog.banner.text()

    # 打印纪要…: the preview's paint path, printing into a PDF file instead of a printer
    printed = tmp_path / "printed.pdf"

    def print_to_file(preview: PdfPrintPreview) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        prepare_printer(printer, preview.data)
        preview.paintRequested.emit(printer)
        return 1

    monkeypatch.setattr(PdfPrintPreview, "exec", print_to_file)
    click(qtbot, dialog.print_button)
    minutes, _name = minutes_pdf(database, meeting_id)
    assert (
        page_count(printed.read_bytes()) == page_count(minutes) == page_count(target.read_bytes())
    )
    assert stored(database, meeting_id).printed_at is not None
    assert "已打印" in dialog.banner.text()
    # the issue, the save before finalising and finalising moved the version on; export and
    # print did not
    assert stored(database, meeting_id).version == saved.version + 3

    # 归档包…: the final minutes, sign-in sheet and decisions in the folder the user picks
    shelf = tmp_path / "archive"
    shelf.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(shelf))
    )
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda parent, title, text: told.append(text))
    )
    assert dialog.archive_button.isVisible()
    click(qtbot, dialog.archive_button)
    (bundle,) = shelf.iterdir()
    assert {p.name for p in bundle.iterdir()} >= {"纪要.pdf", "签到表.pdf", "SHA256SUMS"}
    assert told and str(bundle) in told[-1]

    # 退回草稿: the reason is required and goes into the audit log
    click(qtbot, dialog.reopen_button)
    reason_dialog = dialog.reason_dialog
    assert reason_dialog is not None and reason_dialog.isVisible()
    click(qtbot, reason_dialog.buttons.button(reason_dialog.buttons.StandardButton.Ok))
    assert reason_dialog.error_text() == "请说明退回草稿的理由。"
    type_text(reason_dialog.text, "补充议定事项的责任单位")
    click(qtbot, reason_dialog.buttons.button(reason_dialog.buttons.StandardButton.Ok))
    assert not dialog.is_final and basics.title.isEnabled() and dialog.save_button.isEnabled()
    assert not dialog.archive_button.isVisible()  # a draft is not archived
    with database.reader() as s:
        entry = s.scalars(
            select(AuditEntry).where(
                AuditEntry.entity_id == meeting_id, AuditEntry.action == "reopen"
            )
        ).one()
    assert entry.reason == "补充议定事项的责任单位"
    assert not dialog.is_dirty()
    dialog.reject()
    assert not dialog.isVisible()
    assert tab.panel.current_id() == meeting_id


def test_basics_errors_show_at_the_field(
    world: dict[str, str], make_tab: Any, qtbot: Any, context: TabContext
) -> None:
    tab = make_tab()
    dialog = tab.new_record()
    qtbot.waitUntil(dialog.isActiveWindow)
    click(qtbot, dialog.save_button)
    assert dialog.error_text("title") == "请填写会议名称。"
    assert dialog.focusWidget() is dialog.basics.title
    type_text(dialog.basics.title, "某会议")
    assert dialog.error_text("title") == ""
    dialog.basics.has_end.setChecked(True)
    dialog.basics.ends_at.setDateTime(dialog.basics.starts_at.dateTime().addSecs(-3600))
    dialog.basics.chair.setText("查无此人")
    click(qtbot, dialog.save_button)
    assert "没有找到“查无此人”" in dialog.error_text("chair_id")
    dialog.basics.chair.clear()
    click(qtbot, dialog.save_button)
    assert dialog.error_text("ends_at") == "会议结束时间应晚于开始时间。"
    assert context.undo_stack.count() == 0
    dialog.basics.has_end.setChecked(False)
    click(qtbot, dialog.save_button)
    assert dialog.meeting_id is not None
    dialog.reject()


def test_an_agenda_error_selects_its_node(world: dict[str, str], make_tab: Any, qtbot: Any) -> None:
    tab = make_tab()
    select_meeting(tab, world["draft"])
    dialog = tab.open_selected()
    assert dialog is not None
    dialog.tabs.setCurrentIndex(2)
    agenda = dialog.agenda
    click(qtbot, agenda.add_item_button)
    type_text(agenda.agenda_form.title, "议题一")
    click(qtbot, agenda.add_decision_button)
    click(qtbot, agenda.add_item_button)  # a second item, without a title
    click(qtbot, dialog.save_button)
    assert isinstance(agenda.current_node(), DecisionNode)  # the empty decision, first
    assert agenda.current_path() == (0, 0)
    assert dialog.error_text("agenda[0].decisions[0].text") == "请填写第1项议题的第1条议定事项。"
    assert dialog.focusWidget() is agenda.decision_form.text
    type_text(agenda.decision_form.text, "由社区牵头落实。")
    click(qtbot, dialog.save_button)
    assert isinstance(agenda.current_node(), AgendaNode) and agenda.current_path() == (1,)
    assert dialog.error_text("agenda[1].title") == "请填写第2项议题的标题。"
    type_text(agenda.agenda_form.title, "议题二")
    click(qtbot, agenda.add_decision_button)
    click(qtbot, dialog.save_button)
    assert agenda.current_path() == (1, 0)
    agenda.delete_current()  # an empty decision goes without asking
    click(qtbot, dialog.save_button)
    assert not dialog.is_dirty()
    dialog.reject()


def test_a_change_saved_elsewhere_offers_to_reload(
    world: dict[str, str], database: Database, make_tab: Any, qtbot: Any, asked: Asked
) -> None:
    tab = make_tab()
    select_meeting(tab, world["draft"])
    dialog = tab.open_selected()
    assert dialog is not None
    with database.session() as s:  # another office saves the same meeting first
        got = service.get_meeting(s, world["draft"])
        service.save_meeting(
            s,
            got.id,
            got.version,
            MeetingContent(got.data.__class__(**{**vars(got.data), "place": "社区会议室"})),
        )
    type_text(dialog.basics.title, "（改）")
    asked.answers.append(Yes)
    click(qtbot, dialog.save_button)
    assert asked[-1].startswith("这条记录已被别处修改。")
    assert "重新载入" in asked[-1]
    assert dialog.basics.place.text() == "社区会议室"  # reloaded
    assert dialog.basics.title.text() == DRAFT_TITLE
    assert not dialog.is_dirty()
    dialog.reject()


def test_esc_with_unsaved_changes_asks_first(
    world: dict[str, str], make_tab: Any, qtbot: Any, unsaved: UnsavedQuestions
) -> None:
    tab = make_tab()
    select_meeting(tab, world["draft"])
    dialog = tab.open_selected()
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.marker.isHidden()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closes without asking
    assert not dialog.isVisible() and unsaved == []

    dialog = tab.open_selected()
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    type_text(dialog.basics.place, "社区会议室")
    qtbot.waitUntil(dialog.marker.isVisible)  # the marker beside 保存
    unsaved.answers.append(Answer.CANCEL)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # 取消: stays open, text intact
    assert unsaved == [DRAFT_TITLE]
    assert dialog.isVisible() and dialog.basics.place.text() == "社区会议室"
    unsaved.answers.append(Answer.DISCARD)
    click(qtbot, dialog.close_button)
    assert not dialog.isVisible()


def test_a_final_meeting_still_tracks_progress(
    world: dict[str, str], database: Database, make_tab: Any, qtbot: Any
) -> None:
    tab = make_tab()
    select_meeting(tab, world["final"])
    qtbot.keyClick(tab.panel.table, Qt.Key.Key_Return)  # Enter opens the editor
    dialog = open_editor(tab, qtbot)
    assert dialog.is_final and not dialog.basics.title.isEnabled()
    agenda = dialog.agenda
    action = agenda.model.node_at((0, 0, 0))
    assert isinstance(action, ActionNode)
    agenda.select(action)
    status = agenda.action_form.status
    assert status.isEnabled() and not agenda.action_form.description.isEnabled()
    before = stored(database, world["final"]).version
    status.set_value(ActionStatus.DONE)
    after = stored(database, world["final"])
    assert after.agenda[0].decisions[0].action_items[0].status is ActionStatus.DONE
    assert after.version == before + 1 and dialog.detail is not None
    assert dialog.detail.version == after.version  # the editor reloaded: no conflict later
    assert agenda.issue_button.isEnabled()
    column = tab.model.source.column_index("open_actions")
    select_meeting(tab, world["final"])
    assert tab.model.index(tab.model.find_row(world["final"]) or 0, column).data() == "0"
    dialog.reject()


def test_ctrl_p_in_the_main_window_previews_the_selected_minutes(
    world: dict[str, str], database: Database, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtCore import QSettings
    from ui.main_window import MainWindow
    from ui.settings import Settings

    shown: list[tuple[bytes, str]] = []

    def preview(parent: Any, data: bytes, title: str) -> bool:
        shown.append((data, title))
        return True  # the user printed

    monkeypatch.setattr(preview_module, "preview_pdf", preview)
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(database.target, settings, interactive=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_database()
    tab = window.show_tab("meetings")
    assert isinstance(tab, MeetingsTab)
    select_meeting(tab, world["final"])
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(shown) == 1
    data, title = shown[0]
    assert data.startswith(b"%PDF") and title == f"{FINAL_TITLE}纪要 2026-03-12"
    assert stored(database, world["final"]).printed_at is not None


def test_meeting_kinds_are_edited_in_their_dialog(
    world: dict[str, str], database: Database, make_tab: Any, monkeypatch: Any
) -> None:
    from ui.meetings.kinds_dialog import KindsDialog

    def edit(dialog: KindsDialog) -> int:
        dialog.text.setPlainText("大工委全体会议\n\n大工委全体会议")
        dialog.accept()
        assert dialog.errors.text("kinds") == "会议类型“大工委全体会议”重复了，请删去一个。"
        dialog.text.setPlainText("大工委全体会议\n网格议事会")
        dialog.accept()
        return 1

    monkeypatch.setattr(KindsDialog, "exec", edit)
    tab = make_tab()
    tab.edit_kinds()
    kinds = [tab.kind_filter.itemText(i) for i in range(1, tab.kind_filter.count())]
    assert kinds == ["大工委全体会议", "网格议事会"]
    with database.reader() as s:
        assert service.meeting_kinds(s) == ["大工委全体会议", "网格议事会"]


def test_screenshot_at_1366_by_768(
    world: dict[str, str], context: TabContext, qtbot: Any, tmp_path: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    tab = MeetingsTab(context, window)
    tab.setGeometry(0, 0, 1366, 768)
    window.show()
    select_meeting(tab, world["final"])
    qtbot.waitExposed(window)
    header = tab.panel.table.horizontalHeader()
    for column in range(header.count()):  # no header is cut off
        assert header.sectionSize(column) >= header.sectionSizeHint(column)
    assert window.grab().save(str(tmp_path / "meetings-tab.png"))
    dialog = tab.open_meeting(world["final"])
    assert dialog is not None
    assert dialog.width() <= 1366 and dialog.height() <= 768
    for index in range(3):
        dialog.tabs.setCurrentIndex(index)
        assert dialog.grab().save(str(tmp_path / f"editor-{index}.png"))
    dialog.reject()


def test_attendee_rows_describe_who_attends(world: dict[str, str], database: Database) -> None:
    with database.reader() as s:
        [row] = service.describe_attendees(s, [AttendeeData(resident_unit_id=world["college"])])
    model = AttendeeTableModel()
    model.set_rows([row])
    assert isinstance(model.row(0), AttendeeView)
    assert model.index(0, Col.NAME).data() == "（全单位）"
    assert model.index(0, Col.UNIT).data() == "某高校"
    assert model.index(0, Col.STATUS).data() == "未标记"
    assert model.setData(model.index(0, Col.STATUS), "请假")
    assert model.row(0).status is AttendanceStatus.LEAVE


def test_list_rows_carry_their_ids(world: dict[str, str], make_tab: Any) -> None:
    tab = make_tab()
    ids = {tab.model.index(r, 0).data(ID_ROLE) for r in range(tab.model.rowCount())}
    assert ids == {world["final"], world["draft"], world["future"]}


def test_a_copied_meeting_takes_the_open_decisions_back_to_the_table(
    world: dict[str, str],
    database: Database,
    make_tab: Any,
    qtbot: Any,
    asked: Asked,
) -> None:
    tab = make_tab()
    select_meeting(tab, world["final"])
    dialog = tab.duplicate_selected()
    assert dialog is not None
    dialog.starts_at.setDateTime(to_qdatetime(datetime(2026, 5, 14, 14, 30)))
    asked.answers.append(Yes)  # bring last meeting's open decision back
    dialog.accept()
    editor = open_editor(tab, qtbot)
    items = editor.agenda.model.items
    assert [i.title for i in items] == ["上次议定事项落实情况", "关于安乐村小区停车难问题"]
    editor.agenda.select(items[0])
    carried = editor.agenda.agenda_form.carried
    assert not carried.isHidden() and not carried.label.isHidden()
    assert carried.text().startswith("1.") and "——未开始。" in carried.text()
    editor.agenda.select(items[1])  # other agenda items carry nothing
    assert carried.isHidden()
    editor.reject()
