"""The dialogs of the three lists: raising an entry, and the steps 认领 / 开始实施 / 完成.

A need is raised by a community and claimed by a resident unit, a resource the other way
round; a project may be raised by either and is claimed by the other side. So the party
field shows the community picker or the unit picker as the list and the raiser require.
"""

from __future__ import annotations

from datetime import date

from app.agreements.claims import ListEntryData
from app.database import Database
from app.directory.choices import org_unit_choices, resident_unit_choices
from app.enums import ListKind, OrgLevel

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QWidget,
)
from ui.agreements.date_field import date_edit, from_qdate, to_qdate
from ui.widgets.pickers import ChoiceCombo, EnumCombo, LookupEdit, lookup_in
from ui.widgets.record_dialog import RecordDialog

COMMUNITY, UNIT = 0, 1
PARTY_LEVELS = (OrgLevel.STREET, OrgLevel.ZONE, OrgLevel.COMMUNITY)


class PartyPicker(QWidget):
    """A community (or the street) or a resident unit, picked by typing a few characters."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self.side = QComboBox(self)
        self.side.addItems([self.tr("社区"), self.tr("驻区单位")])
        self.community = ChoiceCombo(parent=self)
        self.community.set_placeholder(self.tr("输入社区名称中的几个字"))
        self.unit = LookupEdit(lookup_in(self._database, resident_unit_choices), self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.community)
        self.stack.addWidget(self.unit)
        with database.reader() as session:
            self.community.set_choices(org_unit_choices(session, PARTY_LEVELS))
        self.side.currentIndexChanged.connect(self.stack.setCurrentIndex)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.side)
        layout.addWidget(self.stack, 1)

    def set_side(self, side: int, *, fixed: bool) -> None:
        self.side.setCurrentIndex(side)
        self.side.setEnabled(not fixed)

    def picker(self) -> ChoiceCombo | LookupEdit:
        return self.community if self.side.currentIndex() == COMMUNITY else self.unit

    def ids(self, dialog: RecordDialog, key: str) -> tuple[str | None, str | None]:
        """(org unit, resident unit) ids: the one picked, the other None."""
        value = dialog.picked(key, self.picker())
        return (value, None) if self.side.currentIndex() == COMMUNITY else (None, value)


class EntryDialog(RecordDialog):
    """提出: a new entry of one of the three lists."""

    def __init__(
        self,
        database: Database,
        data: ListEntryData,
        categories: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("提出清单"), parent)
        self.list_kind = EnumCombo(list(ListKind), self.tr("请选择"), self)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("例如 老旧小区加装电梯政策宣讲"))
        self.category = QComboBox(self)
        self.category.setEditable(True)
        self.category.addItems(["", *categories])
        if (edit := self.category.lineEdit()) is not None:
            edit.setPlaceholderText(self.tr("选择或输入类别，匹配按类别进行"))
        self.raised_by = PartyPicker(database, self)
        self.raised_on = date_edit(self)
        self.description = QPlainTextEdit(self)
        self.description.setFixedHeight(72)
        self.description.setTabChangesFocus(True)
        self.add_row(self.tr("清单"), self.list_kind, "list_kind")
        self.add_row(self.tr("名称"), self.title, "title")
        self.add_row(self.tr("类别"), self.category, "category")
        self.add_row(
            self.tr("提出方"),
            self.raised_by,
            "raised_by",
            track=[self.raised_by.side, self.raised_by.community, self.raised_by.unit],
            focus=self.raised_by.stack,
        )
        self.add_row(self.tr("提出日期"), self.raised_on, "raised_on")
        self.add_row(self.tr("说明"), self.description, "description")
        self.list_kind.currentIndexChanged.connect(self._on_list_kind_current_index_changed)
        self.finish(data)

    def _on_list_kind_current_index_changed(self, _index: int) -> None:
        kind = self.list_kind.value()
        if kind is ListKind.NEED:
            self.raised_by.set_side(COMMUNITY, fixed=True)
        elif kind is ListKind.RESOURCE:
            self.raised_by.set_side(UNIT, fixed=True)
        else:
            self.raised_by.side.setEnabled(True)

    def load(self, data: ListEntryData) -> None:
        self.list_kind.set_value(data.list_kind)
        self.title.setText(data.title)
        self.category.setCurrentText(data.category)
        self.raised_by.community.set_value(data.raised_by_org_unit_id)
        if data.raised_on is not None:
            self.raised_on.setDate(to_qdate(data.raised_on))
        self.description.setPlainText(data.description)
        self._on_list_kind_current_index_changed(0)

    def collect(self) -> ListEntryData:
        org_unit, unit = self.raised_by.ids(self, "raised_by")
        return ListEntryData(
            list_kind=self.list_kind.value(),
            title=self.title.text(),
            description=self.description.toPlainText(),
            category=self.category.currentText(),
            raised_by_org_unit_id=org_unit,
            raised_by_unit_id=unit,
            raised_on=from_qdate(self.raised_on.date()),
        )


class StepDialog(RecordDialog):
    """认领, 开始实施 or 完成 of an entry: the date, and for 认领 who claims it (the side
    opposite the one that raised it)."""

    def __init__(
        self,
        database: Database,
        title: str,
        entry_title: str,
        on: date,
        *,
        claimant_side: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.claimant: PartyPicker | None = None
        self.add_row(self.tr("清单条目"), QLabel(entry_title, self), track=())
        if claimant_side is not None:
            self.claimant = PartyPicker(database, self)
            self.claimant.set_side(claimant_side, fixed=True)
            picker = self.claimant.picker()
            self.add_row(self.tr("认领方"), self.claimant, "claimer", track=[picker], focus=picker)
        self.on = date_edit(self)
        self.add_row(self.tr("日期"), self.on, "on")
        self.finish(on)

    def load(self, data: date) -> None:
        self.on.setDate(to_qdate(data))

    def collect(self) -> tuple[date, str | None, str | None]:
        """(the date, the claiming org unit, the claiming resident unit)."""
        org_unit, unit = self.claimant.ids(self, "claimer") if self.claimant else (None, None)
        return from_qdate(self.on.date()), org_unit, unit
