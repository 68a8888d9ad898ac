"""文件 → 删除个人信息（依申请）: an administrator finds the person a request names, gives the
reason, confirms, and the ID number and phone are gone from the record and the audit log;
others do not get the menu entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.directory import service as directory
from app.directory.records import PersonData
from app.operator import Operator
from db.models.directory import Person
from db.models.security import AuditEntry, Role
from tests.ui.conftest import show_main_window
from tests.ui.keys import type_text

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui.dialogs.erasure import ErasureDialog
from ui.main_window import MainWindow

ID_NUMBER = "11010519491231002X"
MOBILE = "13912345678"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, empty_database_file: Path) -> MainWindow:
    target = tmp_path / "g.db"
    target.write_bytes(empty_database_file.read_bytes())
    main = show_main_window(qtbot, str(target), tmp_path)
    with main.database.session() as s:
        directory.people.create(s, PersonData("王喆", mobile=MOBILE, id_number=ID_NUMBER))
    return main


def test_an_administrator_erases_a_person_named_by_id_number(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[ErasureDialog] = []
    monkeypatch.setattr(ErasureDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    assert window.erasure_action.isEnabled()
    window.erasure_action.trigger()
    (dialog,) = shown
    assert not dialog.erase_button.isEnabled()  # nothing found yet

    type_text(dialog.record, "110105194912310000")
    qtbot.keyClick(dialog.record, Qt.Key.Key_Return)
    assert "找不到" in dialog.record_error.text() and not dialog.erase_button.isEnabled()

    dialog.record.setText(ID_NUMBER.lower())  # typed as it comes: a lower-case x
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    assert dialog.shown.text() == "找到：王喆。将清除：身份证号、手机。"

    asked: list[str] = []

    def answer(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(answer))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *_a: None))
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert asked == [] and "依据" in dialog.reason_error.text()  # no reason: said, not asked
    dialog.reason.setPlainText("本人于11月28日书面申请")
    with qtbot.waitSignal(dialog.erased) as erased:
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert erased.args == ["people"] and "无法撤销" in asked[-1]

    assert window.database is not None
    with window.database.reader() as s:
        person = s.scalars(select(Person)).one()
        assert (person.id_number, person.mobile) == (None, "")
        snapshots = [e.after for e in s.scalars(select(AuditEntry)) if e.after]
    assert ID_NUMBER not in str(snapshots) and MOBILE not in str(snapshots)
    assert not dialog.erase_button.isEnabled() and dialog.record.text() == ""


def test_staff_get_no_erasure_entry(window: MainWindow) -> None:
    assert window.database is not None
    window.database.operator = Operator("u1", "李敏", Role.STAFF)
    window._show_operator(True)
    assert not window.erasure_action.isEnabled()
