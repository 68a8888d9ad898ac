"""The issues tab (民生事项): the list on the left — filters by status, category, community,
source, 超期 and 督办, a search that finds Chinese substrings, overdue rows in red, stale
ones in yellow, 督办 rows in bold — and the selected issue on the right (``IssuePanel``),
which asks before unsaved facts are left behind. Ctrl+N starts a new issue. Every change is
announced on the window's change channel, which also refreshes this tab.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from app.changes import Area, Changes
from app.enums import IssueSource, IssueStatus
from app.issues.lists import IssueList

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import enum_text
from ui.issues.editor import IssuePanel
from ui.models.paged_table import PagedTableModel
from ui.tab import TabContext, TabPage
from ui.widgets import palette, read_only
from ui.widgets.list_panel import ListPanel
from ui.widgets.pickers import pinyin_sorted

if TYPE_CHECKING:
    from ui.issues.holidays_dialog import HolidaysDialog
    from ui.issues.ranking_dialog import RankingDialog
    from ui.issues.reminders import RemindersDialog
    from ui.issues.rules_dialog import RulesDialog
    from ui.issues.settings import CategoriesDialog, SettingsDialog

LEGEND_YELLOW = "#c9a000"  # the legend's square for a row with no progress
CUSTOM = -1  # the period combo's data for 自定义 (the from–to dates)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class IssuesTab(TabPage):
    # communities and units come from the directory; an issue may come from a meeting
    shows = frozenset({Area.ISSUES, Area.MEETINGS, Area.DIRECTORY})

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = PagedTableModel(context.database, IssueList(), self)
        self.panel = ListPanel(self.model, self)
        self.panel.set_title(self.tr("民生事项"))
        self.panel.set_empty_text(self.tr("还没有民生事项。按 Ctrl+N 登记一件。"))
        self.editor = IssuePanel(context, self)
        self._add_filters()
        self.model.count_changed.connect(self._on_model_count_changed)
        self.panel.current_changed.connect(self._on_panel_current_changed)
        self.panel.record_activated.connect(self._on_panel_current_changed)
        self.editor.issue_changed.connect(self._on_editor_issue_changed)
        self.editor.open_requested.connect(self.open_issue)
        self.follow_changes(context.events)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.panel)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 600])
        legend = QLabel(
            self.tr(
                "<span style='color:{red}'>■</span> 红色：已超期或派单24小时未报到　"
                "<span style='color:{yellow}'>■</span> 黄色：3天没有进展　<b>粗体</b>：督办"
            ).format(red=palette.ERROR_RED, yellow=LEGEND_YELLOW),
            self,
        )
        self.print_button = QPushButton(self.tr("打印工单…"), self)
        self.print_button.setToolTip(self.tr("预览并打印所选事项的工单（Ctrl+P）"))
        self.print_button.clicked.connect(self.print_current)
        self.save_pdf_button = QPushButton(self.tr("另存 PDF…"), self)
        self.save_pdf_button.clicked.connect(self.save_current_pdf)
        self.reminders_button = QPushButton(self.tr("催办清单…"), self)
        self.reminders_button.setToolTip(self.tr("问题工单、超期、停滞和督办的事项，红色在前"))
        self.reminders_button.clicked.connect(self.show_reminders)
        self.ranking_button = QPushButton(self.tr("红黑榜…"), self)
        self.ranking_button.setToolTip(self.tr("承办单位和社区的三率与排名（按月）"))
        self.ranking_button.clicked.connect(self.show_ranking)
        self.settings_button = QPushButton(self.tr("设置"), self)  # a menu: its ▾ says so
        menu = QMenu(self.settings_button)
        self.categories_action = menu.addAction(self.tr("类别与办理时限…"))
        self.categories_action.triggered.connect(self.edit_categories)
        self.holidays_action = menu.addAction(self.tr("节假日与调休…"))
        self.holidays_action.triggered.connect(self.edit_holidays)
        self.rules_action = menu.addAction(self.tr("考评与并单规则…"))
        self.rules_action.triggered.connect(self.edit_rules)
        self.settings_button.setMenu(menu)
        bottom = QHBoxLayout()
        bottom.addWidget(legend, 1)
        bottom.addWidget(self.reminders_button)
        bottom.addWidget(self.ranking_button)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.save_pdf_button)
        bottom.addWidget(self.settings_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.panel.current_changed.connect(lambda _id: self._enable_output())
        self._enable_output()
        if not context.may_edit:  # a viewer: the shared read-only mechanism
            read_only.lock_inputs(self.editor)
            editor_layout = self.editor.layout()
            assert isinstance(editor_layout, QBoxLayout)
            editor_layout.insertWidget(0, read_only.banner(self.editor))
            read_only.lock(self.settings_button)
        self.model.reload()

    def _add_filters(self) -> None:
        choices = self.editor.choices
        self.panel.add_filter("status", self.tr("状态"), [(enum_text(s), s) for s in IssueStatus])
        self.category_filter = self.panel.add_filter(
            "category_id", self.tr("类别"), [(c.name, c.id) for c in choices.categories]
        )
        self.panel.add_filter(
            "community_id",
            self.tr("社区"),
            pinyin_sorted([(c.name, c.id) for c in choices.communities]),
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
            (self.tr("自定义"), CUSTOM),
        ):
            self.period.addItem(text, days)
        self.period.currentIndexChanged.connect(self._on_period_changed)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30), self)
        self.date_to = QDateEdit(today, self)
        self.date_to_label = QLabel(self.tr("至"), self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._on_range_changed)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("登记时间"), self))
        row.addWidget(self.period)
        row.addWidget(self.date_from)
        row.addWidget(self.date_to_label)
        row.addWidget(self.date_to)
        row.addStretch(1)
        row.addWidget(self.overdue)
        row.addWidget(self.supervised)
        panel_layout = self.panel.layout()
        assert isinstance(panel_layout, QBoxLayout)
        panel_layout.insertLayout(1, row)  # under the search and the drop-downs
        self._show_range(False)

    def _show_range(self, shown: bool) -> None:
        for widget in (self.date_from, self.date_to_label, self.date_to):
            widget.setVisible(shown)

    def _on_period_changed(self) -> None:
        days = self.period.currentData()
        self._show_range(days == CUSTOM)
        if days == CUSTOM:
            self._on_range_changed()
            return
        start = None if days is None else date.today() - timedelta(days=int(days))
        self.panel.set_fixed_filter("reported_before", None)
        self.panel.set_fixed_filter("reported_from", start)

    def _on_range_changed(self) -> None:
        """自定义: issues registered from the first day to the last, both included."""
        if self.period.currentData() != CUSTOM:
            return
        first, last = _day(self.date_from.date()), _day(self.date_to.date())
        if last < first:  # dates given the wrong way round: the range between them
            first, last = last, first
        self.panel.set_fixed_filter("reported_from", first)
        self.panel.set_fixed_filter("reported_before", last + timedelta(days=1))

    def set_date_range(self, first: date, last: date) -> None:
        """Chooses 自定义 with these dates (as the user would)."""
        self.period.setCurrentIndex(self.period.findData(CUSTOM))
        self.date_from.setDate(QDate(first.year, first.month, first.day))
        self.date_to.setDate(QDate(last.year, last.month, last.day))

    def _on_model_count_changed(self, count: int) -> None:
        if self.model.has_more:  # the list is counted up to a cap: say so
            self.panel.count_label.setText(
                self.tr("共 {n}+ 条（向下滚动显示更多）").format(n=f"{count:,}")
            )

    def _on_panel_current_changed(self, issue_id: object) -> None:
        """Another issue chosen in the list: shown once the unsaved facts are saved or
        discarded; on 取消 the list goes back to the issue being edited. A list that reloads
        (no issue chosen) leaves the editor as it is."""
        if issue_id is None or issue_id == self.editor.current_id():
            return
        if not self.editor.ask_to_leave():
            self._select_quietly(self.editor.current_id())
            return
        self.editor.show_issue(str(issue_id))

    def _select_quietly(self, issue_id: str | None) -> None:
        self.panel.blockSignals(True)
        if issue_id is None or not self.panel.select_id(issue_id):
            self.panel.table.clearSelection()
        self.panel.blockSignals(False)

    def _on_editor_issue_changed(self, issue_id: str) -> None:
        self.context.events.announce(Changes.of(Area.ISSUES, ids=[issue_id]), self.editor)
        self._select_quietly(issue_id)

    def show_filtered(self, filters: Mapping[str, Any]) -> None:
        """The list as asked; ``{"issue_id": …}`` opens that issue (a link from a meeting)."""
        if (issue_id := filters.get("issue_id")) is not None:
            self.open_issue(str(issue_id))
            return
        rest = dict(filters)
        self.overdue.setChecked(bool(rest.pop("overdue", False)))
        self.supervised.setChecked(bool(rest.pop("supervised", False)))
        first, before = rest.pop("reported_from", None), rest.pop("reported_before", None)
        if first is not None and before is not None:
            self.set_date_range(first, before - timedelta(days=1))
        else:
            self.period.setCurrentIndex(0)  # 全部时间
        self.panel.show_filtered(rest)

    def refresh(self) -> None:
        self.model.reload()

    def new_record(self) -> None:
        if not self.editor.ask_to_leave():
            return
        self._select_quietly(None)
        self.editor.new_issue()
        self.editor.title.setFocus()

    def may_leave(self) -> bool:
        """Before the window closes or the user changes: the issue's unsaved facts saved,
        discarded, or the leaving cancelled; then any open dialog's own edits."""
        return self.editor.ask_to_leave() and super().may_leave()

    def focus_search(self) -> None:
        self.panel.search.setFocus()
        self.panel.search.selectAll()

    # output

    def _enable_output(self) -> None:
        chosen = self.panel.current_id() is not None
        self.print_button.setEnabled(chosen)
        self.save_pdf_button.setEnabled(chosen)

    def print_current(self) -> None:
        """Ctrl+P: print preview of the selected issue's work order."""
        from ui.issues.output import print_work_order

        if issue_id := self.panel.current_id():
            print_work_order(self, self.context.database, issue_id)

    def save_current_pdf(self) -> None:
        from ui.issues.output import save_work_order

        if issue_id := self.panel.current_id():
            save_work_order(self, self.context.database, issue_id)

    # 催办

    def reminders_dialog(self) -> RemindersDialog:
        from ui.issues.reminders import RemindersDialog

        dialog = RemindersDialog(self.context.database, self)
        dialog.open_requested.connect(self.open_issue)
        if not self.context.may_edit:
            read_only.lock(dialog.remind_button)
        return dialog

    def show_reminders(self) -> None:
        self._run_dialog(self.reminders_dialog())

    def open_issue(self, issue_id: str) -> None:
        """Shows the issue (after asking about unsaved facts), selected in the list if the
        filters show it."""
        if issue_id != self.editor.current_id() and not self.editor.ask_to_leave():
            return
        self.editor.show_issue(issue_id)
        self._select_quietly(issue_id)

    # settings

    def categories_dialog(self) -> CategoriesDialog:
        from ui.issues.settings import CategoriesDialog

        return CategoriesDialog(self.context.database, self)

    def holidays_dialog(self) -> HolidaysDialog:
        from ui.issues.holidays_dialog import HolidaysDialog

        return HolidaysDialog(self.context.database, self)

    def rules_dialog(self) -> RulesDialog:
        from ui.issues.rules_dialog import RulesDialog

        return RulesDialog(self.context.database, self)

    def edit_rules(self) -> None:
        self._run_dialog(self.rules_dialog())

    def ranking_dialog(self) -> RankingDialog:
        from ui.issues.ranking_dialog import RankingDialog

        return RankingDialog(self.context.database, self)

    def show_ranking(self) -> None:
        dialog = self.ranking_dialog()
        dialog.exec()
        dialog.deleteLater()

    def edit_categories(self) -> None:
        if self._run_dialog(self.categories_dialog()):
            self.reload_choices()

    def edit_holidays(self) -> None:
        self._run_dialog(self.holidays_dialog())  # deadlines and warnings may differ now

    def _run_dialog(self, dialog: SettingsDialog | RemindersDialog) -> bool:
        """Runs a dialog of the tab's settings or reminders; True (the change announced) when
        it changed the issues."""
        dialog.exec()
        changed = dialog.changed
        if changed:
            self.context.events.announce(Changes.of(Area.ISSUES))
        dialog.deleteLater()
        return changed

    def reload_choices(self) -> None:
        """After the categories changed: the filter's and the editor's drop-downs."""
        self.editor.reload_choices()
        combo = self.category_filter
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for c in self.editor.choices.categories:
            combo.addItem(c.name, c.id)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)
