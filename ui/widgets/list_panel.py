"""A list as every tab shows it: search box and filters above, the table, a count below.
The table's context menu exports the whole list, as filtered and sorted, to Excel.

Signals:
    record_activated(str): the id of a row double-clicked or opened with Enter.
    current_changed(object): the id of the selected row, or None.
    query_changed(): the search text or a filter changed (the model has reloaded).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from ui.models.cells import give_spare_width, lay_out_columns
from ui.models.paged_table import ID_ROLE, PagedTableModel
from ui.widgets import palette

EXCHANGE_FILTER = "exchange"  # the filter key app/exchange/states.py reads

SEARCH_DELAY_MS = 250


class ListPanel(QWidget):
    record_activated = Signal(str)
    current_changed = Signal(object)
    query_changed = Signal()

    def __init__(self, model: PagedTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._filters: dict[str, QComboBox] = {}
        self._fixed_filters: dict[str, Any] = {}
        self._shown_filters: set[str] = set()  # fixed filters set by show_filtered
        self._empty_text = self.tr("还没有记录。")
        self._title = self.tr("列表")

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_query)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._apply_query)

        self.filter_bar = QHBoxLayout()
        self.filter_bar.addWidget(self.search, 1)

        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        lay_out_columns(self.table, model.source.columns)
        header = self.table.horizontalHeader()
        keys = [c.key for c in model.source.columns]
        sort_column = keys.index(model.query.sort) if model.query.sort in keys else 0
        order = (
            Qt.SortOrder.DescendingOrder if model.query.descending else Qt.SortOrder.AscendingOrder
        )
        header.setSortIndicator(sort_column, order)
        # only now: enabling sorting sorts by the indicator at once (by default column 0,
        # descending), which would reload the model twice and briefly reverse the list
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu)

        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(palette.EMPTY_NOTE)
        self.count_label = QLabel(self)
        model.count_changed.connect(self._on_model_count_changed)
        model.modelReset.connect(self._on_model_reset)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def add_filter(self, key: str, label: str, choices: list[tuple[str, Any]]) -> QComboBox:
        """A drop-down filter; the first choice is always "all"."""
        combo = QComboBox(self)
        combo.setToolTip(label)
        combo.addItem(self.tr("全部{label}").format(label=label), None)
        for text, value in choices:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(self._apply_query)
        self._filters[key] = combo
        self.filter_bar.addWidget(combo)
        return combo

    def set_fixed_filter(self, key: str, value: Any) -> None:
        """A filter set by something outside the panel (the org tree, for one)."""
        if value is None:
            self._fixed_filters.pop(key, None)
        else:
            self._fixed_filters[key] = value
        self._apply_query()

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self._update_empty_label()

    def show_filtered(self, filters: Mapping[str, Any]) -> None:
        """Clears the search and shows the list with exactly these filters: a drop-down shows
        its key's value; other keys become fixed filters until the next call."""
        rest = dict(filters)
        for key, combo in self._filters.items():
            index = combo.findData(rest[key]) if key in rest else 0
            if index > 0:
                del rest[key]
            else:  # not asked for, or not among the choices (then it stays a fixed filter)
                index = 0
            combo.blockSignals(True)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        for key in self._shown_filters:
            self._fixed_filters.pop(key, None)
        self._fixed_filters.update(rest)
        self._shown_filters = set(rest)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._apply_query()

    def set_title(self, title: str) -> None:
        """What the list is called in an export: the sheet's and the file's name."""
        self._title = title

    def export_to_excel(self) -> None:
        from ui.excel.export import export_list

        export_list(self.model, self._title, self)

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_id(self, record_id: str) -> bool:
        row = self.model.find_row(record_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _apply_query(self) -> None:
        self._search_timer.stop()
        filters = dict(self._fixed_filters)
        for key, combo in self._filters.items():
            if combo.currentData() is not None:
                filters[key] = combo.currentData()
        query = replace(self.model.query, search=self.search.text().strip(), filters=filters)
        if query != self.model.query:
            self.model.set_query(query)
            self.query_changed.emit()

    def _update_empty_label(self) -> None:
        empty = self.model.rowCount() == 0
        filtered = bool(self.model.query.search or self.model.query.filters)
        self.empty_label.setText(
            self.tr("没有符合条件的记录。请换一个搜索词或清除筛选。")
            if filtered
            else self._empty_text
        )
        self.empty_label.setVisible(empty)
        self.empty_label.resize(self.table.viewport().size())

    def _on_model_count_changed(self, count: int) -> None:
        self.count_label.setText(self.tr("共 {n} 条").format(n=f"{count:,}"))

    def _on_model_reset(self) -> None:
        self._update_empty_label()
        if self.model.shows_exchange and EXCHANGE_FILTER not in self._filters:
            self._show_exchange()
        self.current_changed.emit(None)

    def _show_exchange(self) -> None:
        """On a database that exchanges with other sites: room for the state's badge in the
        first column, and a filter for what is not sent yet or in conflict."""
        from app.exchange.states import ExchangeState

        from ui.models import exchange_marks

        self.table.setColumnWidth(0, self.table.columnWidth(0) + exchange_marks.BADGE_PX + 6)
        self.add_filter(
            EXCHANGE_FILTER,
            self.tr("交换状态"),
            [
                (exchange_marks.label(ExchangeState.UNSENT), "unsent"),
                (exchange_marks.label(ExchangeState.CONFLICT), "conflict"),
            ],
        )

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.record_activated.emit(index.data(ID_ROLE))

    def _on_table_context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("导出为 Excel…"), self.export_to_excel)
        menu.exec(self.table.viewport().mapToGlobal(position))

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(current.data(ID_ROLE) if current.isValid() else None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_id():
                self.record_activated.emit(self.current_id())
                return True
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_label.resize(self.table.viewport().size())
            give_spare_width(self.table, self.model.source.columns)
        return super().eventFilter(watched, event)
