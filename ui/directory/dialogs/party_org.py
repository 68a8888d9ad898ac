"""Editing a party organisation (党委 / 党总支 / 党支部) and what it belongs to."""

from __future__ import annotations

from app.database import Database
from app.directory.choices import (
    org_unit_choices,
    party_org_choices,
    person_choice,
    person_choices,
    resident_unit_choice,
    resident_unit_choices,
)
from app.directory.records import PartyOrgData
from app.enums import PartyOrgKind

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QStackedWidget
from ui.directory.dialogs.base import DirectoryDialog
from ui.directory.kinds import PARTY_ORG
from ui.widgets.pickers import ChoiceCombo, EnumCombo, LookupEdit, lookup_in

OWNED_BY_UNIT, OWNED_BY_ORG = 0, 1


class PartyOrgDialog(DirectoryDialog):
    record_kind = PARTY_ORG

    def build(self, database: Database, record_id: str | None) -> None:
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("例如 中共南京大学委员会、颐和路社区第一党支部"))
        self.kind = EnumCombo(list(PartyOrgKind), self.tr("请选择"), self)
        self.owner_kind = QComboBox(self)
        self.owner_kind.addItem(self.tr("驻区单位"), OWNED_BY_UNIT)
        self.owner_kind.addItem(self.tr("街道、社区或网格"), OWNED_BY_ORG)
        self.resident_unit = LookupEdit(lookup_in(self._database, resident_unit_choices), self)
        self.org_unit = ChoiceCombo(parent=self)
        self.owner = QStackedWidget(self)
        self.owner.addWidget(self.resident_unit)
        self.owner.addWidget(self.org_unit)
        self.owner.setFixedHeight(self.resident_unit.sizeHint().height())
        self.owner_kind.currentIndexChanged.connect(self.owner.setCurrentIndex)
        self.parent_org = ChoiceCombo(parent=self)
        self.parent_org.set_placeholder(self.tr("选填：上级党组织"))
        with database.reader() as session:
            self.org_unit.set_choices(org_unit_choices(session))
            self.parent_org.set_choices(party_org_choices(session, exclude_id=record_id))
        self.secretary = LookupEdit(lookup_in(self._database, person_choices), self)
        self.secretary.setPlaceholderText(self.tr("输入书记姓名中的字，从列表中选择"))
        self.member_count = QSpinBox(self)
        self.member_count.setRange(0, 100000)
        self.member_count.setSuffix(self.tr(" 人"))

        self.add_row(self.tr("党组织名称"), self.name, "name")
        self.add_row(self.tr("类型"), self.kind, "kind")
        self.add_row(self.tr("所属"), self.owner_kind)
        self.add_row(
            self.tr("所属单位"),
            self.owner,
            "resident_unit_id",
            "org_unit_id",
            track=[self.resident_unit, self.org_unit],
        )
        self.add_row(self.tr("上级党组织"), self.parent_org, "parent_id")
        self.add_row(self.tr("书记"), self.secretary, "secretary_id")
        self.add_row(self.tr("党员人数"), self.member_count, "member_count")

    def load(self, data: PartyOrgData) -> None:
        self.name.setText(data.name)
        self.kind.set_value(data.kind)
        owned_by_org = data.org_unit_id is not None
        self.owner_kind.setCurrentIndex(OWNED_BY_ORG if owned_by_org else OWNED_BY_UNIT)
        self.owner.setCurrentIndex(self.owner_kind.currentIndex())
        self.org_unit.set_value(data.org_unit_id)
        with self._database.reader() as session:
            unit = resident_unit_choice(session, data.resident_unit_id or "")
            secretary = person_choice(session, data.secretary_id or "")
        self.resident_unit.set_choice(unit)
        self.parent_org.set_value(data.parent_id)
        self.secretary.set_choice(secretary)
        self.member_count.setValue(data.member_count)

    def collect(self) -> PartyOrgData:
        by_org = self.owner_kind.currentData() == OWNED_BY_ORG
        unit = None if by_org else self.picked("resident_unit_id", self.resident_unit)
        return PartyOrgData(
            name=self.name.text(),
            kind=self.required_choice("kind", self.kind, self.tr("类型")),
            resident_unit_id=unit,
            org_unit_id=self.picked("org_unit_id", self.org_unit) if by_org else None,
            parent_id=self.picked("parent_id", self.parent_org),
            secretary_id=self.picked("secretary_id", self.secretary),
            member_count=self.member_count.value(),
        )
