"""The signatories of an agreement: the street or communities on one side, resident units or
party branches on the other, two or more in all. Picked by typing part of a name.

Signals:
    changed(): a party was added or removed.
"""

from __future__ import annotations

from app.agreements.records import PartyRef
from app.database import Database
from app.directory.choices import (
    Choice,
    org_unit_choices,
    party_org_choices,
    resident_unit_choices,
)
from app.enums import OrgLevel, PartySide

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import enum_text
from ui.widgets.pickers import ChoiceCombo

PARTY_ROLE = Qt.ItemDataRole.UserRole + 1
UNIT, BRANCH = "unit:", "branch:"  # the partner picker's ids: a resident unit or a party org
ALL_UNITS = 100000


def partner_choices(database: Database) -> list[Choice]:
    with database.reader() as s:
        units = [Choice(UNIT + c.id, c.label) for c in resident_unit_choices(s, "", ALL_UNITS)]
        branches = [Choice(BRANCH + c.id, c.label) for c in party_org_choices(s)]
    return sorted(units, key=lambda c: c.label) + branches


def street_choices(database: Database) -> list[Choice]:
    with database.reader() as s:
        return org_unit_choices(s, (OrgLevel.STREET, OrgLevel.COMMUNITY))


def partner_ref(value: str) -> PartyRef:
    if value.startswith(UNIT):
        return PartyRef(PartySide.PARTNER_SIDE, resident_unit_id=value.removeprefix(UNIT))
    return PartyRef(PartySide.PARTNER_SIDE, party_org_id=value.removeprefix(BRANCH))


class PartiesBox(QWidget):
    changed = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("一方"), self.tr("签约单位")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setMinimumHeight(96)
        self.table.itemSelectionChanged.connect(self._enable)
        self.street = ChoiceCombo(parent=self)
        self.street.set_choices(street_choices(database))
        self.street.set_placeholder(self.tr("街道或社区：输入名称中的几个字"))
        self.add_street_button = QPushButton(self.tr("添加街道社区方"), self)
        self.add_street_button.clicked.connect(self.add_street)
        self.partner = ChoiceCombo(parent=self)  # created in the order Tab follows
        self.partner.set_choices(partner_choices(database))
        self.partner.set_placeholder(self.tr("驻区单位或党支部：输入名称中的几个字"))
        self.add_partner_button = QPushButton(self.tr("添加共建单位方"), self)
        self.add_partner_button.clicked.connect(self.add_partner)
        self.remove_button = QPushButton(self.tr("移除"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.street.line_edit().returnPressed.connect(self.add_street)
        self.partner.line_edit().returnPressed.connect(self.add_partner)
        self.message = QLabel(self)  # a name that matches nothing
        self.message.setObjectName("fieldError")
        self.message.hide()
        pick = QGridLayout()
        pick.addWidget(self.street, 0, 0)
        pick.addWidget(self.add_street_button, 0, 1)
        pick.addWidget(self.partner, 1, 0)
        pick.addWidget(self.add_partner_button, 1, 1)
        pick.addWidget(self.remove_button, 0, 2)
        pick.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(pick)
        layout.addWidget(self.message)
        self._read_only = False
        self._enable()

    def parties(self) -> tuple[PartyRef, ...]:
        return tuple(self._cell(r, 0).data(PARTY_ROLE) for r in range(self.table.rowCount()))

    def names(self) -> list[str]:
        return [self._cell(r, 1).text() for r in range(self.table.rowCount())]

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)  # every row gets both cells in ``_append``
        assert item is not None
        return item

    def set_parties(self, parties: list[tuple[PartyRef, str]]) -> None:
        self.table.setRowCount(0)
        for ref, name in parties:
            self._append(ref, name)
        self._enable()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for widget in (self.street, self.partner, self.add_street_button, self.add_partner_button):
            widget.setVisible(not read_only)
        self._enable()

    def add_street(self) -> None:
        value = self.street.value()
        if value is None:
            self._complain(self.street.currentText())
            return
        self._add(PartyRef(PartySide.STREET_SIDE, org_unit_id=value), self.street)

    def add_partner(self) -> None:
        value = self.partner.value()
        if value is None:
            self._complain(self.partner.currentText())
            return
        self._add(partner_ref(value), self.partner)

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0 and not self._read_only:
            self.table.removeRow(row)
            self.changed.emit()

    def _add(self, ref: PartyRef, picker: ChoiceCombo) -> None:
        self.message.hide()
        if ref in self.parties():
            self.message.setText(
                self.tr("“{name}”已在签约方中。").format(name=picker.currentText())
            )
            self.message.show()
            return
        self._append(ref, picker.currentText())
        picker.set_value(None)
        self.changed.emit()
        self._enable()

    def _append(self, ref: PartyRef, name: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        side = QTableWidgetItem(enum_text(ref.side))
        side.setData(PARTY_ROLE, ref)
        self.table.setItem(row, 0, side)
        self.table.setItem(row, 1, QTableWidgetItem(name))

    def _complain(self, text: str) -> None:
        if text.strip():
            self.message.setText(
                self.tr("没有找到“{text}”。请输入名称中的几个字，再从列表中选择。").format(
                    text=text.strip()
                )
            )
            self.message.show()

    def _enable(self) -> None:
        self.remove_button.setEnabled(not self._read_only and self.table.currentRow() >= 0)
        self.remove_button.setVisible(not self._read_only)
