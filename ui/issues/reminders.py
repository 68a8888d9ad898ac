"""The 催办 list: open issues that are 问题工单, red, yellow or supervised; 问题工单 and red first.

The street office works down this list each morning: remind the units of one issue (the
reminder is journalled on it) or open it in the tab to act.

Signals:
    open_requested(str): the id of the issue to show in the tab.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.errors import UserError
from app.issues import service
from app.issues.due import due_text
from app.issues.records import Warning
from app.issues.warnings import Reminder, reminders
from db.base import utcnow

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import enum_text, message_text
from ui.models.rows_table import RowsTableModel
from ui.widgets import palette
from ui.widgets.screen import fit_to_screen

if TYPE_CHECKING:
    from app.database import Database

ModelIndex = QModelIndex | QPersistentModelIndex
COLOURS = {Warning.RED: QColor(palette.ERROR_FILL), Warning.YELLOW: QColor(palette.WARNING_FILL)}


class RemindersModel(RowsTableModel):
    """At most a few hundred rows: ``reminders`` caps the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Reminder] = []
        self.headers = [
            self.tr("编号"),
            self.tr("标题"),
            self.tr("状态"),
            self.tr("办理时限"),
            self.tr("原因"),
            self.tr("督办说明"),
        ]

    def load(self, rows: list[Reminder]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return COLOURS.get(row.warning) if row.warning else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        reasons = "；".join(row.reasons) or (self.tr("督办") if row.supervised else "")
        if row.escalated:
            reasons = "；".join(
                filter(
                    None, [self.tr("问题工单：{why}").format(why=row.escalation_reason), reasons]
                )
            )
        values = (
            row.number,
            row.title,
            enum_text(row.status),
            due_text(row.due_at) if row.due_at else "",
            reasons,
            row.supervision_note,
        )
        return values[index.column()]


class RemindersDialog(QDialog):
    open_requested = Signal(str)

    def __init__(
        self, database: Database, parent: QWidget | None = None, now: datetime | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.now = now
        self.changed = False
        self.setWindowTitle(self.tr("催办清单"))
        fit_to_screen(self, 980, 520)
        self.model = RemindersModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, width in enumerate((130, 260, 70, 90, 260, 160)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self._open())  # double-click or Enter
        self.summary = QLabel(self)
        self.remind_button = QPushButton(self.tr("催办…"), self)
        self.remind_button.setToolTip(self.tr("记下一次催办（写入该事项的办理记录）"))
        self.remind_button.clicked.connect(self.remind_selected)
        self.open_button = QPushButton(self.tr("打开事项"), self)
        self.open_button.setToolTip(self.tr("在民生事项列表中打开（双击或回车）"))
        self.open_button.clicked.connect(self._open)
        self.open_button.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.remind_button)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        kept = self.selected()
        with self.database.reader() as session:
            rows = reminders(session, self.now or utcnow())
        self.model.load(rows)
        red = sum(r.warning is Warning.RED for r in rows)
        yellow = sum(r.warning is Warning.YELLOW for r in rows)
        supervised = sum(r.supervised for r in rows)
        escalated = sum(r.escalated for r in rows)
        self.summary.setText(
            self.tr(
                "共 {n} 件：问题工单 {escalated}，红色 {red}，黄色 {yellow}，督办 {supervised}"
            ).format(
                n=len(rows), escalated=escalated, red=red, yellow=yellow, supervised=supervised
            )
            if rows
            else self.tr("没有需要催办的事项：没有超期、没有停滞，也没有督办。")
        )
        ids = [r.issue_id for r in rows]
        if kept is not None and kept.issue_id in ids:
            self.table.selectRow(ids.index(kept.issue_id))
        elif rows:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> Reminder | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def remind_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        note, ok = QInputDialog.getText(
            self,
            self.tr("催办"),
            self.tr("{number} {title}\n催办说明（可不填）：").format(
                number=chosen.number, title=chosen.title
            ),
        )
        if not ok:
            return
        try:
            with self.database.session() as session:
                service.remind(session, chosen.issue_id, note, now=self.now)
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), message_text(error.message))
            return
        self.changed = True
        self.reload()

    def _open(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.open_requested.emit(chosen.issue_id)
            self.accept()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.remind_button.setEnabled(chosen)
        self.open_button.setEnabled(chosen)
