"""The org tree (街道 → 片区 → 社区 → 网格, and departments) as a Qt item model.

One synthetic top item, "全部组织", stands for the whole directory: selecting it clears the
tree filter. Below it the org units in their set order, departments after the other units of
the same parent.
"""

from __future__ import annotations

from typing import Any

from app.database import Database
from app.directory.lists import OrgNode, org_tree, subtree_ids
from app.enums import OrgLevel

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from ui.i18n import enum_text

ModelIndex = QModelIndex | QPersistentModelIndex
DEPARTMENT = OrgLevel.DEPARTMENT
ID_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2


class _Item:
    __slots__ = ("node", "parent", "children", "row")

    def __init__(self, node: OrgNode | None, parent: _Item | None, row: int) -> None:
        self.node = node
        self.parent = parent
        self.children: list[_Item] = []
        self.row = row

    def add(self, node: OrgNode | None) -> _Item:
        child = _Item(node, self, len(self.children))
        self.children.append(child)
        return child


class OrgTreeModel(QAbstractItemModel):
    """Read-only tree of org units; ``reload()`` re-reads it."""

    def __init__(self, database: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._database = database
        self._nodes: list[OrgNode] = []
        self._root = _Item(None, None, 0)
        self._all = self._root.add(None)
        self._items: dict[str, _Item] = {}

    @property
    def nodes(self) -> list[OrgNode]:
        """Every org unit, parents before children."""
        return self._nodes

    def reload(self) -> None:
        with self._database.reader() as session:
            nodes = org_tree(session)
        self.beginResetModel()
        self._nodes = nodes
        self._root = _Item(None, None, 0)
        self._all = self._root.add(None)
        self._items = {}
        for node in nodes:
            parent = self._items.get(node.parent_id or "", self._all)
            self._items[node.id] = parent.add(node)
        for item in [self._all, *self._items.values()]:
            # departments after the zones, communities and grids that share their parent
            item.children.sort(key=lambda c: c.node is not None and c.node.level == DEPARTMENT)
            for row, child in enumerate(item.children):
                child.row = row
        self.endResetModel()

    def node(self, index: ModelIndex) -> OrgNode | None:
        """The org unit at ``index``; None for "全部组织" or an invalid index."""
        if not index.isValid():
            return None
        item: _Item = index.internalPointer()
        return item.node

    def index_of(self, node_id: str | None) -> QModelIndex:
        """The index of an org unit, or of "全部组织" for None or an unknown id."""
        item = self._items.get(node_id or "", self._all)
        return self.createIndex(item.row, 0, item)

    def subtree(self, node_id: str) -> set[str]:
        return subtree_ids(self._nodes, node_id)

    # Qt overrides

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        parent_item: _Item = parent.internalPointer() if parent.isValid() else self._root
        if row >= len(parent_item.children):
            return QModelIndex()
        return self.createIndex(row, 0, parent_item.children[row])

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        item: _Item = index.internalPointer()
        parent = item.parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            if parent.column() != 0:
                return 0
            item: _Item = parent.internalPointer()
            return len(item.children)
        return len(self._root.children)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return node.name if node else self.tr("全部组织")
        if role == Qt.ItemDataRole.ToolTipRole:
            if node is None:
                return self.tr("选中这里显示全部驻区单位、党组织和人员")
            return self.tr("{level}：{name}").format(level=enum_text(node.level), name=node.name)
        if role == Qt.ItemDataRole.FontRole and node is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return node.id if node else None
        if role == LEVEL_ROLE:
            return node.level if node else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and section == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("组织架构")
        return None
