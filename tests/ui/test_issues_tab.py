"""The issues tab driven through its widgets: journey 3 from 登记 to 归档, the buttons the
loop allows, refusals shown in the panel, red rows, and the list model."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData
from app.issues import service
from app.issues.records import IssueData
from db.models.directory import OrgLevel
from db.models.issues import IssueStatus, Satisfaction

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from ui.issues.tab import IssuesTab
from ui.tab import DataEvents, TabContext

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def world(database: Database) -> dict[str, str]:
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("建宁路街道", OrgLevel.STREET)).id
        community = directory.org_units.create(
            s, OrgUnitData("建宁路社区", OrgLevel.COMMUNITY, street)
        ).id
        for name in ("城管科", "社区建设科", "物业管理办公室"):
            directory.org_units.create(s, OrgUnitData(name, OrgLevel.DEPARTMENT, street))
        water = service.save_category(s, "积水", 3)
    return {"community": community, "water": water}


@pytest.fixture
def tab(database: Database, world: dict[str, str], qtbot: Any, qapp: Any) -> Iterator[IssuesTab]:
    context = TabContext(database, QUndoStack(), DataEvents())
    page = IssuesTab(context)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    yield page


def click(qtbot: Any, tab: IssuesTab, key: str) -> None:
    button = tab.editor.buttons[key]
    assert button.isEnabled(), key
    qtbot.mouseClick(button, LEFT)


def check_units(tab: IssuesTab, *names: str) -> None:
    for i in range(tab.editor.units.count()):
        item = tab.editor.units.item(i)
        if item.text() in names:
            item.setCheckState(Qt.CheckState.Checked)


def select_dispatch(tab: IssuesTab, unit: str) -> None:
    table = tab.editor.dispatches
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == unit)
    table.selectRow(row)


def status(tab: IssuesTab) -> IssueStatus:
    assert tab.editor.detail is not None
    return tab.editor.detail.status


def enabled(tab: IssuesTab) -> set[str]:
    return {k for k, b in tab.editor.buttons.items() if b.isEnabled()}


def test_journey_3_through_the_tab(tab: IssuesTab, world: dict[str, str], qtbot: Any) -> None:
    editor = tab.editor
    assert tab.model.rowCount() == 0
    editor.title.setText("建宁路33号雨后积水")  # typed Chinese: set, never keyClicks
    editor.address.setText("南京市鼓楼区建宁路33号")
    editor.reporter.setText("王喆")
    editor.category.setCurrentIndex(editor.category.findData(world["water"]))
    editor.community.setCurrentIndex(editor.community.findData(world["community"]))
    qtbot.mouseClick(editor.save_button, LEFT)
    assert tab.model.rowCount() == 1 and status(tab) is IssueStatus.REGISTERED
    assert enabled(tab) == {"accept", "reject", "supervise", "remind"}

    click(qtbot, tab, "reject")  # no reason given: refused in the panel, nothing changes
    assert "理由" in editor.message.text() and status(tab) is IssueStatus.REGISTERED
    click(qtbot, tab, "accept")
    assert status(tab) is IssueStatus.ACCEPTED

    check_units(tab, "城管科", "社区建设科")
    click(qtbot, tab, "dispatch")
    assert status(tab) is IssueStatus.DISPATCHED
    assert editor.dispatches.rowCount() == 2

    select_dispatch(tab, "社区建设科")
    editor.note.setText("非本科室职责")
    click(qtbot, tab, "return")
    assert editor.dispatches.item(1, 1).text() == "已退单"
    check_units(tab, "物业管理办公室")
    click(qtbot, tab, "dispatch")
    assert editor.dispatches.rowCount() == 3

    for unit in ("城管科", "物业管理办公室"):
        select_dispatch(tab, unit)
        click(qtbot, tab, "acknowledge")
    assert status(tab) is IssueStatus.IN_PROGRESS
    editor.note.setText("雨水管道已疏通")
    click(qtbot, tab, "resolve")
    assert status(tab) is IssueStatus.RESOLVED
    assert enabled(tab) == {"follow_up", "supervise", "remind"}

    editor.satisfaction.setCurrentIndex(editor.satisfaction.findData(Satisfaction.DISSATISFIED))
    editor.note.setText("下水道仍有异味")
    click(qtbot, tab, "follow_up")
    assert status(tab) is IssueStatus.IN_PROGRESS
    assert editor.detail is not None and editor.detail.reopen_count == 1

    editor.note.setText("更换管道")
    click(qtbot, tab, "resolve")
    editor.satisfaction.setCurrentIndex(editor.satisfaction.findData(Satisfaction.SATISFIED))
    click(qtbot, tab, "follow_up")
    assert status(tab) is IssueStatus.FOLLOWED_UP
    click(qtbot, tab, "close")
    assert status(tab) is IssueStatus.CLOSED
    assert enabled(tab) == set()
    journal = [editor.journal.item(r, 1).text() for r in range(editor.journal.rowCount())]
    assert journal == [
        "登记", "受理", "派单", "退单", "派单", "报到", "报到", "办结",
        "回访", "重新办理", "办结", "回访", "归档",
    ]  # fmt: skip
    # the list shows the row, and selecting it shows the issue
    tab.panel.table.selectRow(0)
    assert tab.model.data(tab.model.index(0, 5)) == "归档"


def test_filters_search_and_red_rows(
    tab: IssuesTab, database: Database, world: dict[str, str], qtbot: Any, qtmodeltester: Any
) -> None:
    old = datetime.now(UTC) - timedelta(days=40)
    with database.session() as s:
        for title in ("安乐村停车难", "建宁路33号雨后积水"):
            service.register(s, IssueData(title=title, category_id=world["water"]), reported_at=old)
    tab.refresh()
    qtmodeltester.check(tab.model)
    assert tab.model.rowCount() == 2
    index = tab.model.index(0, 1)
    assert tab.model.data(index, Qt.ItemDataRole.BackgroundRole) is not None  # overdue: red
    tab.panel.search.setText("停车")
    tab.panel.search.returnPressed.emit()
    assert tab.model.rowCount() == 1
    assert tab.model.data(tab.model.index(0, 1)) == "安乐村停车难"
    tab.panel.search.setText("")
    tab.panel.search.returnPressed.emit()
    tab.overdue.setChecked(True)
    assert tab.model.rowCount() == 2
    tab.supervised.setChecked(True)
    assert tab.model.rowCount() == 0
    assert "没有符合条件" in tab.panel.empty_label.text()
    tab.supervised.setChecked(False)
    tab.period.setCurrentIndex(tab.period.findData(7))  # registered 40 days ago
    assert tab.model.rowCount() == 0
    tab.period.setCurrentIndex(tab.period.findData(365))
    assert tab.model.rowCount() == 2


def test_model_grows_past_the_cap_and_seeks_pages(
    database: Database, world: dict[str, str], qapp: Any, qtmodeltester: Any, monkeypatch: Any
) -> None:
    from app.issues.lists import IssueList
    from app.listing import ListQuery

    from ui.models import paged_table
    from ui.models.paged_table import ID_ROLE, PagedTableModel

    start = datetime(2026, 6, 1, tzinfo=UTC)
    with database.session() as s:
        for n in range(5):
            service.register(s, IssueData(title=f"事项{n}"), reported_at=start + timedelta(n))

    class SmallCap(IssueList):
        count_cap = 2

    source = SmallCap()
    seeks: list[str] = []
    original = source.fetch_after

    def spy(*args: Any) -> Any:
        seeks.append(args[2].id)
        return original(*args)

    monkeypatch.setattr(source, "fetch_after", spy)
    monkeypatch.setattr(paged_table, "PAGE_SIZE", 2)
    model = PagedTableModel(database, source)
    model.reload()
    assert (model.rowCount(), model.canFetchMore(), model.has_more) == (2, True, True)
    model.fetchMore()
    model.fetchMore()
    assert (model.rowCount(), model.canFetchMore()) == (5, False)
    shown = [model.data(model.index(r, 1)) for r in range(5)]
    assert shown == ["事项4", "事项3", "事项2", "事项1", "事项0"]
    assert len(seeks) == 2  # pages 2 and 3 read after the last row of the page before
    with database.reader() as s:
        ids = [r.id for r in source.fetch(s, ListQuery(sort="reported_at", descending=True), 0, 9)]
    assert [model.data(model.index(r, 0), ID_ROLE) for r in range(5)] == ids
    qtmodeltester.check(model)
