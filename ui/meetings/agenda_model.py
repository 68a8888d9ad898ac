"""The agenda as a tree: agenda items (议题) → decisions (议定事项) → action items (工作事项).

The tree holds the editor's working copy as plain nodes; the forms beside it edit a node's
fields and call ``node_changed``; ``content()`` gives back the service's dataclasses in the
order shown, with the ids the rows were read with (so an action item turned into an issue keeps
its link). Items are numbered the way the minutes print them: 一、 and （一）.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from app.enums import ActionStatus, IssueStatus
from app.exports.pdf.text import level1, level2
from app.i18n import QT_TRANSLATE_NOOP
from app.meetings.detail import ActionItemView, AgendaItemView
from app.meetings.records import ActionItemData, AgendaItemData, DecisionData

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from ui.i18n import enum_text, translate
from ui.widgets import palette

ModelIndex = QModelIndex | QPersistentModelIndex
SHORT = 40
CONTEXT = "AgendaModel"
UNTITLED = QT_TRANSLATE_NOOP("AgendaModel", "（未填写议题）")
NO_TEXT = QT_TRANSLATE_NOOP("AgendaModel", "（未填写议定事项）")
NO_OWNER = QT_TRANSLATE_NOOP("AgendaModel", "未定责任方")
DONE_COLOUR = QColor("#777777")
MISSING_COLOUR = QColor(palette.ERROR_RED)


def short(text: str, limit: int = SHORT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@dataclass(eq=False)
class ActionNode:
    description: str = ""
    owner_person_id: str | None = None
    owner_unit_id: str | None = None
    owner_org_unit_id: str | None = None
    owner_label: str = ""
    due_on: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    issue_id: str | None = None
    issue_number: str | None = None
    issue_status: IssueStatus | None = None
    id: str | None = None
    parent: DecisionNode | None = field(default=None, repr=False)
    owner_typed: str = ""  # text in the owner field that names no record (yet)

    @classmethod
    def of(cls, view: ActionItemView) -> ActionNode:
        return cls(
            view.description,
            view.owner_person_id,
            view.owner_unit_id,
            view.owner_org_unit_id,
            view.owner,
            view.due_on,
            view.status,
            view.issue_id,
            view.issue_number,
            view.issue_status,
            view.id or None,
        )

    def data(self) -> ActionItemData:
        return ActionItemData(
            self.description,
            self.owner_person_id,
            self.owner_unit_id,
            self.owner_org_unit_id,
            self.due_on,
            self.status,
            self.issue_id,
            self.id,
        )

    @property
    def has_owner(self) -> bool:
        return any((self.owner_person_id, self.owner_unit_id, self.owner_org_unit_id))

    def label(self) -> str:
        parts = [self.owner_label or translate(CONTEXT, NO_OWNER)]
        if self.due_on is not None:
            parts.append(translate("AgendaModel", "{date}前").format(date=self.due_on.isoformat()))
        parts.append(enum_text(self.status))
        if self.issue_number:
            status = enum_text(self.issue_status) if self.issue_status else ""
            parts.append(f"{self.issue_number} {status}".strip())
        if self.description:
            parts.append(short(self.description, 24))
        return " · ".join(parts)


@dataclass(eq=False)
class DecisionNode:
    text: str = ""
    actions: list[ActionNode] = field(default_factory=list)
    id: str | None = None
    parent: AgendaNode | None = field(default=None, repr=False)

    def data(self) -> DecisionData:
        return DecisionData(self.text, 0, tuple(a.data() for a in self.actions), self.id)


@dataclass(eq=False)
class AgendaNode:
    title: str = ""
    notes: str = ""
    decisions: list[DecisionNode] = field(default_factory=list)
    id: str | None = None
    carried: tuple[str, ...] = ()  # earlier decisions brought back (read only)

    @classmethod
    def of(cls, view: AgendaItemView) -> AgendaNode:
        node = cls(view.title, view.notes, id=view.id or None, carried=view.carried)
        for d in view.decisions:
            decision = DecisionNode(d.text, id=d.id or None, parent=node)
            decision.actions = [ActionNode.of(a) for a in d.action_items]
            for action in decision.actions:
                action.parent = decision
            node.decisions.append(decision)
        return node

    def data(self, position: int) -> AgendaItemData:
        return AgendaItemData(
            self.title, self.notes, position, tuple(d.data() for d in self.decisions), self.id
        )


Node = AgendaNode | DecisionNode | ActionNode
Child = TypeVar("Child", AgendaNode, DecisionNode, ActionNode)


class AgendaTreeModel(QAbstractItemModel):
    """Indexes carry an integer key of their node, never a pointer to it: a view may hold on
    to an index of a node already gone (after a reload), and a key then finds nothing."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[AgendaNode] = []
        self._nodes: dict[int, Node] = {}
        self._keys: dict[int, int] = {}  # id(node) → key
        self._next_key = 1

    def _key(self, node: Node) -> int:
        key = self._keys.get(id(node))
        if key is None or self._nodes.get(key) is not node:
            key = self._next_key
            self._next_key += 1
            self._keys[id(node)] = key
            self._nodes[key] = node
        return key

    def _forget_all(self) -> None:
        self._nodes.clear()
        self._keys.clear()

    # the content

    def set_agenda(self, views: tuple[AgendaItemView, ...] | list[AgendaItemView]) -> None:
        self.beginResetModel()
        self._forget_all()
        self.items = [AgendaNode.of(view) for view in views]
        self.endResetModel()

    def content(self) -> tuple[AgendaItemData, ...]:
        return tuple(item.data(i) for i, item in enumerate(self.items))

    def state(self) -> tuple[Any, ...]:
        """Everything entered, for telling whether anything changed."""
        return tuple(
            (
                item.title,
                item.notes,
                item.id,
                tuple((d.text, d.id, tuple(vars_of(a) for a in d.actions)) for d in item.decisions),
            )
            for item in self.items
        )

    # nodes and indexes

    def node(self, index: ModelIndex) -> Node | None:
        if not index.isValid() or index.model() is not self:
            return None
        return self._nodes.get(index.internalId())

    def siblings(self, node: Node) -> list[Any]:
        if isinstance(node, AgendaNode):
            return self.items
        if isinstance(node, DecisionNode):
            assert node.parent is not None
            return node.parent.decisions
        assert node.parent is not None
        return node.parent.actions

    def index_of(self, node: Node | None) -> QModelIndex:
        if node is None:
            return QModelIndex()
        return self.createIndex(self.siblings(node).index(node), 0, self._key(node))

    def path_of(self, node: Node | None) -> tuple[int, ...]:
        """The node's place as indexes (agenda, decision, action), which survive a reload."""
        path: list[int] = []
        current: Any = node
        while current is not None:
            path.insert(0, self.siblings(current).index(current))
            current = getattr(current, "parent", None)
        return tuple(path)

    def node_at(self, path: tuple[int, ...] | list[int]) -> Node | None:
        """The deepest node that exists along ``path``."""
        children: list[Any] = self.items
        found: Node | None = None
        for i in path:
            if not 0 <= i < len(children):
                break
            found = children[i]
            if isinstance(found, AgendaNode):
                children = found.decisions
            elif isinstance(found, DecisionNode):
                children = found.actions
            else:
                children = []
        return found

    # changes

    def node_changed(self, node: Node) -> None:
        index = self.index_of(node)
        self.dataChanged.emit(index, index)

    def add_agenda_item(self, node: AgendaNode | None = None) -> AgendaNode:
        return self._append(QModelIndex(), self.items, node or AgendaNode())

    def add_decision(self, item: AgendaNode) -> DecisionNode:
        return self._append(self.index_of(item), item.decisions, DecisionNode(parent=item))

    def add_action(self, decision: DecisionNode) -> ActionNode:
        return self._append(self.index_of(decision), decision.actions, ActionNode(parent=decision))

    def _append(self, parent: QModelIndex, children: list[Child], node: Child) -> Child:
        """``node`` as the last of ``children``, the rows under ``parent``."""
        row = len(children)
        self.beginInsertRows(parent, row, row)
        children.append(node)
        self.endInsertRows()
        return node

    def remove(self, node: Node) -> None:
        siblings = self.siblings(node)
        row = siblings.index(node)
        self.beginRemoveRows(self.index_of(node).parent(), row, row)
        del siblings[row]
        self.endRemoveRows()
        self._renumbered(siblings, row)

    def move(self, node: Node, delta: int) -> bool:
        """One place up (-1) or down (+1) among its siblings; False at either end."""
        siblings = self.siblings(node)
        row = siblings.index(node)
        target = row + delta
        if not 0 <= target < len(siblings):
            return False
        parent = self.index_of(node).parent()
        destination = target if delta < 0 else target + 1
        self.beginMoveRows(parent, row, row, parent, destination)
        siblings.insert(target, siblings.pop(row))
        self.endMoveRows()
        self._renumbered(siblings, min(row, target))
        return True

    def _renumbered(self, siblings: list[Any], first: int) -> None:
        """The rows from ``first`` on show new numbers (一、（一）): repaint them."""
        if first < len(siblings) and not isinstance(siblings[first], ActionNode):
            self.dataChanged.emit(
                self.index_of(siblings[first]), self.index_of(siblings[len(siblings) - 1])
            )

    # Qt overrides

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        children = self._children(parent)
        if children is None or row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, self._key(children[row]))

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None or isinstance(node, AgendaNode):
            return QModelIndex()
        assert node.parent is not None
        return self.index_of(node.parent)

    def _children(self, parent: ModelIndex) -> list[Any] | None:
        if not parent.isValid():
            return self.items
        if parent.column() != 0:
            return None
        node = self.node(parent)
        if isinstance(node, AgendaNode):
            return node.decisions
        if isinstance(node, DecisionNode):
            return node.actions
        return None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        children = self._children(parent)
        return len(children) if children is not None else 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(node, index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            if isinstance(node, AgendaNode):
                return node.title or None
            if isinstance(node, DecisionNode):
                return node.text or None
            return node.label()
        if role == Qt.ItemDataRole.FontRole and isinstance(node, AgendaNode):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and isinstance(node, ActionNode):
            if node.status in (ActionStatus.DONE, ActionStatus.CANCELLED):
                return DONE_COLOUR
            if not node.has_owner:
                return MISSING_COLOUR
        return None

    @staticmethod
    def _label(node: Node, row: int) -> str:
        # no number here: a row's data must not change when a sibling is added or removed;
        # the view's delegate puts 一、/（一） in front (see numbered)
        if isinstance(node, AgendaNode):
            return short(node.title) or translate(CONTEXT, UNTITLED)
        if isinstance(node, DecisionNode):
            return short(node.text) or translate(CONTEXT, NO_TEXT)
        return node.label()

    def numbered(self, index: ModelIndex) -> str:
        """The label as the tree shows it: 一、 for an agenda item, （一） for a decision."""
        node = self.node(index)
        text = str(self.data(index) or "")
        if isinstance(node, AgendaNode):
            return level1(index.row() + 1) + text
        if isinstance(node, DecisionNode):
            return level2(index.row() + 1) + text
        return text

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and section == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return translate("AgendaModel", "议程、议定事项与工作事项")
        return None


def vars_of(action: ActionNode) -> tuple[Any, ...]:
    return (
        action.description,
        action.owner_person_id,
        action.owner_unit_id,
        action.owner_org_unit_id,
        action.due_on,
        action.status,
        action.issue_id,
        action.id,
        action.owner_typed,
    )
