"""The loop's screens driven as staff use them: unsaved facts guarded, a repeat merged (and
undone), limits typed and previewed, an extension, the wheel kept for the form, the office's
rules and the red and black lists."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData
from app.issues import service
from app.issues.limits import Limit
from app.issues.records import DispatchTarget, IssueData
from db.models.directory import OrgLevel
from db.models.issues import IssueStatus, LimitUnit, Satisfaction

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QUndoStack, QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from ui.issues import editor as editor_module
from ui.issues.extend_dialog import ExtendDialog
from ui.issues.ranking_dialog import RankingDialog
from ui.issues.repeats_dialog import RepeatChoice, RepeatsDialog
from ui.issues.rules_dialog import RulesDialog
from ui.issues.tab import IssuesTab
from ui.tab import DataEvents, TabContext

LEFT = Qt.MouseButton.LeftButton
NOW = datetime.now(UTC)


@pytest.fixture
def ids(database: Database) -> dict[str, str]:
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("建宁路街道", OrgLevel.STREET)).id
        found = {
            "community": directory.org_units.create(
                s, OrgUnitData("建宁路社区", OrgLevel.COMMUNITY, street)
            ).id,
            "water": service.save_category(s, "积水", Limit(3, LimitUnit.WORKING_DAYS)),
        }
        for name in ("城管科", "社区建设科", "物业管理办公室", "市容所", "水务站", "民政科"):
            found[name] = directory.org_units.create(
                s, OrgUnitData(name, OrgLevel.DEPARTMENT, street)
            ).id
    return found


@pytest.fixture
def tab(database: Database, ids: dict[str, str], qtbot: Any) -> Iterator[IssuesTab]:
    page = IssuesTab(TabContext(database, QUndoStack(), DataEvents()))
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    yield page


def _report(database: Database, ids: dict[str, str], title: str, **more: Any) -> str:
    data = IssueData(
        title,
        category_id=ids["water"],
        community_id=ids["community"],
        address=more.pop("address", "建宁路33号"),
        reporter_name=more.pop("reporter", "王喆"),
    )
    with database.session() as s:
        return service.register(s, data, **more)


def test_unsaved_facts_are_saved_discarded_or_kept(
    tab: IssuesTab, database: Database, ids: dict[str, str], monkeypatch: Any
) -> None:
    first = _report(database, ids, "建宁路33号雨后积水", address="建宁路33号")
    second = _report(database, ids, "湖南路路灯不亮", address="湖南路1号")
    tab.refresh()
    answers: list[QMessageBox.StandardButton] = []
    monkeypatch.setattr(editor_module, "ask_unsaved", lambda *_a: answers.pop(0))
    tab.open_issue(first)
    editor = tab.editor
    editor.facts.address.setText("建宁路33号北侧")
    editor.facts.address.textEdited.emit("建宁路33号北侧")
    assert editor.is_dirty() and editor.heading.text().endswith("● 未保存")

    answers.append(QMessageBox.StandardButton.Cancel)  # stay: the edit is kept
    assert tab.panel.select_id(second)
    assert editor.current_id() == first and editor.facts.address.text() == "建宁路33号北侧"
    assert tab.panel.current_id() == first  # the list went back to the issue being edited

    answers.append(QMessageBox.StandardButton.Save)  # saved, then the other one is shown
    assert tab.panel.select_id(second)
    assert editor.current_id() == second and not editor.is_dirty()
    with database.reader() as s:
        assert service.issue_detail(s, first).data.address == "建宁路33号北侧"

    editor.facts.subject.setText("改了又不要")
    editor.facts.subject.textEdited.emit("改了又不要")
    answers.append(QMessageBox.StandardButton.Discard)
    tab.open_issue(first)
    with database.reader() as s:
        assert service.issue_detail(s, second).data.title == "湖南路路灯不亮"
    assert answers == []

    tab.refresh()  # a list that reloads leaves the editor as it is
    assert editor.current_id() == first


def test_a_repeat_is_merged_on_registering_and_undone(
    tab: IssuesTab, database: Database, ids: dict[str, str], monkeypatch: Any, qtbot: Any
) -> None:
    first = _report(database, ids, "建宁路33号雨后积水")
    tab.refresh()
    shown: list[RepeatsDialog] = []

    def merge_first(dialog: RepeatsDialog) -> int:
        shown.append(dialog)
        assert dialog.list.count() == 1 and dialog.merge_button.isDefault()
        dialog.merge_button.click()
        return 1

    monkeypatch.setattr(RepeatsDialog, "exec", merge_first)
    editor = tab.editor
    tab.new_record()
    editor.facts.subject.setText("建宁路33号积水严重")
    editor.category.setCurrentIndex(editor.category.findData(ids["water"]))
    editor.community.setCurrentIndex(editor.community.findData(ids["community"]))
    editor.facts.address.setText("建宁路33号")
    editor.facts.reporter.setText("李堃")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert shown and shown[0].choice is RepeatChoice.MERGE and shown[0].chosen_id == first
    assert editor.detail is not None and editor.detail.status is IssueStatus.MERGED
    assert "已并入" in editor.origin.text()
    repeat = editor.detail.id
    stack = tab.context.undo_stack
    assert stack.undoText().startswith("并单：")
    stack.undo()
    with database.reader() as s:
        assert service.issue_detail(s, repeat).status is IssueStatus.REGISTERED
        assert len(service.issue_detail(s, first).complainants) == 1
    stack.redo()
    with database.reader() as s:
        order = service.issue_detail(s, first)
    assert [c.name for c in order.complainants] == ["王喆", "李堃"]
    tab.open_issue(first)  # every complainant is offered for the follow-up call
    assert editor.follow_box.complainant.count() == 2 and editor.follow_box.complainant.isVisible()


def test_a_limit_typed_is_previewed_and_an_extension_said(
    tab: IssuesTab, database: Database, ids: dict[str, str], monkeypatch: Any
) -> None:
    issue_id = _report(database, ids, "建宁路33号雨后积水")
    with database.session() as s:
        service.accept(s, issue_id)
    tab.refresh()
    tab.open_issue(issue_id)
    box = tab.editor.dispatch_box
    box.limit.setText("三天")
    assert "3个工作日" in box.preview.text()  # says what can be typed
    box.limit.setText("24小时")
    assert box.preview.text().startswith("派单后办理时限：")

    def extend_by_two(dialog: ExtendDialog) -> int:
        dialog.length.setText("2个工作日")
        dialog.accept()  # no reason: said under the field, the dialog stays
        assert "理由" in dialog.errors.text("reason")
        dialog.reason.setText("需协调管网公司")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ExtendDialog, "exec", extend_by_two)
    tab.editor.buttons["extend"].click()
    assert "已延期" in tab.editor.heading.text()
    assert tab.editor.detail is not None and tab.editor.detail.events[-1].action == "extend"


def test_inner_tables_give_the_wheel_to_the_form(
    tab: IssuesTab, database: Database, ids: dict[str, str]
) -> None:
    issue_id = _report(database, ids, "建宁路33号雨后积水")
    tab.open_issue(issue_id)
    form = tab.editor.form_scroll.verticalScrollBar()
    form.setValue(0)
    journal = tab.editor.journal.viewport()
    event = QWheelEvent(QPointF(5, 5), QPointF(journal.mapToGlobal(QPoint(5, 5))), QPoint(),
                        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
    QApplication.sendEvent(journal, event)
    assert form.value() > 0


def test_rules_and_the_red_and_black_lists(
    database: Database, ids: dict[str, str], qtbot: Any
) -> None:
    rules = RulesDialog(database)
    qtbot.addWidget(rules)
    rules.spins["weight_response"].setValue(20)  # the three no longer add up to 100
    rules.accept()
    assert "100" in rules.errors.text("weight_satisfaction") and not rules.changed
    rules.spins["weight_resolution"].setValue(35)
    rules.spins["min_samples"].setValue(2)
    rules.spins["min_rated"].setValue(1)
    rules.accept()
    assert rules.changed

    start = NOW - timedelta(hours=6)
    for n, unit in enumerate(("城管科", "城管科", "社区建设科", "社区建设科", "民政科")):
        issue_id = _report(database, ids, f"事项{n}", reported_at=start, address=f"路{n}号")
        with database.session() as s:
            service.accept(s, issue_id, now=start)
            (row,) = service.dispatch(s, issue_id, [DispatchTarget(ids[unit])], now=start)
            service.complete(s, row, "已处理", now=start + timedelta(hours=1))
            service.resolve(s, issue_id, "已处理", now=start + timedelta(hours=1))
            happy = Satisfaction.SATISFIED if unit == "城管科" else Satisfaction.DISSATISFIED
            service.follow_up(s, issue_id, happy, units_at_fault=False,
                              now=start + timedelta(hours=2))  # fmt: skip
    ranking = RankingDialog(database)
    qtbot.addWidget(ranking)
    ranking.month.setCurrentIndex(0)  # this month (early in a month, last month is shown)
    red, black = ranking.units.red, ranking.units.black
    assert [red.rows[0].name] == ["建宁路街道城管科"]
    assert [r.name for r in black.rows] == ["建宁路街道社区建设科"]
    assert "民政科" in ranking.units.unranked.text()  # one order: not ranked
    assert red.data(red.index(0, 6)) == "1" and black.data(black.index(0, 6)) == "2"
    assert "响应率×20%" in ranking.rule.text()
