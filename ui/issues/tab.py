"""The issues tab (民生事项): the list on the left — filters by status, category, community,
source, 超期 and 督办, a search that finds Chinese substrings, overdue rows in red and stale
ones in yellow — and the selected issue on the right (``IssuePanel``). Ctrl+N starts a new
issue. Every change is announced as ``events.changed("issues")``.
"""

from __future__ import annotations

from datetime import date, timedelta

from app.issues.lists import IssueList
from db.models.issues import IssueSource, IssueStatus

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QSplitter, QVBoxLayout, QWidget
from ui.i18n import enum_text
from ui.issues.editor import IssuePanel
from ui.models.paged_table import PagedTableModel
from ui.tab import TabContext, TabPage
from ui.widgets.list_panel import ListPanel

AREA = "issues"


class IssuesTab(TabPage):
    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = PagedTableModel(context.database, IssueList(), self)
        self.panel = ListPanel(self.model, self)
        self.panel.set_empty_text(self.tr("还没有民生事项。按 Ctrl+N 登记一件。"))
        self.editor = IssuePanel(context.database, self)
        self._add_filters()
        self.model.count_changed.connect(self._on_model_count_changed)
        self.panel.current_changed.connect(self.editor.show_issue)
        self.panel.record_activated.connect(self.editor.show_issue)
        self.editor.issue_changed.connect(self._on_editor_issue_changed)
        context.events.changed.connect(self._on_events_changed)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.panel)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 540])
        legend = QLabel(
            self.tr(
                "<span style='color:#a4161a'>■</span> 红色：已超期或派单24小时未报到　"
                "<span style='color:#c9a000'>■</span> 黄色：3天没有进展"
            ),
            self,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(splitter, 1)
        layout.addWidget(legend)
        self.model.reload()

    def _add_filters(self) -> None:
        choices = self.editor.choices
        self.panel.add_filter("status", self.tr("状态"), [(enum_text(s), s) for s in IssueStatus])
        self.panel.add_filter(
            "category_id", self.tr("类别"), [(c.name, c.id) for c in choices.categories]
        )
        self.panel.add_filter(
            "community_id", self.tr("社区"), [(c.name, c.id) for c in choices.communities]
        )
        self.panel.add_filter("source", self.tr("来源"), [(enum_text(s), s) for s in IssueSource])
        self.overdue = QCheckBox(self.tr("超期"), self)
        self.overdue.toggled.connect(
            lambda on: self.panel.set_fixed_filter("overdue", True if on else None)
        )
        self.supervised = QCheckBox(self.tr("督办"), self)
        self.supervised.toggled.connect(
            lambda on: self.panel.set_fixed_filter("supervised", True if on else None)
        )
        self.period = QComboBox(self)
        self.period.setToolTip(self.tr("登记时间"))
        for text, days in (
            (self.tr("全部时间"), None),
            (self.tr("近7天"), 7),
            (self.tr("近30天"), 30),
            (self.tr("近一年"), 365),
        ):
            self.period.addItem(text, days)
        self.period.currentIndexChanged.connect(self._on_period_changed)
        self.panel.filter_bar.addWidget(self.period)
        self.panel.filter_bar.addWidget(self.overdue)
        self.panel.filter_bar.addWidget(self.supervised)

    def _on_period_changed(self) -> None:
        days = self.period.currentData()
        start = None if days is None else date.today() - timedelta(days=int(days))
        self.panel.set_fixed_filter("reported_from", start)

    def _on_model_count_changed(self, count: int) -> None:
        if self.model.has_more:  # the list is counted up to a cap: say so
            self.panel.count_label.setText(
                self.tr("共 {n}+ 条（向下滚动显示更多）").format(n=count)
            )

    def _on_editor_issue_changed(self, issue_id: str) -> None:
        self.context.events.changed.emit(AREA)
        self.panel.select_id(issue_id)

    def _on_events_changed(self, area: str) -> None:
        if area in (AREA, "meetings"):
            self.model.reload()

    def refresh(self) -> None:
        self.model.reload()

    def new_record(self) -> None:
        self.panel.table.clearSelection()
        self.editor.new_issue()
        self.editor.title.setFocus()

    def focus_search(self) -> None:
        self.panel.search.setFocus()
        self.panel.search.selectAll()
