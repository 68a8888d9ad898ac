"""The secondments tab (干部挂职): postings on the left, the selected one on the right.

Above the list: the reminders (postings ending within 30 days, evaluations due, monthly reports
not in) and the annual assessment. At the first build the list shows first; the selected
posting follows, and the reminders are read off the GUI thread. Filters: kind, status, home
unit, host unit, ending next month or within N days, year; the search box matches names,
posts and units. The main window's menu calls ``new_record`` (Ctrl+N), ``focus_search``
(Ctrl+F), ``delete_selected`` (Delete) and ``print_current`` (Ctrl+P: the two-way evaluation
form of the selected period). Changes are made by ``PostingCommands``
(ui/secondments/commands.py) and announced on the window's change channel, which also
refreshes this tab.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from app.changes import Area
from app.enums import EvaluatorSide, PostingKind, PostingStatus
from app.localtime import beijing_today
from app.secondments.lifecycle import is_running
from app.secondments.lists import NEXT_MONTH, PostingList, posting_years, side_choices

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from ui.background import run_in_background
from ui.i18n import enum_text
from ui.models.paged_table import PagedTableModel
from ui.secondments.detail import PostingDetailPanel
from ui.tab import TabContext, TabPage
from ui.widgets import palette
from ui.widgets.list_panel import ListPanel
from ui.widgets.one_dialog import open_dialog
from ui.widgets.splitter import side_by_side

if TYPE_CHECKING:  # the changes, their forms and the reminders load when first used
    from app.database import Database
    from app.secondments.reminders import Reminders

    from ui.secondments.commands import PostingCommands
    from ui.widgets.record_dialog import RecordDialog

ENDING_CHOICES = (7, 30, 60, 90)
log = logging.getLogger("gongjian.ui")
BANNER_STYLE = palette.WARNING_TEXT


class SecondmentsTab(TabPage):
    shows = frozenset({Area.SECONDMENTS, Area.DIRECTORY})  # the units and people of postings
    imports_ahead = ("app.secondments.service", "app.secondments.evaluations")  # a posting

    def __init__(
        self, context: TabContext, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.database = context.database
        self.today = today  # None: Beijing's today; tests fix a day

        self.source = PostingList()
        self.model = PagedTableModel(self.database, self.source, self)
        self.panel = ListPanel(self.model, self)
        self.panel.set_title(self.tr("干部挂职"))
        self.panel.set_empty_text(self.tr("还没有挂职记录。按 Ctrl+N 新建一项挂职。"))
        if today is not None:  # the list's "ending within" counts from this day, not the clock's
            self.panel.set_fixed_filter("today", today)
        self._add_filters()
        self.detail = PostingDetailPanel(self.database, self)
        self.detail.action_requested.connect(self._on_detail_action_requested)
        self._commands: PostingCommands | None = None
        self._refreshing = False  # the selection's detail is read once, when refresh ends
        self.panel.current_changed.connect(self._on_panel_current_changed)
        self.panel.record_activated.connect(lambda _id: self.commands.edit_posting())

        self.banner = QLabel(self)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.new_button = QPushButton(self.tr("新建挂职…"), self)
        self.new_button.setToolTip(self.tr("新建挂职（Ctrl+N）"))
        self.new_button.clicked.connect(self.new_record)
        self.assessment_button = QPushButton(self.tr("年度考核…"), self)
        self.assessment_button.setToolTip(self.tr("某一年度每位挂职干部的双向评价"))
        self.assessment_button.clicked.connect(self.show_assessment)
        writes: tuple[str, ...] = ("edit", "extend", "end_early", "delete", "new_log")
        writes += ("edit_log", "delete_log")
        writes += ("new_evaluation", "edit_home", "edit_host")
        context.lock_writes(self.new_button, *(self.detail.buttons[key] for key in writes))
        self._build_layout()
        self._reminders_asked = 0  # a reading that a newer one overtook is dropped
        self._show_list()
        # the selected posting and the reminders follow once the list is on screen
        QTimer.singleShot(0, self, self._show_selected)
        QTimer.singleShot(0, self, self._read_reminders_in_background)
        self.follow_changes(context.events)

    @property
    def commands(self) -> PostingCommands:
        """The changes to postings, logs and evaluations, loaded when first asked for."""
        if self._commands is None:
            from ui.secondments.commands import PostingCommands

            self._commands = PostingCommands(self.context, self.detail, self._today, self)
            self._commands.posting_created.connect(self.panel.select_id)
        return self._commands

    @property
    def dialog(self) -> RecordDialog | None:
        """The posting, log or evaluation form open now, if any."""
        return self._commands.dialog if self._commands is not None else None

    def _today(self) -> date:
        return self.today or beijing_today()

    def _add_filters(self) -> None:
        with self.database.reader() as session:
            homes, hosts = side_choices(session, "home"), side_choices(session, "host")
            years = posting_years(session)
        panel = self.panel
        combos = [
            panel.add_filter("kind", self.tr("类型"), [(enum_text(k), k) for k in PostingKind]),
            panel.add_filter("status", self.tr("状态"), [(enum_text(s), s) for s in PostingStatus]),
            panel.add_filter("home", self.tr("派出单位"), [(c.label, c.id) for c in homes]),
            panel.add_filter("host", self.tr("挂职单位"), [(c.label, c.id) for c in hosts]),
            panel.add_filter(
                "ending_within",
                self.tr("到期"),
                [(self.tr("下月到期"), NEXT_MONTH)]
                + [(self.tr("{n}天内到期").format(n=n), n) for n in ENDING_CHOICES],
            ),
            panel.add_filter("year", self.tr("年度"), [(str(y), y) for y in years]),
        ]
        keys = ("kind", "status", "home", "host", "ending_within", "year")
        self.filters = dict(zip(keys, combos, strict=True))
        for combo in combos:
            combo.setMaximumWidth(130)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.banner, 1)
        top.addWidget(self.assessment_button)
        top.addWidget(self.new_button)
        splitter = side_by_side(self, self.panel, self.detail, (880, 470))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    # TabPage

    def show_filtered(self, filters: Mapping[str, Any]) -> None:
        self.panel.show_filtered(filters)

    def refresh(self) -> None:
        self._show_list()
        self._show_selected()
        found = _reminders_on(self.database, self._today())
        self._show_reminders(self._asked_reminders(), found)

    def _show_list(self) -> None:
        kept = self.panel.current_id()
        self._refreshing = True
        try:
            self.model.reload()
            if not (kept and self.panel.select_id(kept)) and self.model.rowCount():
                self.panel.table.selectRow(self._first_running_row())  # show one, not a blank
        finally:
            self._refreshing = False

    def _show_selected(self) -> None:
        self.detail.show_posting(self.panel.current_id(), self._today())

    def _first_running_row(self) -> int:
        status = self.source.column_index("status")
        for row in range(min(self.model.rowCount(), 50)):
            found = self.model.row_at(row)
            if found is not None and is_running(found.values[status]):
                return row
        return 0

    def new_record(self) -> None:
        self.commands.new_posting()

    def focus_search(self) -> None:
        self.panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.search.selectAll()

    def delete_selected(self) -> None:
        self.commands.delete_posting()

    def print_current(self) -> None:
        self.print_evaluation()

    def show_assessment(self) -> None:
        from ui.secondments.assessment import AssessmentDialog

        dialog = AssessmentDialog(self.database, self._today().year, self)
        dialog.posting_chosen.connect(self.panel.select_id)
        open_dialog(dialog)

    # printing

    def evaluation_pdf(self) -> tuple[bytes, str] | None:
        """The 双向评价表 of the period selected (or the latest) and its title; None if none."""
        detail = self.detail.detail
        if detail is None:
            return None
        pair = self.detail.current_pair()
        if pair is None:
            QMessageBox.information(
                self, self.tr("打印评价表"), self.tr("这项挂职还没有评价，请先在“双向评价”中登记。")
            )
            return None
        from app.exports.pdf.evaluation import document_title, render_evaluation_form
        from app.secondments import documents

        with self.database.reader() as session:
            form = documents.evaluation_form(session, detail.id, pair.period, pair.year)
        title = document_title("双向评价表", form.facts, form.period)
        return render_evaluation_form(form), title

    def assessment_pdf(self) -> tuple[bytes, str] | None:
        detail = self.detail.detail
        if detail is None:
            return None
        from app.exports.pdf.assessment import render_assessment_form
        from app.exports.pdf.evaluation import document_title
        from app.secondments import documents

        with self.database.reader() as session:
            form = documents.assessment_form(session, detail.id, self._today())
        return render_assessment_form(form), document_title("挂职鉴定表", form.facts)

    def print_evaluation(self) -> None:
        if found := self.evaluation_pdf():
            self._preview(*found)

    def print_assessment(self) -> None:
        if found := self.assessment_pdf():
            self._preview(*found)

    def save_form(self, which: str) -> Any:
        """Saves the 双向评价表 (``"evaluation"``) or 挂职鉴定表 as a PDF where the user says."""
        found = self.evaluation_pdf() if which == "evaluation" else self.assessment_pdf()
        if found is None:
            return None
        from ui.printing.files import save_pdf_as

        return save_pdf_as(self, found[0], found[1])

    def _preview(self, data: bytes, title: str) -> None:
        from ui.printing.preview import preview_pdf

        preview_pdf(self, data, title)

    # plumbing

    def _asked_reminders(self) -> int:
        self._reminders_asked += 1
        return self._reminders_asked

    def _read_reminders_in_background(self) -> None:
        run_in_background(
            self,
            partial(_reminders_on, self.database, self._today()),
            partial(self._show_reminders, self._asked_reminders()),
            self._on_reminders_failed,
        )

    def _show_reminders(self, asked: int, found: Reminders) -> None:
        if asked != self._reminders_asked:
            return
        self.banner.setText(
            self.tr(
                "30天内到期：{ending}项 · 待完成评价：{due}份 · 月度报告未交：{reports}份"
            ).format(
                ending=len(found.ending), due=len(found.evaluations), reports=len(found.reports)
            )
        )
        self.banner.setToolTip(
            "\n".join(
                self.tr("{name} {end} 到期（还有{days}天）").format(
                    name=e.person_name, end=e.ends_on.isoformat(), days=e.days_left
                )
                for e in found.ending
            )
        )

    def _on_reminders_failed(self, error: BaseException) -> None:
        log.warning("the secondment reminders could not be read: %s", type(error).__name__)
        self.banner.setText(self.tr("提醒暂时读不出来，稍后刷新再试。"))

    # slots

    def _on_panel_current_changed(self, posting_id: object) -> None:
        if self._refreshing:
            return
        self.detail.show_posting(posting_id if isinstance(posting_id, str) else None, self._today())

    def _on_detail_action_requested(self, action: str) -> None:
        commands = self.commands
        handlers: dict[str, Callable[[], None]] = {
            "edit": commands.edit_posting,
            "extend": lambda: commands.change_term(early=False),
            "end_early": lambda: commands.change_term(early=True),
            "delete": self.delete_selected,
            "print_evaluation": self.print_evaluation,
            "print_assessment": self.print_assessment,
            "save_evaluation": lambda: self.save_form("evaluation"),
            "save_assessment": lambda: self.save_form("assessment"),
            "new_log": lambda: commands.edit_log(new=True),
            "edit_log": lambda: commands.edit_log(new=False),
            "delete_log": commands.delete_log,
            "new_evaluation": lambda: commands.edit_evaluation(None),
            "edit_home": lambda: commands.edit_evaluation(EvaluatorSide.HOME),
            "edit_host": lambda: commands.edit_evaluation(EvaluatorSide.HOST),
        }
        handlers[action]()


def _reminders_on(database: Database, today: date) -> Reminders:
    """The banner's reminders; touches no widget, so it may run off the GUI thread."""
    from app.secondments.reminders import reminders

    with database.reader() as session:
        return reminders(session, today)
