"""The three lists driven as a user would: raise a need (with a validation error first), a
unit claims it, it is started and done; a suggestion is claimed in one step."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.agreements import claims
from app.agreements.claims import ListEntryData
from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData, ResidentUnitData
from app.errors import UserError
from db.models.agreements import ListEntryStatus, ListKind
from db.models.directory import OrgLevel, UnitCategory
from tests.ui.conftest import Asked
from tests.ui.keys import type_text

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from ui.agreements.claims_dialogs import EntryDialog, StepDialog
from ui.agreements.claims_view import ClaimsView
from ui.tab import TabContext

TODAY = date(2026, 11, 28)
POPUP_LOG = "This plugin does not support (raise|grabbing the keyboard)"  # the type-ahead list


@pytest.fixture
def world(database: Database) -> dict[str, str]:
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET)).id
        zone = directory.org_units.create(s, OrgUnitData("颐和路片区", OrgLevel.ZONE, street)).id
        community = directory.org_units.create(
            s, OrgUnitData("颐和路社区", OrgLevel.COMMUNITY, zone)
        ).id
        unit = directory.resident_units.create(
            s, ResidentUnitData("江苏省教育厅", UnitCategory.PROVINCIAL_ORGAN, community)
        ).id
        clinic = directory.resident_units.create(
            s, ResidentUnitData("江苏省体育局", UnitCategory.PROVINCIAL_ORGAN, community)
        ).id
        resource = claims.create_entry(
            s,
            ListEntryData(
                ListKind.RESOURCE,
                "职工医务室义诊",
                category="医疗",
                raised_by_unit_id=clinic,
                raised_on=date(2026, 3, 1),
            ),
        )
    return {"community": community, "unit": unit, "clinic": clinic, "resource": resource}


@pytest.fixture
def view(context: TabContext, world: dict[str, str], qtbot: Any) -> ClaimsView:
    widget = ClaimsView(context, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    return widget


def _save(qtbot: Any, dialog: Any) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _raise_need(view: ClaimsView, qtbot: Any, world: dict[str, str], title: str) -> None:
    view.new_record()
    dialog = view.dialog
    assert isinstance(dialog, EntryDialog)
    dialog.list_kind.set_value(ListKind.NEED)
    assert not dialog.raised_by.side.isEnabled()  # a need is raised by a community
    dialog.raised_by.community.set_value(world["community"])
    dialog.category.setCurrentText("医疗")
    _save(qtbot, dialog)
    assert "名称" in dialog.error_text("title") and dialog.isVisible()
    type_text(dialog.title, title)
    _save(qtbot, dialog)
    assert not dialog.isVisible()


@pytest.mark.qt_log_ignore(POPUP_LOG)
def test_raise_a_need_claim_it_and_see_it_through(
    view: ClaimsView, qtbot: Any, world: dict[str, str]
) -> None:
    _raise_need(view, qtbot, world, "社区义诊和健康讲座")
    assert view.detail is not None and view.detail.title == "社区义诊和健康讲座"
    assert view.entry.fact_labels["status"].text() == "待认领"
    assert "职工医务室义诊" in view.entry.matches.item(0).text()  # same category, same zone

    qtbot.mouseClick(view.entry.step_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, StepDialog) and dialog.claimant is not None
    assert dialog.claimant.picker() is dialog.claimant.unit  # a unit claims a need
    type_text(dialog.claimant.unit, "江苏省教育")
    _save(qtbot, dialog)
    assert "没有找到" in dialog.error_text("claimer")
    type_text(dialog.claimant.unit, "厅")
    dialog.on.setDate(QDate(2026, 11, 28))
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert view.entry.fact_labels["status"].text() == "已认领"
    assert view.entry.fact_labels["claimed"].text() == "江苏省教育厅"

    for status, day in (("实施中", 29), ("已完成", 30)):
        qtbot.mouseClick(view.entry.step_button, Qt.MouseButton.LeftButton)
        step = view.dialog
        assert isinstance(step, StepDialog) and step.claimant is None
        step.on.setDate(QDate(2026, 11, day))
        _save(qtbot, step)
        assert view.entry.fact_labels["status"].text() == status
    assert (
        view.entry.fact_labels["dates"].text()
        == "认领 2026-11-28　开始 2026-11-29　完成 2026-11-30"
    )
    assert view.entry.step_button.isHidden()

    undo = view.context.undo_stack
    assert undo.undoText() == "完成“社区义诊和健康讲座”"
    for status in ("实施中", "已认领", "待认领"):  # Ctrl+Z takes the steps back one by one
        undo.undo()
        assert view.entry.fact_labels["status"].text() == status
    assert view.entry.fact_labels["claimed"].text() == "（尚无）"
    undo.redo()  # the claim again, by the same unit on the same day
    assert view.entry.fact_labels["status"].text() == "已认领"
    assert view.entry.fact_labels["claimed"].text() == "江苏省教育厅"
    assert view.entry.fact_labels["dates"].text() == "认领 2026-11-28"


def test_a_step_before_the_last_date_names_the_date(
    view: ClaimsView, qtbot: Any, world: dict[str, str]
) -> None:
    view.panel.select_id(world["resource"])
    qtbot.mouseClick(view.entry.step_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, StepDialog) and dialog.claimant is not None
    assert dialog.claimant.picker() is dialog.claimant.community  # a community claims a resource
    dialog.claimant.community.set_value(world["community"])
    dialog.on.setDate(QDate(2026, 2, 1))
    _save(qtbot, dialog)
    assert "2026-03-01" in dialog.error_text("on") and dialog.isVisible()


def test_claim_from_a_suggestion(
    view: ClaimsView, qtbot: Any, world: dict[str, str], database: Database, asked: Asked
) -> None:
    _raise_need(view, qtbot, world, "社区义诊和健康讲座")
    need = view.detail
    assert need is not None
    assert not view.entry.match_button.isEnabled()
    view.entry.matches.setCurrentRow(0)
    asked.answers.append(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(view.entry.match_button, Qt.MouseButton.LeftButton)
    assert "江苏省体育局" in asked[0]
    assert view.entry.fact_labels["status"].text() == "已认领"
    assert view.entry.fact_labels["claimed"].text() == "江苏省体育局"
    with database.reader() as s:
        resource = claims.entry_detail(s, world["resource"])
    assert resource.status is ListEntryStatus.CLAIMED and resource.claimed_by == "颐和路社区"


def test_filters_narrow_the_lists(view: ClaimsView, qtbot: Any, world: dict[str, str]) -> None:
    _raise_need(view, qtbot, world, "老旧小区加装电梯宣讲")
    assert view.model.rowCount() == 2
    combo = view.filters["list_kind"]
    combo.setCurrentIndex(combo.findText("资源清单"))
    assert view.model.rowCount() == 1 and view.detail is not None
    assert view.detail.title == "职工医务室义诊"
    combo.setCurrentIndex(0)
    type_text(view.panel.search, "电梯")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)


def test_release_and_cancel_ask_for_a_reason(
    view: ClaimsView, qtbot: Any, world: dict[str, str], database: Database
) -> None:
    with database.session() as s:
        entry = claims.live_entry(s, world["resource"])
        claims.claim(s, entry.id, entry.version, TODAY, org_unit_id=world["community"])
    view.refresh()
    view.panel.select_id(world["resource"])
    assert view.entry.release_button.isVisible() and view.entry.cancel_button.isVisible()
    qtbot.mouseClick(view.entry.release_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.error_text() == "请填写原因。" and dialog.isVisible()
    type_text(dialog.text, "场地调整")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert view.entry.fact_labels["status"].text() == "待认领"
    assert not view.entry.release_button.isVisible()

    qtbot.mouseClick(view.entry.cancel_button, Qt.MouseButton.LeftButton)
    cancel = view.dialog
    assert cancel is not None and cancel is not dialog
    type_text(cancel.text, "不再提供")
    ok = cancel.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert view.entry.fact_labels["status"].text() == "已取消"
    assert view.entry.step_button.isHidden() and view.entry.cancel_button.isHidden()


def test_a_suggestion_taken_meanwhile_claims_nothing(
    view: ClaimsView,
    qtbot: Any,
    world: dict[str, str],
    database: Database,
    asked: Asked,
    warned: list[str],
) -> None:
    _raise_need(view, qtbot, world, "社区义诊和健康讲座")
    need = view.detail
    assert need is not None
    view.entry.matches.setCurrentRow(0)
    with database.session() as s:  # someone else claims the resource first
        entry = claims.live_entry(s, world["resource"])
        claims.claim(s, entry.id, entry.version, TODAY, org_unit_id=world["community"])
    asked.answers.append(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(view.entry.match_button, Qt.MouseButton.LeftButton)
    assert warned and "已认领" in warned[0]
    with database.reader() as s:
        assert claims.entry_detail(s, need.id).status is ListEntryStatus.OPEN  # nothing half-done


def test_delete_an_entry_raised_by_mistake_and_undo(
    view: ClaimsView,
    qtbot: Any,
    world: dict[str, str],
    database: Database,
    asked: Asked,
    warned: list[str],
    context: TabContext,
) -> None:
    view.panel.select_id(world["resource"])
    assert view.entry.delete_button.isVisible()
    qtbot.mouseClick(view.entry.delete_button, Qt.MouseButton.LeftButton)  # answered No
    assert asked == ["删除“职工医务室义诊”吗？\n删除后可用“撤销”（Ctrl+Z）恢复。"]
    assert view.model.rowCount() == 1

    asked.answers.append(QMessageBox.StandardButton.Yes)
    assert view.delete_selected()  # Delete, from the main window's menu
    assert view.model.rowCount() == 0 and view.detail is None
    assert context.undo_stack.undoText() == "删除清单“职工医务室义诊”"
    context.undo_stack.undo()
    assert view.model.rowCount() == 1

    with database.session() as s:  # claimed meanwhile: release or cancel it instead
        entry = claims.live_entry(s, world["resource"])
        claims.claim(s, entry.id, entry.version, TODAY, org_unit_id=world["community"])
    view.refresh()
    view.panel.select_id(world["resource"])
    assert not view.entry.delete_button.isVisible()
    assert not view.delete_selected()
    with database.session() as s:
        entry = claims.live_entry(s, world["resource"])
        with pytest.raises(UserError) as refused:
            claims.delete_entry(s, entry.id, entry.version)
    assert "退回认领或取消" in refused.value.message.template
