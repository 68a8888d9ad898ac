"""The issues tab driven through its widgets: journey 3 from 登记 to 归档, the buttons the
loop allows, refusals shown in the panel, red rows, and the list model."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData
from app.issues import service
from app.issues.limits import Limit
from app.issues.records import IssueData
from db.models.directory import OrgLevel
from db.models.issues import IssueLinkKind, IssueStatus, LimitUnit, Satisfaction

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage, QUndoStack
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox
from ui.issues.output import work_order_pdf
from ui.issues.tab import IssuesTab
from ui.printing.pages import page_count, prepare_printer
from ui.printing.preview import PdfPrintPreview
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
        water = service.save_category(s, "积水", Limit(3, LimitUnit.WORKING_DAYS))
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
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text().startswith(unit))
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
    editor.facts.address.setText("南京市鼓楼区建宁路33号")
    editor.facts.reporter.setText("王喆")
    editor.category.setCurrentIndex(editor.category.findData(world["water"]))
    editor.community.setCurrentIndex(editor.community.findData(world["community"]))
    assert editor.category.currentText() == "积水（3个工作日）"  # the real limit
    qtbot.mouseClick(editor.save_button, LEFT)
    assert tab.model.rowCount() == 1 and status(tab) is IssueStatus.REGISTERED
    assert enabled(tab) == {"accept", "reject", "merge", "supervise", "remind", "extend"}

    click(qtbot, tab, "reject")  # no reason given: refused in the panel, nothing changes
    assert "理由" in editor.message.text() and status(tab) is IssueStatus.REGISTERED
    click(qtbot, tab, "accept")
    assert status(tab) is IssueStatus.ACCEPTED

    check_units(tab, "城管科", "社区建设科")
    click(qtbot, tab, "dispatch")
    assert status(tab) is IssueStatus.DISPATCHED
    assert editor.dispatches.rowCount() == 2

    assert editor.dispatches.item(0, 0).text() == "城管科（主办）"  # checked first: it leads
    select_dispatch(tab, "社区建设科")
    editor.note.setText("非本科室职责")
    click(qtbot, tab, "object")
    assert editor.dispatches.item(1, 1).text() == "异议审核中"
    select_dispatch(tab, "社区建设科")
    click(qtbot, tab, "return")  # the street accepts the objection
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
    assert enabled(tab) == {"follow_up", "supervise", "remind", "extend"}

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
    assert not editor.attachments.add_button.isEnabled()  # an archived issue is a record
    journal = [editor.journal.item(r, 1).text() for r in range(editor.journal.rowCount())]
    assert journal == [
        "登记", "受理", "派单", "提出异议", "同意退单", "派单", "报到", "报到", "办结",
        "回访", "重新办理", "办结", "回访", "归档",
    ]  # fmt: skip
    # the list shows the row, and selecting it shows the issue
    tab.panel.table.selectRow(0)
    assert tab.model.data(tab.model.index(0, 2)) == "归档"


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


def register(database: Database, title: str) -> str:
    with database.session() as s:
        return service.register(s, IssueData(title=title))


def test_attachments_add_open_remove(
    tab: IssuesTab, database: Database, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    box = tab.editor.attachments
    photo = tmp_path / "积水照片.jpg"
    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(QColor("#3a7bd5"))
    assert picture.save(str(photo), "JPG")  # a real photo: it shows as a thumbnail
    offered: list[str] = []

    def pick(*args: Any) -> tuple[list[str], str]:
        offered.append(args[3])
        return [str(photo)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(pick))
    qtbot.mouseClick(box.add_button, LEFT)  # while registering: kept until 登记
    assert "*.jpg" in offered[0] and "(*)" in offered[0]
    assert box.files.item(0).text() == "积水照片.jpg（登记后保存）"
    tab.editor.title.setText("建宁路33号雨后积水")
    qtbot.mouseClick(tab.editor.save_button, LEFT)
    assert tab.editor.detail is not None and box.files.count() == 1
    assert box.files.item(0).text().startswith("积水照片.jpg（")  # stored now, with its size
    assert not box.files.item(0).icon().isNull()
    qtbot.mouseClick(box.add_button, LEFT)  # once registered: stored at once
    assert box.files.count() == 2 and "登记后保存" not in box.files.item(1).text()
    box.files.setCurrentRow(1)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(box.remove_button, LEFT)
    assert box.files.count() == 1

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    box.files.setCurrentRow(0)
    qtbot.mouseClick(box.open_button, LEFT)
    assert opened and Path(opened[0].toLocalFile()).read_bytes() == photo.read_bytes()

    with database.engine.begin() as connection:  # damaged: refused, nothing opened
        connection.exec_driver_sql("UPDATE attachment_contents SET data = x'00'")
    qtbot.mouseClick(box.open_button, LEFT)
    assert len(opened) == 1 and "附件已损坏或丢失" in box.message.text()

    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: answers.pop(0)))
    qtbot.mouseClick(box.remove_button, LEFT)
    assert box.files.count() == 1  # said no
    box.files.setCurrentRow(0)
    qtbot.mouseClick(box.remove_button, LEFT)
    assert box.files.count() == 0


def test_links_by_number(tab: IssuesTab, database: Database, qtbot: Any) -> None:
    editor = tab.editor
    first = register(database, "建宁路33号雨后积水")
    second = register(database, "建宁路35号积水")
    with database.reader() as s:
        number = service.issue_detail(s, first).number
    tab.refresh()
    editor.show_issue(second)
    editor.link_number.setText("MS-NOPE")
    qtbot.mouseClick(editor.add_link_button, LEFT)
    assert "MS-NOPE" in editor.message.text() and editor.links.rowCount() == 0

    editor.link_kind.setCurrentIndex(editor.link_kind.findData(IssueLinkKind.DUPLICATE_OF))
    editor.link_number.setText(f" {number} ")
    qtbot.keyClick(editor.link_number, Qt.Key.Key_Return)
    assert editor.links.rowCount() == 1
    assert [editor.links.item(0, c).text() for c in range(2)] == ["重复于", number]
    assert editor.link_number.text() == ""
    editor.show_issue(first)  # seen from the other side
    assert editor.links.item(0, 0).text() == "被重复"

    assert not editor.remove_link_button.isEnabled()
    editor.links.selectRow(0)
    qtbot.mouseClick(editor.remove_link_button, LEFT)
    assert editor.links.rowCount() == 0
    editor.show_issue(second)
    assert editor.links.rowCount() == 0


def test_categories_dialog_adds_changes_and_shows_errors_at_the_field(
    tab: IssuesTab, database: Database, world: dict[str, str], qtbot: Any
) -> None:
    dialog = tab.categories_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "积水"

    qtbot.mouseClick(dialog.save_button, LEFT)  # no name: said under the name
    assert "1到40" in dialog.errors.text("name") and dialog.changed is False
    dialog.name.setText("积水")  # taken (a new category, not the one selected)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "已有" in dialog.errors.text("name")
    dialog.name.setText("停车")
    assert dialog.errors.text("name") == ""  # typing clears the error
    dialog.amount.setValue(61)  # too many working days: said under the limit
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "1到60" in dialog.errors.text("limit")
    dialog.tier.setCurrentIndex(3)  # 一般诉求：7天
    dialog.tier.activated.emit(3)
    assert (dialog.amount.value(), dialog.unit.currentData()) == (7, LimitUnit.CALENDAR_DAYS)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.changed and dialog.table.rowCount() == 2
    assert dialog.table.item(1, 1).text() == "7天"

    dialog.table.selectRow(0)  # 积水: the 24-hour tier (水电气热)
    assert dialog.name.text() == "积水" and dialog.amount.value() == 3
    dialog.amount.setValue(24)
    dialog.unit.setCurrentIndex(dialog.unit.findData(LimitUnit.HOURS))
    qtbot.mouseClick(dialog.save_button, LEFT)
    with database.reader() as s:
        limits = {c.name: str(c.limit) for c in service.categories(s)}
    assert limits == {"积水": "24小时", "停车": "7天"}
    assert dialog.table.item(0, 1).text() == "24小时"

    tab.reload_choices()  # what edit_categories does after a change
    assert tab.editor.category.findText("停车（7天）") > 0
    assert tab.category_filter.findText("停车") > 0


def test_holidays_dialog_sets_and_clears_days(
    tab: IssuesTab, database: Database, qtbot: Any, tmp_path: Path
) -> None:
    dialog = tab.holidays_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.year.setValue(2026)  # the State Council's notice, shipped
    assert dialog.table.rowCount() == 39
    assert dialog.table.item(0, 4).text() == "国务院通知 国办发明电〔2025〕7号"
    assert "放假33天，调休上班6天" in dialog.summary.text()
    dialog.year.setValue(2027)
    assert dialog.table.rowCount() == 0 and "还没有节假日安排" in dialog.summary.text()
    dialog.first.setDate(QDate(2027, 10, 1))
    dialog.last.setDate(QDate(2027, 10, 7))
    dialog.name.setText("国庆节" * 20)  # too long: said under the name, nothing saved
    qtbot.mouseClick(dialog.set_button, LEFT)
    assert "40" in dialog.errors.text("name") and dialog.table.rowCount() == 0
    dialog.name.setText("国庆节")
    qtbot.mouseClick(dialog.set_button, LEFT)  # the whole break at once
    assert dialog.table.rowCount() == 7
    dialog.first.setDate(QDate(2027, 10, 8))  # a Friday cannot be a make-up working day
    dialog.kind.setCurrentIndex(dialog.kind.findData(True))
    qtbot.mouseClick(dialog.set_button, LEFT)
    assert "周末" in dialog.errors.text("kind")
    dialog.first.setDate(QDate(2027, 10, 9))
    dialog.last.setDate(QDate(2027, 10, 9))
    dialog.name.setText("国庆节调休上班")
    qtbot.mouseClick(dialog.set_button, LEFT)
    assert dialog.table.item(7, 2).text() == "上班（调休）"
    assert dialog.table.item(7, 1).text() == "六" and dialog.table.item(7, 4).text() == "手工设置"

    dialog.table.selectRow(0)
    assert dialog.first.date() == QDate(2027, 10, 1) and dialog.name.text() == "国庆节"
    qtbot.mouseClick(dialog.clear_button, LEFT)
    with database.reader() as s:
        assert len(service.holidays(s, 2027)) == 7
    assert dialog.changed

    out = dialog.export_file(tmp_path / "2027.toml")  # sent to the communities...
    assert out is not None and "国庆节" in out.read_text(encoding="utf-8")
    with database.session() as s:
        service.clear_holiday(s, date(2027, 10, 9))
    assert dialog.import_file(out)  # ...and read back there
    assert dialog.table.rowCount() == 7
    assert dialog.table.item(0, 4).text().startswith("导入")
    assert "已导入2027年" in dialog.message.text()


def test_settings_menu_opens_its_dialogs(tab: IssuesTab, monkeypatch: Any) -> None:
    from ui.issues import holidays_dialog, rules_dialog, settings

    shown: list[str] = []
    monkeypatch.setattr(settings.CategoriesDialog, "exec", lambda d: shown.append("categories"))
    monkeypatch.setattr(holidays_dialog.HolidaysDialog, "exec", lambda d: shown.append("holidays"))
    monkeypatch.setattr(rules_dialog.RulesDialog, "exec", lambda d: shown.append("rules"))
    tab.categories_action.trigger()
    tab.holidays_action.trigger()
    tab.rules_action.trigger()
    assert shown == ["categories", "holidays", "rules"]


def test_print_and_save_the_work_order(
    tab: IssuesTab, database: Database, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    assert not tab.print_button.isEnabled()
    tab.print_current()  # nothing selected: nothing happens
    issue_id = register(database, "建宁路33号雨后积水")
    tab.refresh()
    assert tab.panel.select_id(issue_id)
    assert tab.print_button.isEnabled() and tab.save_pdf_button.isEnabled()

    printed = tmp_path / "printed.pdf"
    titles: list[str] = []

    def print_to_file(preview: PdfPrintPreview) -> int:
        titles.append(preview.windowTitle())
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        prepare_printer(printer, preview.data)
        preview.paintRequested.emit(printer)  # what the preview's print button does
        assert preview.printed
        return 1

    monkeypatch.setattr(PdfPrintPreview, "exec", print_to_file)
    tab.print_current()  # what the main window's Ctrl+P calls
    with database.reader() as s:
        number = service.issue_detail(s, issue_id).number
    assert titles == [f"打印预览 — 民生事项工单 {number}"]
    data, name = work_order_pdf(database, issue_id)
    assert name == f"民生事项工单 {number}.pdf"
    assert page_count(printed.read_bytes()) == page_count(data) == 1

    target = tmp_path / "工单.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    qtbot.mouseClick(tab.save_pdf_button, LEFT)
    assert target.read_bytes().startswith(b"%PDF")
    assert page_count(target.read_bytes()) == 1


def test_free_date_range(tab: IssuesTab, database: Database) -> None:
    with database.session() as s:
        for day, title in ((1, "一号的事项"), (10, "十号的事项"), (20, "二十号的事项")):
            at = datetime(2026, 3, day, 2, 0, tzinfo=UTC)  # 10:00 Beijing
            service.register(s, IssueData(title=title), reported_at=at)
    tab.refresh()
    assert tab.model.rowCount() == 3
    assert not tab.date_from.isVisible()
    tab.set_date_range(date(2026, 3, 10), date(2026, 3, 20))  # both days included
    assert tab.date_from.isVisible() and tab.date_to.isVisible()
    assert tab.model.rowCount() == 2
    tab.date_to.setDate(QDate(2026, 3, 19))
    assert tab.model.rowCount() == 1
    tab.set_date_range(date(2026, 3, 20), date(2026, 3, 1))  # the wrong way round
    assert tab.model.rowCount() == 3
    tab.period.setCurrentIndex(0)  # 全部时间 again
    assert not tab.date_from.isVisible() and tab.model.rowCount() == 3
    assert "reported_before" not in tab.model.query.filters


def test_ctrl_p_in_the_main_window_previews_the_work_order(
    world: dict[str, str], database: Database, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtCore import QSettings
    from ui.main_window import MainWindow
    from ui.printing import preview as preview_module
    from ui.settings import Settings

    shown: list[tuple[bytes, str]] = []

    def preview(parent: Any, data: bytes, title: str) -> bool:
        shown.append((data, title))
        return True

    monkeypatch.setattr(preview_module, "preview_pdf", preview)
    issue_id = register(database, "建宁路33号雨后积水")
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(database.target, settings, interactive=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_database()
    tab = window.show_tab("issues")
    assert isinstance(tab, IssuesTab) and tab.panel.select_id(issue_id)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(shown) == 1
    data, title = shown[0]
    assert data.startswith(b"%PDF") and title.startswith("民生事项工单 MS")
