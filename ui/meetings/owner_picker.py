"""Who carries out an action item: a department or community of the street (org unit), a
resident unit, or a person; one of the three, picked by typing a few characters."""

from __future__ import annotations

from app.database import Database
from app.directory.choices import (
    org_unit_choices,
    person_choice,
    person_choices,
    resident_unit_choice,
    resident_unit_choices,
)
from app.enums import OrgLevel
from app.i18n import QT_TRANSLATE_NOOP

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QStackedWidget, QWidget
from ui.i18n import translate
from ui.widgets.pickers import ChoiceCombo, LookupEdit, lookup_in

ORG_UNIT, UNIT, PERSON = 0, 1, 2
KINDS = (
    QT_TRANSLATE_NOOP("OwnerPicker", "街道科室/社区"),
    QT_TRANSLATE_NOOP("OwnerPicker", "驻区单位"),
    QT_TRANSLATE_NOOP("OwnerPicker", "个人"),
)
OWNERS = (
    OrgLevel.STREET,
    OrgLevel.ZONE,
    OrgLevel.COMMUNITY,
    OrgLevel.GRID,
    OrgLevel.DEPARTMENT,
)


class OwnerPicker(QWidget):
    """Signals:
    changed(): the owner kind or the picked owner changed (as typed, not yet resolved).
    """

    changed = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self.kind = QComboBox(self)
        for text in KINDS:
            self.kind.addItem(translate("OwnerPicker", text))
        self.org_unit = ChoiceCombo(parent=self)
        self.org_unit.set_placeholder(self.tr("例如 城市管理科、宁海路社区"))
        self.unit = LookupEdit(lookup_in(self._database, resident_unit_choices), self)
        self.person = LookupEdit(lookup_in(self._database, person_choices), self)
        self.person.setPlaceholderText(self.tr("输入姓名中的几个字，从列表中选择"))
        self.stack = QStackedWidget(self)
        for widget in (self.org_unit, self.unit, self.person):
            self.stack.addWidget(widget)
        with database.reader() as session:
            self.org_unit.set_choices(org_unit_choices(session, OWNERS))
        self.kind.currentIndexChanged.connect(self.stack.setCurrentIndex)
        self.kind.currentIndexChanged.connect(self.changed)
        self.org_unit.currentIndexChanged.connect(self.changed)
        self.org_unit.editTextChanged.connect(self.changed)
        self.unit.textChanged.connect(self.changed)
        self.person.textChanged.connect(self.changed)
        self.stack.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.stack, 1)

    def current_picker(self) -> ChoiceCombo | LookupEdit:
        return (self.org_unit, self.unit, self.person)[self.kind.currentIndex()]

    def set_owner(
        self, person_id: str | None, unit_id: str | None, org_unit_id: str | None
    ) -> None:
        blocked = [w.blockSignals(True) for w in (self, self.kind)]
        with self._database.reader() as session:
            self.unit.set_choice(resident_unit_choice(session, unit_id) if unit_id else None)
            self.person.set_choice(person_choice(session, person_id) if person_id else None)
        self.org_unit.set_value(org_unit_id)
        kind = PERSON if person_id else UNIT if unit_id else ORG_UNIT
        self.kind.setCurrentIndex(kind)
        self.stack.setCurrentIndex(kind)
        self.kind.blockSignals(blocked[1])
        self.blockSignals(blocked[0])

    def owner(self) -> tuple[str | None, str | None, str | None]:
        """(person, resident unit, org unit) ids: the one picked, the others None."""
        value = self.current_picker().value()
        kind = self.kind.currentIndex()
        return (
            value if kind == PERSON else None,
            value if kind == UNIT else None,
            value if kind == ORG_UNIT else None,
        )

    def is_unmatched(self) -> bool:
        return self.current_picker().is_unmatched()

    def typed_text(self) -> str:
        picker = self.current_picker()
        return picker.currentText() if isinstance(picker, QComboBox) else picker.text()

    def state(self) -> tuple[int, str]:
        return (self.kind.currentIndex(), self.typed_text())
