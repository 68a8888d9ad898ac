"""The window of a database with users: it locks when idle and keeps unsaved work, users change
their own password, administrators read the audit log; an unexpected error shows a reference,
not the record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.database import Database
from app.directory import service
from app.directory.records import PersonData
from app.idle_lock import idle_lock_minutes, set_idle_lock_minutes
from app.operator import LOCAL_ADMIN
from app.signing_in import sign_in
from app.users import UserInput, add_user
from db.models.security import Role
from tests.ui.keys import type_text

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox
from ui.dialogs.audit_log import AuditLogDialog
from ui.dialogs.users import OwnPasswordDialog
from ui.errors import show_unexpected_error
from ui.idle_lock import Cover, IdleLock
from ui.settings import Settings

PASSWORD = "gongjian-2026"


def signed_in(database: Database, role: Role = Role.ADMIN) -> None:
    with database.session() as session:
        add_user(session, LOCAL_ADMIN, UserInput("admin", "管理员", Role.ADMIN, PASSWORD, PASSWORD))
        if role is not Role.ADMIN:
            add_user(session, LOCAL_ADMIN, UserInput("wang", "王芳", role, PASSWORD, PASSWORD))
    database.operator = sign_in(database, "admin" if role is Role.ADMIN else "wang", PASSWORD)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_window_locks_when_idle_and_keeps_the_unsaved_input(
    database: Database, qtbot: Any, qapp: Any
) -> None:
    signed_in(database, Role.STAFF)
    clock = Clock()
    lock = IdleLock(database, 10, clock=clock)
    editor = QDialog()
    qtbot.addWidget(editor)
    field = QLineEdit(editor)
    editor.show()
    type_text(field, "未保存的备注")

    clock.now += 9 * 60
    lock.check()
    assert not lock.is_locked
    clock.now += 61
    lock.check()
    assert lock.is_locked and lock.dialog is not None and lock.dialog.isVisible()
    assert editor.findChild(Cover) is not None and editor.findChild(Cover).isVisible()

    lock.dialog.password.setText("wrong-password-x")
    lock.dialog.accept()
    assert lock.is_locked and "用户名或密码不对" in lock.dialog.error_text("password")
    lock.dialog.reject()  # Esc does not unlock
    assert lock.is_locked
    lock.dialog.password.setText(PASSWORD)
    lock.dialog.accept()

    assert not lock.is_locked
    qtbot.waitUntil(lambda: editor.findChild(Cover) is None)
    assert editor.isVisible() and field.text() == "未保存的备注"
    lock.stop()


def test_no_lock_without_a_signed_in_user_or_when_turned_off(
    database: Database, qtbot: Any, qapp: Any
) -> None:
    clock = Clock()
    lock = IdleLock(database, 10, clock=clock)  # the local administrator: no password to ask
    clock.now += 3600
    lock.check()
    assert not lock.is_locked
    lock.stop()
    signed_in(database)
    with database.session() as session:
        set_idle_lock_minutes(session, database.operator, 0)
        assert idle_lock_minutes(session) == 0
    off = IdleLock(database, 0, clock=clock)
    clock.now += 3600
    off.check()
    assert not off.is_locked
    off.stop()


def test_a_user_changes_their_own_password(database: Database, qtbot: Any, asked: Any) -> None:
    signed_in(database, Role.VIEWER)  # a viewer too: it is their own account
    dialog = OwnPasswordDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.current, "not-the-password")
    qtbot.keyClicks(dialog.password, "a new pass phrase")
    qtbot.keyClicks(dialog.again, "a new pass phrase")
    dialog.accept()
    assert dialog.isVisible() and "当前密码不对" in dialog.error_text("current")
    dialog.current.setText(PASSWORD)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert sign_in(database, "wang", "a new pass phrase").role is Role.VIEWER


def test_the_administrator_reads_and_filters_the_audit_log(
    database: Database, qtbot: Any, qapp: Any, asked: Any
) -> None:
    signed_in(database, Role.STAFF)
    admin = sign_in(database, "admin", PASSWORD)
    with database.session() as session:
        person = service.people.create(session, PersonData("王喆", mobile="13912345678"))
    database.operator = admin
    dialog = AuditLogDialog(database)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 700)
    dialog.show()
    model = dialog.model
    actions = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert actions == ["新建", "登录", "登录", "新建", "新建"]  # newest first
    dialog.panel.search.setText(person.id)
    qtbot.keyClick(dialog.panel.search, Qt.Key.Key_Return)
    assert model.rowCount() == 1 and model.index(0, 3).data() == "人员"
    dialog.panel.table.selectRow(0)
    assert '"mobile": "13912345678"' in dialog.after.toPlainText()
    user_filter = dialog.panel._filters["user_id"]
    user_filter.setCurrentIndex(user_filter.findText("管理员"))
    assert model.rowCount() == 0  # the administrator did not make it
    user_filter.setCurrentIndex(user_filter.findText("王芳"))
    assert model.rowCount() == 1 and model.index(0, 1).data() == "王芳"
    dialog.close()


def test_a_viewer_cannot_open_the_audit_log(database: Database) -> None:
    signed_in(database, Role.VIEWER)
    with pytest.raises(Exception, match="只有管理员"):
        AuditLogDialog(database)


def test_the_error_dialog_shows_a_reference_and_not_the_record(
    qtbot: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    show_unexpected_error("E-20261203-110000-ab12", "/tmp/gongjian.log")
    [box] = shown
    assert "E-20261203-110000-ab12" in box.informativeText()
    assert box.detailedText() == ""


def test_the_main_window_offers_the_audit_log_and_own_password(
    database: Database, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from ui.dialogs.sign_in import SignInDialog
    from ui.main_window import MainWindow

    signed_in(database)

    def sign_in_as_admin(dialog: SignInDialog) -> int:
        dialog.operator = sign_in(database, "admin", PASSWORD)
        dialog.username.setText("admin")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SignInDialog, "exec", sign_in_as_admin)
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(database.target, settings, interactive=True)
    qtbot.addWidget(window)
    assert window.open_database()
    assert window.audit_action.isEnabled() and window.own_password_action.isVisible()
    assert window.idle_lock is not None
    window.idle_lock.stop()
    QApplication.processEvents()  # the dated statuses move once the database is open
    window.database.close()
