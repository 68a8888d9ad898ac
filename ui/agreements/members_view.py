"""In-service party members (在职党员到社区报到).

Left: the registrations as a paged list, filtered by community and employer unit, searched by
the member's or the unit's name. Right: how many registered — with the street, per community
and per employer unit (double-click one to filter the list by it) — and the selected member's
service records. Ctrl+N registers a member; 添加服务记录 records a service; Delete asks, then
removes the selected registration or, from the service list, the service record (undo brings
either back); 人员信息 opens the member in the directory's person form. The view lives in the
agreements tab and, with the people, in the directory tab (``show_person`` shows one person's
registrations there). Every change is announced on the window's change channel.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.agreements import members
from app.agreements.member_list import MemberList
from app.agreements.members import RegistrationData, ServiceData

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from ui.agreements.members_dialogs import RegistrationDialog, ServiceDialog
from ui.agreements.members_model import CountModel, ServiceModel
from ui.agreements.removal_commands import RemoveRegistrationCommand, RemoveServiceCommand
from ui.agreements.view_base import ListView
from ui.directory.editing import RecordEditor
from ui.directory.kinds import PERSON
from ui.models.paged_table import PagedTableModel
from ui.tab import TabContext
from ui.widgets.list_panel import ListPanel
from ui.widgets.questions import ask
from ui.widgets.splitter import side_by_side
from ui.widgets.tables import read_only_view

TOTAL_STYLE = "font-size: 15px; font-weight: bold;"


def small_table(model: Any, parent: QWidget, stretch: int = 0) -> QTableView:
    table = read_only_view(model, parent, stretch=stretch, alternate=True)
    table.verticalHeader().setDefaultSectionSize(24)
    return table


class MembersView(ListView):
    def __init__(
        self, context: TabContext, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(context, parent, today=today)

        self.model = PagedTableModel(self.database, MemberList(), self)
        self.panel = ListPanel(self.model, self)
        self.panel.set_title(self.tr("在职党员报到"))
        self.panel.set_empty_text(self.tr("还没有在职党员报到。按 Ctrl+N 登记报到。"))
        self.community_filter = self.panel.add_filter("community", self.tr("社区"), [])
        self.employer_filter = self.panel.add_filter("employer", self.tr("工作单位"), [])
        for combo in (self.community_filter, self.employer_filter):
            combo.setMaximumWidth(150)
        self.new_button = QPushButton(self.tr("报到登记…"), self)
        self.new_button.setToolTip(self.tr("登记一名在职党员到社区报到（Ctrl+N）"))
        self.new_button.setMinimumWidth(self.new_button.sizeHint().width())
        self.panel.filter_bar.addWidget(self.new_button)
        self.remove_button = QPushButton(self.tr("移除报到…"), self)
        self.remove_button.setToolTip(self.tr("移除选中党员的报到登记（Delete），可撤销"))
        self.panel.filter_bar.addWidget(self.remove_button)

        self.total = QLabel(self)
        self.total.setStyleSheet(TOTAL_STYLE)
        self.by_community = CountModel(self)
        self.by_unit = CountModel(self)
        self.community_table = small_table(self.by_community, self)
        self.unit_table = small_table(self.by_unit, self)
        self.counts = QTabWidget(self)
        self.counts.addTab(self.community_table, self.tr("按社区"))
        self.counts.addTab(self.unit_table, self.tr("按工作单位"))
        self.member = QLabel(self)
        self.member.setWordWrap(True)
        self.services = ServiceModel(self)
        self.service_table = small_table(self.services, self, stretch=1)
        self.remove_service_button = QPushButton(self.tr("删除服务记录"), self)
        self.remove_service_button.setToolTip(self.tr("删除选中的服务记录（Delete）"))
        self.service_button = QPushButton(self.tr("添加服务记录…"), self)
        self.person_button = QPushButton(self.tr("人员信息…"), self)
        self.person_button.setToolTip(self.tr("打开选中党员的人员信息（组织与人员）"))
        self._person_editor: RecordEditor | None = None

        self.new_button.clicked.connect(self.new_record)
        context.lock_writes(
            self.new_button, self.remove_button, self.service_button, self.remove_service_button
        )
        self.service_button.clicked.connect(self.add_service)
        self.person_button.clicked.connect(self.open_person)
        self.remove_service_button.clicked.connect(self.remove_service)
        self.remove_button.clicked.connect(self.remove_registration)
        self.service_table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.panel.current_changed.connect(self._on_panel_current_changed)
        self.panel.record_activated.connect(lambda _id: self.add_service())
        self.community_table.doubleClicked.connect(
            lambda index: self._filter_by(self.community_filter, self.by_community, index)
        )
        self.unit_table.doubleClicked.connect(
            lambda index: self._filter_by(self.employer_filter, self.by_unit, index)
        )
        self._build_layout()
        self.refresh()

    def _build_layout(self) -> None:
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        side_layout.addWidget(self.total)
        side_layout.addWidget(self.counts, 3)
        side_layout.addWidget(self.member)
        side_layout.addWidget(self.service_table, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.person_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_service_button)
        buttons.addWidget(self.service_button)
        side_layout.addLayout(buttons)
        splitter = side_by_side(self, self.panel, side, (860, 500))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # the view's interface

    def refresh(self) -> None:
        kept = self.panel.current_id()
        with self.database.reader() as session:
            totals = members.street_totals(session)
            by_community = members.counts_by_community(session)
            by_unit = members.counts_by_unit(session)
        self.total.setText(
            "　".join(
                self.tr("{street}报到在职党员 {count} 人").format(street=name, count=f"{count:,}")
                for name, count in totals
            )
            or self.tr("还没有在职党员报到")
        )
        self.by_community.set_rows(by_community)
        self.by_unit.set_rows(by_unit)
        self._fill_filter(self.community_filter, by_community)
        self._fill_filter(self.employer_filter, [c for c in by_unit if c.id is not None])
        self.model.reload()
        if not (kept and self.panel.select_id(kept)) and self.model.rowCount():
            self.panel.table.selectRow(0)
        self._show_member(self.panel.current_id())
        self._ready = True

    def new_record(self) -> None:
        community = self.community_filter.currentData()
        data = RegistrationData(community_id=community, registered_on=self.today)
        dialog = RegistrationDialog(self.database, data, self)
        dialog.set_saver(self._register)
        self._open(dialog)

    def show_person(self, person_id: str) -> None:
        """Shows the person's registrations only, the first selected; a person not yet
        registered gets the registration form with their name filled in (a viewer, the
        empty list)."""
        self.panel.set_fixed_filter("person", person_id)
        if self.model.rowCount():
            self.panel.table.selectRow(0)
            return
        if not self.database.operator.may_edit:
            return
        with self.database.reader() as session:
            employer = members.employer_of(session, person_id)
        data = RegistrationData(
            person_id=person_id,
            community_id=self.community_filter.currentData(),
            employer_unit_id=employer,
            registered_on=self.today,
        )
        dialog = RegistrationDialog(self.database, data, self)
        dialog.set_saver(self._register)
        self._open(dialog)

    def show_everyone(self) -> None:
        """Back from ``show_person`` to every registration."""
        self.panel.set_fixed_filter("person", None)

    def open_person(self) -> None:
        """The selected member's person form, as the directory opens it."""
        registration_id = self.panel.current_id()
        if registration_id is None:
            return
        with self.database.reader() as session:
            person_id = members.person_of(session, registration_id)
        if self._person_editor is None:
            self._person_editor = RecordEditor(self.context, self)
        self._person_editor.edit(PERSON, person_id)

    # editing

    def add_service(self) -> None:
        registration_id = self.panel.current_id()
        if registration_id is None:
            return
        dialog = ServiceDialog(self._member_name(), ServiceData(served_on=self.today), self)

        def save(data: ServiceData) -> str:
            with self.database.session() as session:
                service_id = members.add_service(session, registration_id, data)
            self._changed()
            return service_id

        dialog.set_saver(save)
        self._open(dialog)

    def delete_selected(self) -> bool:
        """Delete: the selected service record when the service list has the focus, else the
        selected registration. True when something was removed."""
        if self.service_table.hasFocus() and self._current_service() is not None:
            return self.remove_service()
        return self.remove_registration()

    def remove_registration(self) -> bool:
        """Asks (default No), then removes the selected registration; undo restores it."""
        registration_id = self.panel.current_id()
        row = self.model.row_at(self.panel.table.currentIndex().row())
        if registration_id is None or row is None:
            return False
        name = self._member_name()
        if not ask(
            self,
            self.tr("移除报到"),
            self.tr(
                "移除{member}的报到登记吗？\n移除后不再计入报到人数，可用“撤销”（Ctrl+Z）恢复。"
            ).format(member=name),
        ):
            return False
        if not self._run(lambda s: members.remove_registration(s, registration_id, row.version)):
            return False
        self.context.undo_stack.push(
            RemoveRegistrationCommand(registration_id, name, self.database, self.context.events)
        )
        return True

    def remove_service(self) -> bool:
        """Asks (default No), then deletes the selected service record; undo records it
        again."""
        registration_id = self.panel.current_id()
        service = self._current_service()
        if registration_id is None or service is None:
            return False
        if not ask(
            self,
            self.tr("删除服务记录"),
            self.tr("删除{day}的服务记录“{activity}”吗？").format(
                day=service.served_on.isoformat(), activity=service.activity
            ),
        ):
            return False
        removed: list[ServiceData] = []
        if not self._run(lambda s: removed.append(members.remove_service(s, service.id))):
            return False
        self.context.undo_stack.push(
            RemoveServiceCommand(
                service.id, registration_id, removed[0], self.database, self.context.events
            )
        )
        return True

    def _register(self, data: RegistrationData) -> str:
        with self.database.session() as session:
            registration_id = members.register_member(session, data)
        self._changed()
        self.panel.select_id(registration_id)
        return registration_id

    # showing

    def _fill_filter(self, combo: QComboBox, counts: list[members.MemberCount]) -> None:
        kept = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:  # the first item is "all"
            combo.removeItem(1)
        for count in counts:
            combo.addItem(count.name, count.id)
        combo.setCurrentIndex(max(0, combo.findData(kept)) if kept else 0)
        combo.blockSignals(False)

    def _member_name(self) -> str:
        found = self.model.row_at(self.panel.table.currentIndex().row())
        if found is None:
            return ""
        source = self.model.source
        person = found.values[source.column_index("person")]
        community = found.values[source.column_index("community")]
        return self.tr("{person}（{community}）").format(person=person, community=community)

    def _current_service(self) -> members.ServiceView | None:
        return self.services.row_at(self.service_table.currentIndex().row())

    def _enable(self) -> None:
        chosen = self.panel.current_id() is not None
        self.service_button.setEnabled(chosen)
        self.person_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.remove_service_button.setEnabled(chosen and self._current_service() is not None)

    def _show_member(self, registration_id: str | None) -> None:
        self._enable()
        if registration_id is None:
            self.member.setText(self.tr("选择一名党员，这里显示其服务记录。"))
            self.services.set_rows([])
            self._enable()
            return
        with self.database.reader() as session:
            found = members.services_of(session, registration_id)
        hours = sum((s.hours for s in found), start=0)
        self.member.setText(
            self.tr("{member}：服务 {count} 次，共 {hours} 小时").format(
                member=self._member_name(), count=len(found), hours=f"{hours:.1f}"
            )
        )
        self.services.set_rows(found)
        self._enable()

    # plumbing

    def _filter_by(self, combo: QComboBox, model: CountModel, index: QModelIndex) -> None:
        count = model.row_at(index.row())
        if count is not None and count.id is not None:
            combo.setCurrentIndex(max(0, combo.findData(count.id)))

    # slots

    def _on_panel_current_changed(self, registration_id: object) -> None:
        self._show_member(registration_id if isinstance(registration_id, str) else None)
