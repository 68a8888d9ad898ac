"""导出为 Excel… from a list's context menu: the rows the panel shows (searched, sorted),
masked as shown, in a file named after the list and today's date."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.database import Database
from app.directory.lists import PersonList
from app.excel.importing import import_file
from app.excel.kinds import IMPORT_KINDS
from tests.app.test_excel_import import build_records, build_streets, sheet_rows, write_sheet
from tests.ui.keys import type_text

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox
from ui.models.paged_table import PagedTableModel
from ui.widgets.list_panel import ListPanel
from ui.widgets.saved_notice import SavedNotice


@pytest.fixture
def saved(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The names the save dialog suggested; it answers with a file in ``tmp_path``."""
    suggested: list[str] = []

    def answer(_parent: Any, _caption: str, start: str, *_args: Any) -> tuple[str, str]:
        suggested.append(Path(start).name)
        return str(tmp_path / "导出"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return suggested


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []

    def tell(_parent: Any, _title: str, text: str, *args: Any) -> Any:
        texts.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", staticmethod(tell))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(tell))
    return texts


def choose_from_context_menu(qtbot: Any, panel: ListPanel, text: str) -> None:
    """Right-clicks the table and picks ``text`` from the menu that opens."""
    chosen: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.text() == text)
        chosen.append(action.text())
        menu.close()
        action.trigger()

    QTimer.singleShot(0, pick)
    panel.table.customContextMenuRequested.emit(QPoint(10, 10))
    qtbot.waitUntil(lambda: chosen == [text])


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_export_the_searched_list_from_the_context_menu(
    qtbot: Any, database: Database, tmp_path: Path, saved: list[str], told: list[str]
) -> None:
    build_records(database, build_streets(database))
    people = write_sheet(
        tmp_path / "more.xlsx",
        [("姓名", "手机")] + [(f"李{n:02d}", "13900000000") for n in range(30)],
    )
    import_file(database, IMPORT_KINDS["people"], people)
    model = PagedTableModel(database, PersonList())
    panel = ListPanel(model)
    panel.set_title("人员名单")
    qtbot.addWidget(panel)
    panel.show()
    panel.search.setFocus()
    type_text(panel.search, "李")
    qtbot.waitUntil(lambda: model.query.search == "李")
    shown = [model.index(r, 0).data() for r in range(model.rowCount())]

    choose_from_context_menu(qtbot, panel, "导出为 Excel…")

    assert saved == [f"人员名单{date.today():%Y%m%d}.xlsx"]
    rows = sheet_rows(tmp_path / "导出.xlsx")
    assert [r[0] for r in rows[1:]] == shown and len(shown) == 31
    assert rows[1][2] == "13900000000"  # the local administrator may see it (viewers: masked)
    notices = panel.window().findChildren(SavedNotice)
    assert told == [] and len(notices) == 1
    assert notices[0].path == tmp_path / "导出.xlsx" and "共 31 条记录" in notices[0].message.text()


def test_a_failed_export_says_why(
    qtbot: Any, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, told: list[str]
) -> None:
    missing = tmp_path / "不存在的文件夹" / "名单.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_args: (str(missing), ""))
    )
    panel = ListPanel(PagedTableModel(database, PersonList()))
    qtbot.addWidget(panel)
    panel.export_to_excel()
    assert told == [f"无法保存文件：文件夹不存在：{missing.parent}"]
