"""The expected attendees as an editable table: who, their unit and post, the day's status
(出席/请假/列席/缺席, or not marked yet) and the reason (required for 请假).

Rows are ``AttendeeView``s (the service's editor rows with names); the order is the order the
minutes list them in. Status and reason are edited in place; everything else comes from the
directory.
"""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum
from typing import Any

from app.enums import AttendanceStatus
from app.i18n import QT_TRANSLATE_NOOP
from app.meetings.detail import AttendeeView
from app.meetings.records import AttendanceCounts, AttendeeData, attendance_counts

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from ui.i18n import enum_text, translate
from ui.widgets import palette

ModelIndex = QModelIndex | QPersistentModelIndex
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
UNMARKED = QT_TRANSLATE_NOOP("AttendeeModel", "未标记")
STATUSES: tuple[AttendanceStatus | None, ...] = (*AttendanceStatus, None)
STATUS_COLOURS = {
    AttendanceStatus.PRESENT: QColor("#1e7e34"),
    AttendanceStatus.LEAVE: QColor("#b26a00"),
    AttendanceStatus.OBSERVER: QColor("#1f4e79"),
    AttendanceStatus.ABSENT: QColor(palette.ERROR_RED),
    None: QColor("#888888"),
}
ERROR_BACKGROUND = QColor(palette.ERROR_FILL)


class Col(IntEnum):
    NAME = 0
    UNIT = 1
    POST = 2
    STATUS = 3
    REASON = 4


HEADERS = (
    QT_TRANSLATE_NOOP("AttendeeModel", "姓名"),
    QT_TRANSLATE_NOOP("AttendeeModel", "单位"),
    QT_TRANSLATE_NOOP("AttendeeModel", "职务"),
    QT_TRANSLATE_NOOP("AttendeeModel", "出席情况"),
    QT_TRANSLATE_NOOP("AttendeeModel", "请假理由/备注"),
)


def status_text(status: AttendanceStatus | None) -> str:
    return enum_text(status) if status is not None else translate("AttendeeModel", UNMARKED)


class AttendeeTableModel(QAbstractTableModel):
    """Signals:
    counts_changed(): a row was added, removed or marked (the 出席/应到 figures changed).
    row_edited(int): the status or reason of a row was changed.
    """

    counts_changed = Signal()
    row_edited = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AttendeeView] = []
        self.read_only = False
        self.error_row: int | None = None  # the row a save error is about, shown in red

    def set_error_row(self, row: int | None) -> None:
        rows = {r for r in (self.error_row, row) if r is not None and r < len(self._rows)}
        self.error_row = row
        for r in rows:
            self.dataChanged.emit(self.index(r, 0), self.index(r, len(Col) - 1))

    # the rows

    def set_rows(self, rows: list[AttendeeView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.error_row = None
        self.endResetModel()
        self.counts_changed.emit()

    def rows(self) -> list[AttendeeView]:
        return list(self._rows)

    def row(self, row: int) -> AttendeeView:
        return self._rows[row]

    def data_rows(self) -> list[AttendeeData]:
        """What save_meeting takes, in the order shown."""
        return [replace(view.data(), position=i) for i, view in enumerate(self._rows)]

    def counts(self) -> AttendanceCounts:
        return attendance_counts([view.data() for view in self._rows])

    def contains(self, view: AttendeeView) -> bool:
        key = view.data().key
        return any(row.data().key == key for row in self._rows) or bool(
            view.person_id and any(row.person_id == view.person_id for row in self._rows)
        )

    def append(self, views: list[AttendeeView]) -> None:
        if not views:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(views) - 1)
        self._rows.extend(views)
        self.endInsertRows()
        self.counts_changed.emit()

    def remove(self, rows: list[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._rows):
                self.error_row = None
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        self.counts_changed.emit()

    def move(self, row: int, delta: int) -> bool:
        """Moves a row one up (-1) or down (+1); False at either end."""
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return False
        destination = target if delta < 0 else target + 1
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        return True

    def set_status(self, row: int, status: AttendanceStatus | None) -> None:
        view = self._rows[row]
        if view.status is status:
            return
        self._rows[row] = replace(view, status=status)
        self.dataChanged.emit(self.index(row, Col.STATUS), self.index(row, Col.REASON))
        self.row_edited.emit(row)
        self.counts_changed.emit()

    def set_reason(self, row: int, reason: str) -> None:
        if self._rows[row].reason == reason:
            return
        self._rows[row] = replace(self._rows[row], reason=reason)
        index = self.index(row, Col.REASON)
        self.dataChanged.emit(index, index)
        self.row_edited.emit(row)

    # Qt overrides

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        view = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == Col.NAME:
                return view.name or translate("AttendeeModel", "（全单位）")
            if column == Col.UNIT:
                return view.unit
            if column == Col.POST:
                return view.post
            if column == Col.STATUS:
                return status_text(view.status)
            if column == Col.REASON:
                return view.reason
        if role == STATUS_ROLE and column == Col.STATUS:
            return STATUSES.index(view.status)
        if role == Qt.ItemDataRole.ForegroundRole and column == Col.STATUS:
            return STATUS_COLOURS[view.status]
        if role == Qt.ItemDataRole.BackgroundRole and index.row() == self.error_row:
            return ERROR_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole and column == Col.REASON and view.reason:
            return view.reason
        if role == Qt.ItemDataRole.ToolTipRole and column == Col.STATUS and not self.read_only:
            return translate("AttendeeModel", "按 1 出席、2 请假、3 列席、4 缺席、0 清除")
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.read_only or role != Qt.ItemDataRole.EditRole:
            return False
        if index.column() == Col.REASON:
            self.set_reason(index.row(), str(value or "").strip())
            return True
        if index.column() == Col.STATUS:
            if isinstance(value, int) and 0 <= value < len(STATUSES):
                self.set_status(index.row(), STATUSES[value])
                return True
            matches = [s for s in STATUSES if status_text(s) == value]
            if matches:
                self.set_status(index.row(), matches[0])
                return True
        return False

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only and index.column() in (Col.STATUS, Col.REASON):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return translate("AttendeeModel", HEADERS[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None
