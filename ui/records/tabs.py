"""The agreements, secondments and issues tabs: a filtered, searchable list each.

Their editors come with the issues that complete each area; until then these tabs show the
records read-only, with the same list panel the directory uses.
"""

from __future__ import annotations

from enum import StrEnum

from app.agreements.lists import AgreementList
from app.listing import ListSource
from db.models.agreements import AgreementKind, AgreementStatus

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from ui.i18n import enum_text
from ui.models.paged_table import PagedTableModel
from ui.tab import TabContext, TabPage
from ui.widgets.list_panel import ListPanel


def _enum_choices(members: type[StrEnum]) -> list[tuple[str, object]]:
    return [(enum_text(m), m) for m in members]


class RecordsTab(TabPage):
    """A read-only list of one area's records."""

    source: ListSource
    title: str
    empty_text: str

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = PagedTableModel(context.database, self.source, self)
        self.panel = ListPanel(self.model, self)
        self.panel.set_empty_text(QCoreApplication.translate("RecordsTab", self.empty_text))
        self.add_filters()
        heading = QLabel(QCoreApplication.translate("RecordsTab", self.title), self)
        heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(heading)
        layout.addWidget(self.panel, 1)
        self.model.reload()

    def add_filters(self) -> None:
        """Subclasses add their drop-down filters."""

    def refresh(self) -> None:
        self.model.reload()

    def focus_search(self) -> None:
        self.panel.search.setFocus()
        self.panel.search.selectAll()


class AgreementsTab(RecordsTab):
    source = AgreementList()
    title = QT_TRANSLATE_NOOP("RecordsTab", "共建协议")
    empty_text = QT_TRANSLATE_NOOP("RecordsTab", "还没有共建协议。")

    def add_filters(self) -> None:
        self.panel.add_filter("kind", self.tr("类型"), _enum_choices(AgreementKind))
        self.panel.add_filter("status", self.tr("状态"), _enum_choices(AgreementStatus))
