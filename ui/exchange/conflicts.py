"""The conflict inbox: open conflicts on the left; the chosen one field by field on the right,
the version in use beside the other, with a third column to edit; keep this, keep that, or
save the edit."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from app.exchange.conflicts import (
    EDITED,
    KEEP_LOSER,
    KEEP_WINNER,
    ConflictView,
    open_conflicts,
    resolve,
)
from app.exchange.labels import CONTEXT as FIELDS_CONTEXT
from app.exchange.labels import FIELDS, TABLES

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import message_text

if TYPE_CHECKING:
    from app.database import Database

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def field_label(name: str) -> str:
    text = FIELDS.get(name)
    return QCoreApplication.translate(FIELDS_CONTEXT, text) if text else name


def shown(value: Any) -> str:
    if value is None:
        return "—"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class ConflictInbox(QWidget):
    """Signals:
    resolved(): a conflict was resolved (the record changed)."""

    resolved = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.views: dict[str, ConflictView] = {}
        self.model = QStandardItemModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.fields = QTableWidget(0, 4, self)
        self.fields.verticalHeader().hide()
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fields.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.keep_winner = QPushButton(self.tr("保留采用中的版本(&A)"), self)
        self.keep_loser = QPushButton(self.tr("改用另一版本(&B)"), self)
        self.save_edit = QPushButton(self.tr("按“处理后”一栏保存(&S)"), self)
        self.keep_winner.clicked.connect(lambda: self._resolve(KEEP_WINNER))
        self.keep_loser.clicked.connect(lambda: self._resolve(KEEP_LOSER))
        self.save_edit.clicked.connect(lambda: self._resolve(EDITED))
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.fields, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.keep_winner, self.keep_loser, self.save_edit):
            buttons.addWidget(button)
        right_layout.addLayout(buttons)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.refresh()

    def refresh(self) -> None:
        with self.database.reader() as session:
            views = open_conflicts(session)
        self.views = {view.id: view for view in views}
        self.model.clear()
        for view in views:
            table = TABLES.get(view.table)
            kind = QCoreApplication.translate(FIELDS_CONTEXT, table) if table else view.table
            item = QStandardItem(f"{kind}：{view.title}")
            item.setToolTip(item.text())  # the list is narrow: a long title shows whole here
            item.setData(view.id, ID_ROLE)
            self.model.appendRow(item)
        if views:
            self.list.setCurrentIndex(self.model.index(0, 0))
        else:
            self._show(None)

    def _on_list_current_changed(self) -> None:
        index = self.list.currentIndex()
        self._show(self.views.get(index.data(ID_ROLE)) if index.isValid() else None)

    def _show(self, view: ConflictView | None) -> None:
        for button in (self.keep_winner, self.keep_loser, self.save_edit):
            button.setEnabled(view is not None)
        self.fields.setRowCount(0)
        if view is None:
            self.heading.setText(self.tr("没有未处理的冲突。"))
            self.fields.setHorizontalHeaderLabels(["", "", "", ""])
            return
        self.heading.setText(
            self.tr(
                "两个站点在上次交换之后都改了这条记录。各站点暂时采用同一个版本；"
                "请核对后选择保留哪一个，或在“处理后”一栏改好再保存。"
            )
        )
        self.fields.setHorizontalHeaderLabels(
            [
                self.tr("字段"),
                self.tr("采用中（{site}）").format(site=view.winner_site),
                self.tr("另一版本（{site}）").format(site=view.loser_site),
                self.tr("处理后（可修改）"),
            ]
        )
        rows = list(view.fields)
        if view.winner_deleted or view.loser_deleted:
            self.heading.setText(
                self.heading.text() + self.tr("其中一方删除了这条记录（显示为“—”）。")
            )
        self.fields.setRowCount(len(rows))
        for row, difference in enumerate(rows):
            for column, text in enumerate(
                (field_label(difference.name), shown(difference.winner), shown(difference.loser))
            ):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.fields.setItem(row, column, item)
            edited = QTableWidgetItem(shown(difference.winner))
            edited.setData(ID_ROLE, difference.name)
            self.fields.setItem(row, 3, edited)

    def _resolve(self, choice: str) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            return
        view = self.views[index.data(ID_ROLE)]
        edited = None
        if choice == EDITED:
            edited = {}
            for row, difference in enumerate(view.fields):
                item = self.fields.item(row, 3)
                text = item.text() if item is not None else ""
                edited[difference.name] = None if text == "—" else _typed(text, difference.winner)
        try:
            with self.database.session() as session:
                resolve(session, view.id, choice, edited)
        except Exception as error:  # a refusal (read-only, a role) is shown, not raised
            from app.errors import UserError

            if not isinstance(error, UserError):
                raise
            QMessageBox.warning(self, self.tr("处理冲突"), message_text(error.message))
            return
        self.resolved.emit()
        self.refresh()


def _typed(text: str, like: Any) -> Any:
    """The edited text as the kind of value the field held (a number stays a number)."""
    if isinstance(like, bool | int | float) or like is None and text.strip().isdigit():
        try:
            return json.loads(text)
        except ValueError:
            return text
    return text
