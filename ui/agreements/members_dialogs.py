"""The dialogs of the in-service members: 报到登记 (member, employer unit, community, date)
and a service record (date, what was done, hours)."""

from __future__ import annotations

from decimal import Decimal

from app.agreements import members
from app.agreements.members import RegistrationData, ServiceData
from app.database import Database
from app.directory.choices import (
    org_unit_choices,
    person_choice,
    person_choices,
    resident_unit_choice,
    resident_unit_choices,
)
from app.enums import OrgLevel

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from ui.agreements.date_field import date_edit, from_qdate, to_qdate
from ui.agreements.spin_boxes import hours_spin
from ui.widgets.pickers import ChoiceCombo, LookupEdit, lookup_in
from ui.widgets.record_dialog import RecordDialog


class RegistrationDialog(RecordDialog):
    def __init__(
        self, database: Database, data: RegistrationData, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("在职党员报到登记"), parent)
        self._database = database
        self.person = LookupEdit(lookup_in(self._database, person_choices), self)
        self.person.setPlaceholderText(self.tr("输入姓名中的几个字，从列表中选择"))
        self.employer = LookupEdit(lookup_in(self._database, resident_unit_choices), self)
        self.employer.setPlaceholderText(self.tr("党员所在的驻区单位；可不填"))
        self.community = ChoiceCombo(parent=self)
        self.community.set_placeholder(self.tr("党员居住地所在的社区"))
        with database.reader() as session:
            self.community.set_choices(org_unit_choices(session, [OrgLevel.COMMUNITY]))
        self.registered_on = date_edit(self)
        self.person.textChanged.connect(self._on_person_text_changed)
        self.add_row(self.tr("党员"), self.person, "person_id")
        self.add_row(self.tr("工作单位"), self.employer, "employer_unit_id")
        self.add_row(self.tr("报到社区"), self.community, "community_id")
        self.add_row(self.tr("报到日期"), self.registered_on, "registered_on")
        self.finish(data)

    def _on_person_text_changed(self, _text: str) -> None:
        """A member picked while the employer is empty: propose the one the directory has."""
        person_id = self.person.value()
        if person_id is None or self.employer.text().strip():
            return
        with self._database.reader() as session:
            unit_id = members.employer_of(session, person_id)
            unit = resident_unit_choice(session, unit_id) if unit_id else None
        self.employer.set_choice(unit)

    def load(self, data: RegistrationData) -> None:
        with self._database.reader() as session:
            self.person.set_choice(person_choice(session, data.person_id or ""))
            unit = resident_unit_choice(session, data.employer_unit_id or "")
        self.employer.set_choice(unit)
        self.community.set_value(data.community_id)
        if data.registered_on is not None:
            self.registered_on.setDate(to_qdate(data.registered_on))

    def collect(self) -> RegistrationData:
        return RegistrationData(
            person_id=self.picked("person_id", self.person),
            community_id=self.picked("community_id", self.community),
            employer_unit_id=self.picked("employer_unit_id", self.employer),
            registered_on=from_qdate(self.registered_on.date()),
        )


class ServiceDialog(RecordDialog):
    def __init__(self, member: str, data: ServiceData, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("添加服务记录"), parent)
        self.served_on = date_edit(self)
        self.activity = QLineEdit(self)
        self.activity.setPlaceholderText(self.tr("例如 参加社区环境整治志愿服务"))
        self.hours = hours_spin(self, 24)
        self.add_row(self.tr("党员"), QLabel(member, self), track=())
        self.add_row(self.tr("服务日期"), self.served_on, "served_on")
        self.add_row(self.tr("服务内容"), self.activity, "activity")
        self.add_row(self.tr("时长"), self.hours, "hours")
        self.finish(data)

    def load(self, data: ServiceData) -> None:
        if data.served_on is not None:
            self.served_on.setDate(to_qdate(data.served_on))
        self.activity.setText(data.activity)
        self.hours.setValue(float(data.hours))

    def collect(self) -> ServiceData:
        return ServiceData(
            served_on=from_qdate(self.served_on.date()),
            activity=self.activity.text(),
            hours=Decimal(str(round(self.hours.value(), 1))),
        )
