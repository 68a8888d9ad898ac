"""Small read-only tables of the members view: the counts per community or employer unit
(aggregated in SQL by ``app.agreements.members``) and one member's service records."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from app.agreements.members import MemberCount, ServiceView
from app.i18n import QT_TRANSLATE_NOOP

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from ui.i18n import translate
from ui.models.paged_table import ID_ROLE

ModelIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows of ``T`` shown through ``columns``: (heading, value of a row, right-aligned)."""

    columns: Sequence[tuple[Any, Callable[[Any], Any], bool]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def set_rows(self, rows: list[T]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        _heading, value, right = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return value(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return getattr(row, "id", None)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return translate("columns", self.columns[section][0])
        return None


def _hours(value: Any) -> str:
    return f"{value:.1f}"


class CountModel(RowsModel[MemberCount]):
    columns = (
        (
            QT_TRANSLATE_NOOP("columns", "名称"),
            lambda c: c.name or translate("MembersView", "（未填单位）"),
            False,
        ),
        (QT_TRANSLATE_NOOP("columns", "报到人数"), lambda c: f"{c.members:,}", True),
        (QT_TRANSLATE_NOOP("columns", "服务次数"), lambda c: f"{c.services:,}", True),
        (QT_TRANSLATE_NOOP("columns", "服务时长"), lambda c: _hours(c.hours), True),
    )


class ServiceModel(RowsModel[ServiceView]):
    columns = (
        (QT_TRANSLATE_NOOP("columns", "服务日期"), lambda s: s.served_on.isoformat(), False),
        (QT_TRANSLATE_NOOP("columns", "服务内容"), lambda s: s.activity, False),
        (QT_TRANSLATE_NOOP("columns", "时长"), lambda s: _hours(s.hours), True),
    )
