"""The three lists on the directory tab's right: resident units, party organisations, people."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.database import Database
from app.directory.lists import PartyOrgList, PersonList, ResidentUnitList
from app.enums import PartyOrgKind, UnitCategory
from app.listing import ListSource

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QWidget
from ui.directory.kinds import PARTY_ORG, PERSON, RESIDENT_UNIT, RecordKind
from ui.i18n import enum_text
from ui.models.paged_table import PagedTableModel
from ui.widgets.list_panel import ListPanel


@dataclass
class DirectoryList:
    kind: RecordKind
    title: str
    model: PagedTableModel
    panel: ListPanel


def _make(
    database: Database, kind: RecordKind, source: ListSource, parent: QWidget, empty: str
) -> DirectoryList:
    """The kind's list, titled with its noun; ``empty`` says what to do while it has none."""
    model = PagedTableModel(database, source, parent)
    panel = ListPanel(model, parent)
    panel.set_title(kind.noun_text)
    panel.set_empty_text(empty)
    return DirectoryList(kind, kind.noun_text, model, panel)


def _by_code(panel: ListPanel, key: str, label: str, code: type[StrEnum]) -> None:
    """A filter on ``key`` offering each value of the code by its translated name."""
    panel.add_filter(key, label, [(enum_text(value), value) for value in code])


def resident_unit_list(database: Database, parent: QWidget) -> DirectoryList:
    empty = QCoreApplication.translate(
        "DirectoryLists", "还没有驻区单位。按 Ctrl+N 新建，或从 Excel 导入。"
    )
    result = _make(database, RESIDENT_UNIT, ResidentUnitList(), parent, empty)
    category = QCoreApplication.translate("DirectoryLists", "类别")
    _by_code(result.panel, "category", category, UnitCategory)
    return result


def party_org_list(database: Database, parent: QWidget) -> DirectoryList:
    empty = QCoreApplication.translate(
        "DirectoryLists", "还没有党组织。按 Ctrl+N 新建，选择它所属的驻区单位或社区。"
    )
    result = _make(database, PARTY_ORG, PartyOrgList(), parent, empty)
    kind = QCoreApplication.translate("DirectoryLists", "类型")
    _by_code(result.panel, "kind", kind, PartyOrgKind)
    return result


def person_list(database: Database, parent: QWidget) -> DirectoryList:
    empty = QCoreApplication.translate(
        "DirectoryLists", "还没有人员。按 Ctrl+N 新建，或从 Excel 导入在职党员名单。"
    )
    result = _make(database, PERSON, PersonList(), parent, empty)
    panel = result.panel
    for key, text in (
        ("party_members_only", QCoreApplication.translate("DirectoryLists", "只看党员")),
        ("grid_workers_only", QCoreApplication.translate("DirectoryLists", "只看网格员")),
    ):
        box = QCheckBox(text, panel)
        box.setObjectName(key)
        box.toggled.connect(
            lambda checked, k=key: panel.set_fixed_filter(k, True if checked else None)
        )
        panel.filter_bar.addWidget(box)
    return result
