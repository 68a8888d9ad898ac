"""Signing in, managing users, what each role sees of a reporter's phone, and the 催办 list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.database import Database
from app.issues import service
from app.issues.records import IssueData
from app.operator import LOCAL_ADMIN
from app.signing_in import sign_in
from app.users import UserInput, add_user
from db.models.issues import IssueEvent
from db.models.security import Role, User
from tests.ui.keys import type_text

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QInputDialog
from ui.dialogs.sign_in import SignInDialog
from ui.dialogs.users import NewUserDialog, UsersDialog
from ui.issues.tab import IssuesTab
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.tab import TabContext

PASSWORD = "jianning-2026"
PHONE = "13912345678"


def _user(database: Database, username: str, role: Role) -> None:
    with database.session() as s:
        add_user(s, LOCAL_ADMIN, UserInput(username, f"{username}同志", role, PASSWORD, PASSWORD))


def _issue_with_phone(database: Database) -> str:
    with database.session() as s:
        return service.register(
            s, IssueData(title="楼道灯不亮", reporter_name="王女士", reporter_phone=PHONE)
        )


def test_sign_in_shows_the_error_at_the_password_and_accepts_the_right_one(
    database: Database, qtbot: Any
) -> None:
    _user(database, "admin", Role.ADMIN)
    dialog = SignInDialog(database, "admin")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() is dialog.password  # the name is remembered: on to the password
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "用户名或密码不对" in dialog.error_text("password")
    assert dialog.isVisible() and dialog.operator is None
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.operator is not None and dialog.operator.role is Role.ADMIN


def test_the_main_window_asks_who_signs_in_and_shows_them(
    database: Database, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    _user(database, "admin", Role.ADMIN)
    _user(database, "look", Role.VIEWER)

    def sign_in_as_viewer(dialog: SignInDialog) -> int:
        dialog.operator = sign_in(database, "look", PASSWORD)
        dialog.username.setText("look")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SignInDialog, "exec", sign_in_as_viewer)
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(database.target, settings, interactive=True)
    qtbot.addWidget(window)
    assert window.open_database()
    assert window.operator_label.text() == "look同志（只读）"
    assert not window.users_action.isEnabled() and window.switch_user_action.isVisible()
    assert not any(a.isEnabled() for a in (window.new_action, window.delete_action))
    assert not window.import_action.isEnabled() and "只读" in window.operator_label.toolTip()
    assert settings.last_username == "look"
    window.close()  # which lets go of the file for the next window
    qtbot.waitUntil(lambda: window.database is None)

    monkeypatch.setattr(SignInDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    second = MainWindow(database.target, settings, interactive=True)
    qtbot.addWidget(second)
    assert not second.open_database() and second.database is None


def test_an_administrator_adds_a_user_in_the_users_dialog(
    database: Database, qtbot: Any, monkeypatch: Any
) -> None:
    dialog = UsersDialog(database)
    qtbot.addWidget(dialog)
    assert dialog.empty.isVisibleTo(dialog) and dialog.model.rowCount() == 0

    def fill(form: NewUserDialog) -> int:
        form.show()
        qtbot.keyClicks(form.username, "wangfang")
        type_text(form.display_name, "王芳")
        qtbot.keyClicks(form.password, PASSWORD)
        qtbot.keyClicks(form.again, PASSWORD)
        form.accept()  # staff first: refused, the error shows at the role
        assert "必须是管理员" in form.error_text("role")
        form.role.setCurrentIndex(0)  # 管理员
        form.accept()
        return form.result()

    monkeypatch.setattr(NewUserDialog, "exec", fill)
    dialog.add_user()
    assert dialog.model.rowCount() == 1
    assert [dialog.model.index(0, c).data() for c in range(4)] == [
        "wangfang",
        "王芳",
        "管理员",
        "已设置",
    ]
    with database.reader() as s:
        assert s.scalars(select(User.username)).all() == ["wangfang"]


@pytest.mark.parametrize(
    ("role", "shown", "editable"),
    [(Role.STAFF, PHONE, True), (Role.VIEWER, "139****5678", False)],
)
def test_the_reporter_phone_is_shown_as_the_role_allows(
    database: Database, context: TabContext, qtbot: Any, role: Role, shown: str, editable: bool
) -> None:
    issue_id = _issue_with_phone(database)
    _user(database, "admin", Role.ADMIN)
    _user(database, "someone", role)
    database.operator = sign_in(database, "someone", PASSWORD)
    tab = IssuesTab(context)
    qtbot.addWidget(tab)
    assert tab.panel.select_id(issue_id)
    assert tab.editor.facts.phone.text() == shown
    assert tab.editor.facts.phone.isReadOnly() is not editable
    listed = [tab.model.index(0, c).data() for c in range(tab.model.columnCount())]
    assert PHONE not in listed  # the list never shows it


def test_the_reminder_list_puts_red_first_records_a_reminder_and_opens_the_issue(
    database: Database, context: TabContext, qtbot: Any, monkeypatch: Any
) -> None:
    long_ago = datetime.now(UTC) - timedelta(days=40)
    with database.session() as s:
        late = service.register(s, IssueData(title="雨后积水"), reported_at=long_ago)
        watched = service.register(s, IssueData(title="停车难"))
        service.supervise(s, watched, "街道领导关注")
        service.register(s, IssueData(title="刚登记的事项"))
    tab = IssuesTab(context)
    qtbot.addWidget(tab)
    dialog = tab.reminders_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    rows = [(r.title, r.warning) for r in dialog.model.rows]
    assert [title for title, _ in rows] == ["雨后积水", "停车难"]
    assert "共 2 件" in dialog.summary.text() and "督办 1" in dialog.summary.text()

    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("请本周内答复", True))
    )
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.remind_button, Qt.MouseButton.LeftButton)
    with database.reader() as s:
        notes = s.scalars(select(IssueEvent.note).where(IssueEvent.issue_id == late)).all()
    assert "请本周内答复" in notes and dialog.changed

    dialog.table.selectRow(1)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert tab.editor.detail is not None and tab.editor.detail.id == watched
    assert tab.panel.current_id() == watched
