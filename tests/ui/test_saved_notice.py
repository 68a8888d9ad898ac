"""After any PDF or Excel file is saved, one notice says where, with 打开文件 and
打开所在文件夹; every save path in the interface shows it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from app.database import Database
from app.issues import service
from app.issues.records import IssueData

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import QFileDialog
from ui.issues.tab import IssuesTab
from ui.tab import DataEvents, TabContext
from ui.widgets.saved_notice import SavedNotice

ROOT = Path(__file__).resolve().parents[2]
# writes a file the user chose, yet is no document: a backup says so itself; the settings
# only pick where the database lives
NOT_DOCUMENTS = {"ui/dialogs/backup.py", "ui/dialogs/settings.py"}
LEFT = Qt.MouseButton.LeftButton
CHOOSERS = {"ui/printing/files.py", "ui/excel/files.py"}  # they ask; their callers write


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url.toLocalFile())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return urls


def test_a_saved_work_order_offers_to_open_the_file_and_its_folder(
    database: Database, qtbot: Any, tmp_path: Path, monkeypatch: Any, opened: list[str]
) -> None:
    with database.session() as s:
        service.register(s, IssueData(title="建宁路33号雨后积水"))
    tab = IssuesTab(TabContext(database, QUndoStack(), DataEvents()))
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    tab.show()
    tab.panel.table.selectRow(0)
    target = tmp_path / "工单.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_args: (str(target), ""))
    )
    qtbot.mouseClick(tab.save_pdf_button, LEFT)
    assert target.read_bytes().startswith(b"%PDF")
    notices = tab.findChildren(SavedNotice)
    assert len(notices) == 1 and notices[0].isVisible()
    notice = notices[0]
    assert "工单.pdf" in notice.message.text() and notice.message.toolTip() == str(target)
    assert notice.geometry().bottom() <= tab.height() and notice.geometry().right() <= tab.width()
    qtbot.mouseClick(notice.open_button, LEFT)
    assert opened == [str(target)]

    qtbot.mouseClick(tab.save_pdf_button, LEFT)  # a second save: one notice, the new one
    qtbot.waitUntil(lambda: len(tab.findChildren(SavedNotice)) == 1)
    qtbot.mouseClick(tab.findChildren(SavedNotice)[0].folder_button, LEFT)
    assert opened[-1] == str(tmp_path)


def test_every_save_path_shows_the_notice() -> None:
    saving = re.compile(r"getSaveFileName|ask_save_path\(")
    missing = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        if name in NOT_DOCUMENTS | CHOOSERS or not saving.search(text):
            continue
        if "show_saved(" not in text:
            missing.append(name)
    assert missing == []
