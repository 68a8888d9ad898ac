"""The secondments tab (干部挂职): postings on the left, the selected one on the right.

Above the list: the reminders (postings ending within 30 days, evaluations due, monthly reports
not in) and the annual assessment. Filters: kind, status, home unit, host unit, ending next
month or within N days, year; the search box matches names, posts and units. The main
window's menu calls ``new_record`` (Ctrl+N), ``focus_search`` (Ctrl+F),
``delete_selected`` (Delete) and ``print_current`` (Ctrl+P: the two-way evaluation form of the
selected period). Every change is announced as ``events.changed("secondments")``, which also
refreshes this tab.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from app.enums import EvaluationPeriod, EvaluatorSide, PostingKind, PostingStatus
from app.errors import UserError
from app.localtime import beijing_today
from app.secondments import documents, evaluations, logs, reminders, service
from app.secondments.lifecycle import Action, is_running
from app.secondments.lists import NEXT_MONTH, PostingList, posting_years, side_choices
from app.secondments.records import EvaluationData, PostingData, WorkLogData
from db.models.secondments import Evaluation, Posting, WorkLog

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import enum_text, message_text
from ui.models.paged_table import PagedTableModel
from ui.secondments.commands import DoneCommand
from ui.secondments.detail import PostingDetailPanel
from ui.secondments.dialogs import (
    EvaluationDialog,
    PostingDialog,
    TermChangeDialog,
    WorkLogDialog,
)
from ui.tab import TabContext, TabPage
from ui.widgets import palette
from ui.widgets.list_panel import ListPanel
from ui.widgets.record_dialog import RecordDialog

AREA = "secondments"
log = logging.getLogger("gongjian.secondments")
ENDING_CHOICES = (7, 30, 60, 90)
BANNER_STYLE = palette.WARNING_TEXT


class SecondmentsTab(TabPage):
    def __init__(
        self, context: TabContext, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.database = context.database
        self.today = today  # None: Beijing's today; tests fix a day
        self.dialog: RecordDialog | None = None  # the dialog open now, if any

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
        self.panel.current_changed.connect(self._on_panel_current_changed)
        self.panel.record_activated.connect(lambda _id: self.edit_posting())

        self.banner = QLabel(self)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.new_button = QPushButton(self.tr("新建挂职…"), self)
        self.new_button.setToolTip(self.tr("新建挂职（Ctrl+N）"))
        self.new_button.clicked.connect(self.new_record)
        self.assessment_button = QPushButton(self.tr("年度考核…"), self)
        self.assessment_button.setToolTip(self.tr("某一年度每位挂职干部的双向评价"))
        self.assessment_button.clicked.connect(self.show_assessment)
        writes = ("edit", "extend", "end_early", "delete", "new_log", "edit_log", "delete_log")
        writes += ("new_evaluation", "edit_home", "edit_host")
        context.lock_writes(self.new_button, *(self.detail.buttons[key] for key in writes))
        context.events.changed.connect(self._on_events_changed)
        self._build_layout()
        self.refresh()

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
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.panel)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([880, 470])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    # TabPage

    def show_filtered(self, filters: Mapping[str, Any]) -> None:
        self.panel.show_filtered(filters)

    def refresh(self) -> None:
        kept = self.panel.current_id()
        self.model.reload()
        if not (kept and self.panel.select_id(kept)) and self.model.rowCount():
            self.panel.table.selectRow(self._first_running_row())  # show one, not a blank
        self.detail.show_posting(self.panel.current_id(), self._today())
        self._show_reminders()

    def _first_running_row(self) -> int:
        status = self.source.column_index("status")
        for row in range(min(self.model.rowCount(), 50)):
            found = self.model.row_at(row)
            if found is not None and is_running(found.values[status]):
                return row
        return 0

    def new_record(self) -> None:
        today = self._today()
        data = PostingData(starts_on=today, ends_on=today.replace(year=today.year + 1))
        dialog = PostingDialog(self.database, data, new=True, parent=self)
        dialog.set_saver(self._create_posting)
        self._open(dialog)

    def focus_search(self) -> None:
        self.panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.search.selectAll()

    def delete_selected(self) -> None:
        posting_id = self.panel.current_id()
        if posting_id is None or self.detail.detail is None:
            return
        name = self.detail.detail.person_name
        answer = QMessageBox.question(
            self,
            self.tr("删除"),
            self.tr("删除“{name}”的这项挂职？工作记录和评价随之隐藏。").format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes and self._run(
            lambda s: service.delete_posting(s, posting_id)
        ):
            self._push(
                self.tr("删除挂职“{name}”").format(name=name),
                lambda s: service.restore_posting(s, posting_id),
                lambda s: service.delete_posting(s, posting_id),
            )

    def print_current(self) -> None:
        self.print_evaluation()

    # postings

    def _create_posting(self, data: PostingData) -> str:
        with self.database.session() as session:
            posting_id = service.create_posting(session, data, self._today())
            name = service.get_posting(session, posting_id).person_name
        self._push(
            self.tr("新建挂职“{name}”").format(name=name),
            lambda s: service.delete_posting(s, posting_id),
            lambda s: service.restore_posting(s, posting_id),
        )
        self._changed()
        self.panel.select_id(posting_id)
        return posting_id

    def edit_posting(self) -> None:
        detail = self.detail.detail
        if detail is None:
            return
        dialog = PostingDialog(
            self.database,
            detail.data,
            new=False,
            dates_locked=Action.EDIT_DATES not in detail.actions,
            parent=self,
        )

        def save(data: PostingData) -> Any:
            if data == detail.data:
                return detail
            with self.database.session() as session:
                saved = service.save_posting(
                    session, detail.id, detail.version, data, self._today()
                )
            self._push(
                self.tr("修改挂职“{name}”").format(name=saved.person_name),
                lambda s: self._save_posting_as(s, detail.id, detail.data),
                lambda s: self._save_posting_as(s, detail.id, data),
                (Posting, detail.id),
            )
            self._changed()
            return saved

        dialog.set_saver(save)
        self._open(dialog)

    def change_term(self, early: bool) -> None:
        detail = self.detail.detail
        if detail is None:
            return
        today = self._today()
        if early:
            dialog = TermChangeDialog(
                self.tr("提前结束挂职"), self.tr("结束日期"), "ended_on", today, self
            )
        else:
            dialog = TermChangeDialog(
                self.tr("挂职延期"), self.tr("新的结束日期"), "ends_on", detail.ends_on, self
            )

        def save(values: tuple[date, str]) -> Any:
            day, reason = values
            with self.database.session() as session:
                if early:
                    result = service.end_early(
                        session, detail.id, detail.version, day, reason, today
                    )
                else:
                    result = service.extend(session, detail.id, detail.version, day, reason, today)
            self._changed()
            return result

        dialog.set_saver(save)
        self._open(dialog)

    # logs and evaluations

    def edit_log(self, new: bool) -> None:
        posting_id = self.detail.posting_id()
        if posting_id is None:
            return
        log_id = None if new else self.detail.current_log_id()
        if not new and log_id is None:
            return
        if log_id is None:
            data = WorkLogData(logged_on=min(self._today(), self.detail.detail.ends_on))  # type: ignore[union-attr]
            version = 0
        else:
            with self.database.reader() as session:
                view = logs.get_log(session, log_id)
            data, version = view.data, view.version
        dialog = WorkLogDialog(self.database, data, new=new, parent=self)

        def save(entered: WorkLogData) -> Any:
            with self.database.session() as session:
                if log_id is None:
                    result: Any = logs.add_log(session, posting_id, entered)
                else:
                    result = logs.save_log(session, log_id, version, entered)
            if log_id is None:
                self._push(
                    self.tr("新建工作记录"),
                    lambda s: logs.delete_log(s, result),
                    lambda s: logs.restore_log(s, result),
                )
            else:
                self._push(
                    self.tr("修改工作记录"),
                    lambda s: self._save_log_as(s, log_id, data),
                    lambda s: self._save_log_as(s, log_id, entered),
                    (WorkLog, log_id),
                )
            self._changed()
            return result

        dialog.set_saver(save)
        self._open(dialog)

    def delete_log(self) -> None:
        log_id = self.detail.current_log_id()
        if log_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("删除"),
            self.tr("删除选中的工作记录？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes and self._run(
            lambda s: logs.delete_log(s, log_id)
        ):
            self._push(
                self.tr("删除工作记录"),
                lambda s: logs.restore_log(s, log_id),
                lambda s: logs.delete_log(s, log_id),
            )

    def edit_evaluation(self, side: EvaluatorSide | None) -> None:
        detail = self.detail.detail
        if detail is None:
            return
        pair = self.detail.current_pair()
        view = None
        if side is not None and pair is not None:
            view = pair.home if side is EvaluatorSide.HOME else pair.host
        if view is None:
            today = self._today()
            year = min(today.year, detail.ends_on.year)
            data = EvaluationData(
                side=side,
                period=pair.period if side is not None and pair else EvaluationPeriod.ANNUAL,
                year=pair.year if side is not None and pair else year,
                evaluated_on=today,
            )
            evaluation_id, version = None, 0
        else:
            data, evaluation_id, version = view.data, view.id, view.version
        dialog = EvaluationDialog(data, new=evaluation_id is None, parent=self)

        def save(entered: EvaluationData) -> Any:
            with self.database.session() as session:
                if evaluation_id is None:
                    result: Any = evaluations.add_evaluation(session, detail.id, entered)
                else:
                    result = evaluations.save_evaluation(session, evaluation_id, version, entered)
            if evaluation_id is None:
                added = [result]  # a redo adds it again, under a new id

                def redo(s: Any) -> None:
                    added.append(evaluations.add_evaluation(s, detail.id, entered))

                self._push(
                    self.tr("新建评价"),
                    lambda s: evaluations.delete_evaluation(s, added[-1]),
                    redo,
                )
            else:
                self._push(
                    self.tr("修改评价"),
                    lambda s: self._save_evaluation_as(s, evaluation_id, data),
                    lambda s: self._save_evaluation_as(s, evaluation_id, entered),
                    (Evaluation, evaluation_id),
                )
            self._changed()
            return result

        dialog.set_saver(save)
        self._open(dialog)

    def show_assessment(self) -> None:
        from ui.secondments.assessment import AssessmentDialog

        dialog = AssessmentDialog(self.database, self._today().year, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.posting_chosen.connect(self.panel.select_id)
        dialog.open()

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

    def _push(
        self,
        text: str,
        undo: Callable[[Any], Any],
        redo: Callable[[Any], Any],
        guarded: tuple[type[Any], str] | None = None,
    ) -> None:
        """``guarded``: the edited row, whose version each undo and redo checks."""
        command = DoneCommand(text, undo, redo, self.database, self.context.events, guarded)
        self.context.undo_stack.push(command)

    def _save_posting_as(self, session: Any, posting_id: str, data: PostingData) -> None:
        current = service.get_posting(session, posting_id)
        service.save_posting(session, posting_id, current.version, data, self._today())

    @staticmethod
    def _save_log_as(session: Any, log_id: str, data: WorkLogData) -> None:
        logs.save_log(session, log_id, logs.get_log(session, log_id).version, data)

    @staticmethod
    def _save_evaluation_as(session: Any, evaluation_id: str, data: EvaluationData) -> None:
        current = evaluations.get_evaluation(session, evaluation_id)
        evaluations.save_evaluation(session, evaluation_id, current.version, data)

    def _open(self, dialog: RecordDialog) -> RecordDialog:
        """Shows a form; a viewer's opens read-only (a double-click shows the record)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        if not self.context.may_edit:
            dialog.show_read_only()
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: RecordDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _run(self, action: Callable[[Any], Any]) -> bool:
        try:
            with self.database.session() as session:
                action(session)
        except UserError as error:
            QMessageBox.warning(self, self.tr("无法完成"), message_text(error.message))
            return False
        self._changed()
        return True

    def _changed(self) -> None:
        self.context.events.changed.emit(AREA)

    def _show_reminders(self) -> None:
        with self.database.reader() as session:
            found = reminders.reminders(session, self._today())
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

    # slots

    def _on_events_changed(self, area: str) -> None:
        if area in (AREA, "directory"):
            self.refresh()

    def _on_panel_current_changed(self, posting_id: object) -> None:
        self.detail.show_posting(posting_id if isinstance(posting_id, str) else None, self._today())

    def _on_detail_action_requested(self, action: str) -> None:
        handlers: dict[str, Callable[[], None]] = {
            "edit": self.edit_posting,
            "extend": lambda: self.change_term(early=False),
            "end_early": lambda: self.change_term(early=True),
            "delete": self.delete_selected,
            "print_evaluation": self.print_evaluation,
            "print_assessment": self.print_assessment,
            "save_evaluation": lambda: self.save_form("evaluation"),
            "save_assessment": lambda: self.save_form("assessment"),
            "new_log": lambda: self.edit_log(new=True),
            "edit_log": lambda: self.edit_log(new=False),
            "delete_log": self.delete_log,
            "new_evaluation": lambda: self.edit_evaluation(None),
            "edit_home": lambda: self.edit_evaluation(EvaluatorSide.HOME),
            "edit_host": lambda: self.edit_evaluation(EvaluatorSide.HOST),
        }
        handlers[action]()
