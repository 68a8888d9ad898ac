"""The attachments of one record (an issue's photos, an agreement's signed scan, a fulfilment
record's sign-in sheet): ``app.attachments`` stores each file's content in the database under
its hash, checks the hash again before opening it with the system viewer, and removing one marks
it deleted (audited). Each area adds and removes through its own service, which first checks
that the record may still change (``AttachmentRules``).

Signals:
    changed(): an attachment was added or removed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app import attachments
from app.attachment_types import check_attachment_type
from app.attachments import AttachmentInfo
from app.database import Database
from app.errors import UserError

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import message_text
from ui.widgets import read_only

ATTACHMENT_ROLE = Qt.ItemDataRole.UserRole + 2


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} KB"


@dataclass(frozen=True)
class AttachmentRules:
    """An area's way in: ``add(session, owner, files)`` and ``remove(session, owner,
    attachment_id)``, where ``owner`` is what ``set_owner`` was given (``issue_id=…``)."""

    add: Callable[[Session, Mapping[str, str], list[Path]], object]
    remove: Callable[[Session, Mapping[str, str], str], object]


class AttachmentsBox(QGroupBox):
    changed = Signal()

    def __init__(
        self,
        database: Database,
        title: str,
        file_filter: str,
        rules: AttachmentRules,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.database = database
        self.file_filter = file_filter
        self.rules = rules
        self._owner: dict[str, str] = {}
        self._read_only = False
        # called when files are added before the owner is stored (a new agreement saves first)
        self.ensure_owner: Callable[[], object] | None = None
        self.files = QListWidget(self)
        self.files.setMinimumHeight(52)
        self.files.setMaximumHeight(110)
        self.files.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.files.currentRowChanged.connect(lambda _row: self._enable())
        self.add_button = QPushButton(self.tr("添加…"), self)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.open_button = QPushButton(self.tr("打开"), self)
        self.open_button.clicked.connect(self.open_selected)
        read_only.reads(self.open_button)
        self.remove_button = QPushButton(self.tr("删除"), self)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a4161a;")
        self.message.hide()
        side = QVBoxLayout()
        for button in (self.add_button, self.open_button, self.remove_button):
            button.setAutoDefault(False)
            side.addWidget(button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.files, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self._enable()

    def set_owner(self, read_only: bool = False, **owner: str | None) -> None:
        """Shows the attachments of ``issue_id=…``, ``agreement_id=…`` or ``fulfilment_id=…``
        (None: none)."""
        self._owner = {k: v for k, v in owner.items() if v}
        self._read_only = read_only
        self.reload()

    def reload(self) -> None:
        self.files.clear()
        self.message.hide()
        if self._owner:
            with self.database.reader() as s:
                found = attachments.attachments_of(s, **self._owner)
            for info in found:
                text = self.tr("{name}（{size}）").format(
                    name=info.file_name, size=size_text(info.size)
                )
                QListWidgetItem(text, self.files).setData(ATTACHMENT_ROLE, info)
        self._enable()

    def names(self) -> list[str]:
        return [
            self.files.item(i).data(ATTACHMENT_ROLE).file_name for i in range(self.files.count())
        ]

    def selected(self) -> AttachmentInfo | None:
        item = self.files.currentItem()
        info = item.data(ATTACHMENT_ROLE) if item is not None else None
        return info if isinstance(info, AttachmentInfo) else None

    def add_files(self, paths: list[Path]) -> bool:
        """Copies the files in as attachments of the owner (all or, on an error, none)."""
        owner = dict(self._owner)
        return self._run(lambda s: self.rules.add(s, owner, paths))

    def stored_file(self) -> Path | None:
        """The selected attachment's stored file, checked against its hash; None (and the
        reason shown) when it is damaged or gone."""
        info = self.selected()
        if info is None:
            return None
        try:
            with self.database.reader() as s:
                return attachments.attachment_file(s, info)
        except UserError as error:
            self._show_message(message_text(error.message))
            return None

    def open_selected(self) -> None:
        if (path := self.stored_file()) is None:
            return
        try:  # one stored before types were checked is not handed to the shell either
            check_attachment_type(path, self.selected().file_name)  # type: ignore[union-attr]
        except UserError as error:
            self._show_message(message_text(error.message))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _on_add_clicked(self) -> None:
        if not self._owner and self.ensure_owner is not None:
            self.ensure_owner()
        if not self._owner:
            return
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("添加附件"), "", self.file_filter
        )
        if names:
            self.add_files([Path(n) for n in names])

    def _on_remove_clicked(self) -> None:
        info = self.selected()
        if info is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("删除附件"),
            self.tr("删除附件“{name}”？").format(name=info.file_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            owner = dict(self._owner)
            self._run(lambda s: self.rules.remove(s, owner, info.id))

    def _run(self, step: Any) -> bool:
        try:
            with self.database.session() as s:
                step(s)
        except UserError as error:
            self._show_message(message_text(error.message))
            return False
        self.reload()
        self.changed.emit()
        return True

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _enable(self) -> None:
        chosen = self.selected() is not None
        can_own = bool(self._owner) or self.ensure_owner is not None
        self.add_button.setEnabled(can_own and not self._read_only)
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and not self._read_only)
