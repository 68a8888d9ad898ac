"""Editing an org unit: a street, zone, community, grid or department."""

from __future__ import annotations

from app.database import Database
from app.directory.choices import org_unit_choices
from app.directory.records import OrgUnitData
from app.enums import OrgLevel

from PySide6.QtWidgets import QLineEdit
from ui.directory.dialogs.base import DirectoryDialog
from ui.directory.kinds import ORG_UNIT
from ui.widgets.pickers import ChoiceCombo, EnumCombo

# what a new unit under a unit of each level usually is
CHILD_LEVEL = {
    None: OrgLevel.STREET,
    OrgLevel.STREET: OrgLevel.ZONE,
    OrgLevel.ZONE: OrgLevel.COMMUNITY,
    OrgLevel.COMMUNITY: OrgLevel.GRID,
    OrgLevel.GRID: OrgLevel.GRID,
    OrgLevel.DEPARTMENT: OrgLevel.DEPARTMENT,
}


class OrgUnitDialog(DirectoryDialog):
    record_kind = ORG_UNIT

    def build(self, database: Database, record_id: str | None) -> None:
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("例如 颐和路社区、第一网格、城市管理科"))
        self.level = EnumCombo(list(OrgLevel), self.tr("请选择"), self)
        self.parent_unit = ChoiceCombo(parent=self)
        self.parent_unit.set_placeholder(self.tr("不选即为最上级（街道）"))
        with database.reader() as session:
            self.parent_unit.set_choices(org_unit_choices(session, exclude_subtree_of=record_id))
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(self.tr("选填，例如行政区划代码"))

        self.add_row(self.tr("名称"), self.name, "name")
        self.add_row(self.tr("层级"), self.level, "level")
        self.add_row(self.tr("上级"), self.parent_unit, "parent_id")
        self.add_row(self.tr("编码"), self.code, "code")

    def load(self, data: OrgUnitData) -> None:
        self.name.setText(data.name)
        self.level.set_value(data.level)
        self.parent_unit.set_value(data.parent_id)
        self.code.setText(data.code or "")

    def collect(self) -> OrgUnitData:
        return OrgUnitData(
            name=self.name.text(),
            level=self.required_choice("level", self.level, self.tr("层级")),
            parent_id=self.picked("parent_id", self.parent_unit),
            code=self.code.text(),
        )
