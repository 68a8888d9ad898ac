"""In-service members driven as a user would: register a member (typing their name), add a
service record, see the counts per community and unit change; filter by a count."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from app.agreements import members
from app.agreements.members import RegistrationData, ServiceData
from app.changes import Area, Changes
from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData, PersonData, ResidentUnitData
from db.models.directory import OrgLevel, UnitCategory
from tests.ui.keys import type_text

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from ui.agreements.members_dialogs import RegistrationDialog, ServiceDialog
from ui.agreements.members_view import MembersView
from ui.tab import TabContext

TODAY = date(2026, 11, 28)
POPUP_LOG = "This plugin does not support (raise|grabbing the keyboard)"  # the type-ahead list


@pytest.fixture
def world(database: Database) -> dict[str, str]:
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET)).id
        zone = directory.org_units.create(s, OrgUnitData("颐和路片区", OrgLevel.ZONE, street)).id
        yihe = directory.org_units.create(s, OrgUnitData("颐和路社区", OrgLevel.COMMUNITY, zone)).id
        ninghai = directory.org_units.create(
            s, OrgUnitData("宁海路社区", OrgLevel.COMMUNITY, zone)
        ).id
        unit = directory.resident_units.create(
            s, ResidentUnitData("江苏省教育厅", UnitCategory.PROVINCIAL_ORGAN, yihe)
        ).id
        first = directory.people.create(s, PersonData("王喆", is_party_member=True)).id
        directory.people.create(s, PersonData("李堃", is_party_member=True, employer_unit_id=unit))
        members.register_member(
            s, RegistrationData(first, ninghai, unit, registered_on=date(2026, 3, 1))
        )
    return {"yihe": yihe, "ninghai": ninghai, "unit": unit}


@pytest.fixture
def view(context: TabContext, world: dict[str, str], qtbot: Any) -> MembersView:
    widget = MembersView(context, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    return widget


def _save(qtbot: Any, dialog: Any) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _counts(model: Any) -> dict[str, str]:
    return {
        model.index(row, 0).data(): model.index(row, 1).data() for row in range(model.rowCount())
    }


@pytest.mark.qt_log_ignore(POPUP_LOG)
def test_register_a_member_add_a_service_and_the_counts_change(
    view: MembersView, qtbot: Any, qtmodeltester: Any
) -> None:
    qtmodeltester.check(view.by_community)
    assert view.total.text() == "宁海路街道报到在职党员 1 人"
    assert _counts(view.by_community) == {"宁海路社区": "1"}

    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, RegistrationDialog)
    _save(qtbot, dialog)
    assert dialog.error_text("person_id") == "请选择党员。"
    type_text(dialog.person, "李")
    popup = dialog.person.completer_popup.popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.person.text().startswith("李堃")
    assert dialog.employer.text() == "江苏省教育厅"  # from the directory
    dialog.community.set_value(view.by_community.row_at(0).id)  # 宁海路社区
    _save(qtbot, dialog)
    assert not dialog.isVisible()

    assert view.total.text() == "宁海路街道报到在职党员 2 人"
    assert _counts(view.by_community) == {"宁海路社区": "2"}
    assert _counts(view.by_unit) == {"江苏省教育厅": "2"}
    assert view.member.text().startswith("李堃（宁海路社区）：服务 0 次")

    qtbot.mouseClick(view.service_button, Qt.MouseButton.LeftButton)
    service = view.dialog
    assert isinstance(service, ServiceDialog)
    service.served_on.setDate(QDate(2026, 11, 20))
    _save(qtbot, service)
    assert "服务内容" in service.error_text("activity")
    type_text(service.activity, "垃圾分类督导")
    service.hours.setValue(2.5)
    _save(qtbot, service)
    assert service.error_text("served_on") == "服务日期不能早于报到日期。"
    service.served_on.setDate(QDate(2026, 11, 28))
    _save(qtbot, service)
    assert not service.isVisible()
    assert view.member.text() == "李堃（宁海路社区）：服务 1 次，共 2.5 小时"
    assert view.services.index(0, 1).data() == "垃圾分类督导"
    assert view.by_community.index(0, 2).data() == "1"  # 服务次数
    assert (
        view.model.index(view.model.find_row(view.panel.current_id() or "") or 0, 4).data() == "1"
    )


def test_registering_twice_is_refused_at_the_community(
    view: MembersView, qtbot: Any, world: dict[str, str]
) -> None:
    view.new_record()
    dialog = view.dialog
    assert isinstance(dialog, RegistrationDialog)
    dialog.person.setText("王喆")
    dialog.community.set_value(world["ninghai"])
    _save(qtbot, dialog)
    assert dialog.error_text("community_id") == "这名党员已在该社区报到。"


def test_double_click_a_count_filters_the_list(view: MembersView, qtbot: Any) -> None:
    assert view.model.rowCount() == 1
    view.counts.setCurrentIndex(1)
    table = view.unit_table
    index = view.by_unit.index(0, 0)
    centre = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert view.employer_filter.currentText() == "江苏省教育厅"
    assert view.model.rowCount() == 1
    view.community_filter.setCurrentIndex(view.community_filter.findText("宁海路社区"))
    assert view.model.rowCount() == 1
    type_text(view.panel.search, "没有这个人")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)


def test_remove_a_registration_asks_and_undo_brings_it_back(
    view: MembersView, qtbot: Any, asked: Any, context: TabContext, world: dict[str, str]
) -> None:
    assert view.remove_button.isEnabled()
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)  # answered No
    assert "王喆（宁海路社区）" in asked[0]
    assert view.model.rowCount() == 1

    asked.answers.append(QMessageBox.StandardButton.Yes)
    view.panel.table.setFocus()
    assert view.delete_selected()  # Delete, from the main window's menu
    assert view.model.rowCount() == 0
    assert view.total.text() == "还没有在职党员报到"
    assert not view.remove_button.isEnabled()

    assert context.undo_stack.undoText() == "移除“王喆（宁海路社区）”的报到登记"
    context.undo_stack.undo()
    assert view.model.rowCount() == 1
    assert view.total.text() == "宁海路街道报到在职党员 1 人"

    context.undo_stack.redo()
    assert view.model.rowCount() == 0
    view.new_record()  # registering again brings the registration back, with the new date
    dialog = view.dialog
    assert isinstance(dialog, RegistrationDialog)
    dialog.person.setText("王喆")
    dialog.community.set_value(world["ninghai"])
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert view.model.rowCount() == 1
    assert view.model.index(0, 3).data() == "2026-11-28"


def test_delete_a_service_record_from_its_list_and_undo(
    view: MembersView, qtbot: Any, asked: Any, context: TabContext, database: Database
) -> None:
    registration_id = view.panel.current_id()
    assert registration_id is not None
    with database.session() as s:
        members.add_service(
            s, registration_id, ServiceData(date(2026, 11, 5), "反诈宣传", Decimal("1.5"))
        )
    context.events.announce(Changes.of(Area.AGREEMENTS))
    assert not view.remove_service_button.isEnabled()  # no service chosen yet
    table = view.service_table
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(view.services.index(0, 1)).center(),
    )
    assert table.hasFocus() and view.remove_service_button.isEnabled()
    asked.answers.append(QMessageBox.StandardButton.Yes)
    assert view.delete_selected()  # Delete with the service list focused: the service
    assert "反诈宣传" in asked[0]
    assert view.services.rowCount() == 0
    assert view.model.rowCount() == 1  # the registration stays
    assert view.member.text() == "王喆（宁海路社区）：服务 0 次，共 0.0 小时"

    context.undo_stack.undo()
    assert view.services.index(0, 1).data() == "反诈宣传"
    assert view.member.text() == "王喆（宁海路社区）：服务 1 次，共 1.5 小时"
    context.undo_stack.redo()
    assert view.services.rowCount() == 0
