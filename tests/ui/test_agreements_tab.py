"""The agreements tab as a user drives it: an agreement made in the editor with its parties
and commitments, fulfilment moving the progress, 生效 / 终止 with a reason / 续签, filters and
search, delete with undo, the attachments checked by hash, the unsaved-changes guard."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.agreements import commitments, lifecycle, service
from app.agreements.records import AgreementData, CommitmentData, PartyRef
from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData, PartyOrgData, ResidentUnitData
from app.localtime import beijing_today
from db.models.agreements import AgreementKind, AgreementStatus, JointActivity, PartySide
from db.models.directory import OrgLevel, PartyOrgKind, UnitCategory
from db.models.security import AuditEntry
from tests.ui.conftest import Asked, UnsavedQuestions, build_templates, open_copy
from tests.ui.keys import type_text

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QWidget
from ui.agreements.editor import AgreementDialog
from ui.agreements.tab import AgreementsTab
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.tab import TabContext
from ui.widgets.unsaved import Answer

TODAY = beijing_today()
POPUP_LOG = "This plugin does not support (raise|grabbing the keyboard)"  # the type-ahead list
YES = QMessageBox.StandardButton.Yes


def populate(database: Database) -> dict[str, str]:
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET)).id
        community = directory.org_units.create(
            s, OrgUnitData("颐和路社区", OrgLevel.COMMUNITY, street)
        ).id
        other = directory.org_units.create(
            s, OrgUnitData("宁海路社区", OrgLevel.COMMUNITY, street)
        ).id
        unit = directory.resident_units.create(
            s, ResidentUnitData("江苏省教育厅", UnitCategory.PROVINCIAL_ORGAN, community)
        ).id
        college = directory.resident_units.create(
            s, ResidentUnitData("南京某高校", UnitCategory.UNIVERSITY, other)
        ).id
        branch = directory.party_orgs.create(
            s, PartyOrgData("省教育厅办公室党支部", PartyOrgKind.BRANCH, resident_unit_id=unit)
        ).id
    return {
        "street": street,
        "community": community,
        "other": other,
        "unit": unit,
        "college": college,
        "branch": branch,
    }


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    _empty, street, ids = build_templates(tmp_path_factory.mktemp("agreements"), populate)
    return {"street": street, "ids": ids}


@pytest.fixture
def database(templates: dict[str, Any], tmp_path: Path) -> Iterator[Database]:
    db = open_copy(templates["street"], tmp_path)
    yield db
    db.close()


@pytest.fixture
def world(templates: dict[str, Any]) -> dict[str, str]:
    return dict(templates["ids"])


@pytest.fixture
def make_tab(context: TabContext, qtbot: Any) -> Iterator[Any]:
    made: list[AgreementsTab] = []  # strong references: qtbot keeps weak ones only

    def make() -> AgreementsTab:
        tab = AgreementsTab(context)
        made.append(tab)
        qtbot.addWidget(tab)
        tab.resize(1366, 720)
        with qtbot.waitActive(tab):
            tab.show()
        return tab

    yield make


def agreement(
    database: Database,
    world: dict[str, str],
    number: str,
    title: str,
    *,
    partner: str = "unit",
    community: str = "community",
    valid_to: date | None = None,
    activate: bool = True,
    target: int = 2,
) -> str:
    """An agreement made through the service, active by default, with one commitment."""
    data = AgreementData(
        kind=AgreementKind.CO_BUILDING,
        number=number,
        title=title,
        parties=(
            PartyRef(PartySide.STREET_SIDE, org_unit_id=world[community]),
            PartyRef(PartySide.PARTNER_SIDE, resident_unit_id=world[partner]),
        ),
        signed_on=TODAY - timedelta(days=40),
        valid_from=TODAY - timedelta(days=30),
        valid_to=valid_to or TODAY + timedelta(days=700),
    )
    with database.session() as s:
        created = service.create_agreement(s, data)
        commitments.add_commitment(
            s,
            created.id,
            CommitmentData(JointActivity.VOLUNTEER_SERVICE, "联合志愿服务", None, target),
        )
        if activate:
            lifecycle.activate(s, created.id, created.version, today=TODAY)
    return created.id


def stored(database: Database, agreement_id: str) -> service.AgreementDetail:
    with database.reader() as s:
        return service.get_agreement(s, agreement_id)


def click(qtbot: Any, button: QWidget) -> None:
    assert button.isEnabled() and button.isVisible(), button.text()  # type: ignore[attr-defined]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def titles(tab: AgreementsTab) -> list[str]:
    model = tab.agreements.model
    column = model.source.column_index("title")
    return [model.index(r, column).data() for r in range(model.rowCount())]


def open_agreement(tab: AgreementsTab, qtbot: Any, agreement_id: str) -> AgreementDialog:
    view = tab.agreements
    assert view.panel.select_id(agreement_id)
    qtbot.keyClick(view.panel.table, Qt.Key.Key_Return)
    assert view.editor is not None and view.editor.isVisible()
    return view.editor


def pick(qtbot: Any, combo: Any, text: str) -> None:
    """Types a name into an editable picker and presses Enter."""
    line = combo.lineEdit()
    line.setFocus()
    type_text(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def save_button(dialog: Any) -> Any:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def set_date(field: Any, day: date) -> None:
    field.given.setChecked(True)
    field.edit.setDate(QDate(day.year, day.month, day.day))


# -- making an agreement ---------------------------------------------------------------------


@pytest.mark.qt_log_ignore(POPUP_LOG)
def test_an_agreement_with_parties_and_commitments_made_in_the_editor(
    make_tab: Any, qtbot: Any, context: TabContext, database: Database
) -> None:
    tab = make_tab()
    assert tab.agreements.model.rowCount() == 0
    tab.new_record()
    editor = tab.agreements.editor
    assert editor is not None
    assert editor.number.text() == f"GJ{TODAY.year}-001"
    editor.kind.setCurrentIndex(editor.kind.findText("支部结对共建"))
    assert editor.number.text() == f"ZB{TODAY.year}-001"  # proposed for the kind
    type_text(editor.title, "颐和路社区与省教育厅支部结对共建")
    click(qtbot, editor.save_button)
    assert editor.error_text("parties") == "请至少添加一个街道或社区签约方。"
    assert editor.detail is None  # nothing written

    pick(qtbot, editor.parties.street, "颐和路社区")
    pick(qtbot, editor.parties.partner, "江苏省教育厅")
    pick(qtbot, editor.parties.partner, "省教育厅办公室党支部")
    assert editor.parties.names() == ["颐和路社区", "江苏省教育厅", "省教育厅办公室党支部"]
    pick(qtbot, editor.parties.partner, "不存在的单位")
    assert "没有找到“不存在的单位”" in editor.parties.message.text()
    set_date(editor.valid_from, TODAY)
    set_date(editor.valid_to, TODAY - timedelta(days=1))
    click(qtbot, editor.save_button)
    assert editor.error_text("valid_to") == "有效期至不能早于有效期起始日期。"
    set_date(editor.valid_to, TODAY + timedelta(days=365))
    click(qtbot, editor.save_button)
    assert editor.detail is not None and editor.detail.status is AgreementStatus.DRAFT
    assert titles(tab) == ["颐和路社区与省教育厅支部结对共建"]

    click(qtbot, editor.commitments.add_commitment_button)
    form = editor.commitments.commitment_dialog
    assert form is not None
    form.activity.setCurrentIndex(form.activity.findText("共上一堂主题党课"))
    form.responsible.setCurrentIndex(form.responsible.findText("省教育厅办公室党支部"))
    form.target.setValue(0)
    click(qtbot, save_button(form))
    assert form.error_text("yearly_target") == "年度目标次数应在1到999之间。"
    form.target.setValue(4)
    click(qtbot, save_button(form))
    table = editor.commitments.commitments
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(4)] == [
        "共上一堂主题党课",
        "省教育厅办公室党支部",
        "4",
        "0",
    ]
    commitment = stored(database, editor.detail.id).commitments[0]
    assert commitment.data.responsible_party_id == stored(database, editor.detail.id).parties[2].id

    context.undo_stack.undo()  # the commitment
    assert table.rowCount() == 0
    context.undo_stack.redo()
    assert table.rowCount() == 1
    assert context.undo_stack.undoText() == "添加承诺“共上一堂主题党课”"


def test_an_edit_is_undone_and_redone(
    make_tab: Any, qtbot: Any, context: TabContext, database: Database, world: dict[str, str]
) -> None:
    agreement_id = agreement(database, world, "GJ2026-001", "旧名称")
    tab = make_tab()
    editor = open_agreement(tab, qtbot, agreement_id)
    editor.title.selectAll()
    type_text(editor.title, "新名称")
    qtbot.waitUntil(editor.isActiveWindow)  # for its shortcut
    qtbot.keyClick(editor.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored(database, agreement_id).data.title == "新名称"
    context.undo_stack.undo()
    assert stored(database, agreement_id).data.title == "旧名称"
    assert editor.title.text() == "旧名称"  # the open editor follows
    assert titles(tab) == ["旧名称"]
    context.undo_stack.redo()
    assert editor.title.text() == "新名称"


# -- fulfilment and progress -----------------------------------------------------------------


def test_fulfilment_recorded_with_a_photo_moves_the_progress(
    make_tab: Any, qtbot: Any, database: Database, world: dict[str, str], tmp_path: Path
) -> None:
    agreement_id = agreement(database, world, "GJ2026-001", "共建协议", target=2)
    tab = make_tab()
    editor = open_agreement(tab, qtbot, agreement_id)
    table = editor.commitments.commitments
    assert table.item(0, 4).text().startswith("0%")
    click(qtbot, editor.commitments.record_button)
    form = editor.commitments.fulfilment_dialog
    assert form is not None
    assert form.activity.currentText() == "共同开展一次志愿服务"  # from the one commitment
    form.held_on.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    form.participants.setValue(12)
    type_text(form.place, "颐和路社区党群服务中心")
    photo = tmp_path / "合影.jpg"
    photo.write_bytes(b"\xff\xd8 a photo")
    form.add_files([photo])
    click(qtbot, save_button(form))
    assert table.item(0, 3).text() == "1"
    assert table.item(0, 4).text().startswith("50%")
    assert "完成 1/2 次" in editor.commitments.progress_label.text()
    fulfilments = editor.commitments.fulfilments
    assert fulfilments.rowCount() == 1 and fulfilments.item(0, 5).text() == "颐和路社区党群服务中心"
    fulfilments.selectRow(0)
    files = editor.commitments.show_fulfilment_files()
    assert files is not None
    box = files.findChild(type(editor.attachments))
    assert box.names() == ["合影.jpg"]
    files.close()


# -- the lifecycle ---------------------------------------------------------------------------


def test_activate_then_terminate_with_a_reason_leaves_it_read_only(
    make_tab: Any, qtbot: Any, asked: Asked, database: Database, world: dict[str, str]
) -> None:
    agreement_id = agreement(database, world, "GJ2026-001", "待生效的协议", activate=False)
    tab = make_tab()
    editor = open_agreement(tab, qtbot, agreement_id)
    assert not editor.terminate_button.isHidden() and not editor.renew_button.isEnabled()
    asked.answers.append(YES)
    click(qtbot, editor.activate_button)
    assert "使协议“待生效的协议”生效吗？" in asked[-1]
    assert stored(database, agreement_id).status is AgreementStatus.ACTIVE
    assert "状态：生效" in editor.banner.text()

    click(qtbot, editor.terminate_button)
    reason = editor.reason_dialog
    assert reason is not None
    reason.accept()
    assert reason.error_text() == "请填写原因。"
    type_text(reason.text, "单位搬迁出辖区")
    reason.accept()
    detail = stored(database, agreement_id)
    assert detail.status is AgreementStatus.TERMINATED and detail.end_reason == "单位搬迁出辖区"
    with database.reader() as s:
        audited = s.scalar(
            select(AuditEntry.reason).where(
                AuditEntry.entity_id == agreement_id, AuditEntry.action == "terminate"
            )
        )
    assert audited == "单位搬迁出辖区"
    assert "终止原因：单位搬迁出辖区" in editor.banner.text()
    assert editor.title.isReadOnly() and not editor.save_button.isEnabled()
    assert not editor.commitments.add_commitment_button.isEnabled()
    assert not editor.commitments.record_button.isEnabled()
    assert not editor.attachments.add_button.isEnabled()
    assert editor.parties.street.isHidden()
    assert not editor.save()  # Ctrl+S does nothing either
    status = tab.agreements.model.source.column_index("status")
    assert tab.agreements.model.index(0, status).data() == "终止"


def test_renewal_makes_a_linked_successor(
    make_tab: Any, qtbot: Any, database: Database, world: dict[str, str]
) -> None:
    end = beijing_today() + timedelta(days=10)  # 即将到期 (today read now: TODAY may be older)
    agreement_id = agreement(database, world, "GJ2026-NHL-001", "到期续签的协议", valid_to=end)
    tab = make_tab()
    editor = open_agreement(tab, qtbot, agreement_id)
    assert "即将到期" in editor.banner.text() and "还有 10 天" in editor.banner.text()
    click(qtbot, editor.renew_button)
    form = editor.renew_dialog
    assert form is not None
    start = end + timedelta(days=1)
    assert form.number.text() == f"GJ{start.year}-NHL-00{1 if start.year > 2026 else 2}"
    assert form.valid_from.date() == QDate(end.year, end.month, end.day).addDays(1)
    type_text(form.reason, "到期续签")
    click(qtbot, save_button(form))
    old = stored(database, agreement_id)
    assert old.status is AgreementStatus.RENEWED and old.successor_id is not None
    assert "已续签为新一期协议" in editor.banner.text() and editor.title.isReadOnly()
    click(qtbot, editor.linked_button)
    assert editor.agreement_id == old.successor_id
    assert editor.parties.names() == ["颐和路社区", "江苏省教育厅"]
    assert editor.commitments.commitments.rowCount() == 1
    assert editor.linked_button.text() == "打开上一期协议" and editor.save_button.isEnabled()
    assert sorted(titles(tab)) == ["到期续签的协议", "到期续签的协议"]


# -- the list --------------------------------------------------------------------------------


@pytest.mark.qt_log_ignore(POPUP_LOG)
def test_filters_search_and_the_dashboards_filters(
    make_tab: Any, qtbot: Any, database: Database, world: dict[str, str]
) -> None:
    agreement(database, world, "GJ2026-001", "颐和路社区共建", valid_to=TODAY + timedelta(days=20))
    agreement(database, world, "GJ2026-002", "宁海路社区共建", partner="college", community="other")
    agreement(database, world, "GJ2026-003", "草拟的协议", activate=False)
    tab = make_tab()
    view = tab.agreements
    assert titles(tab) == ["颐和路社区共建", "宁海路社区共建", "草拟的协议"]
    view.status_filter.setCurrentIndex(view.status_filter.findText("草拟"))
    assert titles(tab) == ["草拟的协议"]
    view.status_filter.setCurrentIndex(0)
    view.community_filter.setCurrentIndex(view.community_filter.findText("宁海路社区"))
    assert titles(tab) == ["宁海路社区共建"]
    view.community_filter.setCurrentIndex(0)
    pick(qtbot, view.party_filter, "南京某高校")
    assert titles(tab) == ["宁海路社区共建"]
    view.party_filter.set_value(None)
    view.party_filter.lineEdit().editingFinished.emit()
    assert len(titles(tab)) == 3

    view.panel.table.setFocus()
    tab.focus_search()  # Ctrl+F
    assert view.panel.search.hasFocus()
    type_text(view.panel.search, "教育厅")  # a party's name
    qtbot.waitUntil(lambda: titles(tab) == ["颐和路社区共建", "草拟的协议"])
    tab.show_filtered({"expiring_within": 30})
    assert view.panel.search.text() == "" and titles(tab) == ["颐和路社区共建"]
    assert view.expiring_filter.currentText() == "30天内到期"
    tab.show_filtered({"status": AgreementStatus.ACTIVE, "expiring_within": 45})
    assert view.status_filter.currentText() == "生效"
    assert view.expiring_filter.currentText() == "45天内到期"
    assert titles(tab) == []  # the one ending in 20 days is 即将到期, not 生效
    tab.show_filtered({"party": world["college"]})
    assert titles(tab) == ["宁海路社区共建"]


def test_states_follow_the_dates_when_the_database_opens(
    qtbot: QtBot, make_tab: Any, database: Database, world: dict[str, str], tmp_path: Path
) -> None:
    agreement_id = agreement(
        database, world, "GJ2026-001", "协议", valid_to=TODAY + timedelta(days=90)
    )
    tab = make_tab()
    with database.session() as s:  # time passes: the stored end is now near
        detail = service.get_agreement(s, agreement_id)
        service.save_agreement(
            s,
            agreement_id,
            detail.version,
            AgreementData(**{**detail.data.__dict__, "valid_to": TODAY + timedelta(days=5)}),
            today=TODAY - timedelta(days=100),
        )
    tab.refresh()  # F5 reads again; the calendar's one writer moves states
    assert stored(database, agreement_id).status is AgreementStatus.ACTIVE
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(database.target, settings, interactive=False)
    qtbot.addWidget(window)
    window.open_database()
    qtbot.waitUntil(lambda: stored(database, agreement_id).status is AgreementStatus.EXPIRING)
    page = window.show_tab("agreements")
    status = page.agreements.model.source.column_index("status")  # type: ignore[attr-defined]
    assert page.agreements.model.index(0, status).data() == "即将到期"  # type: ignore[attr-defined]
    window.close()


def test_delete_asks_first_and_undo_restores(
    make_tab: Any, asked: Asked, context: TabContext, database: Database, world: dict[str, str]
) -> None:
    agreement_id = agreement(database, world, "GJ2026-001", "要删除的协议")
    tab = make_tab()
    assert tab.agreements.panel.select_id(agreement_id)
    tab.delete_selected()
    assert asked == ["删除协议“要删除的协议”吗？\n删除后可用“撤销”（Ctrl+Z）恢复。"]
    assert titles(tab) == ["要删除的协议"]  # answered No
    asked.answers.append(YES)
    tab.delete_selected()
    assert titles(tab) == []
    context.undo_stack.undo()
    assert titles(tab) == ["要删除的协议"]


# -- attachments and the guard ---------------------------------------------------------------


def test_the_scanned_copy_is_stored_by_hash_and_checked_before_opening(
    make_tab: Any,
    qtbot: Any,
    database: Database,
    world: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    agreement_id = agreement(database, world, "GJ2026-001", "协议")
    tab = make_tab()
    editor = open_agreement(tab, qtbot, agreement_id)
    box = editor.attachments
    scan = tmp_path / "签字盖章件.pdf"
    scan.write_bytes(b"%PDF-1.4 signed")
    assert box.add_files([scan])
    assert box.names() == ["签字盖章件.pdf"]
    box.files.setCurrentRow(0)
    click(qtbot, box.open_button)
    assert len(opened) == 1 and Path(opened[0]).read_bytes() == b"%PDF-1.4 signed"
    with database.engine.begin() as connection:  # the stored content damaged
        connection.exec_driver_sql("UPDATE attachment_contents SET data = x'00'")
    click(qtbot, box.open_button)
    assert len(opened) == 1
    assert box.message.text() == "附件已损坏或丢失：签字盖章件.pdf"


def test_closing_with_unsaved_changes_asks_first(
    make_tab: Any, qtbot: Any, unsaved: UnsavedQuestions, database: Database, world: dict[str, str]
) -> None:
    agreement_id = agreement(database, world, "GJ2026-001", "协议")
    tab = make_tab()
    editor = open_agreement(tab, qtbot, agreement_id)
    type_text(editor.title, "（修订）")
    qtbot.waitUntil(editor.marker.isVisible)
    unsaved.answers.append(Answer.CANCEL)
    editor.reject()
    assert unsaved == ["协议（修订）"] and editor.isVisible()
    unsaved.answers.append(Answer.DISCARD)
    editor.reject()
    assert not editor.isVisible()
    assert stored(database, agreement_id).data.title == "协议"


def test_show_view_opens_the_editor_and_refuses_unknown_names(
    make_tab: Any, database: Database, world: dict[str, str]
) -> None:
    agreement(database, world, "GJ2026-001", "有承诺的协议")
    tab = make_tab()
    assert tab.show_view("agreements")
    assert tab.show_view("editor")
    editor = tab.agreements.editor
    assert editor is not None and editor.title.text() == "有承诺的协议"
    assert editor.commitments.commitments.rowCount() == 1
    assert not tab.show_view("nonsense")


def test_settings_change_when_an_agreement_is_expiring(
    make_tab: Any, qtbot: Any, database: Database, world: dict[str, str]
) -> None:
    agreement(database, world, "GJ2026-001", "协议", valid_to=TODAY + timedelta(days=90))
    tab = make_tab()
    status = tab.agreements.model.source.column_index("status")
    assert tab.agreements.model.index(0, status).data() == "生效"
    click(qtbot, tab.agreements.settings_button)
    form = tab.agreements.settings_dialog
    assert form is not None and form.expiring_days.value() == 30
    form.expiring_days.setValue(0)
    click(qtbot, save_button(form))
    assert form.error_text("expiring_days") == "到期提醒天数应在1到365之间。"
    form.expiring_days.setValue(120)
    click(qtbot, save_button(form))
    assert tab.agreements.model.index(0, status).data() == "即将到期"


def test_a_commitment_deleted_while_the_form_has_typed_changes(
    make_tab: Any,
    qtbot: Any,
    asked: Asked,
    context: TabContext,
    database: Database,
    world: dict[str, str],
) -> None:
    agreement_id = agreement(database, world, "GJ2026-001", "协议")
    tab = make_tab()
    editor = open_agreement(tab, qtbot, agreement_id)
    type_text(editor.title, "（修订）")
    table = editor.commitments.commitments
    table.selectRow(0)
    asked.answers.append(YES)
    click(qtbot, editor.commitments.delete_commitment_button)
    assert table.rowCount() == 0 and editor.title.text() == "协议（修订）"
    context.undo_stack.undo()
    assert table.rowCount() == 1 and editor.is_dirty()
    click(qtbot, editor.save_button)
    assert stored(database, agreement_id).data.title == "协议（修订）"


def test_activation_without_dates_is_refused_at_the_field(
    make_tab: Any, qtbot: Any, asked: Asked, database: Database, world: dict[str, str]
) -> None:
    agreement_id = agreement(database, world, "GJ2026-001", "协议", activate=False)
    tab = make_tab()
    editor = open_agreement(tab, qtbot, agreement_id)
    editor.valid_from.given.setChecked(False)
    asked.answers.append(YES)
    click(qtbot, editor.activate_button)  # saves the change first, then refuses
    assert editor.error_text("valid_from") == "请先填写有效期再使协议生效。"
    assert stored(database, agreement_id).status is AgreementStatus.DRAFT
    assert stored(database, agreement_id).data.valid_from is None


def test_the_list_model_passes_the_model_tester(
    make_tab: Any, qtmodeltester: Any, database: Database, world: dict[str, str]
) -> None:
    agreement(database, world, "GJ2026-001", "协议一")
    agreement(database, world, "GJ2026-002", "协议二", activate=False)
    tab = make_tab()
    qtmodeltester.check(tab.agreements.model)
    progress = tab.agreements.model.source.column_index("progress")
    assert [tab.agreements.model.index(r, progress).data() for r in range(2)] == ["0%", ""]


@pytest.mark.qt_log_ignore(POPUP_LOG)
def test_a_scan_added_to_a_new_agreement_saves_it_first(
    make_tab: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scan = tmp_path / "协议扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *_args: ([str(scan)], ""))
    )
    tab = make_tab()
    tab.new_record()
    editor = tab.agreements.editor
    assert editor is not None
    type_text(editor.title, "新协议")
    pick(qtbot, editor.parties.street, "颐和路社区")
    pick(qtbot, editor.parties.partner, "江苏省教育厅")
    click(qtbot, editor.attachments.add_button)
    assert editor.detail is not None and titles(tab) == ["新协议"]
    assert editor.attachments.names() == ["协议扫描件.pdf"]


def test_the_small_dialogs_count_dates_numbers_and_files_as_unsaved(
    qtbot: Any, unsaved: UnsavedQuestions, tmp_path: Path
) -> None:
    """Esc on a fulfilment or renewal asks before losing a changed date, number or file."""
    from ui.agreements.forms import FulfilmentDialog, RenewDialog

    changes = [
        lambda d: d.held_on.setDate(QDate(2026, 11, 20)),
        lambda d: d.participants.setValue(12),
        lambda d: d.hours.setValue(2.5),
        lambda d: d.add_files([tmp_path / "签到表.jpg"]),
    ]
    for change in changes:
        fulfilment = FulfilmentDialog([], date(2026, 11, 28))
        qtbot.addWidget(fulfilment)
        fulfilment.show()
        change(fulfilment)
        unsaved.clear()
        unsaved.answers.append(Answer.CANCEL)
        qtbot.keyClick(fulfilment, Qt.Key.Key_Escape)
        assert unsaved == [""] and fulfilment.isVisible()

    renew = RenewDialog(date(2028, 1, 1), 2, "GJ2028-001")
    qtbot.addWidget(renew)
    renew.show()
    unsaved.clear()
    qtbot.keyClick(renew, Qt.Key.Key_Escape)  # nothing changed: closes without asking
    assert not renew.isVisible() and unsaved == []


def test_enter_and_delete_on_the_commitments_table(
    make_tab: Any,
    qtbot: Any,
    asked: Asked,
    context: TabContext,
    database: Database,
    world: dict[str, str],
) -> None:
    """In the editor, Enter on a commitment opens it (not the editor's Save) and Delete asks
    before deleting it."""
    agreement_id = agreement(database, world, "GJ2026-001", "协议")
    tab = make_tab()
    editor = open_agreement(tab, qtbot, agreement_id)
    panel = editor.commitments
    table = panel.commitments
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert panel.commitment_dialog is not None and panel.commitment_dialog.isVisible()
    assert editor.isVisible()
    panel.commitment_dialog.reject()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # answered No
    assert len(asked) == 1 and "删除承诺" in asked[0] and table.rowCount() == 1
    asked.answers.append(YES)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert table.rowCount() == 0


def _tab_order(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits in ``window``, in order."""
    order: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not window:
        if (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(window)
            and widget.isEnabled()
        ):
            order.append(widget)
        widget = widget.nextInFocusChain()
    return order


def test_tab_follows_the_form_from_the_title_through_the_parties_to_the_dates(
    make_tab: Any, qtbot: Any, database: Database, world: dict[str, str]
) -> None:
    agreement_id = agreement(database, world, "GJ2026-001", "协议")
    editor = open_agreement(make_tab(), qtbot, agreement_id)
    parties = editor.parties
    order = _tab_order(editor)
    wanted = [
        editor.title,
        parties.table,
        parties.street.lineEdit(),
        parties.add_street_button,
        parties.partner.lineEdit(),
        parties.add_partner_button,
        editor.signed_on.given,
        editor.summary,
    ]
    positions = [order.index(w) for w in wanted]
    assert positions == sorted(positions)
