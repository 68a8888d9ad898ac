"""Signing in, when the database has users with passwords (see app/signing_in.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.operator import Operator
from app.signing_in import sign_in

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QWidget
from ui.widgets.record_dialog import RecordDialog

if TYPE_CHECKING:
    from app.database import Database


@dataclass
class Credentials:
    username: str
    password: str


class SignInDialog(RecordDialog):
    """Asks for a user name and password; ``operator`` is who signed in once accepted."""

    def __init__(self, database: Database, username: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("登录共建台"), parent)
        self.setMinimumWidth(420)
        self.operator: Operator | None = None
        note = QLabel(self.tr("这个数据库设置了用户。请用您的账号登录。"), self)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.username = self.add_row(self.tr("用户名"), QLineEdit(username, self), "username")
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_row(self.tr("密码"), self.password, "password")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("登录"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip("")
        self.set_saver(lambda credentials: self._sign_in(database, credentials))
        self.finish(None)
        (self.password if username else self.username).setFocus()

    def load(self, data: None) -> None:
        """Nothing to load: the fields start as built."""

    def collect(self) -> Credentials:
        return Credentials(self.username.text(), self.password.text())

    def is_dirty(self) -> bool:
        return False  # cancelling a sign-in loses nothing

    def _sign_in(self, database: Database, credentials: Credentials) -> Operator:
        self.operator = sign_in(database, credentials.username, credentials.password)
        return self.operator
