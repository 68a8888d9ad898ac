"""The directory tab driven as a user would: tree, lists, dialogs, undo, keys."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.changes import Area, Changes
from app.database import Database
from app.directory import service
from app.directory.records import OrgUnitData, PartyOrgData, PersonData, ResidentUnitData
from app.validation import id_check_char
from db.models.directory import Gender, OrgLevel, PartyOrgKind, Person, UnitCategory
from tests.ui.conftest import UnsavedQuestions, build_templates, open_copy
from tests.ui.keys import type_text

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QMessageBox, QWidget
from ui.directory.kinds import PARTY_ORG, PERSON, RESIDENT_UNIT
from ui.directory.org_tree_model import ID_ROLE as TREE_ID_ROLE
from ui.directory.tab import DirectoryTab
from ui.models.paged_table import ID_ROLE
from ui.tab import TabContext
from ui.widgets.record_dialog import RecordDialog
from ui.widgets.unsaved import Answer

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No

# -- demo-like data, made through the app services -------------------------------------------

ZONES = {
    "颐和路片区": ["颐和路社区", "北京西路社区", "江苏路社区"],
    "西康路片区": ["西康路社区", "牯岭路社区", "琅琊路社区"],
    "五台山片区": ["五台山社区", "南秀村社区", "金银街社区", "随家仓社区"],
}
DEPARTMENTS = ["党政办公室", "城市管理科", "社会事务科", "平安建设办公室"]
UNITS = [
    ("江苏省人民检察院", UnitCategory.PROVINCIAL_ORGAN),
    ("江苏省教育厅", UnitCategory.PROVINCIAL_ORGAN),
    ("江苏省住房和城乡建设厅", UnitCategory.PROVINCIAL_ORGAN),
    ("江苏省档案馆", UnitCategory.PROVINCIAL_ORGAN),
    ("南京市规划和自然资源局", UnitCategory.CITY_ORGAN),
    ("南京市城市管理局", UnitCategory.CITY_ORGAN),
    ("南京市鼓楼区人民法院", UnitCategory.DISTRICT_ORGAN),
    ("南京市鼓楼区卫生健康委员会", UnitCategory.DISTRICT_ORGAN),
    ("鼓楼区城市管理局", UnitCategory.DISTRICT_ORGAN),
    ("南京大学", UnitCategory.UNIVERSITY),
    ("南京师范大学", UnitCategory.UNIVERSITY),
    ("河海大学", UnitCategory.UNIVERSITY),
    ("南京艺术学院", UnitCategory.UNIVERSITY),
    ("中国科学院南京地理与湖泊研究所", UnitCategory.RESEARCH_INSTITUTE),
    ("江苏省社会科学院", UnitCategory.RESEARCH_INSTITUTE),
    ("南京水利科学研究院", UnitCategory.RESEARCH_INSTITUTE),
    ("国网南京供电公司鼓楼供电中心", UnitCategory.STATE_ENTERPRISE),
    ("中国移动南京分公司", UnitCategory.STATE_ENTERPRISE),
    ("南京地铁运营有限责任公司", UnitCategory.STATE_ENTERPRISE),
    ("南京水务集团鼓楼分公司", UnitCategory.STATE_ENTERPRISE),
    ("江苏银行鼓楼支行", UnitCategory.STATE_ENTERPRISE),
    ("苏宁易购鼓楼门店", UnitCategory.PRIVATE_ENTERPRISE),
    ("南京金鹰国际商城", UnitCategory.PRIVATE_ENTERPRISE),
    ("颐和路民国建筑文化旅游公司", UnitCategory.PRIVATE_ENTERPRISE),
    ("江苏开元律师事务所", UnitCategory.PRIVATE_ENTERPRISE),
    ("南京德基物业管理有限公司", UnitCategory.PRIVATE_ENTERPRISE),
    ("鼓楼区志愿者联合会", UnitCategory.SOCIAL_ORGANISATION),
    ("宁海路街道社会组织服务中心", UnitCategory.SOCIAL_ORGANISATION),
    ("南京市爱德慈善基金会", UnitCategory.SOCIAL_ORGANISATION),
    ("鼓楼区老年协会", UnitCategory.SOCIAL_ORGANISATION),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["喆", "堃", "玥", "建国", "秀英", "志强", "海燕", "文杰", "丽华", "子涵", "晓东", "静"]
POSTS = ["党委书记", "办公室主任", "科长", "社区书记", "网格员", "志愿者", "副院长", "支部书记"]


def id_number(serial: int) -> str:
    first17 = f"320106{1960 + serial % 40}{1 + serial % 12:02d}{1 + serial % 28:02d}{serial:03d}"
    return first17 + id_check_char(first17)


def populate(database: Database) -> dict[str, Any]:
    """A street with 3 zones, 10 communities, 30 grids, 4 departments, 30 resident units,
    20 party organisations and 50 people; returns the ids a test needs."""
    ids: dict[str, Any] = {"communities": {}, "grids": {}, "units": {}, "people": []}
    with database.session() as s:
        street = service.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET)).id
        ids["street"] = street
        communities: list[str] = []
        for zone_name, names in ZONES.items():
            zone = service.org_units.create(s, OrgUnitData(zone_name, OrgLevel.ZONE, street)).id
            ids.setdefault("zones", {})[zone_name] = zone
            for name in names:
                community = service.org_units.create(
                    s, OrgUnitData(name, OrgLevel.COMMUNITY, zone)
                ).id
                ids["communities"][name] = community
                communities.append(community)
                for n in ("第一网格", "第二网格", "第三网格"):
                    grid = service.org_units.create(s, OrgUnitData(n, OrgLevel.GRID, community))
                    ids["grids"].setdefault(name, []).append(grid.id)
        for name in DEPARTMENTS:
            service.org_units.create(s, OrgUnitData(name, OrgLevel.DEPARTMENT, street))
        for i, (name, category) in enumerate(UNITS):
            unit = service.resident_units.create(
                s,
                ResidentUnitData(
                    name,
                    category,
                    communities[i % len(communities)],
                    address=f"鼓楼区北京西路{10 + i}号",
                    contact_name=SURNAMES[i % 20] + GIVEN[i % 12],
                    contact_phone=f"025-8330{1000 + i}",
                ),
            )
            ids["units"][name] = unit.id
        orgs: list[str] = []
        for i, (name, unit_id) in enumerate(list(ids["units"].items())[:12]):
            kind = PartyOrgKind.COMMITTEE if i < 6 else PartyOrgKind.GENERAL_BRANCH
            org = service.party_orgs.create(
                s, PartyOrgData(f"中共{name}委员会", kind, unit_id, member_count=30 + i * 7)
            )
            orgs.append(org.id)
        for name, community in list(ids["communities"].items())[:8]:
            org = service.party_orgs.create(
                s,
                PartyOrgData(
                    f"{name}第一党支部", PartyOrgKind.BRANCH, None, community, member_count=25
                ),
            )
            orgs.append(org.id)
        unit_ids = list(ids["units"].values())
        for i in range(50):
            community_name = list(ids["communities"])[i % 10]
            grid_worker = i % 10 == 3
            person = service.people.create(
                s,
                PersonData(
                    SURNAMES[i % 20] + GIVEN[(i * 7) % 12],
                    Gender.FEMALE if i % 3 else Gender.MALE,
                    mobile=f"139{i:08d}",
                    id_number=id_number(i),
                    employer_unit_id=None if grid_worker else unit_ids[i % len(unit_ids)],
                    org_unit_id=(
                        ids["grids"][community_name][0]
                        if grid_worker
                        else ids["communities"][community_name]
                    ),
                    post="网格员" if grid_worker else POSTS[i % len(POSTS)],
                    is_party_member=i % 2 == 0,
                    party_org_id=orgs[i % len(orgs)] if i % 2 == 0 else None,
                    is_grid_worker=grid_worker,
                ),
            )
            ids["people"].append(person.id)
        for i, org_id in enumerate(orgs[:14]):  # party members as secretaries
            org = service.party_orgs.get(s, org_id)
            secretary = ids["people"][i * 2]
            service.party_orgs.update(
                s, org_id, org.version, replace(org.data, secretary_id=secretary)
            )
    return ids


# -- fixtures and helpers --------------------------------------------------------------------


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """An empty and a populated database, migrated and filled once per session."""
    empty, demo, ids = build_templates(tmp_path_factory.mktemp("directory"), populate)
    return {"empty": empty, "demo": demo, "ids": ids}


@pytest.fixture
def database(request: pytest.FixtureRequest, templates: dict[str, Any], tmp_path: Path) -> Any:
    """A fresh database file per test, as in conftest, copied from a template to stay fast;
    a test that asks for ``demo`` gets the populated one."""
    db = open_copy(templates["demo" if "demo" in request.fixturenames else "empty"], tmp_path)
    yield db
    db.close()


@pytest.fixture
def demo(templates: dict[str, Any]) -> dict[str, Any]:
    """The ids of the demo records (the ``database`` fixture then holds them)."""
    return templates["ids"]


@pytest.fixture
def make_tab(context: TabContext, qtbot: Any) -> Any:
    def make() -> DirectoryTab:
        tab = DirectoryTab(context)
        qtbot.addWidget(tab)
        tab.resize(1366, 720)
        with qtbot.waitActive(tab):  # shortcuts (F2, Ctrl+S) work in the active window only
            tab.show()
        return tab

    return make


def open_dialog(tab: DirectoryTab, qtbot: Any) -> RecordDialog:
    dialog = tab.editor.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)  # for its shortcuts (Ctrl+S, Esc)
    return dialog


def click_save(qtbot: Any, dialog: RecordDialog) -> None:
    button = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def names(tab: DirectoryTab, kind: Any) -> list[str]:
    model = tab.list_of(kind).model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def select_row(tab: DirectoryTab, kind: Any, name: str) -> str:
    item = tab.show_list(kind)
    row = names(tab, kind).index(name)
    item.panel.table.selectRow(row)
    return item.model.index(row, 0).data(ID_ROLE)


def select_tree(tab: DirectoryTab, org_id: str | None) -> None:
    index = tab.tree_model.index_of(org_id)
    tab.tree.view.setCurrentIndex(index)


# -- tests -----------------------------------------------------------------------------------


def test_models_pass_the_model_tester(
    demo: dict[str, Any], make_tab: Any, qtmodeltester: Any
) -> None:
    tab = make_tab()
    qtmodeltester.check(tab.tree_model)
    tab.tree_model.reload()
    qtmodeltester.check(tab.tree_model)
    for item in tab.lists:
        qtmodeltester.check(item.model)


def test_empty_lists_say_what_to_do(make_tab: Any) -> None:
    tab = make_tab()
    panel = tab.list_of(RESIDENT_UNIT).panel
    assert panel.empty_label.isVisible()
    assert panel.empty_label.text() == "还没有驻区单位。按 Ctrl+N 新建，或从 Excel 导入。"
    assert tab.tree.hint.isVisible()
    assert tab.tabs.tabText(0) == "驻区单位 (0)"


def test_selecting_a_community_filters_every_list(demo: dict[str, Any], make_tab: Any) -> None:
    tab = make_tab()
    assert tab.list_of(RESIDENT_UNIT).model.rowCount() == 30
    assert tab.tabs.tabText(2) == "人员 (50)"

    select_tree(tab, demo["communities"]["颐和路社区"])

    assert set(names(tab, RESIDENT_UNIT)) == {name for name, _ in UNITS[0::10]}
    assert tab.list_of(RESIDENT_UNIT).model.rowCount() == 3
    assert tab.tabs.tabText(0) == "驻区单位 (3)"
    assert "颐和路社区第一党支部" in names(tab, PARTY_ORG)
    assert 0 < tab.list_of(PERSON).model.rowCount() < 50
    assert "颐和路社区" in tab.scope.text()

    select_tree(tab, demo["zones"]["颐和路片区"])  # a zone covers its three communities
    assert tab.list_of(RESIDENT_UNIT).model.rowCount() == 9

    select_tree(tab, None)  # 全部组织
    assert tab.list_of(RESIDENT_UNIT).model.rowCount() == 30


def test_add_a_resident_unit_through_the_dialog(
    demo: dict[str, Any], make_tab: Any, qtbot: Any, context: TabContext
) -> None:
    tab = make_tab()
    select_tree(tab, demo["communities"]["颐和路社区"])

    tab.new_record()
    dialog = open_dialog(tab, qtbot)
    assert dialog.windowTitle() == "新建驻区单位"
    assert dialog.org_unit.value() == demo["communities"]["颐和路社区"]  # preselected
    type_text(dialog.name, "江苏省人民政府外事办公室")
    dialog.category.setCurrentIndex(dialog.category.findText("省级机关"))
    type_text(dialog.contact_phone, "025-83301234")
    with qtbot.waitSignal(context.events.announced):
        click_save(qtbot, dialog)

    assert not dialog.isVisible()
    assert "江苏省人民政府外事办公室" in names(tab, RESIDENT_UNIT)
    assert tab.list_of(RESIDENT_UNIT).model.rowCount() == 4
    assert tab.tabs.tabText(0) == "驻区单位 (4)"
    current = tab.list_of(RESIDENT_UNIT).panel.current_id()
    assert current is not None  # the new unit is selected
    assert context.undo_stack.count() == 1
    assert context.undo_stack.undoText() == "新建驻区单位“江苏省人民政府外事办公室”"

    context.undo_stack.undo()
    assert "江苏省人民政府外事办公室" not in names(tab, RESIDENT_UNIT)
    context.undo_stack.redo()
    assert "江苏省人民政府外事办公室" in names(tab, RESIDENT_UNIT)


def test_a_bad_id_number_is_shown_at_the_field_and_nothing_is_lost(
    make_tab: Any, qtbot: Any, context: TabContext
) -> None:
    tab = make_tab()
    tab.show_list(PERSON)
    tab.new_record()
    dialog = open_dialog(tab, qtbot)
    type_text(dialog.name, "李堃")
    type_text(dialog.mobile, "13912345678")
    type_text(dialog.id_number, "320106198001010010")  # the check digit should be 1, not 0

    click_save(qtbot, dialog)

    assert dialog.isVisible()
    assert "校验位" in dialog.error_text("id_number")
    assert dialog.focusWidget() is dialog.id_number
    assert dialog.id_number.property("invalid") is True
    assert (dialog.name.text(), dialog.mobile.text()) == ("李堃", "13912345678")
    assert dialog.id_number.text() == "320106198001010010"
    assert context.undo_stack.count() == 0  # a failed save never lands on the undo stack
    assert tab.list_of(PERSON).model.rowCount() == 0

    dialog.id_number.setText("320106198001010011")  # editing the field clears its error
    assert dialog.error_text("id_number") == ""
    click_save(qtbot, dialog)
    assert not dialog.isVisible()
    assert names(tab, PERSON) == ["李堃"]
    assert tab.list_of(PERSON).model.index(0, 3).data() == "3201**********0011"  # masked


def test_required_fields_and_pickers_complain_at_the_field(make_tab: Any, qtbot: Any) -> None:
    tab = make_tab()
    tab.new_record()
    dialog = open_dialog(tab, qtbot)
    click_save(qtbot, dialog)
    assert dialog.error_text("category") == "请选择类别。"
    dialog.category.setCurrentIndex(0)
    click_save(qtbot, dialog)
    assert dialog.error_text("name") == "请填写单位名称。"
    type_text(dialog.name, "南京大学")
    dialog.org_unit.setEditText("不存在的社区")
    click_save(qtbot, dialog)
    assert "没有找到“不存在的社区”" in dialog.error_text("org_unit_id")
    assert dialog.isVisible()


def test_edit_updates_the_list_and_undo_redo_replay_it(
    demo: dict[str, Any], make_tab: Any, qtbot: Any, context: TabContext
) -> None:
    tab = make_tab()
    select_row(tab, RESIDENT_UNIT, "河海大学")

    qtbot.keyClick(tab.list_of(RESIDENT_UNIT).panel.table, Qt.Key.Key_F2)
    dialog = open_dialog(tab, qtbot)
    assert dialog.windowTitle() == "修改驻区单位"
    assert dialog.name.text() == "河海大学"
    assert dialog.category.currentText() == "高校"
    dialog.name.selectAll()
    type_text(dialog.name, "河海大学（西康路校区）")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves

    assert not dialog.isVisible()
    assert "河海大学（西康路校区）" in names(tab, RESIDENT_UNIT)
    assert "河海大学" not in names(tab, RESIDENT_UNIT)
    assert context.undo_stack.undoText() == "修改驻区单位“河海大学（西康路校区）”"

    context.undo_stack.undo()
    assert "河海大学" in names(tab, RESIDENT_UNIT)
    context.undo_stack.redo()
    assert "河海大学（西康路校区）" in names(tab, RESIDENT_UNIT)
    context.undo_stack.undo()  # undo again, against the version redo wrote
    assert "河海大学" in names(tab, RESIDENT_UNIT)


def test_a_record_changed_elsewhere_meanwhile_is_not_overwritten(
    demo: dict[str, Any],
    database: Database,
    make_tab: Any,
    qtbot: Any,
    warned: list[str],
    context: TabContext,
) -> None:
    tab = make_tab()
    unit_id = select_row(tab, RESIDENT_UNIT, "南京大学")
    tab.edit_record()
    dialog = open_dialog(tab, qtbot)
    click_save(qtbot, dialog)  # nothing changed: closes, saves nothing, nothing to undo
    assert not dialog.isVisible() and context.undo_stack.count() == 0

    tab.edit_record()
    dialog = open_dialog(tab, qtbot)
    with database.session() as s:  # another office saves the same unit first
        unit = service.resident_units.get(s, unit_id)
        service.resident_units.update(s, unit_id, unit.version, replace(unit.data, note="改"))
    type_text(dialog.contact_name, "甲")
    click_save(qtbot, dialog)

    assert warned == ["这条记录已被别处修改。请关闭后重新打开，再做修改。"]
    assert dialog.isVisible() and dialog.contact_name.text().endswith("甲")
    assert context.undo_stack.count() == 0


def test_the_tab_leaves_ctrl_n_ctrl_f_and_delete_to_the_main_window(make_tab: Any) -> None:
    tab = make_tab()
    keys = {s.key().toString() for s in tab.findChildren(QShortcut) if s.parent() is tab}
    assert keys == {"F2"}


def test_delete_asks_first_then_undo_restores_and_redo_deletes_again(
    demo: dict[str, Any], make_tab: Any, asked: Any, context: TabContext
) -> None:
    tab = make_tab()
    select_row(tab, RESIDENT_UNIT, "南京艺术学院")

    tab.delete_selected()  # answered No
    assert asked == ["删除驻区单位“南京艺术学院”吗？\n删除后可用“撤销”（Ctrl+Z）恢复。"]
    assert "南京艺术学院" in names(tab, RESIDENT_UNIT)

    asked.answers.append(Yes)
    tab.delete_selected()
    assert "南京艺术学院" not in names(tab, RESIDENT_UNIT)
    assert tab.tabs.tabText(0) == "驻区单位 (29)"
    assert context.undo_stack.undoText() == "删除驻区单位“南京艺术学院”"

    context.undo_stack.undo()
    assert "南京艺术学院" in names(tab, RESIDENT_UNIT)
    assert tab.tabs.tabText(0) == "驻区单位 (30)"
    context.undo_stack.redo()
    assert "南京艺术学院" not in names(tab, RESIDENT_UNIT)


def test_search_finds_a_chinese_substring(demo: dict[str, Any], make_tab: Any, qtbot: Any) -> None:
    tab = make_tab()
    panel = tab.list_of(RESIDENT_UNIT).panel
    tab.focus_search()
    assert panel.search.hasFocus() or panel.focusWidget() is panel.search

    type_text(panel.search, "检察")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=2000)
    assert names(tab, RESIDENT_UNIT) == ["江苏省人民检察院"]

    panel.search.clear()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 30, timeout=2000)


def test_clicking_a_column_header_sorts(demo: dict[str, Any], make_tab: Any, qtbot: Any) -> None:
    tab = make_tab()
    panel = tab.list_of(RESIDENT_UNIT).panel
    header = panel.table.horizontalHeader()
    column = panel.model.source.column_index("contact_phone")
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    first_phone = panel.model.index(0, column).data

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert panel.model.query.sort == "contact_phone"
    ascending = first_phone()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert panel.model.query.descending
    # sorted by the stored numbers, shown masked (a unit's contact phone is personal data)
    assert (ascending, first_phone()) == ("025*****1000", "025*****1029")


def test_esc_with_unsaved_changes_asks_first(
    make_tab: Any, qtbot: Any, unsaved: UnsavedQuestions
) -> None:
    tab = make_tab()
    tab.new_record()
    dialog = open_dialog(tab, qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert not dialog.isVisible() and unsaved == []

    tab.new_record()
    dialog = open_dialog(tab, qtbot)
    type_text(dialog.name, "南京市鼓楼区图书馆")
    qtbot.waitUntil(dialog.marker.isVisible)
    unsaved.answers.append(Answer.CANCEL)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # 取消: stays open, text intact
    assert unsaved == [""]
    assert dialog.isVisible() and dialog.name.text() == "南京市鼓楼区图书馆"

    unsaved.answers.append(Answer.DISCARD)
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert not dialog.isVisible()
    assert tab.list_of(RESIDENT_UNIT).model.rowCount() == 0


def test_enter_on_a_person_opens_the_dialog_with_unmasked_numbers(
    demo: dict[str, Any], make_tab: Any, qtbot: Any
) -> None:
    tab = make_tab()
    item = tab.show_list(PERSON)
    row = next(
        r
        for r in range(item.model.rowCount())
        if item.model.index(r, 0).data(ID_ROLE) == demo["people"][0]
    )
    assert item.model.index(row, 3).data() == "3201**********" + id_number(0)[-4:]
    item.panel.table.setCurrentIndex(item.model.index(row, 0))

    qtbot.keyClick(item.panel.table, Qt.Key.Key_Return)

    dialog = open_dialog(tab, qtbot)
    assert dialog.windowTitle() == "修改人员"
    assert dialog.id_number.text() == id_number(0)
    assert dialog.mobile.text() == "13900000000"
    assert dialog.is_party_member.isChecked()
    assert dialog.employer.text() == "江苏省人民检察院"
    assert not dialog.is_dirty()
    dialog.reject()


def test_person_filters_and_new_person_preselections(
    demo: dict[str, Any], make_tab: Any, qtbot: Any
) -> None:
    tab = make_tab()
    item = tab.show_list(PERSON)
    item.panel.findChild(QWidget, "party_members_only").setChecked(True)
    assert item.model.rowCount() == 25
    item.panel.findChild(QWidget, "grid_workers_only").setChecked(True)
    assert item.model.rowCount() == 0  # grid workers here are the odd-numbered, not members
    item.panel.findChild(QWidget, "party_members_only").setChecked(False)
    assert item.model.rowCount() == 5

    grid = demo["grids"]["颐和路社区"][1]
    select_tree(tab, grid)
    tab.new_record()
    dialog = open_dialog(tab, qtbot)
    assert dialog.is_grid_worker.isChecked()
    assert dialog.org_unit.value() == grid
    assert dialog.org_unit.currentText() == "颐和路片区 / 颐和路社区 / 第二网格"
    dialog.reject()


# the completer's popup asks for what the offscreen platform cannot do
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_party_org_owner_picked_by_typing_a_few_characters(
    demo: dict[str, Any], make_tab: Any, qtbot: Any
) -> None:
    tab = make_tab()
    tab.show_list(PARTY_ORG)
    tab.new_record()
    dialog = open_dialog(tab, qtbot)
    type_text(dialog.name, "中共南京师范大学文学院委员会")
    dialog.kind.set_value(PartyOrgKind.COMMITTEE)

    type_text(dialog.resident_unit, "师范")
    popup = dialog.resident_unit.completer_popup.popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.resident_unit.text() == "南京师范大学"

    type_text(dialog.secretary, "王")
    secretary = dialog.secretary.completer_popup.popup()
    qtbot.keyClick(secretary, Qt.Key.Key_Down)
    qtbot.keyClick(secretary, Qt.Key.Key_Return)
    assert dialog.secretary.text().startswith("王")
    click_save(qtbot, dialog)

    assert not dialog.isVisible()
    model = tab.list_of(PARTY_ORG).model
    row = names(tab, PARTY_ORG).index("中共南京师范大学文学院委员会")
    assert model.index(row, 2).data() == "南京师范大学"
    assert model.index(row, 3).data().startswith("王")


def test_party_org_needs_an_owner(make_tab: Any, qtbot: Any) -> None:
    tab = make_tab()
    tab.show_list(PARTY_ORG)
    tab.new_record()
    dialog = open_dialog(tab, qtbot)
    type_text(dialog.name, "某党支部")
    dialog.kind.set_value(PartyOrgKind.BRANCH)
    click_save(qtbot, dialog)
    assert "二者选一" in dialog.error_text("resident_unit_id")
    assert dialog.focusWidget() is dialog.resident_unit


def test_org_tree_add_child_edit_and_refused_delete(
    demo: dict[str, Any],
    make_tab: Any,
    qtbot: Any,
    asked: Any,
    warned: list[str],
) -> None:
    tab = make_tab()
    community = demo["communities"]["金银街社区"]
    select_tree(tab, community)

    qtbot.mouseClick(tab.tree.add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(tab, qtbot)
    assert dialog.level.currentText() == "网格"
    assert dialog.parent_unit.value() == community
    type_text(dialog.name, "第四网格")
    click_save(qtbot, dialog)
    new_id = tab.tree.current_id()
    assert tab.tree_model.node(tab.tree.view.currentIndex()).name == "第四网格"
    assert tab.tree_model.index_of(new_id).parent().data(TREE_ID_ROLE) == community

    select_tree(tab, community)
    with qtbot.waitActive(tab):  # offscreen, closing the dialog leaves no window active
        tab.activateWindow()
    tab.tree.view.setFocus()
    qtbot.keyClick(tab.tree.view, Qt.Key.Key_F2)
    dialog = open_dialog(tab, qtbot)
    assert dialog.windowTitle() == "修改组织" and dialog.name.text() == "金银街社区"
    dialog.reject()

    asked.answers.append(Yes)
    qtbot.mouseClick(tab.tree.delete_button, Qt.MouseButton.LeftButton)
    assert asked == ["删除组织“金银街社区”吗？\n删除后可用“撤销”（Ctrl+Z）恢复。"]
    assert warned and "下级组织" in warned[0]
    assert tab.tree_model.index_of(community).isValid()


def test_undo_that_the_database_now_refuses_is_dropped(
    database: Database, make_tab: Any, qtbot: Any, context: TabContext, warned: list[str]
) -> None:
    tab = make_tab()
    tab.new_org_unit()
    dialog = open_dialog(tab, qtbot)
    type_text(dialog.name, "宁海路街道")
    click_save(qtbot, dialog)
    street = tab.tree.current_id()
    tab.new_org_unit()
    dialog = open_dialog(tab, qtbot)
    assert dialog.level.currentText() == "片区"
    type_text(dialog.name, "颐和路片区")
    click_save(qtbot, dialog)
    assert context.undo_stack.count() == 2

    with database.session() as s:  # someone else adds a community under the zone
        service.org_units.create(
            s, OrgUnitData("颐和路社区", OrgLevel.COMMUNITY, tab.tree.current_id())
        )
    context.undo_stack.undo()  # undo "create zone": refused, it has a child now

    assert warned and "下级组织" in warned[0]
    assert context.undo_stack.count() == 1
    assert context.undo_stack.undoText() == "新建组织“宁海路街道”"
    assert tab.tree_model.index_of(street).isValid()


def test_a_change_made_elsewhere_refreshes_the_tab(
    database: Database, make_tab: Any, context: TabContext
) -> None:
    tab = make_tab()
    with database.session() as s:
        service.resident_units.create(s, ResidentUnitData("南京大学", UnitCategory.UNIVERSITY))
    context.events.announce(Changes.of(Area.MEETINGS))
    assert tab.list_of(RESIDENT_UNIT).model.rowCount() == 0
    context.events.announce(Changes.of(Area.DIRECTORY))
    assert names(tab, RESIDENT_UNIT) == ["南京大学"]


def test_screenshot_at_1366_by_768(
    demo: dict[str, Any], context: TabContext, qtbot: Any, tmp_path: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    tab = DirectoryTab(context, window)
    tab.setGeometry(0, 0, 1366, 768)
    window.show()
    select_tree(tab, demo["zones"]["颐和路片区"])
    select_row(tab, RESIDENT_UNIT, "江苏省人民检察院")
    qtbot.waitExposed(window)

    header = tab.list_of(RESIDENT_UNIT).panel.table.horizontalHeader()
    for column in range(header.count()):  # no header is cut off
        assert header.sectionSize(column) >= header.sectionSizeHint(column)
    target = Path(os.environ.get("DIRECTORY_SCREENSHOT", tmp_path / "directory-tab.png"))
    assert window.grab().save(str(target))


def test_a_grid_shows_its_first_community_head(
    demo: dict[str, Any], make_tab: Any, context: TabContext
) -> None:
    from datetime import date, timedelta

    from app.secondments.records import PostingData
    from app.secondments.service import create_posting
    from db.models.secondments import PostingKind

    grid = demo["grids"]["颐和路社区"][0]
    today = date.today()
    with context.database.session() as s:
        create_posting(
            s,
            PostingData(
                person_id=demo["people"][0],
                kind=PostingKind.FIRST_COMMUNITY_HEAD,
                home_org_unit_id=demo["street"],
                home_post="城管科科长",
                host_org_unit_id=grid,
                host_post="第一社长",
                starts_on=today - timedelta(days=30),
                ends_on=today + timedelta(days=300),
            ),
        )
    tab = make_tab()
    select_tree(tab, grid)
    assert "第一社长：" in tab.scope.text()
    select_tree(tab, demo["grids"]["颐和路社区"][1])
    assert "第一社长" not in tab.scope.text()


def test_saving_a_name_no_font_prints_says_so(
    demo: dict[str, Any],
    make_tab: Any,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    database: Database,
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text: warned.append(text))
    )
    tab = make_tab()
    tab.show_list(PERSON)
    tab.new_record()
    dialog = open_dialog(tab, qtbot)
    type_text(dialog.name, "吉𠮷")  # Extension B, in the shipped rare-character face
    click_save(qtbot, dialog)
    assert warned == []
    tab.new_record()
    dialog = open_dialog(tab, qtbot)
    type_text(dialog.name, "张\U0002b820")  # Extension E: no face covers it
    click_save(qtbot, dialog)
    assert len(warned) == 1 and "\U0002b820" in warned[0] and "已保存" in warned[0]
    with database.reader() as s:
        saved = set(s.scalars(select(Person.name)))
    assert {"吉𠮷", "张\U0002b820"} <= saved  # saved all the same


def _context_menu(qtbot: Any, tab: DirectoryTab, node_id: str, item: int) -> None:
    """Right-clicks the org unit and chooses the menu's ``item``-th entry."""
    index = tab.tree_model.index_of(node_id)
    tab.tree.view.scrollTo(index)

    def choose() -> None:
        menu = tab.tree.menu
        assert menu is not None
        texts = [action.text() for action in menu.actions()]
        assert texts == ["新建下级…", "新建同级…", "修改…", "删除"]
        menu.actions()[item].trigger()
        menu.close()

    QTimer.singleShot(0, choose)
    centre = tab.tree.view.visualRect(index).center()
    qtbot.mouseClick(tab.tree.view.viewport(), Qt.MouseButton.RightButton, pos=centre)
    tab.tree._on_view_context_menu(centre)  # offscreen, a right click sends no menu event


def test_the_tree_menu_adds_siblings_one_after_another(
    demo: dict[str, Any], make_tab: Any, qtbot: Any
) -> None:
    """Three grids in a row under one community: each new grid is selected, and 新建同级
    puts the next one beside it, under the same community, with no re-selecting."""
    tab = make_tab()
    community = demo["communities"]["金银街社区"]
    grid = demo["grids"]["金银街社区"][0]
    select_tree(tab, community)
    _context_menu(qtbot, tab, grid, 1)  # the right click selects the grid first
    for name in ("第四网格", "第五网格"):
        dialog = open_dialog(tab, qtbot)
        assert dialog.level.currentText() == "网格"
        assert dialog.parent_unit.value() == community
        type_text(dialog.name, name)
        click_save(qtbot, dialog)
        assert tab.tree.current_node().name == name  # type: ignore[union-attr]
        if name == "第四网格":
            _context_menu(qtbot, tab, tab.tree.current_id() or "", 1)
    names = [n.name for n in tab.tree_model.nodes if n.parent_id == community]
    assert names[-2:] == ["第四网格", "第五网格"]


def test_the_tree_menu_edits_and_says_what_is_off_for_all(
    demo: dict[str, Any], make_tab: Any, qtbot: Any
) -> None:
    tab = make_tab()
    _context_menu(qtbot, tab, demo["communities"]["金银街社区"], 2)
    dialog = open_dialog(tab, qtbot)
    assert dialog.windowTitle() == "修改组织" and dialog.name.text() == "金银街社区"
    dialog.reject()
    select_tree(tab, None)
    assert not tab.tree.sibling_button.isEnabled()  # 全部组织 has no siblings


def test_people_sort_by_pinyin(demo: dict[str, Any], make_tab: Any) -> None:
    from db.sort_key import sort_key

    tab = make_tab()
    tab.show_list(PERSON)
    shown = names(tab, PERSON)
    assert shown == sorted(shown, key=lambda name: (sort_key(name, person=True), name))
    assert shown != sorted(shown)  # code-point order would differ


def test_in_service_members_beside_the_people_and_back(
    demo: dict[str, Any], make_tab: Any, qtbot: Any, database: Database
) -> None:
    """From a party member in 人员: 在职党员报到 registers them (the form names them); the
    registration is listed under 在职党员, and 人员信息 opens the person again."""
    tab = make_tab()
    member_name = names(tab, PERSON)[0]
    person_id = select_row(tab, PERSON, member_name)
    assert tab.registrations_button.isVisible() and tab.registrations_button.isEnabled()
    qtbot.mouseClick(tab.registrations_button, Qt.MouseButton.LeftButton)
    assert tab.members_shown() and tab.members is not None
    dialog = tab.members.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.person.value() == person_id  # type: ignore[attr-defined]
    community = demo["communities"]["金银街社区"]
    dialog.community.set_value(community)  # type: ignore[attr-defined]
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()  # type: ignore[attr-defined]
    assert not dialog.isVisible()
    panel = tab.members.panel
    assert panel.model.rowCount() == 1 and panel.model.index(0, 0).data() == member_name
    assert tab.new_button.text() == "报到登记…" and tab.edit_button.text() == "人员信息…"

    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)  # 人员信息…
    person_dialog = tab.members._person_editor.dialog  # type: ignore[union-attr]
    assert person_dialog is not None and person_dialog.name.text() == member_name
    person_dialog.reject()

    tab.show_list(PERSON)  # leaving shows everyone again next time
    tab.tabs.setCurrentWidget(tab.members_page)
    assert panel.model.query.filters.get("person") is None
    select_tree(tab, demo["communities"]["金银街社区"])  # the tree narrows it too
    assert panel.model.rowCount() == 1
