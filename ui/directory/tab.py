"""The directory tab (组织与人员): the org tree on the left, three lists on the right, and
the 在职党员 registrations beside the people (the agreements tab's view of them, built when
first shown).

Selecting an org unit narrows every list to it and everything below it. From a person,
在职党员报到 shows their registrations (or registers them); from a registration, 人员信息 opens
the person. The main window's
menu calls ``new_record`` (Ctrl+N), ``focus_search`` (Ctrl+F) and ``delete_selected``
(Delete); the tab itself handles Enter (in the lists) and F2. Every change goes through
``RecordEditor`` onto the undo stack and is announced on the window's change channel, which
is also what refreshes this tab.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from app.changes import Area, Changes
from app.directory.choices import org_unit_path
from app.directory.lists import OrgNode
from app.directory.records import OrgUnitData, PartyOrgData, PersonData, ResidentUnitData
from app.enums import OrgLevel, PartyOrgKind, UnitCategory

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from ui.directory.dialogs.org_unit import CHILD_LEVEL
from ui.directory.editing import RecordEditor
from ui.directory.kinds import ORG_UNIT, PARTY_ORG, PERSON, RESIDENT_UNIT, RecordKind
from ui.directory.org_tree_model import OrgTreeModel
from ui.directory.org_tree_panel import OrgTreePanel
from ui.directory.panels import DirectoryList, party_org_list, person_list, resident_unit_list
from ui.tab import TabContext, TabPage
from ui.widgets.splitter import side_by_side

if TYPE_CHECKING:
    from ui.agreements.members_view import MembersView

PLACES = {OrgLevel.ZONE, OrgLevel.COMMUNITY, OrgLevel.GRID}  # where units and people live
TREE_WIDTH = 250


class DirectoryTab(TabPage):
    shows = frozenset({Area.DIRECTORY})  # the 在职党员 view beside it follows on its own

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.editor = RecordEditor(context, self)
        self.editor.record_saved.connect(self._on_editor_record_saved)

        self.tree_model = OrgTreeModel(context.database, self)
        self.tree = OrgTreePanel(self.tree_model, self)
        self.tree.current_changed.connect(self._on_tree_current_changed)
        self.tree.add_requested.connect(self.new_org_unit)
        self.tree.add_sibling_requested.connect(self.new_sibling_org_unit)
        self.tree.edit_requested.connect(self.edit_org_unit)
        self.tree.delete_requested.connect(self.delete_org_unit)

        self.lists: list[DirectoryList] = [
            resident_unit_list(context.database, self),
            party_org_list(context.database, self),
            person_list(context.database, self),
        ]
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for i, item in enumerate(self.lists):
            self.tabs.addTab(item.panel, item.title)
            item.model.count_changed.connect(partial(self._on_model_count_changed, i))
            item.panel.record_activated.connect(partial(self._on_panel_record_activated, item))
            item.panel.current_changed.connect(self._update_buttons)
        self.members_page = QWidget(self)
        QVBoxLayout(self.members_page).setContentsMargins(0, 4, 0, 0)
        self.members: MembersView | None = None  # built when first shown
        self.tabs.addTab(self.members_page, self.tr("在职党员"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

        self.scope = QLabel(self)
        self.scope.setTextFormat(Qt.TextFormat.PlainText)
        self.new_button = QPushButton(self)
        self.edit_button = QPushButton(self.tr("编辑…"), self)
        self.edit_button.setToolTip(self.tr("打开选中的记录（Enter、双击或 F2）"))
        self.delete_button = QPushButton(self.tr("删除"), self)
        self.delete_button.setToolTip(self.tr("删除选中的记录，先询问（Delete）"))
        self.registrations_button = QPushButton(self.tr("在职党员报到…"), self)
        self.registrations_button.setToolTip(
            self.tr("选中人员在社区的报到记录和服务记录；还没有报到的，登记报到")
        )
        self.registrations_button.clicked.connect(self.show_registrations)
        self.new_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button.clicked.connect(self.delete_record)
        context.lock_writes(
            self.new_button,
            self.delete_button,
            self.tree.add_button,
            self.tree.sibling_button,
            self.tree.delete_button,
        )

        QShortcut(
            QKeySequence(Qt.Key.Key_F2),
            self,
            self.edit_selected,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self._build_layout()
        self.refresh()
        self.follow_changes(context.events)

    def _build_layout(self) -> None:
        actions = QHBoxLayout()
        actions.addWidget(self.scope, 1)
        for button in (self.registrations_button, self.new_button, self.edit_button,
                       self.delete_button):  # fmt: skip
            actions.addWidget(button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.tabs, 1)

        splitter = side_by_side(self, self.tree, right, (TREE_WIDTH, 1000), stretch=(0, 1))
        self.tree.setMinimumWidth(180)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(splitter)

    # TabPage

    def refresh(self) -> None:
        self._reread()
        if self.members is not None:
            self.members.refresh()

    def take_changes(self, changes: Changes, origin: object) -> None:
        if origin is not self:
            self._reread()  # not the members view: it takes the change itself

    def set_in_view(self, in_view: bool) -> None:
        super().set_in_view(in_view)
        if self.members is not None:
            self.members.set_in_view(in_view)

    def _reread(self) -> None:
        """The tree and the three lists, each keeping its selection."""
        self.tree.reload()
        self._apply_tree_filter()
        for item in self.lists:
            kept = item.panel.current_id()
            item.model.reload()
            if kept:
                item.panel.select_id(kept)
        self._update_buttons()

    def new_record(self) -> None:
        """A new record of the list shown, in the org unit selected in the tree."""
        if self.members_shown():
            self.member_view().new_record()
            return
        current = self.current_list()
        self.editor.create(current.kind, self._blank(current))

    def focus_search(self) -> None:
        if self.members_shown():
            self.member_view().focus_search()
            return
        search = self.current_list().panel.search
        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.selectAll()

    def delete_selected(self) -> None:
        """The org unit when the tree has the focus, otherwise the list's selected record."""
        if self._in_tree():
            self.delete_org_unit()
        else:
            self.delete_record()

    def _in_tree(self) -> bool:
        """Whether the user works in the tree (it has the focus and an org unit selected)."""
        return self.tree.view.hasFocus() and self.tree.current_node() is not None

    # lists

    def current_list(self) -> DirectoryList:
        """The list shown; the people while 在职党员 is shown."""
        return self.lists[min(self.tabs.currentIndex(), len(self.lists) - 1)]

    def members_shown(self) -> bool:
        return self.tabs.currentWidget() is self.members_page

    def member_view(self) -> MembersView:
        """The 在职党员 view, built the first time it is asked for."""
        if self.members is None:
            from ui.agreements.members_view import MembersView

            self.members = MembersView(self.context, self.members_page)
            if (page_layout := self.members_page.layout()) is not None:
                page_layout.addWidget(self.members)
            self.members.panel.current_changed.connect(self._update_buttons)
            self.members.model.count_changed.connect(self._on_members_count_changed)
            self._apply_tree_filter()
        return self.members

    def show_registrations(self) -> None:
        """The selected person's 在职党员 registrations (or the form to register them)."""
        person_id = self.list_of(PERSON).panel.current_id()
        if person_id is None:
            return
        self.tabs.setCurrentWidget(self.members_page)
        self.member_view().show_person(person_id)

    def list_of(self, kind: RecordKind) -> DirectoryList:
        return next(item for item in self.lists if item.kind is kind)

    def show_list(self, kind: RecordKind) -> DirectoryList:
        item = self.list_of(kind)
        self.tabs.setCurrentWidget(item.panel)
        return item

    def edit_selected(self) -> None:
        if self._in_tree():
            self.edit_org_unit()
        else:
            self.edit_record()

    def edit_record(self) -> None:
        if self.members_shown():
            self.member_view().open_person()
            return
        current = self.current_list()
        if record_id := current.panel.current_id():
            self.editor.edit(current.kind, record_id)

    def delete_record(self) -> None:
        if self.members_shown():
            self.member_view().delete_selected()
            return
        current = self.current_list()
        if record_id := current.panel.current_id():
            self.editor.delete(current.kind, record_id)

    def _blank(self, current: DirectoryList) -> Any:
        """The new record's preselected values: the tree's org unit, the list's filters."""
        node = self.tree.current_node()
        place = node.id if node is not None and node.level in PLACES else None
        filters = current.model.query.filters
        if current.kind is RESIDENT_UNIT:
            category = filters.get("category")
            return ResidentUnitData(
                name="",
                category=UnitCategory(category) if category else None,  # type: ignore[arg-type]
                org_unit_id=place,
            )
        if current.kind is PARTY_ORG:
            kind = filters.get("kind")
            return PartyOrgData(
                name="",
                kind=PartyOrgKind(kind) if kind else None,  # type: ignore[arg-type]
                org_unit_id=node.id if node is not None else None,
            )
        return PersonData(
            name="",
            org_unit_id=place,
            is_party_member=bool(filters.get("party_members_only")),
            is_grid_worker=bool(filters.get("grid_workers_only")),
        )

    # the tree

    def new_org_unit(self) -> None:
        node = self.tree.current_node()
        level = CHILD_LEVEL[node.level if node is not None else None]
        data = OrgUnitData(name="", level=level, parent_id=node.id if node is not None else None)
        self.editor.create(ORG_UNIT, data)

    def new_sibling_org_unit(self) -> None:
        """A unit beside the one selected: the same level under the same parent."""
        if (node := self.tree.current_node()) is not None:
            self.editor.create(ORG_UNIT, OrgUnitData(name="", level=node.level,
                                                     parent_id=node.parent_id))  # fmt: skip

    def edit_org_unit(self) -> None:
        if (node := self.tree.current_node()) is not None:
            self.editor.edit(ORG_UNIT, node.id)

    def delete_org_unit(self) -> None:
        if (node := self.tree.current_node()) is not None:
            self.editor.delete(ORG_UNIT, node.id)

    def _apply_tree_filter(self) -> None:
        node = self.tree.current_node()
        ids = tuple(sorted(self.tree_model.subtree(node.id))) if node is not None else None
        panels = [item.panel for item in self.lists]
        if self.members is not None:
            panels.append(self.members.panel)
        for panel in panels:
            panel.set_fixed_filter("org_unit_ids", ids)
        self._show_scope(node)

    def _show_scope(self, node: OrgNode | None) -> None:
        if node is None:
            self.scope.setText(self.tr("范围：全部组织"))
        else:
            path = org_unit_path(self.tree_model.nodes, node.id)
            text = self.tr("范围：{path}（含下级）").format(path=path)
            if node.level == OrgLevel.GRID:
                from app.secondments.service import first_community_head  # maps postings

                with self.context.database.reader() as session:
                    head = first_community_head(session, node.id)
                if head is not None:
                    text += self.tr("　第一社长：{name}").format(name=head.person_name)
            self.scope.setText(text)

    # slots

    def _on_tree_current_changed(self, _node_id: object) -> None:
        self._apply_tree_filter()

    def _on_editor_record_saved(self, kind_key: str, record_id: str) -> None:
        if kind_key == ORG_UNIT.key:
            self.tree.select(record_id)
            return
        item = next(i for i in self.lists if i.kind.key == kind_key)
        self.tabs.setCurrentWidget(item.panel)
        item.panel.select_id(record_id)

    def _on_panel_record_activated(self, item: DirectoryList, record_id: str) -> None:
        self.editor.edit(item.kind, record_id)

    def _on_model_count_changed(self, index: int, count: int) -> None:
        title = self.lists[index].title
        self.tabs.setTabText(index, self.tr("{title} ({n})").format(title=title, n=count))

    def _on_tabs_current_changed(self, _index: int) -> None:
        if self.members_shown():
            self.member_view()
        elif self.members is not None:  # one person's registrations are shown till left
            self.members.show_everyone()
        self._update_buttons()

    def _on_members_count_changed(self, count: int) -> None:
        index = self.tabs.indexOf(self.members_page)
        self.tabs.setTabText(index, self.tr("在职党员 ({n})").format(n=count))

    def _update_buttons(self, *_args: object) -> None:
        members = self.members_shown()
        people = self.tabs.currentIndex() == self.lists.index(self.list_of(PERSON))
        self.registrations_button.setVisible(people)
        self.registrations_button.setEnabled(self.list_of(PERSON).panel.current_id() is not None)
        if members:
            has_record = self.member_view().panel.current_id() is not None
            self.new_button.setText(self.tr("报到登记…"))
            self.new_button.setToolTip(self.tr("登记一名在职党员到社区报到（Ctrl+N）"))
            self.edit_button.setText(self.tr("人员信息…"))
            self.edit_button.setToolTip(self.tr("打开选中党员的人员信息（F2）"))
        else:
            has_record = self.current_list().panel.current_id() is not None
            noun = self.current_list().kind.noun_text
            self.new_button.setText(self.tr("新建{noun}…").format(noun=noun))
            self.new_button.setToolTip(self.tr("新建{noun}（Ctrl+N）").format(noun=noun))
            self.edit_button.setText(self.tr("编辑…"))
            self.edit_button.setToolTip(self.tr("打开选中的记录（Enter、双击或 F2）"))
        self.edit_button.setEnabled(has_record)
        self.delete_button.setEnabled(has_record)
