"""文件 → 审计日志 (administrators): every change and sign-in, newest first, filtered by user,
period and record (the search box takes a record's ID or words of the reason), the selected
entry's record before and after beside the list; exported like any list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.audit_list import AuditList, entry_detail, require_auditor
from app.i18n import QT_TRANSLATE_NOOP
from app.users import list_users

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from ui.models.paged_table import PagedTableModel
from ui.widgets.list_panel import ListPanel

if TYPE_CHECKING:
    from app.database import Database

PERIODS = (
    (7, QT_TRANSLATE_NOOP("AuditLogDialog", "近7天")),
    (30, QT_TRANSLATE_NOOP("AuditLogDialog", "近30天")),
    (365, QT_TRANSLATE_NOOP("AuditLogDialog", "近一年")),
)


class AuditLogDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        require_auditor(database.operator)  # before Qt builds anything
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(self.tr("审计日志"))
        self.resize(1200, 640)
        self.model = PagedTableModel(database, AuditList(), self)
        self.panel = ListPanel(self.model, self)
        self.panel.set_title(self.tr("审计日志"))
        self.panel.set_empty_text(self.tr("没有符合条件的审计记录。"))
        self.panel.search.setPlaceholderText(self.tr("记录 ID 或说明中的文字（Ctrl+F）"))
        with database.reader() as session:
            users = [(u.display_name, u.id) for u in list_users(session)]
        self.panel.add_filter("user_id", self.tr("用户"), users)
        self.panel.add_filter(
            "days", self.tr("时间"), [(self.tr(text), days) for days, text in PERIODS]
        )
        self.before = self._text_box()
        self.after = self._text_box()
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("修改前"), side))
        side_layout.addWidget(self.before, 1)
        side_layout.addWidget(QLabel(self.tr("修改后 / 内容"), side))
        side_layout.addWidget(self.after, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.panel)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        self.panel.current_changed.connect(self._on_panel_current_changed)
        self.model.reload()

    def _text_box(self) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setReadOnly(True)
        box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        return box

    def _on_panel_current_changed(self, entry_id: str | None) -> None:
        if entry_id is None:
            self.before.clear()
            self.after.clear()
            return
        with self.database.reader() as session:
            detail = entry_detail(session, entry_id)
        self.before.setPlainText(detail.before)
        self.after.setPlainText(detail.after)
