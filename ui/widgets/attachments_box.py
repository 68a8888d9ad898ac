"""The attachments of one record (an issue's photos, an agreement's signed scan, a fulfilment
record's sign-in sheet): ``app.attachments`` stores each file's content in the database under
its hash, checks the hash again before opening it with the system viewer, and removing one marks
it deleted (audited). Each area adds and removes through its own service, which first checks
that the record may still change (``AttachmentRules``). A box with ``thumbnails`` shows photos
as small pictures. A box that
``allow_pending`` keeps files chosen before its record is stored (a photo taken while an issue
is being registered) until ``take_pending`` hands them over.

Signals:
    changed(): an attachment was added or removed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from app.attachment_types import check_attachment_type
from app.database import Database
from app.errors import UserError

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import message_text
from ui.widgets import palette, read_only
from ui.widgets.questions import ask

if TYPE_CHECKING:  # the attachments' models load with the first record shown
    from app.attachments import AttachmentInfo

ATTACHMENT_ROLE = Qt.ItemDataRole.UserRole + 2
PENDING_ROLE = Qt.ItemDataRole.UserRole + 3
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp"}
THUMBNAIL = 56  # pixels


def thumbnail(name: str, content: Callable[[], bytes]) -> QIcon | None:
    """A small picture of an image file called ``name`` whose bytes ``content`` reads (None
    for other files, or one that does not load)."""
    if Path(name).suffix.lower() not in IMAGE_SUFFIXES:
        return None
    picture = QPixmap()
    try:
        loaded = picture.loadFromData(content())
    except (OSError, UserError):
        return None
    if not loaded:
        return None
    return QIcon(picture.scaled(THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                                Qt.TransformationMode.SmoothTransformation))  # fmt: skip


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
        *,
        allow_pending: bool = False,
        thumbnails: bool = False,
    ) -> None:
        super().__init__(title, parent)
        self.database = database
        self.file_filter = file_filter
        self.rules = rules
        self._owner: dict[str, str] = {}
        self._read_only = False
        self.allow_pending = allow_pending
        self.thumbnails = thumbnails
        self.pending: list[Path] = []
        # called when files are added before the owner is stored (a new agreement saves first)
        self.ensure_owner: Callable[[], object] | None = None
        self.files = QListWidget(self)
        self.files.setMinimumHeight(52)
        self.files.setMaximumHeight(110)
        self.files.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
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
        self.message.setStyleSheet(palette.ERROR_TEXT)
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
        self.pending = []
        self.reload()

    def reload(self) -> None:
        self.files.clear()
        self.message.hide()
        if self._owner:
            from app import attachments

            with self.database.reader() as s:
                for info in attachments.attachments_of(s, **self._owner):
                    text = self.tr("{name}（{size}）").format(
                        name=info.file_name, size=size_text(info.size)
                    )
                    item = QListWidgetItem(text, self.files)
                    item.setData(ATTACHMENT_ROLE, info)
                    content = partial(attachments.attachment_bytes, s, info)
                    if self.thumbnails and (icon := thumbnail(info.file_name, content)):
                        item.setIcon(icon)
        for path in self.pending:
            item = QListWidgetItem(
                self.tr("{name}（登记后保存）").format(name=path.name), self.files
            )
            item.setData(PENDING_ROLE, str(path))
            if self.thumbnails and (icon := thumbnail(path.name, path.read_bytes)):
                item.setIcon(icon)
        self._enable()

    def take_pending(self) -> list[Path]:
        """The files chosen before the record was stored; the box forgets them."""
        taken, self.pending = self.pending, []
        return taken

    def names(self) -> list[str]:
        return [
            self.files.item(i).data(ATTACHMENT_ROLE).file_name for i in range(self.files.count())
        ]

    def selected(self) -> AttachmentInfo | None:
        from app.attachments import AttachmentInfo

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
        from app import attachments

        try:
            with self.database.reader() as s:
                return attachments.attachment_file(s, info)
        except UserError as error:
            self._show_message(message_text(error.message))
            return None

    def open_selected(self) -> None:
        item = self.files.currentItem()
        pending = item.data(PENDING_ROLE) if item is not None else None
        path = Path(pending) if pending else self.stored_file()
        if path is None:
            return
        name = path.name if pending else self.selected().file_name  # type: ignore[union-attr]
        try:  # one stored before types were checked is not handed to the shell either
            check_attachment_type(path, name)
        except UserError as error:
            self._show_message(message_text(error.message))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _on_add_clicked(self) -> None:
        if not self._owner and self.ensure_owner is not None:
            self.ensure_owner()
        if not self._owner and not self.allow_pending:
            return
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("添加附件"), "", self.file_filter
        )
        if not names:
            return
        if self._owner:
            self.add_files([Path(n) for n in names])
        else:
            self.pending += [Path(n) for n in names if Path(n) not in self.pending]
            self.reload()
            self.changed.emit()

    def _on_remove_clicked(self) -> None:
        item = self.files.currentItem()
        if item is not None and item.data(PENDING_ROLE):
            self.pending.remove(Path(item.data(PENDING_ROLE)))
            self.reload()
            self.changed.emit()
            return
        info = self.selected()
        if info is None:
            return
        if ask(
            self,
            self.tr("删除附件"),
            self.tr("删除附件“{name}”？").format(name=info.file_name),
        ):
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
        item = self.files.currentItem()
        chosen = item is not None and (self.selected() is not None or bool(item.data(PENDING_ROLE)))
        can_own = bool(self._owner) or self.ensure_owner is not None or self.allow_pending
        self.add_button.setEnabled(can_own and not self._read_only)
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and not self._read_only)
