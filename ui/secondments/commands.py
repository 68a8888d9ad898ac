"""Changes to postings, their work logs and evaluations, made from the secondments tab: the
dialogs that enter them and the undo commands they push.

Each change is made first, then pushed as a ``StepCommand`` already done, whose first redo
announces the change to the secondments (and the posting, when one is guarded); undo and
redo run app/ steps. Extensions and early ends are not undone here: they are audited steps
with a reason (a wrong one is corrected by a new step, on the record).

Signals:
    posting_created(str): the new posting's id, to select it in the list.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from app.changes import Area, Changes
from app.enums import EvaluationPeriod, EvaluatorSide
from app.errors import UserError
from app.secondments import evaluations, logs, service
from app.secondments.lifecycle import Action
from app.secondments.records import EvaluationData, PostingData, WorkLogData
from db.models.secondments import Evaluation, Posting, WorkLog

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from ui.i18n import message_text
from ui.secondments.detail import PostingDetailPanel
from ui.tab import TabContext
from ui.widgets.one_dialog import open_one
from ui.widgets.questions import ask
from ui.widgets.undo import StepCommand

if TYPE_CHECKING:  # the forms load when first opened
    from ui.widgets.record_dialog import RecordDialog


class PostingCommands(QObject):
    posting_created = Signal(str)

    def __init__(
        self,
        context: TabContext,
        detail: PostingDetailPanel,
        today: Callable[[], date],
        screen: QWidget,
    ) -> None:
        super().__init__(screen)
        self.context = context
        self.database = context.database
        self.detail = detail
        self._today = today
        self.screen = screen  # the dialogs' parent
        self.dialog: RecordDialog | None = None  # the dialog open now, if any

    def new_posting(self) -> None:
        from ui.secondments.dialogs import PostingDialog

        today = self._today()
        data = PostingData(starts_on=today, ends_on=today.replace(year=today.year + 1))
        dialog = PostingDialog(self.database, data, new=True, parent=self.screen)
        dialog.set_saver(self._create_posting)
        self._open(dialog)

    def _create_posting(self, data: PostingData) -> str:
        with self.database.session() as session:
            posting_id = service.create_posting(session, data, self._today())
            name = service.get_posting(session, posting_id).person_name
        self._push(
            self.tr("新建挂职“{name}”").format(name=name),
            lambda s: service.delete_posting(s, posting_id),
            lambda s: service.restore_posting(s, posting_id),
        )
        self.posting_created.emit(posting_id)
        return posting_id

    def edit_posting(self) -> None:
        detail = self.detail.detail
        if detail is None:
            return
        from ui.secondments.dialogs import PostingDialog

        dialog = PostingDialog(
            self.database,
            detail.data,
            new=False,
            dates_locked=Action.EDIT_DATES not in detail.actions,
            parent=self.screen,
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
            return saved

        dialog.set_saver(save)
        self._open(dialog)

    def change_term(self, early: bool) -> None:
        detail = self.detail.detail
        if detail is None:
            return
        from ui.secondments.dialogs import TermChangeDialog

        today = self._today()
        if early:
            dialog = TermChangeDialog(
                self.tr("提前结束挂职"), self.tr("结束日期"), "ended_on", today, self.screen
            )
        else:
            dialog = TermChangeDialog(
                self.tr("挂职延期"), self.tr("新的结束日期"), "ends_on", detail.ends_on, self.screen
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
            self.context.events.announce(Changes.of(Area.SECONDMENTS, ids=[detail.id]))
            return result

        dialog.set_saver(save)
        self._open(dialog)

    def delete_posting(self) -> None:
        """Asks (default No), then deletes the posting shown; undoable."""
        detail = self.detail.detail
        if detail is None:
            return
        posting_id, name = detail.id, detail.person_name
        if ask(
            self.screen,
            self.tr("删除"),
            self.tr("删除“{name}”的这项挂职？工作记录和评价随之隐藏。").format(name=name),
        ) and self._run(lambda s: service.delete_posting(s, posting_id)):
            self._push(
                self.tr("删除挂职“{name}”").format(name=name),
                lambda s: service.restore_posting(s, posting_id),
                lambda s: service.delete_posting(s, posting_id),
            )

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
        from ui.secondments.dialogs import WorkLogDialog

        dialog = WorkLogDialog(self.database, data, new=new, parent=self.screen)

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
            return result

        dialog.set_saver(save)
        self._open(dialog)

    def delete_log(self) -> None:
        log_id = self.detail.current_log_id()
        if log_id is None:
            return
        if ask(self.screen, self.tr("删除"), self.tr("删除选中的工作记录？")) and self._run(
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
        from ui.secondments.dialogs import EvaluationDialog

        dialog = EvaluationDialog(data, new=evaluation_id is None, parent=self.screen)

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
            return result

        dialog.set_saver(save)
        self._open(dialog)

    def _push(
        self,
        text: str,
        undo: Callable[[Any], Any],
        redo: Callable[[Any], Any],
        guarded: tuple[type[Any], str] | None = None,
    ) -> None:
        """``guarded``: the edited row, whose version each undo and redo checks."""
        command = StepCommand(
            Area.SECONDMENTS, text, (undo, redo), self.database, self.context.events, guarded
        )
        self.context.undo_stack.push(command)  # its first redo announces the change

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
        if not self.context.may_edit:
            dialog.show_read_only()
        return open_one(self, dialog)

    def _run(self, action: Callable[[Any], Any]) -> bool:
        """Runs a change that is then pushed (the push announces it); False when refused."""
        try:
            with self.database.session() as session:
                action(session)
        except UserError as error:
            QMessageBox.warning(self.screen, self.tr("无法完成"), message_text(error.message))
            return False
        return True
