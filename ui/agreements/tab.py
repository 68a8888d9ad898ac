"""The agreements tab (共建协议): four views under one segmented bar — 协议 (the agreements
and their editor), 七个共 (the matrix), 三张清单 (needs, resources, projects) and 在职党员.

The other views are built the first time they are selected (their modules are imported by
name, as the main window builds tabs); F5, Ctrl+N, Ctrl+F, Delete and Ctrl+P go to the view
shown. Each view follows the change channel; one out of sight re-reads when next selected.
The home dashboard opens the list with filters through ``show_filtered``.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget
from ui.agreements.agreement_view import AgreementView
from ui.tab import FollowsChanges, TabContext, TabPage

AGREEMENTS = "agreements"
# name → (the bar's label, module, class); the first is this module's own list
VIEWS: dict[str, tuple[str, str, str]] = {
    AGREEMENTS: (QT_TRANSLATE_NOOP("AgreementsTab", "协议"), "", ""),
    "matrix": (
        QT_TRANSLATE_NOOP("AgreementsTab", "七个共"),
        "ui.agreements.matrix_view",
        "MatrixView",
    ),
    "lists": (
        QT_TRANSLATE_NOOP("AgreementsTab", "三张清单"),
        "ui.agreements.claims_view",
        "ClaimsView",
    ),
    "members": (
        QT_TRANSLATE_NOOP("AgreementsTab", "在职党员"),
        "ui.agreements.members_view",
        "MembersView",
    ),
}


class AgreementsTab(TabPage):
    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.agreements = AgreementView(context, self)
        self._views: dict[str, Any] = {AGREEMENTS: self.agreements}
        self.bar = QTabWidget(self)
        self.bar.setDocumentMode(True)
        for name, (label, _module, _class) in VIEWS.items():
            page = self.agreements if name == AGREEMENTS else QWidget(self)
            page.setObjectName(name)
            self.bar.addTab(page, QCoreApplication.translate("AgreementsTab", label))
        self.bar.currentChanged.connect(self._on_bar_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.bar, 1)
        self.agreements.refresh()

    # the views

    def current_name(self) -> str:
        return list(VIEWS)[self.bar.currentIndex()]

    def current_view(self) -> Any:
        return self._views.get(self.current_name())

    def view(self, name: str) -> Any:
        """The view ``name``, built now if it has not been yet."""
        if name not in self._views:
            self._views[name] = self._build(name)
        return self._views[name]

    def _build(self, name: str) -> Any:
        _label, module_name, class_name = VIEWS[name]
        index = list(VIEWS).index(name)
        holder = self.bar.widget(index)
        assert holder is not None
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            view: Any = QLabel(self.tr("这一部分尚未完成。"), holder)  # not delivered yet
        else:
            view = getattr(module, class_name)(self.context, holder)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(view)
        return view

    def select(self, name: str) -> Any:
        self.bar.setCurrentIndex(list(VIEWS).index(name))
        return self.view(name)

    def _on_bar_changed(self, index: int) -> None:
        self.view(list(VIEWS)[index])
        self.set_in_view(self._in_view)

    def _forward(self, method: str) -> None:
        target = getattr(self.current_view(), method, None)
        if callable(target):
            target()

    # TabPage

    def refresh(self) -> None:
        self._forward("refresh")

    def set_in_view(self, in_view: bool) -> None:
        """The view selected in the bar is in view when the tab is; the others wait."""
        self._in_view = in_view
        for name, view in self._views.items():
            if isinstance(view, FollowsChanges):
                view.set_in_view(in_view and name == self.current_name())

    def new_record(self) -> None:
        self._forward("new_record")

    def focus_search(self) -> None:
        self._forward("focus_search")

    def delete_selected(self) -> None:
        self._forward("delete_selected")

    def print_current(self) -> None:
        self._forward("print_current")

    def data_ready(self) -> bool:
        ready = getattr(self.current_view(), "data_ready", None)
        return bool(ready()) if callable(ready) else True

    def show_view(self, name: str) -> bool:
        if name == "editor":
            self.select(AGREEMENTS)
            return self.agreements.open_first_with_commitments() is not None
        if name not in VIEWS:
            return False
        self.select(name)
        return True

    def show_filtered(self, filters: Mapping[str, Any]) -> None:
        """The agreements list with ``filters`` (``AgreementList`` keys) chosen in its bar."""
        self.select(AGREEMENTS)
        self.agreements.set_filters(filters)
