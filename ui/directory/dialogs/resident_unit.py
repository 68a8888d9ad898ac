"""Editing a resident unit (驻区单位)."""

from __future__ import annotations

from app.database import Database
from app.directory.choices import org_unit_choices
from app.directory.records import ResidentUnitData
from app.enums import OrgLevel, UnitCategory

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from ui.directory.dialogs.base import DirectoryDialog
from ui.directory.kinds import RESIDENT_UNIT
from ui.widgets.pickers import ChoiceCombo, EnumCombo

PLACES = (OrgLevel.STREET, OrgLevel.ZONE, OrgLevel.COMMUNITY, OrgLevel.GRID)


class ResidentUnitDialog(DirectoryDialog):
    record_kind = RESIDENT_UNIT

    def build(self, database: Database, record_id: str | None) -> None:
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("单位全称，例如 江苏省人民检察院"))
        self.category = EnumCombo(list(UnitCategory), self.tr("请选择"), self)
        self.org_unit = ChoiceCombo(parent=self)
        with database.reader() as session:
            self.org_unit.set_choices(org_unit_choices(session, PLACES))
        self.address = QLineEdit(self)
        self.contact_name = QLineEdit(self)
        self.contact_phone = QLineEdit(self)
        self.contact_phone.setPlaceholderText(self.tr("例如 025-83301234 或 13912345678"))
        self.note = QPlainTextEdit(self)
        self.note.setFixedHeight(64)

        self.add_row(self.tr("单位名称"), self.name, "name")
        self.add_row(self.tr("类别"), self.category, "category")
        self.add_row(self.tr("所在社区"), self.org_unit, "org_unit_id")
        self.add_row(self.tr("地址"), self.address, "address")
        self.add_row(self.tr("联系人"), self.contact_name, "contact_name")
        self.add_row(self.tr("联系电话"), self.contact_phone, "contact_phone")
        self.add_row(self.tr("备注"), self.note, "note")

    def load(self, data: ResidentUnitData) -> None:
        self.name.setText(data.name)
        self.category.set_value(data.category)
        self.org_unit.set_value(data.org_unit_id)
        self.address.setText(data.address)
        self.contact_name.setText(data.contact_name)
        self.contact_phone.setText(data.contact_phone)
        self.note.setPlainText(data.note)

    def collect(self) -> ResidentUnitData:
        return ResidentUnitData(
            name=self.name.text(),
            category=self.required_choice("category", self.category, self.tr("类别")),
            org_unit_id=self.picked("org_unit_id", self.org_unit),
            address=self.address.text(),
            contact_name=self.contact_name.text(),
            contact_phone=self.contact_phone.text(),
            note=self.note.toPlainText(),
        )
