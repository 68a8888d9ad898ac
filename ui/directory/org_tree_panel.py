"""The directory tab's left side: the org tree, its buttons and its context menu.

A right click (or the menu key) on a unit selects it and offers 新建下级, 新建同级 (beside it,
under the same parent: a run of communities or grids needs no re-selecting of the parent),
修改 and 删除.

Signals:
    current_changed(object): the id of the org unit selected, None for "全部组织".
    add_requested(), add_sibling_requested(), edit_requested(), delete_requested(): the
        buttons under the tree and the context menu.
"""

from __future__ import annotations

from app.directory.lists import OrgNode

from PySide6.QtCore import QModelIndex, QPoint, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from ui.directory.org_tree_model import ID_ROLE, OrgTreeModel
from ui.widgets import palette

EXPAND_DEPTH = 2  # 全部组织, streets and zones open, so communities show; grids stay folded


class OrgTreePanel(QWidget):
    current_changed = Signal(object)
    add_requested = Signal()
    add_sibling_requested = Signal()
    edit_requested = Signal()
    delete_requested = Signal()

    def __init__(self, model: OrgTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._loaded = False
        heading = QLabel(self.tr("组织架构"), self)
        heading.setStyleSheet("font-weight: bold;")
        self.view = QTreeView(self)
        self.view.setModel(model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.selectionModel().currentChanged.connect(self._on_view_current_changed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu)
        self.menu: QMenu | None = None  # the context menu shown last, for tests
        self.hint = QLabel(
            self.tr("还没有组织。点“添加下级…”建立街道，再逐级添加片区、社区和网格。"), self
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(palette.HINT_TEXT)

        self.add_button = QPushButton(self.tr("添加下级…"), self)
        self.add_button.setToolTip(self.tr("在选中的组织下添加片区、社区、网格或科室"))
        self.sibling_button = QPushButton(self.tr("添加同级…"), self)
        self.sibling_button.setToolTip(
            self.tr("在选中的组织旁边、同一个上级下再添加一个（如下一个社区）")
        )
        self.edit_button = QPushButton(self.tr("修改…"), self)
        self.edit_button.setToolTip(self.tr("重命名选中的组织，或修改它的层级、上级（F2）"))
        self.delete_button = QPushButton(self.tr("删除"), self)
        self.delete_button.setToolTip(self.tr("删除选中的组织（须先删除或移走它的下级）"))
        self.add_button.clicked.connect(self.add_requested)
        self.sibling_button.clicked.connect(self.add_sibling_requested)
        self.edit_button.clicked.connect(self.edit_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(4)
        for button in (self.add_button, self.sibling_button, self.edit_button,
                       self.delete_button):  # fmt: skip
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def current_node(self) -> OrgNode | None:
        return self.model.node(self.view.currentIndex())

    def select(self, node_id: str | None) -> None:
        """Selects the org unit (or "全部组织" for None or a unit no longer there)."""
        index = self.model.index_of(node_id)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def reload(self) -> None:
        """Re-reads the tree, keeping the selection; emits nothing (the caller refreshes)."""
        kept = self.current_id()
        expanded = self._expanded_ids() if self._loaded else None
        with QSignalBlocker(self):
            self.model.reload()
            if expanded is None:
                self.view.expandToDepth(EXPAND_DEPTH)
            else:
                self.view.expand(self.model.index_of(None))
                for node_id in expanded:
                    self.view.expand(self.model.index_of(node_id))
            self.select(kept)
        self._loaded = True
        self.hint.setVisible(not self.model.nodes)
        self._update_buttons()

    def _expanded_ids(self) -> list[str]:
        return [n.id for n in self.model.nodes if self.view.isExpanded(self.model.index_of(n.id))]

    def _on_view_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()
        self.current_changed.emit(current.data(ID_ROLE) if current.isValid() else None)

    def _on_view_context_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if index.isValid():
            self.view.setCurrentIndex(index)
        menu = QMenu(self)
        for text, signal, button in (  # each entry as its button: by selection and role
            (self.tr("新建下级…"), self.add_requested, self.add_button),
            (self.tr("新建同级…"), self.add_sibling_requested, self.sibling_button),
            (self.tr("修改…"), self.edit_requested, self.edit_button),
            (self.tr("删除"), self.delete_requested, self.delete_button),
        ):
            action = menu.addAction(text, signal.emit)
            action.setEnabled(button.isEnabled())
        self.menu = menu
        menu.exec(self.view.viewport().mapToGlobal(position))
        self.menu = None
        menu.deleteLater()

    def _update_buttons(self) -> None:
        real = self.current_node() is not None
        self.sibling_button.setEnabled(real)
        self.edit_button.setEnabled(real)
        self.delete_button.setEnabled(real)
