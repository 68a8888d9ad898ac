"""Journey 3 of JOURNEYS.md driven end to end through the main window, counting the steps.

A grid worker reports water pooling at 建宁路33号 after rain. It is registered with a photo,
accepted, dispatched to two departments with a 3-working-day limit. One department objects
(not its remit) with a reason; the street accepts and re-dispatches. The problem is fixed; at
the return visit the resident is 不满意 (the drain still smells), so it goes back to work; a
week later, 满意, closed.

A step is what a person does: a click, a shortcut, text typed into one field (whatever its
length), or a choice from a drop-down (two: open it, pick). The count is asserted, so a later
change that adds steps shows up here. Before this round the journey took about 60 steps.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData
from app.issues import service
from app.issues.due import due_text
from app.issues.limits import Limit
from db.models.directory import OrgLevel
from db.models.issues import IssueStatus, LimitUnit, Satisfaction

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit, QPushButton, QWidget
from ui.issues.tab import IssuesTab
from ui.main_window import TAB_KEYS, MainWindow
from ui.settings import Settings

JOURNEY_STEPS = 40


class Steps:
    """Does what a person would, and counts it."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.count = 0

    def click(self, button: QPushButton) -> None:
        assert button.isVisible() and button.isEnabled(), button.text()
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.count += 1

    def type(self, field: QLineEdit, text: str) -> None:
        field.setText(text)  # Chinese cannot go through keyClicks (TECH-NOTES)
        field.textEdited.emit(text)
        self.count += 1

    def choose(self, combo: QComboBox, text: str) -> None:
        index = combo.findText(text)
        assert index >= 0, text
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
        self.count += 2

    def key(self, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
        self.qtbot.keyClick(widget, key, modifier)
        self.count += 1

    def check(self, tab: IssuesTab, unit: str) -> None:
        units = tab.editor.dispatch_box.units
        (item,) = [units.item(i) for i in range(units.count()) if units.item(i).text() == unit]
        item.setCheckState(Qt.CheckState.Checked)
        self.count += 1

    def select_unit(self, tab: IssuesTab, unit: str) -> None:
        table = tab.editor.dispatches
        rows = [r for r in range(table.rowCount()) if table.item(r, 0).text().startswith(unit)]
        table.selectRow(rows[0])
        self.count += 1


def _street(database: Database) -> None:
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("建宁路街道", OrgLevel.STREET)).id
        directory.org_units.create(s, OrgUnitData("建宁路社区", OrgLevel.COMMUNITY, street))
        other = directory.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET)).id
        for parent in (street, other):  # each street has the same sections
            for name in ("城管科", "社区建设科", "物业管理办公室"):
                directory.org_units.create(s, OrgUnitData(name, OrgLevel.DEPARTMENT, parent))
        service.save_category(s, "积水", Limit(24, LimitUnit.HOURS))


def test_journey_3_in_the_main_window(
    database: Database, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    _street(database)
    photo = tmp_path / "积水.jpg"
    picture = QImage(80, 60, QImage.Format.Format_RGB32)
    picture.fill(QColor("#5a8fd6"))
    assert picture.save(str(photo), "JPG")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a: ([str(photo)], ""))
    )
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(database.target, settings, interactive=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_database()
    steps = Steps(qtbot)

    window.tabs.setCurrentIndex(TAB_KEYS.index("issues"))  # the 民生事项 tab
    steps.count += 1
    tab = window.current_page()
    assert isinstance(tab, IssuesTab)
    editor, facts = tab.editor, tab.editor.facts
    with qtbot.waitActive(window):
        window.activateWindow()
    steps.key(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert editor.detail is None and editor.title.hasFocus()

    # registered with a photo
    steps.type(facts.subject, "建宁路33号雨后积水")
    steps.choose(facts.category, "积水（24小时）")
    steps.choose(facts.community, "建宁路社区")
    steps.type(facts.address, "南京市鼓楼区建宁路33号")
    steps.type(facts.reporter, "王喆")
    steps.click(facts.attachments.add_button)
    steps.count += 1  # the photo chosen in the file dialog
    assert editor.heading.text().endswith("● 未保存")  # the dirty marker
    steps.click(facts.save_button)
    assert editor.detail is not None and editor.detail.status is IssueStatus.REGISTERED
    assert facts.attachments.files.count() == 1
    assert tab.model.rowCount() == 1

    # accepted, dispatched to two departments of its street with 3 working days
    steps.click(editor.buttons["accept"])
    units = editor.dispatch_box.units
    assert units.count() == 3  # the other street's sections are not offered
    steps.check(tab, "城管科")
    steps.check(tab, "社区建设科")
    steps.type(editor.dispatch_box.limit, "3个工作日")
    assert editor.dispatch_box.preview.text().startswith("派单后办理时限：")
    steps.click(editor.buttons["dispatch"])
    detail = editor.detail
    assert detail.status is IssueStatus.DISPATCHED and len(detail.dispatches) == 2
    assert {d.lead for d in detail.dispatches} == {True, False}
    due = detail.dispatches[0].due_at
    assert due is not None and editor.dispatches.item(0, 2).text() == due_text(due)

    # one department objects; the street accepts it and re-dispatches
    steps.select_unit(tab, "社区建设科")
    steps.type(editor.note, "非本科室职责，建议派物业管理办公室")
    steps.click(editor.buttons["object"])
    steps.select_unit(tab, "社区建设科")
    steps.click(editor.buttons["return"])
    steps.check(tab, "物业管理办公室")
    steps.click(editor.buttons["dispatch"])
    assert [d.status.value for d in editor.detail.dispatches] == [
        "dispatched", "returned", "dispatched",
    ]  # fmt: skip

    # the units take it; fixed
    for unit in ("城管科", "物业管理办公室"):
        steps.select_unit(tab, unit)
        steps.click(editor.buttons["acknowledge"])
    steps.type(editor.note, "雨水管道已疏通，积水排除")
    steps.click(editor.buttons["resolve"])
    assert editor.detail.status is IssueStatus.RESOLVED

    # 不满意 at the return visit: back to work
    steps.choose(editor.satisfaction, "不满意")
    steps.type(editor.note, "下水道仍有异味")
    steps.click(editor.buttons["follow_up"])
    assert editor.detail.status is IssueStatus.IN_PROGRESS and editor.detail.reopen_count == 1
    assert editor.satisfaction.currentData() is None  # asked afresh next time

    # a week later: fixed again, 满意, closed
    steps.type(editor.note, "更换排水管，异味消除")
    steps.click(editor.buttons["resolve"])
    steps.choose(editor.satisfaction, "满意")
    steps.click(editor.buttons["follow_up"])
    steps.click(editor.buttons["close"])
    final = editor.detail
    assert final.status is IssueStatus.CLOSED and final.satisfaction is Satisfaction.SATISFIED
    assert not facts.save_button.isEnabled()  # an archived issue is a record
    assert [e.action for e in final.events] == [
        "register", "accept", "dispatch", "object", "return", "dispatch", "acknowledge",
        "acknowledge", "resolve", "follow_up", "reopen", "resolve", "follow_up", "close",
    ]  # fmt: skip
    assert steps.count == JOURNEY_STEPS
