"""A date that may be left empty: a check box says whether it is given."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate(), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31))
    return edit


class OptionalDate(QWidget):
    """Signals:
    changed(): the date was given, cleared or changed."""

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.given = QCheckBox(label, self)
        self.edit = date_edit(self)
        self.edit.setEnabled(False)
        self.given.toggled.connect(self._on_given_toggled)
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.given)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.given)

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.given.isChecked() else None

    def set_value(self, day: date | None) -> None:
        self.given.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(to_qdate(day))

    def set_read_only(self, read_only: bool) -> None:
        self.given.setEnabled(not read_only)
        self.edit.setReadOnly(read_only)

    def _on_given_toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self.setFocusProxy(self.edit if on else self.given)
        self.changed.emit()
