"""How a list's cell looks: its text, alignment, colours and font, from its column and row.

Shared by the paged model every list uses (``paged_table.py``) and the first page a list tab
shows before the database is open (``ui/quick_list.py``), which must look the same; nothing
here needs SQLAlchemy or the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from app.i18n import Label
from app.list_shape import Column, ColumnKind
from app.localtime import to_beijing

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTableView
from ui.i18n import enum_text, translate
from ui.widgets import palette


class CellLook:
    """A cell's data for the display roles; a row's ``style`` ("red", "yellow") colours it and
    with the word "supervised" (督办) makes it bold."""

    def __init__(self) -> None:
        self._brushes = {
            style: (QBrush(QColor(back)), QBrush(QColor(fore)))
            for style, (back, fore) in palette.ROW_COLOURS.items()
        }
        self._bold = QFont()
        self._bold.setBold(True)

    def data(self, column: Column, value: Any, style: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(column.kind, value)
        if role == Qt.ItemDataRole.ToolTipRole and column.kind == ColumnKind.TEXT and value:
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind == ColumnKind.NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            words = style.split()
            brushes = next((self._brushes[w] for w in words if w in self._brushes), None)
            if brushes is None:
                return None
            return brushes[0 if role == Qt.ItemDataRole.BackgroundRole else 1]
        if role == Qt.ItemDataRole.FontRole and "supervised" in style.split():
            return self._bold
        return None


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
    if isinstance(value, Label):  # a source's label, in the interface language
        return translate(value.context, value)
    return str(value)


def header_text(column: Column) -> str:
    return translate("columns", column.label)


def stretch_index(columns: Sequence[Column]) -> int | None:
    """The column that takes the spare width; None: the last section stretches."""
    return next((i for i, c in enumerate(columns) if c.stretch), None)


def lay_out_columns(table: QTableView, columns: Sequence[Column]) -> None:
    """A list's rows without wrapping or row numbers, its columns at their starting widths."""
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch_index(columns) is None)
    for i, column in enumerate(columns):
        table.setColumnWidth(i, column.width)


def give_spare_width(table: QTableView, columns: Sequence[Column]) -> None:
    """Widens the stretch column into space the others leave; never narrower than its
    starting width, and still resizable by the user (Qt's Stretch mode is not)."""
    stretch = stretch_index(columns)
    if stretch is None:
        return
    others = sum(table.columnWidth(i) for i in range(len(columns)) if i != stretch)
    spare = table.viewport().width() - others
    table.setColumnWidth(stretch, max(columns[stretch].width, spare))
