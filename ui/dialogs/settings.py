"""File → 设置: language and database location (both take effect at the next start), and the
second backup folder (kept in the database, used from the next backup on)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)
from ui.i18n import LANGUAGES
from ui.settings import Settings
from ui.widgets.fields import field_row

if TYPE_CHECKING:
    from app.database import Database


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        database: Database | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._database = database
        self.setWindowTitle(self.tr("设置"))
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(settings.language))
        self.database = QLineEdit(settings.database, self)
        self.database.setPlaceholderText(self.tr("默认：用户数据文件夹中的 gongjian.db"))
        browse = QPushButton(self.tr("选择…"), self)
        browse.clicked.connect(self._on_browse_clicked)
        row = field_row(self, self.database, browse, grow=self.database)
        note = QLabel(
            self.tr("修改在下次启动时生效。多台电脑共用数据请填写 PostgreSQL 地址。"), self
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow(self.tr("数据库"), row)
        form.addRow(note)
        if self._has_backups():
            form.addRow(self.tr("第二备份文件夹"), self._second_folder_row())
            hint = QLabel(
                self.tr(
                    "每次自动备份也存一份到这里（如 U 盘、另一个磁盘）。文件夹不在时，"
                    "程序提示一次，备份照常存在数据库旁的 backups 文件夹。"
                ),
                self,
            )
            hint.setWordWrap(True)
            form.addRow(hint)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("选择数据库文件"),
            self.database.text(),
            self.tr("共建台数据库 (*.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.database.setText(path)

    def _has_backups(self) -> bool:
        """A writable SQLite database, whose operator may change settings."""
        db = self._database
        return db is not None and db.file is not None and not db.read_only and db.operator.may_edit

    def _second_folder_row(self) -> QWidget:
        from app.backups import second_folder

        assert self._database is not None
        with self._database.reader() as session:
            folder = second_folder(session)
        self.second_folder = QLineEdit(str(folder) if folder else "", self)
        self.second_folder.setPlaceholderText(self.tr("不设置"))
        browse = QPushButton(self.tr("选择…"), self)
        browse.clicked.connect(self._on_browse_second_clicked)
        row = field_row(self, self.second_folder, browse, grow=self.second_folder)
        return row

    def _on_browse_second_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择第二备份文件夹"), self.second_folder.text()
        )
        if folder:
            self.second_folder.setText(folder)

    def accept(self) -> None:
        if self._has_backups() and not self._save_second_folder():
            return
        self.settings.language = self.language.currentData()
        self.settings.database = self.database.text().strip()
        self.settings.sync()
        super().accept()

    def _save_second_folder(self) -> bool:
        """Stores the second backup folder; False (and the reason shown) when it is no good."""
        from app.backups import set_second_folder

        assert self._database is not None and self._database.file is not None
        text = self.second_folder.text().strip()
        folder = Path(text).expanduser() if text else None
        beside = self._database.file.resolve().parent / "backups"
        problem = ""
        if folder is not None and not folder.is_dir():
            problem = self.tr("文件夹不存在：{path}。请选择一个已有的文件夹，或清空这一栏。")
        elif folder is not None and folder.resolve() == beside:
            problem = self.tr("这就是数据库旁的备份文件夹。第二备份文件夹应在另一个磁盘或 U 盘上。")
        if problem:
            QMessageBox.warning(self, self.tr("第二备份文件夹"), problem.format(path=text))
            self.second_folder.setFocus()
            return False
        with self._database.session() as session:
            set_second_folder(session, folder)
        return True
