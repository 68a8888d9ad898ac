"""The meeting editor: 基本信息, 出席人员, 议程与议定事项, and the minutes' lifecycle.

The editor is a window of its own beside the main window (not modal), one for the tab:
opening another meeting shows it there. Edits stay in the editor until saved (Ctrl+S); a save
stores the whole meeting through ``service.save_meeting`` in one session and keeps the editor
open. A ``ValidationError`` is shown at its field — the page is brought forward, a row of the
attendees or a node of the agenda selected — and nothing typed is lost. While something is
unsaved a marker says so beside 保存; closing (Esc) or moving to another meeting then asks
保存 / 放弃 / 取消. A viewer sees the meeting read-only under a 只读 banner.

Lifecycle: 定稿 is refused before the meeting has started, and names everything still
missing, all at once, before finalising; a final
meeting is read-only (only the action items' progress and 转为民生事项 stay open, they track
the work rather than change the minutes) until 退回草稿 with a reason. The minutes PDF,
print preview and the sign-in sheet are built from what is saved.

Signals:
    saved(str): the meeting's id, after anything was written to the database.
    created(str, str): the id and title of a new meeting, after its first save.
    issue_created(str): the id of an issue a decision was turned into.
    issue_opened(str): the id of a linked issue to show in the issues tab.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from app.errors import ConflictError, NotFoundError, UserError, ValidationError
from app.meetings import service
from app.meetings.detail import MeetingDetail
from app.meetings.records import MeetingContent, MeetingData

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QMenu,
    QMessageBox,
    QTabWidget,
    QToolButton,
    QWidget,
)
from ui.i18n import message_text
from ui.meetings import output
from ui.meetings.agenda_model import ActionNode, DecisionNode
from ui.meetings.agenda_page import AgendaPage
from ui.meetings.attendees_page import AttendeesPage
from ui.meetings.basics_page import BasicsPage, from_qdatetime
from ui.meetings.raise_issue_dialog import RaiseIssueDialog
from ui.tab import TabContext
from ui.widgets import palette, read_only
from ui.widgets.editor_dialog import EditorDialog
from ui.widgets.questions import ask
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.screen import fit_to_screen

BASICS, ATTENDEES, AGENDA = 0, 1, 2
SIZE = (1180, 700)
TIME = "%Y-%m-%d %H:%M"
DRAFT_STYLE = palette.banner(palette.DRAFT_FILL, palette.DRAFT_BLUE)
FINAL_STYLE = palette.banner(palette.DONE_FILL, palette.DONE_GREEN)
ATTENDEE_KEY = re.compile(r"^attendees(\[|$)")


class MeetingDialog(EditorDialog):
    created = Signal(str, str)
    issue_created = Signal(str)
    issue_opened = Signal(str)

    def __init__(
        self,
        context: TabContext,
        meeting_id: str | None = None,
        blank: MeetingData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.detail: MeetingDetail | None = None
        self.basics = BasicsPage(self.database, self)
        self.attendees = AttendeesPage(self.database, self)
        self.agenda = AgendaPage(self.database, self)
        self.agenda.issue_requested.connect(self.raise_issue)
        self.agenda.issue_opened.connect(self.issue_opened)
        self.agenda.status_picked.connect(self._on_agenda_status_picked)
        self.agenda.action_form.default_due = self._default_due
        self.attendees.model.counts_changed.connect(self._update_tab_titles)
        self.agenda.model.rowsInserted.connect(self._update_tab_titles)
        self.agenda.model.rowsRemoved.connect(self._update_tab_titles)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.basics, self.tr("基本信息"))
        self.tabs.addTab(self.attendees, self.tr("出席人员"))
        self.tabs.addTab(self.agenda, self.tr("议程与议定事项"))
        self._build_buttons()
        self._build_layout()
        self.finish_building()
        self.marker.watch(self.basics, self.attendees, self.agenda)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_minutes)

        if meeting_id is not None:
            with self.database.reader() as session:
                detail = service.get_meeting(session, meeting_id)
            self.load(detail)
        else:
            self.load_new(blank or MeetingData())
        fit_to_screen(self, *SIZE)

    # building

    def _build_buttons(self) -> None:
        self.finalise_button = self._button(
            self.tr("定稿…"), self.tr("检查纪要是否完整，定稿后只读"), self.finalise
        )
        self.reopen_button = self._button(
            self.tr("退回草稿…"), self.tr("说明理由后退回草稿，理由记入操作日志"), self.reopen
        )
        self.export_button = self._button(
            self.tr("导出纪要PDF…"), self.tr("按公文格式保存纪要的 PDF 文件"), self.export_minutes
        )
        self.print_button = self._button(
            self.tr("打印纪要…"), self.tr("打印预览，再打印（Ctrl+P）"), self.print_minutes
        )
        self.archive_button = self._button(
            self.tr("归档包…"),
            self.tr("纪要、签到表、附件、议定事项和 SHA-256 校验清单，存入一个文件夹"),
            self.archive,
        )
        self.signin_button = QToolButton(self)
        self.signin_button.setText(self.tr("签到表"))
        self.signin_button.setToolTip(self.tr("会前打印签到表：参会人员、单位、职务和签名栏"))
        self.signin_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.signin_button.setStyleSheet("QToolButton { padding: 3px 16px 3px 8px; }")  # the ▾
        menu = QMenu(self.signin_button)
        menu.addAction(self.tr("打印预览…"), self.print_signin_sheet)
        menu.addAction(self.tr("另存为 PDF…"), self.save_signin_sheet)
        self.signin_button.setMenu(menu)
        self.save_button = self._button(self.tr("保存"), self.tr("保存（Ctrl+S）"), self.save)
        self.close_button = self._button(self.tr("关闭"), self.tr("关闭（Esc）"), self.reject)
        read_only.reads(
            self.signin_button, self.export_button, self.print_button, self.archive_button
        )

    def _build_layout(self) -> None:
        steps = (self.finalise_button, self.reopen_button, self.signin_button,
                 self.export_button, self.archive_button, self.print_button)  # fmt: skip
        self.lay_out(self.tabs, steps)

    # loading

    @property
    def meeting_id(self) -> str | None:
        return self.detail.id if self.detail is not None else None

    @property
    def is_final(self) -> bool:
        return self.detail is not None and self.detail.is_final

    @property
    def read_only(self) -> bool:
        """A final meeting, or any meeting a viewer opens."""
        return self.is_final or not self.context.may_edit

    def _kinds(self) -> list[str]:
        with self.database.reader() as session:
            return service.meeting_kinds(session)

    def load_new(self, data: MeetingData) -> None:
        self.detail = None
        self.basics.set_kinds(self._kinds(), data.kind)
        self.basics.load(data)
        self.attendees.model.set_rows([])
        self.agenda.load(())
        self._after_load()

    def load(self, detail: MeetingDetail, keep: tuple[int, ...] = ()) -> None:
        """Shows the meeting as stored; ``keep`` is the agenda node to select again."""
        self.detail = detail
        self.basics.set_kinds(self._kinds(), detail.data.kind)
        self.basics.load(detail.data)
        self.attendees.model.set_rows(list(detail.attendees))
        self.agenda.load(detail.agenda, keep or self.agenda.current_path())
        self._after_load()

    def reload(self) -> bool:
        """Re-reads the meeting (after a change elsewhere); False when it is gone."""
        if self.meeting_id is None:
            return False
        try:
            with self.database.reader() as session:
                detail = service.get_meeting(session, self.meeting_id)
        except NotFoundError as error:
            QMessageBox.warning(self, self.windowTitle(), message_text(error.message))
            self._clean = self.state()
            self.done(QDialog.DialogCode.Rejected)
            return False
        self.load(detail, self.agenda.current_path())
        return True

    def show_meeting(self, meeting_id: str) -> bool:
        """Moves the editor to another meeting, asking first about unsaved changes."""
        if meeting_id == self.meeting_id:
            return True
        if not self.may_leave():
            return False
        with self.database.reader() as session:
            detail = service.get_meeting(session, meeting_id)
        self.load(detail, (0,))
        self.tabs.setCurrentIndex(BASICS)
        return True

    def show_new(self, data: MeetingData) -> bool:
        """Moves the editor to a new meeting, asking first about unsaved changes."""
        if not self.may_leave():
            return False
        self.load_new(data)
        self.tabs.setCurrentIndex(BASICS)
        return True

    def _after_load(self) -> None:
        self.clear_errors()
        self._clean = self.state()
        final, locked = self.is_final, self.read_only
        self.basics.set_read_only(locked)
        self.attendees.set_read_only(locked)
        self.agenda.set_read_only(locked)
        self.save_button.setEnabled(not locked)
        self.finalise_button.setVisible(not final)
        self.reopen_button.setVisible(final)
        self.archive_button.setVisible(final)
        if not self.context.may_edit:  # tracking too; printing stays open
            read_only.lock_inputs(self, keep=(self.close_button,))
        self.marker.update_now()
        self._show_banner()
        self._update_tab_titles()
        title = self.detail.data.title if self.detail is not None else ""
        self.setWindowTitle(
            self.tr("会议：{title}").format(title=title) if title else self.tr("新建会议")
        )

    def _show_banner(self) -> None:
        detail = self.detail
        if detail is None:
            self.banner.setText(self.tr("新会议，尚未保存。填好基本信息后按 Ctrl+S 保存。"))
            self.banner.setStyleSheet(DRAFT_STYLE)
            return
        parts = []
        if detail.is_final and detail.finalised_at is not None:
            parts.append(
                self.tr("已定稿（{time}），只读。如需修改，请“退回草稿”并说明理由。").format(
                    time=detail.finalised_at.strftime(TIME)
                )
            )
        else:
            parts.append(
                self.tr("草稿 · 最后保存 {time}").format(time=detail.updated_at.strftime(TIME))
            )
        if detail.exported_at is not None:
            parts.append(self.tr("已导出 {time}").format(time=detail.exported_at.strftime(TIME)))
        if detail.printed_at is not None:
            parts.append(self.tr("已打印 {time}").format(time=detail.printed_at.strftime(TIME)))
        self.banner.setText(" · ".join(parts))
        self.banner.setStyleSheet(FINAL_STYLE if detail.is_final else DRAFT_STYLE)

    def _update_tab_titles(self, *_args: object) -> None:
        counts = self.attendees.model.counts()
        self.tabs.setTabText(
            ATTENDEES,
            self.tr("出席人员（{present}/{expected}）").format(
                present=counts.present, expected=counts.expected
            ),
        )
        self.tabs.setTabText(
            AGENDA, self.tr("议程与议定事项（{n}）").format(n=len(self.agenda.model.items))
        )

    # state

    def state(self) -> tuple[Any, ...]:
        return (
            self.basics.state(),
            tuple(
                (a.person_id, a.resident_unit_id, a.status, a.reason, a.id)
                for a in self.attendees.model.data_rows()
            ),
            self.agenda.model.state(),
        )

    def _default_due(self) -> date:
        """A new action item is due the working day before the next session."""
        starts_at = from_qdatetime(self.basics.starts_at.dateTime())
        with self.database.reader() as session:
            return service.default_due_on(session, starts_at)

    def collect(self) -> MeetingContent:
        return MeetingContent(
            self.basics.collect(), self.attendees.model.data_rows(), self.agenda.content()
        )

    # saving

    def save(self) -> bool:
        """Stores the meeting; False (with the error at its field) when it could not."""
        if self.is_final:
            return False
        self.clear_errors()
        keep = self.agenda.current_path()
        try:
            content = self.collect()
            with self.database.session() as session:
                if self.meeting_id is None:
                    new_id = service.create_meeting(session, content)
                    detail = service.get_meeting(session, new_id)
                    created = True
                else:
                    assert self.detail is not None
                    detail = service.save_meeting(
                        session, self.detail.id, self.detail.version, content
                    )
                    created = False
        except UserError as error:
            self.report(error)
            return False
        changed = created or detail.version != self.detail.version  # type: ignore[union-attr]
        self.load(detail, keep)
        from ui.printing.characters import warn_unprintable

        warn_unprintable(self, content)
        if created:
            self.created.emit(detail.id, detail.data.title)
        if changed:
            self.saved.emit(detail.id)
        return True

    def _save_first(self) -> bool:
        """Before a step that works on what is stored: saves a new or changed meeting."""
        if self.meeting_id is not None and not self.is_dirty():
            return True
        return self.save()

    def reload_question(self) -> str:
        return self.tr("重新载入这次会议吗？本窗口中未保存的修改将会丢失。")

    # errors

    def show_error(self, key: str, text: str, *, focus: bool = True) -> bool:
        """Shows the message at the field ``key`` names, bringing its page forward."""
        if self.basics.errors.has(key):
            if focus:
                self.tabs.setCurrentIndex(BASICS)
            return self.basics.errors.show(key, text, focus=focus)
        if ATTENDEE_KEY.match(key) and self.attendees.has_field(key):
            if focus:
                self.tabs.setCurrentIndex(ATTENDEES)
            return self.attendees.show_error(key, text)
        if self.agenda.has_field(key):
            if focus:
                self.tabs.setCurrentIndex(AGENDA)
            if self.agenda.show_error(key, text, focus=focus):
                return True
        QMessageBox.warning(self, self.windowTitle(), text)
        return False

    def error_text(self, key: str) -> str:
        """The error shown for ``key`` ("" when none): what a test or screen reader reads."""
        if self.basics.errors.has(key):
            return self.basics.errors.text(key)
        if ATTENDEE_KEY.match(key):
            return self.attendees.error_text()
        if self.agenda.has_field(key):
            return self.agenda.error_text()
        return ""

    def clear_errors(self) -> None:
        self.basics.errors.clear()
        self.attendees.clear_errors()
        self.agenda.clear_errors()

    # the lifecycle

    def finalise(self) -> bool:
        """定稿: refused before the meeting started; names every gap first; asks; then the
        meeting is final and read-only."""
        if self.is_final or not self._save_first():
            return False
        assert self.detail is not None
        try:
            with self.database.reader() as session:
                service.check_held(session, self.detail.id)
        except ValidationError as error:
            self.show_error(error.field, message_text(error.message))
            QMessageBox.warning(self, self.tr("还不能定稿"), message_text(error.message))
            return False
        with self.database.reader() as session:
            missing = service.finalise_problems(session, self.detail.id)
        if missing:
            self._show_problems(missing)
            return False
        if not ask(
            self,
            self.tr("定稿"),
            self.tr("定稿后纪要只读；如需修改，须退回草稿并说明理由。现在定稿吗？"),
        ):
            return False
        try:
            with self.database.session() as session:
                detail = service.finalise(session, self.detail.id, self.detail.version)
        except service.IncompleteMinutesError as error:
            self._show_problems(list(error.missing))
            return False
        except ValidationError as error:
            self.show_error(error.field, message_text(error.message))
            return False
        except ConflictError as error:
            self._offer_reload(error)
            return False
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), message_text(error.message))
            return False
        self.load(detail)
        self.saved.emit(detail.id)
        return True

    def _show_problems(self, missing: list[service.Missing]) -> None:
        self.clear_errors()
        for n, problem in enumerate(missing):
            text = self.tr("定稿前请补全：{what}").format(what=message_text(problem.what))
            self.show_error_quietly(problem.field, text, focus=n == 0)
        lines = "\n".join(f"· {message_text(m.what)}" for m in missing)
        QMessageBox.warning(
            self,
            self.tr("还不能定稿"),
            self.tr("定稿前请补全以下 {n} 项：\n{lines}").format(n=len(missing), lines=lines),
        )

    def show_error_quietly(self, key: str, text: str, *, focus: bool) -> None:
        """Like show_error, without a message box for a field no page shows."""
        if self.basics.errors.has(key):
            if focus:
                self.tabs.setCurrentIndex(BASICS)
            self.basics.errors.show(key, text, focus=focus)
        elif ATTENDEE_KEY.match(key):
            if focus:
                self.tabs.setCurrentIndex(ATTENDEES)
            self.attendees.show_error(key, text)
        elif self.agenda.has_field(key) and focus:
            self.tabs.setCurrentIndex(AGENDA)
            self.agenda.show_error(key, text, focus=focus)

    def reopen(self) -> ReasonDialog | None:
        """退回草稿: asks for the reason (required) in a dialog, which does the step."""
        if not self.is_final:
            return None
        assert self.detail is not None
        meeting_id, version = self.detail.id, self.detail.version

        def apply(reason: str) -> MeetingDetail:
            with self.database.session() as session:
                return service.reopen(session, meeting_id, version, reason)

        return self.ask_reason(
            self.tr("退回草稿"),
            self.tr("请说明退回草稿的理由（例如：补充会议决定的责任单位）。理由将记入操作日志。"),
            apply,
            self._on_reopened,
        )

    def _on_reopened(self, detail: MeetingDetail) -> None:
        self.reason_dialog = None
        self.load(detail)
        self.saved.emit(detail.id)

    # documents

    def export_minutes(self) -> None:
        if not self._save_first() or self.meeting_id is None:
            return
        if output.export_minutes(self, self.database, self.meeting_id) is not None:
            self._refresh_marks()

    def print_minutes(self) -> None:
        if not self._save_first() or self.meeting_id is None:
            return
        if output.print_minutes(self, self.database, self.meeting_id):
            self._refresh_marks()

    def archive(self) -> None:
        if self._save_first() and self.meeting_id is not None:
            output.archive_meeting(self, self.database, self.meeting_id)

    def print_signin_sheet(self) -> None:
        if self._save_first() and self.meeting_id is not None:
            output.print_signin_sheet(self, self.database, self.meeting_id)

    def save_signin_sheet(self) -> None:
        if self._save_first() and self.meeting_id is not None:
            output.save_signin_sheet(self, self.database, self.meeting_id)

    def _refresh_marks(self) -> None:
        """The exported/printed times changed (the version did not): show them."""
        assert self.detail is not None
        with self.database.reader() as session:
            stored = service.get_meeting(session, self.detail.id)
        self.detail = stored if stored.version == self.detail.version else self.detail
        self._show_banner()
        self.saved.emit(stored.id)

    # tracking: allowed on a final meeting too

    def raise_issue(self, node: DecisionNode | ActionNode) -> str | None:
        """转为民生事项 for a decision or action item; the new issue's id."""
        label = node.text if isinstance(node, DecisionNode) else node.description
        asked = RaiseIssueDialog(self.database, label, self)
        if not asked.exec():
            return None
        path = self.agenda.model.path_of(node)
        if not self.is_final and not self._save_first():
            return None
        saved = self.agenda.model.node_at(path)
        if saved is None or saved.id is None:
            return None
        is_decision = isinstance(saved, DecisionNode)
        try:
            with self.database.session() as session:
                issue_id = service.decision_to_issue(
                    session,
                    decision_id=saved.id if is_decision else None,
                    action_item_id=None if is_decision else saved.id,
                    category_id=asked.category_id(),
                    community_id=asked.community_id(),
                )
        except UserError as error:
            QMessageBox.warning(self, self.tr("转为民生事项"), message_text(error.message))
            return None
        self._reload_keeping_edits_safe(path)
        if isinstance(saved, DecisionNode):
            decision = self.agenda.model.node_at(path)
            if isinstance(decision, DecisionNode):
                linked = [a for a in decision.actions if a.issue_id == issue_id]
                self.agenda.select(linked[0] if linked else decision)
        assert self.detail is not None
        self.saved.emit(self.detail.id)
        self.issue_created.emit(issue_id)
        return issue_id

    def _on_agenda_status_picked(self, node: ActionNode) -> None:
        if not self.is_final or node.id is None:
            return  # a draft saves the status with everything else
        path = self.agenda.model.path_of(node)
        try:
            with self.database.session() as session:
                service.set_action_status(session, node.id, node.status)
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), message_text(error.message))
        self._reload_keeping_edits_safe(path)
        assert self.detail is not None
        self.saved.emit(self.detail.id)

    def _reload_keeping_edits_safe(self, path: tuple[int, ...]) -> None:
        """After a tracking step (which moves the version on) nothing is unsaved: reload."""
        assert self.detail is not None
        with self.database.reader() as session:
            detail = service.get_meeting(session, self.detail.id)
        self.load(detail, path)

    # closing

    def leave_title(self) -> str:
        return self.basics.title.text().strip() or self.tr("新会议")
