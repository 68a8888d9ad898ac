"""A viewer's screens are read-only before any click: in every tab the write actions are
disabled and say why, and what opens shows the record read-only under a 只读 banner."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.operator import Operator
from db.models.security import Role
from tests.ui.conftest import show_main_window

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from ui.main_window import TAB_KEYS, MainWindow
from ui.widgets.list_panel import ListPanel
from ui.widgets.read_only import reason

# what a viewer may still press: look, open to read, print, export, filter
READING = {
    "工作月报", "只看即将召开", "打开…", "打印纪要…", "签到表…", "导出 Excel…", "打印…",
    "另存 PDF", "年度考核…", "评价表…", "鉴定表…", "催办清单…", "督办", "超期", "编辑…",
    "修改…", "打开", "导出图片…", "另存 PDF…", "打印工单…", "关闭", "在职党员报到…", "红黑榜…",
}  # fmt: skip
VIEWS = {"agreements": ("agreements", "matrix", "lists", "members")}


@pytest.fixture
def window(qtbot: QtBot, demo_street: Path, tmp_path: Path, monkeypatch: Any) -> MainWindow:
    copy = tmp_path / "street.db"
    shutil.copyfile(demo_street, copy)

    def sign_in_as_viewer(main: MainWindow) -> bool:
        assert main.database is not None
        main.database.operator = Operator(None, "查看员", Role.VIEWER)
        main._show_operator(True)
        return True

    monkeypatch.setattr(MainWindow, "_sign_in", sign_in_as_viewer)
    return show_main_window(qtbot, str(copy), tmp_path)


def select_first_rows(page: QWidget) -> None:
    for panel in page.findChildren(ListPanel):
        if panel.isVisible() and panel.model.rowCount():
            panel.table.selectRow(0)


def shown_buttons(page: QWidget) -> list[QAbstractButton]:
    return [b for b in page.findChildren(QAbstractButton) if b.isVisible() and b.text()]


def test_every_tab_offers_only_reading_and_says_why(qtbot: QtBot, window: MainWindow) -> None:
    for action in (window.new_action, window.delete_action, window.import_action):
        assert not action.isEnabled() and action.toolTip() == reason()
    locked_seen = 0
    for key in TAB_KEYS:
        page = window.show_tab(key)
        assert page is not None
        for view in VIEWS.get(key, ("",)):
            if view:
                page.show_view(view)
            select_first_rows(page)
            for button in shown_buttons(page):
                if button.isEnabled():
                    assert button.text() in READING, (key, view, button.text())
                elif button.toolTip() == reason():
                    locked_seen += 1
    assert locked_seen >= 20  # new, delete, steps… each disabled with the reason


def test_the_meeting_editor_opens_read_only_under_a_banner(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab: Any = window.show_tab("meetings")
    select_first_rows(tab)
    qtbot.keyClick(tab.panel.table, Qt.Key.Key_Return)
    editor = tab.editor
    assert editor is not None and editor.isVisible()
    assert editor.read_only_banner.isVisible() and "只读" in editor.read_only_banner.text()
    assert not editor.save_button.isEnabled() and not editor.basics.title.isEnabled()
    assert editor.print_button.isEnabled() and editor.close_button.isEnabled()
    assert not editor.is_dirty()
    editor.reject()
    assert not editor.isVisible()


def test_a_person_opens_read_only_and_masked(qtbot: QtBot, window: MainWindow) -> None:
    tab: Any = window.show_tab("directory")
    tab.tabs.setCurrentIndex(tab.tabs.count() - 1)  # 人员
    panel = tab.current_list().panel
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    dialog = tab.editor.dialog
    assert isinstance(dialog, QDialog) and dialog.isVisible()
    banners = [
        label for label in dialog.findChildren(QLabel) if label.objectName() == "readOnlyBanner"
    ]
    assert banners and banners[0].isVisible()
    assert dialog.name.isReadOnly() and dialog.id_number.isReadOnly()
    assert "*" in dialog.id_number.text() or dialog.id_number.text() == ""
    assert "*" in dialog.mobile.text() or dialog.mobile.text() == ""
    qtbot.waitUntil(lambda: not dialog.employer.isClearButtonEnabled())  # no × to empty it
    save = [b for b in dialog.findChildren(QPushButton) if b.text() == "保存"]
    assert save and not save[0].isEnabled() and save[0].toolTip() == reason()
    close = [b for b in dialog.findChildren(QPushButton) if b.text() == "关闭"]
    assert close and close[0].isEnabled()
    close[0].click()
    assert not dialog.isVisible()


def test_the_issue_panel_is_read_only_with_its_banner(qtbot: QtBot, window: MainWindow) -> None:
    tab: Any = window.show_tab("issues")
    select_first_rows(tab)
    banners = [
        label for label in tab.editor.findChildren(QLabel) if label.objectName() == "readOnlyBanner"
    ]
    assert banners and banners[0].isVisible()
    texts = [e for e in tab.editor.findChildren(QLineEdit) if e.isVisible()]
    assert texts and all(e.isReadOnly() for e in texts)
    assert not tab.settings_button.isEnabled()


def test_the_org_tree_menu_offers_a_viewer_only_to_open(qtbot: QtBot, window: MainWindow) -> None:
    page: Any = window.show_tab("directory")
    tree = page.tree
    index = page.tree_model.index_of(page.tree_model.nodes[0].id)
    seen: list[tuple[str, bool]] = []

    def look() -> None:
        assert tree.menu is not None
        seen.extend((action.text(), action.isEnabled()) for action in tree.menu.actions())
        tree.menu.close()

    QTimer.singleShot(0, look)
    tree._on_view_context_menu(tree.view.visualRect(index).center())
    assert seen == [("新建下级…", False), ("新建同级…", False), ("修改…", True), ("删除", False)]


def test_a_person_not_registered_gets_no_form_from_a_viewer(
    qtbot: QtBot, window: MainWindow
) -> None:
    from sqlalchemy import select

    from db.models import MemberRegistration, Person

    assert window.database is not None
    with window.database.reader() as session:
        registered = select(MemberRegistration.person_id)
        person_id = session.scalars(
            select(Person.id).where(Person.id.not_in(registered)).limit(1)
        ).one()
    page: Any = window.show_tab("directory")
    page.tabs.setCurrentWidget(page.members_page)
    page.member_view().show_person(person_id)  # what 在职党员报到… does for the selected person
    assert page.members.panel.model.rowCount() == 0
    assert page.members.dialog is None  # no registration form: a viewer registers nobody
