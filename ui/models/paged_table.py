"""A table model over a ListSource that reads only the pages the view asks for.

The row count comes from one COUNT query; rows are fetched a page at a time when a view first
asks for them and kept in a small cache, so a list of a million rows costs a few pages.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from app.database import Database
from app.listing import ColumnKind, ListQuery, ListSource, Row
from app.localtime import to_beijing

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from ui.i18n import enum_text, translate

PAGE_SIZE = 200
MAX_CACHED_PAGES = 16
ID_ROLE = Qt.ItemDataRole.UserRole + 1
VERSION_ROLE = Qt.ItemDataRole.UserRole + 2

ModelIndex = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel):
    """Rows of ``source`` for ``query``.

    Signals:
        count_changed(int): the number of matching rows, after every reload.
    """

    count_changed = Signal(int)

    def __init__(self, database: Database, source: ListSource, parent: Any = None) -> None:
        super().__init__(parent)
        self._database = database
        self._source = source
        self._query = ListQuery(sort=source.default_sort, descending=source.default_descending)
        self._count = 0
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()

    @property
    def source(self) -> ListSource:
        return self._source

    @property
    def query(self) -> ListQuery:
        return self._query

    def set_query(self, query: ListQuery) -> None:
        self._query = query
        self.reload()

    def reload(self) -> None:
        """Re-reads the count and drops cached pages (after an edit or a filter change)."""
        self.beginResetModel()
        self._pages.clear()
        with self._database.reader() as session:
            self._count = self._source.count(session, self._query)
        self.endResetModel()
        self.count_changed.emit(self._count)

    def row_at(self, row: int) -> Row | None:
        if not 0 <= row < self._count:
            return None
        page_no, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None:
            with self._database.reader() as session:
                page = self._source.fetch(session, self._query, page_no * PAGE_SIZE, PAGE_SIZE)
            self._pages[page_no] = page
            if len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    def row_of_id(self, record_id: str) -> int | None:
        """The row showing ``record_id`` among the pages already read, if any."""
        for page_no, page in self._pages.items():
            for offset, row in enumerate(page):
                if row.id == record_id:
                    return page_no * PAGE_SIZE + offset
        return None

    def find_row(self, record_id: str, max_pages: int = 5) -> int | None:
        """Like ``row_of_id``, also reading up to ``max_pages`` pages from the top (after a
        reload no page is cached, and a record just saved is usually near the top)."""
        row = self.row_of_id(record_id)
        pages = min(max_pages, -(-self._count // PAGE_SIZE))
        for page_no in range(pages):
            if row is not None:
                break
            if page_no not in self._pages:
                self.row_at(page_no * PAGE_SIZE)  # reads the page
                row = self.row_of_id(record_id)
        return row

    # Qt overrides

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._source.columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = self._source.columns[index.column()]
        value = row.values[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(column.kind, value)
        if role == Qt.ItemDataRole.ToolTipRole and column.kind == ColumnKind.TEXT and value:
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind == ColumnKind.NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return row.id
        if role == VERSION_ROLE:
            return row.version
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("columns", self._source.columns[section].label)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._source.columns) or not self._source.columns[column].sortable:
            return
        key = self._source.columns[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._query.sort, self._query.descending):
            self.set_query(replace(self._query, sort=key, descending=descending))


def display_text(kind: ColumnKind, value: Any) -> str:
    if value is None:
        return ""
    if kind == ColumnKind.ENUM and isinstance(value, StrEnum):
        return enum_text(value)
    if kind == ColumnKind.DATETIME and isinstance(value, datetime):
        return to_beijing(value).strftime("%Y-%m-%d %H:%M")
    if kind == ColumnKind.DATE and isinstance(value, date):
        return value.isoformat()
    if kind == ColumnKind.BOOL:
        return translate("values", "是") if value else ""
    return str(value)
