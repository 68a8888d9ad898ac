"""The editor's 议程与议定事项 page: the agenda tree on the left, the selected node's form on
the right.

Add agenda items, decisions under an item and action items under a decision; move any of them
up or down among its siblings (Alt+↑/Alt+↓), delete (Delete). "转为民生事项" asks the dialog
to turn the selected decision or action item into an issue (the dialog saves first, calls the
service and reloads, so the action item then shows the issue's number and status).

Signals:
    issue_requested(object): the decision or action node to turn into an issue.
    status_picked(object): an action node whose status the user changed.
    issue_opened(str): the id of a linked 民生事项 to show.
"""

from __future__ import annotations

import re
from typing import TypeVar

from app.database import Database
from app.meetings.detail import AgendaItemView
from app.meetings.records import AgendaItemData

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from ui.meetings.agenda_forms import ActionForm, AgendaForm, DecisionForm, NodeForm
from ui.meetings.agenda_model import (
    ActionNode,
    AgendaNode,
    AgendaTreeModel,
    DecisionNode,
    ModelIndex,
    Node,
    short,
)
from ui.meetings.basics_page import unmatched
from ui.widgets import palette
from ui.widgets.fields import set_invalid
from ui.widgets.questions import ask
from ui.widgets.splitter import side_by_side

Added = TypeVar("Added", AgendaNode, DecisionNode, ActionNode)
PATH = re.compile(
    r"^agenda\[(\d+)\](?:\.decisions\[(\d+)\](?:\.action_items\[(\d+)\])?)?(?:\.(\w+))?$"
)
TREE_WIDTH = 430


class NumberedDelegate(QStyledItemDelegate):
    """Puts the minutes' numbers (一、（一）) in front of agenda items and decisions."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        super().initStyleOption(option, index)
        model = index.model()
        if isinstance(model, AgendaTreeModel):
            option.text = model.numbered(index)


class AgendaPage(QWidget):
    issue_requested = Signal(object)
    status_picked = Signal(object)
    issue_opened = Signal(str)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AgendaTreeModel(self)
        self.read_only = False
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setItemDelegate(NumberedDelegate(self.tree))
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.model.rowsInserted.connect(lambda parent, *_: self.tree.expand(parent))

        self.add_item_button = QPushButton(self.tr("添加议题"), self)
        self.add_item_button.clicked.connect(self.add_agenda_item)
        self.add_decision_button = QPushButton(self.tr("添加议定事项"), self)
        self.add_decision_button.clicked.connect(self.add_decision)
        self.add_action_button = QPushButton(self.tr("添加工作事项"), self)
        self.add_action_button.clicked.connect(self.add_action)
        self.up_button = QPushButton(self.tr("上移"), self)
        self.up_button.setToolTip(self.tr("上移（Alt+↑）"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(self.tr("下移"), self)
        self.down_button.setToolTip(self.tr("下移（Alt+↓）"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.delete_button = QPushButton(self.tr("删除"), self)
        self.delete_button.setToolTip(self.tr("删除选中的一项（Delete）"))
        self.delete_button.clicked.connect(self.delete_current)
        self.issue_button = QPushButton(self.tr("转为民生事项"), self)
        self.issue_button.setToolTip(
            self.tr("把选中的议定事项或工作事项登记为民生事项，跟踪办理进度")
        )
        self.issue_button.clicked.connect(self._on_issue_button_clicked)
        for key, slot in (
            ("Alt+Up", lambda: self.move_current(-1)),
            ("Alt+Down", lambda: self.move_current(1)),
            ("Delete", self.delete_current),
        ):
            QShortcut(QKeySequence(key), self.tree, slot, context=Qt.ShortcutContext.WidgetShortcut)

        self.agenda_form = AgendaForm(self)
        self.decision_form = DecisionForm(self)
        self.action_form = ActionForm(database, self)
        self.empty = QLabel(
            self.tr("还没有议题。点“添加议题”，再在议题下添加议定事项和工作事项。"), self
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(palette.EMPTY_NOTE)
        self.forms = QStackedWidget(self)
        for widget in (self.empty, self.agenda_form, self.decision_form, self.action_form):
            self.forms.addWidget(widget)
        for form in self._forms():
            form.edited.connect(self._on_form_edited)
        self.action_form.status_picked.connect(self.status_picked)
        self.action_form.issue_opened.connect(self.issue_opened)
        self._build()
        self._update_buttons()

    def _build(self) -> None:
        buttons = QGridLayout()
        for column, button in enumerate(
            (self.add_item_button, self.add_decision_button, self.add_action_button)
        ):
            buttons.addWidget(button, 0, column)
        for column, button in enumerate((self.up_button, self.down_button, self.delete_button)):
            buttons.addWidget(button, 1, column)
        buttons.addWidget(self.issue_button, 2, 0, 1, 3)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addLayout(buttons)
        splitter = side_by_side(self, left, self.forms, (TREE_WIDTH, 700), stretch=(0, 1))
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _forms(self) -> list[NodeForm]:
        return [self.agenda_form, self.decision_form, self.action_form]

    # loading and reading back

    def load(self, agenda: tuple[AgendaItemView, ...], keep: tuple[int, ...] = ()) -> None:
        """Shows the agenda; ``keep`` is the path of the node to select again (after a save)."""
        self.model.set_agenda(agenda)
        self.tree.expandAll()
        node = self.model.node_at(keep) if keep else None
        if node is None and self.model.items:
            node = self.model.items[0]
        self.select(node)

    def content(self) -> tuple[AgendaItemData, ...]:
        """The agenda as entered; ValidationError at an owner that names no record."""
        for i, item in enumerate(self.model.items):
            for j, decision in enumerate(item.decisions):
                for k, action in enumerate(decision.actions):
                    if action.owner_typed:
                        path = f"agenda[{i}].decisions[{j}].action_items[{k}].owner_person_id"
                        raise unmatched(path, action.owner_typed)
        return self.model.content()

    def current_node(self) -> Node | None:
        return self.model.node(self.tree.currentIndex())

    def current_path(self) -> tuple[int, ...]:
        return self.model.path_of(self.current_node())

    def select(self, node: Node | None) -> None:
        index = self.model.index_of(node)
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        if index.isValid():
            self.tree.scrollTo(index)
        else:
            self._show_form(None)

    # editing the tree

    def add_agenda_item(self) -> AgendaNode:
        return self._show_new(self.model.add_agenda_item(), self.agenda_form.title)

    def add_decision(self) -> DecisionNode | None:
        item = self._nearest(AgendaNode)
        if item is None:
            return None
        node = self.model.add_decision(item)  # type: ignore[arg-type]
        return self._show_new(node, self.decision_form.text)

    def add_action(self) -> ActionNode | None:
        decision = self._nearest(DecisionNode)
        if decision is None:
            return None
        node = self.model.add_action(decision)  # type: ignore[arg-type]
        node.due_on = self.action_form.default_due()
        return self._show_new(node, self.action_form.description)

    def _show_new(self, node: Added, first: QWidget) -> Added:
        """Selects the node just added, the cursor in its ``first`` field."""
        self.select(node)
        first.setFocus()
        return node

    def _nearest(self, kind: type) -> Node | None:
        """The selected node or its ancestor of ``kind``."""
        node: object = self.current_node()
        while node is not None and not isinstance(node, kind):
            node = getattr(node, "parent", None)
        return node  # type: ignore[return-value]

    def move_current(self, delta: int) -> bool:
        node = self.current_node()
        if node is None or self.read_only or not self.model.move(node, delta):
            return False
        self.select(node)
        return True

    def delete_current(self) -> None:
        node = self.current_node()
        if node is None or self.read_only:
            return
        if not self._confirm_delete(node):
            return
        siblings = self.model.siblings(node)
        row = siblings.index(node)
        parent = getattr(node, "parent", None)
        self.model.remove(node)
        self.select(siblings[min(row, len(siblings) - 1)] if siblings else parent)

    def _confirm_delete(self, node: Node) -> bool:
        if isinstance(node, AgendaNode) and node.decisions:
            text = self.tr("删除议题“{title}”及其下的 {n} 项议定事项吗？").format(
                title=short(node.title, 20), n=len(node.decisions)
            )
        elif isinstance(node, DecisionNode) and node.actions:
            text = self.tr("删除议定事项“{text}”及其下的 {n} 项工作事项吗？").format(
                text=short(node.text, 20), n=len(node.actions)
            )
        elif isinstance(node, ActionNode) and node.issue_id:
            text = self.tr("这项工作事项已转为民生事项 {number}。仍要删除吗？").format(
                number=node.issue_number or ""
            )
        else:
            return True
        return ask(self, self.tr("删除"), text)

    # forms

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_form(self.model.node(current))
        self._update_buttons()

    def _show_form(self, node: Node | None) -> None:
        for form in self._forms():
            form.errors.clear()
        if isinstance(node, AgendaNode):
            self.agenda_form.load(node)
            self.forms.setCurrentWidget(self.agenda_form)
        elif isinstance(node, DecisionNode):
            self.decision_form.load(node)
            self.forms.setCurrentWidget(self.decision_form)
        elif isinstance(node, ActionNode):
            self.action_form.load(node)
            self.forms.setCurrentWidget(self.action_form)
        else:
            self.forms.setCurrentWidget(self.empty)

    def _on_form_edited(self, node: Node) -> None:
        self.model.node_changed(node)
        if isinstance(node, ActionNode) and node.parent is not None:
            self.model.node_changed(node.parent)

    def _update_buttons(self) -> None:
        node = self.current_node()
        editable = not self.read_only
        self.add_item_button.setEnabled(editable)
        self.add_decision_button.setEnabled(editable and node is not None)
        self.add_action_button.setEnabled(editable and not isinstance(node, AgendaNode | None))
        for button in (self.up_button, self.down_button, self.delete_button):
            button.setEnabled(editable and node is not None)
        self.issue_button.setEnabled(self._can_raise_issue(node))

    @staticmethod
    def _can_raise_issue(node: Node | None) -> bool:
        if isinstance(node, ActionNode):
            return node.issue_id is None
        if isinstance(node, DecisionNode):
            return not node.actions or any(a.issue_id is None for a in node.actions)
        return False

    def _on_issue_button_clicked(self) -> None:
        node = self.current_node()
        if self._can_raise_issue(node):
            self.issue_requested.emit(node)

    # errors

    def has_field(self, key: str) -> bool:
        return PATH.match(key) is not None

    def show_error(self, key: str, text: str, *, focus: bool = True) -> bool:
        """Selects the node the error is about and shows it under the field concerned."""
        match = PATH.match(key)
        if match is None:
            return False
        path = tuple(int(g) for g in match.groups()[:3] if g is not None)
        field = match.group(4) or ""
        node = self.model.node_at(path)
        if node is None:
            return False
        if len(self.model.path_of(node)) < len(path):  # the action item is not there yet
            field = "action_items"
        self.select(node)
        form = self.forms.currentWidget()
        assert isinstance(form, NodeForm)
        if not form.errors.show(field, text, focus=focus):
            fallback = next(k for k in ("title", "text", "description") if form.errors.has(k))
            form.errors.show(fallback, text, focus=focus)
        set_invalid(self.tree, True)
        return True

    def error_text(self) -> str:
        form = self.forms.currentWidget()
        if not isinstance(form, NodeForm):
            return ""
        keys = ("title", "notes", "text", "action_items", "description", "owner_unit_id")
        return "\n".join(t for key in keys if (t := form.errors.text(key)))

    def clear_errors(self) -> None:
        for form in self._forms():
            form.errors.clear()
        set_invalid(self.tree, False)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.agenda_form.set_read_only(read_only)
        self.decision_form.set_read_only(read_only)
        self.action_form.set_read_only(read_only)
        self._update_buttons()
