"""A table model over a ListSource that reads only the pages the view asks for.

The row count comes from one COUNT query; rows are fetched a page at a time when a view first
asks for them and kept in a small cache, so a list of a million rows costs a few pages.

A source with ``count_cap`` is counted only up to the cap; the model then says it can fetch
more, and the view grows by another cap's worth when the user scrolls to the end. A page that
follows a cached page is read with the source's ``fetch_after`` (a keyset seek) when it can.
A row's ``style`` ("red", "yellow") colours it; with the word "supervised" (督办) it is bold.
On a database that exchanges with other sites, a source with ``exchange_table`` marks each
row's first cell with its exchange state (read with the page, in one query for it).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import Any

from app.database import Database
from app.exchange.states import RecordExchange, record_states, takes_part
from app.list_shape import PAGE_SIZE, Row
from app.listing import ListQuery, ListSource

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from ui.models import exchange_marks
from ui.models.cells import CellLook, header_text

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
        self._cap = source.count_cap
        self._more = False
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._exchange: dict[str, RecordExchange] | None = None  # None: not shown
        self._look = CellLook()

    @property
    def database(self) -> Database:
        return self._database

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
        self._cap = self._source.count_cap
        with self._database.reader() as session:
            self._count = self._counted(session)
            shown = self._source.exchange_table is not None and takes_part(session)
        self._exchange = {} if shown else None
        self.endResetModel()
        self.count_changed.emit(self._count)

    def _counted(self, session: Any) -> int:
        if self._cap is None:
            self._more = False
            return self._source.count(session, self._query)
        count = self._source.count_capped(session, self._query, self._cap)
        self._more = count >= self._cap
        return count

    @property
    def shows_exchange(self) -> bool:
        """Rows are marked with their exchange state (this database exchanges with others)."""
        return self._exchange is not None

    def exchange_of(self, row: int) -> RecordExchange | None:
        found = self.row_at(row)
        if found is None or self._exchange is None:
            return None
        return self._exchange.get(found.id)

    @property
    def has_more(self) -> bool:
        """The count stopped at the cap: there are more rows than ``rowCount()`` says."""
        return self._more

    def row_at(self, row: int) -> Row | None:
        if not 0 <= row < self._count:
            return None
        page_no, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None:
            previous = self._pages.get(page_no - 1)
            with self._database.reader() as session:
                if previous and len(previous) == PAGE_SIZE:
                    page = self._source.fetch_after(session, self._query, previous[-1], PAGE_SIZE)
                if page is None:
                    offset_rows = page_no * PAGE_SIZE
                    page = self._source.fetch(session, self._query, offset_rows, PAGE_SIZE)
                if self._exchange is not None and self._source.exchange_table is not None:
                    table, ids = self._source.exchange_table, [r.id for r in page]
                    self._exchange.update(record_states(session, table, ids))
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

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self._cap is None:
            return
        self._cap += self._source.count_cap or self._cap
        with self._database.reader() as session:
            count = self._counted(session)
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
            self.count_changed.emit(self._count)

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
        if index.column() == 0 and self._exchange and row.id in self._exchange:
            if role == Qt.ItemDataRole.DecorationRole:
                return exchange_marks.icon(self._exchange[row.id].state)
            if role == Qt.ItemDataRole.ToolTipRole:
                return exchange_marks.text(self._exchange[row.id])
        if role == ID_ROLE:
            return row.id
        if role == VERSION_ROLE:
            return row.version
        return self._look.data(column, value, row.style, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header_text(self._source.columns[section])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._source.columns) or not self._source.columns[column].sortable:
            return
        key = self._source.columns[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._query.sort, self._query.descending):
            self.set_query(replace(self._query, sort=key, descending=descending))
