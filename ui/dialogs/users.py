"""File → 用户与权限: administrators add users, change roles, reset passwords, remove users."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.enums import Role
from app.errors import UserError
from app.idle_lock import idle_lock_minutes, set_idle_lock_minutes
from app.localtime import to_beijing
from app.users import (
    UserInput,
    UserRow,
    add_user,
    change_own_password,
    change_role,
    list_users,
    remove_user,
)
from app.users import set_password as set_user_password

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import enum_text, message_text
from ui.widgets.pickers import EnumCombo
from ui.widgets.questions import ask
from ui.widgets.record_dialog import RecordDialog

if TYPE_CHECKING:
    from app.database import Database

ROLES = (Role.ADMIN, Role.STAFF, Role.VIEWER)


def _password_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class NewUserDialog(RecordDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("添加用户"), parent)
        self.username = self.add_row(self.tr("用户名"), QLineEdit(self), "username")
        self.username.setPlaceholderText(self.tr("登录时输入，如 wangfang"))
        self.display_name = self.add_row(self.tr("姓名"), QLineEdit(self), "display_name")
        self.role = self.add_row(self.tr("角色"), EnumCombo(ROLES, parent=self), "role")
        self.password = self.add_row(self.tr("密码"), _password_field(self), "password")
        self.again = self.add_row(self.tr("再输一次"), _password_field(self), "password_again")
        note = QLabel(
            self.tr(
                "管理员：管理用户，看到完整的证件号和电话。工作人员：修改所有记录，"
                "在编辑、打印和导出时看到完整信息。只读：只能查看，个人信息打码。"
                "密码至少 12 个字符，或用空格隔开的 4 个词。"
            ),
            self,
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.finish(None)

    def load(self, data: None) -> None:
        self.role.setCurrentIndex(ROLES.index(Role.STAFF))

    def collect(self) -> UserInput:
        return UserInput(
            self.username.text(),
            self.display_name.text(),
            self.role.value(),
            self.password.text(),
            self.again.text(),
        )


class PasswordDialog(RecordDialog):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("重设密码：{name}").format(name=name), parent)
        self.setMinimumWidth(420)
        self.password = self.add_row(self.tr("新密码"), _password_field(self), "password")
        self.again = self.add_row(self.tr("再输一次"), _password_field(self), "password_again")
        self.finish(None)

    def load(self, data: None) -> None:
        """Both fields start empty."""

    def collect(self) -> tuple[str, str]:
        return self.password.text(), self.again.text()


class OwnPasswordDialog(RecordDialog):
    """文件 → 修改我的密码: the current password, then the new one twice."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("修改我的密码"), parent)
        self.setMinimumWidth(460)
        self.current = self.add_row(self.tr("当前密码"), _password_field(self), "current")
        self.password = self.add_row(self.tr("新密码"), _password_field(self), "password")
        self.again = self.add_row(self.tr("再输一次"), _password_field(self), "password_again")
        note = QLabel(
            self.tr("至少 12 个字符，或用空格隔开的 4 个词；不要用常见密码或手机号、生日。"),
            self,
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.set_saver(lambda data: self._change(database, *data))
        self.finish(None)

    def load(self, data: None) -> None:
        """The fields start empty."""

    def collect(self) -> tuple[str, str, str]:
        return self.current.text(), self.password.text(), self.again.text()

    @staticmethod
    def _change(database: Database, current: str, password: str, again: str) -> None:
        with database.session() as session:
            change_own_password(session, database.operator, current, password, again)


class UsersDialog(QDialog):
    """The users of this database with their roles; changes are saved at once."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(self.tr("用户与权限"))
        self.resize(640, 420)
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("密码")]
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.ResizeToContents
        )
        self.empty = QLabel(
            self.tr(
                "还没有用户：任何打开这个数据库的人都以本机管理员身份工作。"
                "添加第一位用户（管理员）后，启动时需要登录。"
            ),
            self,
        )
        self.empty.setWordWrap(True)

        self.add_button = QPushButton(self.tr("添加…"), self)
        self.role_button = QPushButton(self.tr("改角色…"), self)
        self.password_button = QPushButton(self.tr("重设密码…"), self)
        self.remove_button = QPushButton(self.tr("删除"), self)
        self.add_button.clicked.connect(self.add_user)
        self.role_button.clicked.connect(self.change_role)
        self.password_button.clicked.connect(self.reset_password)
        self.remove_button.clicked.connect(self.remove_user)
        side = QVBoxLayout()
        for button in (self.add_button, self.role_button, self.password_button):
            side.addWidget(button)
        side.addStretch(1)
        side.addWidget(self.remove_button)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(side)
        self.lock_minutes = QSpinBox(self)
        self.lock_minutes.setRange(0, 240)
        self.lock_minutes.setSuffix(self.tr(" 分钟"))
        self.lock_minutes.setSpecialValueText(self.tr("不锁定"))
        with database.reader() as session:
            self.lock_minutes.setValue(idle_lock_minutes(session))
        self.lock_minutes.editingFinished.connect(self._on_lock_minutes_editing_finished)
        lock_row = QHBoxLayout()
        lock_row.addWidget(QLabel(self.tr("无人操作多久后锁定窗口、要求重新输入密码："), self))
        lock_row.addWidget(self.lock_minutes)
        lock_row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(row, 1)
        layout.addLayout(lock_row)
        layout.addWidget(close)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self, select_id: str | None = None) -> None:
        with self.database.reader() as session:
            self.users = list_users(session)
        self.model.removeRows(0, self.model.rowCount())
        for user in self.users:
            cells = [QStandardItem(user.username), QStandardItem(user.display_name)]
            cells.append(QStandardItem(enum_text(user.role)))
            password = self.tr("已设置") if user.has_password else self.tr("未设置，不能登录")
            if user.locked_until is not None:
                until = to_beijing(user.locked_until).strftime("%H:%M")
                password = self.tr("连续输错，暂停登录到 {time}").format(time=until)
            cells.append(QStandardItem(password))
            self.model.appendRow(cells)
        self.empty.setVisible(not self.users)
        for row, user in enumerate(self.users):
            if user.id == select_id:
                self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows else None

    def add_user(self) -> None:
        dialog = NewUserDialog(self)
        dialog.set_saver(lambda data: self._write(lambda s, by: add_user(s, by, data)))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def change_role(self) -> None:
        user = self.selected()
        if user is None:
            return
        names = [enum_text(role) for role in ROLES]
        name, ok = QInputDialog.getItem(
            self,
            self.tr("改角色"),
            self.tr("{name} 的角色：").format(name=user.display_name),
            names,
            ROLES.index(user.role),
            False,
        )
        if ok:
            role = ROLES[names.index(name)]
            self._try(lambda s, by: change_role(s, by, user.id, role))
            self.reload(user.id)

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = PasswordDialog(user.display_name, self)
        dialog.set_saver(
            lambda pair: self._write(lambda s, by: set_user_password(s, by, user.id, *pair))
        )
        dialog.exec()

    def remove_user(self) -> None:
        user = self.selected()
        if user is None:
            return
        if ask(
            self,
            self.tr("删除用户"),
            self.tr("删除用户“{name}”？删除后这个账号不能再登录。").format(name=user.display_name),
        ):
            self._try(lambda s, by: remove_user(s, by, user.id))
            self.reload()

    def _write(self, action: Callable[[Any, Any], Any]) -> Any:
        with self.database.session() as session:
            return action(session, self.database.operator)

    def _try(self, action: Callable[[Any, Any], Any]) -> None:
        try:
            self._write(action)
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), message_text(error.message))

    def _on_lock_minutes_editing_finished(self) -> None:
        minutes = self.lock_minutes.value()
        self._try(lambda s, by: set_idle_lock_minutes(s, by, minutes))

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.role_button, self.password_button, self.remove_button):
            button.setEnabled(chosen)
