"""Small read-only tables inside editors and panels, and keeping the mouse wheel for the form.

One look for all: no row numbers, whole rows selected one at a time, columns as wide as
their text and one column (the last, or ``stretch``) taking the spare width.

A table inside the scrolling form would take the wheel whenever the pointer passed over it,
stopping the form mid-scroll: unless the table has the keyboard focus (it was clicked), the
wheel scrolls the form.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _read_only(table: QTableView, stretch: int | None, alternate: bool) -> None:
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(alternate)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def read_only_table(
    headers: list[str],
    parent: QWidget,
    *,
    stretch: int | None = None,
    alternate: bool = False,
) -> QTableWidget:
    """A table of text rows (``fill``); column ``stretch`` (else the last) takes the spare
    width."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    _read_only(table, stretch, alternate)
    return table


def read_only_view(
    model: QAbstractItemModel,
    parent: QWidget,
    *,
    stretch: int | None = None,
    alternate: bool = False,
) -> QTableView:
    """A read-only view over ``model``, looking like ``read_only_table``."""
    table = QTableView(parent)
    table.setModel(model)
    _read_only(table, stretch, alternate)
    return table


def fill(table: QTableWidget, rows: list[list[str]], ids: list[str] | None = None) -> None:
    """The rows as text; ``ids`` kept on each row's first cell (``ID_ROLE``)."""
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if ids is not None and c == 0:
                item.setData(ID_ROLE, ids[r])
            table.setItem(r, c, item)


class WheelToForm(QObject):
    """Installed on the inner tables' viewports: the wheel scrolls ``form`` instead, unless
    the table has the focus."""

    def __init__(self, form: QAbstractScrollArea) -> None:
        super().__init__(form)
        self._form = form

    def watch(self, *tables: QAbstractScrollArea) -> None:
        for table in tables:
            table.viewport().installEventFilter(self)
            table.setProperty("wheel_owner", True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel:
            return False
        table = watched.parent()
        if isinstance(table, QWidget) and table.hasFocus():
            return False
        QCoreApplication.sendEvent(self._form.verticalScrollBar(), event)
        return True
