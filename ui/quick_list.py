"""A list tab's first page, shown at the window's first paint while the database opens.

Read-only and not selectable (the real tab, which replaces it as soon as the database is
open, keeps the user's focus and selection): the same columns, widths, value formatting and
row colours as the tab's list (``ui/models/cells.py``), under a short 正在打开… note.
"""

from __future__ import annotations

from typing import Any

from app.quick_lists import QuickPage

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget
from ui.models.cells import CellLook, give_spare_width, header_text, lay_out_columns
from ui.tab import TabPage
from ui.widgets import palette

ModelIndex = QModelIndex | QPersistentModelIndex


class QuickPageModel(QAbstractTableModel):
    def __init__(self, page: QuickPage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._page = page
        self._look = CellLook()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._page.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._page.columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._page.rows[index.row()]
        column = self._page.columns[index.column()]
        return self._look.data(column, row.values[index.column()], row.style, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return header_text(self._page.columns[section])
        return None


class QuickListPage(TabPage):
    def __init__(self, page: QuickPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.note = QLabel(self.tr("正在打开…"), self)
        self.note.setStyleSheet(palette.HINT_TEXT)
        self.model = QuickPageModel(page, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        lay_out_columns(self.table, page.columns)
        self.table.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

    def data_ready(self) -> bool:
        """Its rows are on screen from the start: they were read before it was made."""
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            give_spare_width(self.table, self.page.columns)
        return super().eventFilter(watched, event)
