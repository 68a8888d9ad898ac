"""The 七个共 matrix as a table model: one row per branch pairing, a column per joint activity.

The rows come from ``app.agreements.matrix.seven_matrix`` (one SQL statement for the year and
filters); the model sorts them in memory, 247 rows being nothing to sort, and narrows them by
the typed search text. A cell shows √ and the date of the latest activity (done, green), ○
(committed, not yet done, yellow) or — (not committed, grey).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from app.agreements.matrix import SEVEN, SHORT_NAMES, CellState, MatrixCell, MatrixRow, cell_text
from app.i18n import QT_TRANSLATE_NOOP

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from ui.i18n import enum_text, translate
from ui.models.paged_table import ID_ROLE
from ui.widgets import palette

ModelIndex = QModelIndex | QPersistentModelIndex
BRANCH, COMMUNITY = 0, 1
FIRST_ACTIVITY = 2
COMPLETION = FIRST_ACTIVITY + len(SEVEN)
HEADERS = {
    BRANCH: QT_TRANSLATE_NOOP("columns", "党支部"),
    COMMUNITY: QT_TRANSLATE_NOOP("columns", "社区"),
    COMPLETION: QT_TRANSLATE_NOOP("columns", "完成"),
}
CELL_COLOURS = {  # state → (background, text)
    CellState.DONE: ("#e3f4e1", "#1e5d23"),
    CellState.PLANNED: (palette.WARNING_FILL, palette.WARNING_AMBER),
    CellState.MISSING: ("#f3f3f3", "#888888"),
}
STATE_ORDER = {CellState.DONE: 0, CellState.PLANNED: 1, CellState.MISSING: 2}


def activity_column(column: int) -> bool:
    return FIRST_ACTIVITY <= column < COMPLETION


def _cell_key(activity: int) -> Callable[[MatrixRow], Any]:
    def key(row: MatrixRow) -> Any:
        cell = row.cells[activity]
        return (STATE_ORDER[cell.state], -(cell.last_on or date.min).toordinal())

    return key


class MatrixModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[MatrixRow] = []
        self._rows: list[MatrixRow] = []
        self._search = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._brushes = {
            state: (QBrush(QColor(back)), QBrush(QColor(text)))
            for state, (back, text) in CELL_COLOURS.items()
        }

    @property
    def rows(self) -> list[MatrixRow]:
        """The rows shown, in the order shown."""
        return list(self._rows)

    def set_rows(self, rows: list[MatrixRow]) -> None:
        self.beginResetModel()
        self._all = rows
        self._arrange()
        self.endResetModel()

    def set_search(self, text: str) -> None:
        self.beginResetModel()
        self._search = text.strip()
        self._arrange()
        self.endResetModel()

    def row_at(self, row: int) -> MatrixRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def cell_at(self, index: ModelIndex) -> tuple[MatrixRow, MatrixCell] | None:
        """The pairing and the activity cell of ``index``; None off the activity columns."""
        row = self.row_at(index.row())
        if row is None or not activity_column(index.column()):
            return None
        return row, row.cells[index.column() - FIRST_ACTIVITY]

    def row_of(self, agreement_id: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.agreement_id == agreement_id), None)

    def _arrange(self) -> None:
        rows = [
            r
            for r in self._all
            if not self._search
            or self._search in r.branch_name
            or self._search in r.unit_name
            or self._search in r.community_name
        ]
        if self._sort is not None:
            column, order = self._sort
            rows.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = rows

    @staticmethod
    def _key(column: int) -> Callable[[MatrixRow], Any]:
        if column == BRANCH:
            return lambda r: (r.branch_name, r.number)
        if column == COMMUNITY:
            return lambda r: (r.zone_name, r.community_name, r.branch_name)
        if column == COMPLETION:
            return lambda r: r.completion  # ties keep seven_matrix's order: community, branch
        return _cell_key(column - FIRST_ACTIVITY)

    # Qt overrides

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COMPLETION + 1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == ID_ROLE:
            return row.agreement_id
        if activity_column(column):
            return self._cell_data(row.cells[column - FIRST_ACTIVITY], role)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == BRANCH:
                return row.branch_name
            if column == COMMUNITY:
                return row.community_name
            return f"{row.completion}/{len(SEVEN)}"
        if role == Qt.ItemDataRole.ToolTipRole and column == BRANCH:
            return translate("MatrixModel", "{branch}\n{unit}\n协议 {number}").format(
                branch=row.branch_name, unit=row.unit_name, number=row.number
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == COMMUNITY:
            return f"{row.zone_name} / {row.community_name}" if row.zone_name else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COMPLETION:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _cell_data(self, cell: MatrixCell, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes[cell.state][0]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._brushes[cell.state][1]
        if role == Qt.ItemDataRole.ToolTipRole:
            if cell.state is CellState.DONE and cell.last_on is not None:
                state = translate("MatrixModel", "已开展，最近一次 {day}").format(
                    day=cell.last_on.isoformat()
                )
            elif cell.state is CellState.PLANNED:
                state = translate("MatrixModel", "已承诺，尚未开展")
            else:
                state = translate("MatrixModel", "未承诺")
            hint = translate("MatrixModel", "单击或按回车登记履约")
            return f"{enum_text(cell.activity)}：{state}\n{hint}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= COMPLETION:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if activity_column(section):
                return translate("columns", SHORT_NAMES[SEVEN[section - FIRST_ACTIVITY]])
            return translate("columns", HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and activity_column(section):
            return enum_text(SEVEN[section - FIRST_ACTIVITY])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column <= COMPLETION:
            return
        self.beginResetModel()
        self._sort = (column, order)
        self._arrange()
        self.endResetModel()
