"""Editing a person: contact details, ID number, employer, party membership, grid duty.

Lists mask ID numbers and mobiles; this dialog reads the record itself and shows them in
full, since editing needs the real values.
"""

from __future__ import annotations

from app.database import Database
from app.directory.choices import (
    org_unit_choices,
    party_org_choices,
    resident_unit_choice,
    resident_unit_choices,
)
from app.directory.records import PersonData
from app.enums import Gender, OrgLevel

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit
from ui.directory.dialogs.base import DirectoryDialog
from ui.directory.kinds import PERSON
from ui.widgets.fields import field_row
from ui.widgets.pickers import ChoiceCombo, EnumCombo, LookupEdit, lookup_in

PLACES = (OrgLevel.STREET, OrgLevel.ZONE, OrgLevel.COMMUNITY, OrgLevel.GRID)


class PersonDialog(DirectoryDialog):
    record_kind = PERSON

    def build(self, database: Database, record_id: str | None) -> None:
        self.name = QLineEdit(self)
        self.gender = EnumCombo(list(Gender), parent=self, none_text=self.tr("未填"))
        self.mobile = QLineEdit(self)
        self.mobile.setPlaceholderText(self.tr("11位手机号，例如 13912345678"))
        self.mobile.setMaxLength(20)
        self.id_number = QLineEdit(self)
        self.id_number.setPlaceholderText(self.tr("18位身份证号，末位可为X"))
        self.id_number.setMaxLength(24)
        self.employer = LookupEdit(lookup_in(self._database, resident_unit_choices), self)
        self.post = QLineEdit(self)
        self.post.setPlaceholderText(self.tr("例如 科长、社区书记、网格员"))
        self.org_unit = ChoiceCombo(parent=self)
        self.is_party_member = QCheckBox(self.tr("中共党员"), self)
        self.party_org = ChoiceCombo(parent=self)
        self.party_org.set_placeholder(self.tr("选填：党员所在的党组织"))
        self.is_grid_worker = QCheckBox(self.tr("网格员（所在组织须选一个网格）"), self)
        with database.reader() as session:
            self.org_unit.set_choices(org_unit_choices(session, PLACES))
            self.party_org.set_choices(party_org_choices(session))
        self.note = QPlainTextEdit(self)
        self.note.setFixedHeight(56)

        self.add_row(self.tr("姓名"), self.name, "name")
        self.add_row(self.tr("性别"), self.gender, "gender")
        self.add_row(self.tr("手机"), self.mobile, "mobile")
        self.add_row(self.tr("身份证号"), self.id_number, "id_number")
        self.add_row(self.tr("工作单位"), self.employer, "employer_unit_id")
        self.add_row(self.tr("职务"), self.post, "post")
        self.add_row(self.tr("所在社区网格"), self.org_unit, "org_unit_id")
        flags = field_row(self, self.is_party_member, self.is_grid_worker)
        self.add_row(
            self.tr("身份"),
            flags,
            "is_party_member",
            "is_grid_worker",
            track=[self.is_party_member, self.is_grid_worker],
            focus=self.is_party_member,
        )
        self.add_row(self.tr("所在党组织"), self.party_org, "party_org_id")
        self.add_row(self.tr("备注"), self.note, "note")

    def load(self, data: PersonData) -> None:
        self.name.setText(data.name)
        self.gender.set_value(data.gender)
        self.mobile.setText(data.mobile)
        self.id_number.setText(data.id_number)
        with self._database.reader() as session:
            self.employer.set_choice(resident_unit_choice(session, data.employer_unit_id or ""))
        self.post.setText(data.post)
        self.org_unit.set_value(data.org_unit_id)
        self.is_party_member.setChecked(data.is_party_member)
        self.party_org.set_value(data.party_org_id)
        self.is_grid_worker.setChecked(data.is_grid_worker)
        self.note.setPlainText(data.note)

    def collect(self) -> PersonData:
        return PersonData(
            name=self.name.text(),
            gender=self.gender.value(),
            mobile=self.mobile.text(),
            id_number=self.id_number.text(),
            employer_unit_id=self.picked("employer_unit_id", self.employer),
            org_unit_id=self.picked("org_unit_id", self.org_unit),
            post=self.post.text(),
            is_party_member=self.is_party_member.isChecked(),
            party_org_id=self.picked("party_org_id", self.party_org),
            is_grid_worker=self.is_grid_worker.isChecked(),
            note=self.note.toPlainText(),
        )
