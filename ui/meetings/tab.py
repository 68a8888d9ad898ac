"""The joint meetings tab (联席会议): the list on the left, the next meetings and the selected
meeting at a glance on the right (at the first build, the glance follows once the list shows).

Filters: kind, period, host (with everything below it), status, "只看即将召开"; a search over
title and place. Enter or a double-click opens the editor, a window beside this one (the
list stays usable; another meeting opened goes into the same editor, which asks about unsaved
changes first); Ctrl+N makes a new meeting;
Delete asks first (a final meeting cannot be deleted: the service says why); 复制为下次会议
asks for the new start and opens the copy. Create, duplicate and delete go on the undo stack.
Ctrl+P (``print_current``) previews and prints the selected meeting's minutes. Every change is
announced on the window's change channel, which also refreshes this tab.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.changes import Area, Changes
from app.enums import MeetingStatus
from app.errors import UserError
from app.localtime import BEIJING, beijing_today
from app.meetings.kinds import meeting_kinds
from app.meetings.lists import MeetingList
from app.meetings.upcoming import upcoming

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import enum_text, message_text
from ui.meetings.filters import HostFilter, PeriodFilter
from ui.meetings.summary import MeetingSummaryPanel
from ui.models.paged_table import PagedTableModel
from ui.tab import TabContext, TabPage
from ui.widgets.buttons import action_button
from ui.widgets.list_panel import ListPanel
from ui.widgets.one_dialog import open_dialog
from ui.widgets.questions import ask
from ui.widgets.splitter import side_by_side

if TYPE_CHECKING:  # the use cases, dialogs, printing and undo commands load when first used
    from app.meetings.records import MeetingData

    from ui.meetings.duplicate_dialog import DuplicateDialog
    from ui.meetings.editor import MeetingDialog

UPCOMING_SHOWN = 6
SUMMARY_WIDTH = 440
STATUS_COLUMN = MeetingList().column_index("status")
TITLE_COLUMN = MeetingList().column_index("title")


class MeetingsTab(TabPage):
    # hosts come from the directory; decisions turned into issues show how those stand
    shows = frozenset({Area.MEETINGS, Area.DIRECTORY, Area.ISSUES})
    imports_ahead = ("app.meetings.store",)  # the selected meeting's summary

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.editor: MeetingDialog | None = None  # the editor open now, if any
        self.duplicate_dialog: DuplicateDialog | None = None
        self._shown_once = False
        self._refreshing = False  # the selection's detail is read once, when refresh ends
        self.model = PagedTableModel(context.database, MeetingList(), self)
        self.panel = ListPanel(self.model, self)
        self.panel.set_title(self.tr("联席会议"))
        self.panel.set_empty_text(
            self.tr("还没有会议。按 Ctrl+N 新建一次会议，或选中以往的会议“复制为下次会议”。")
        )
        self._add_filters()
        header = self.panel.table.horizontalHeader()
        for column in range(header.count()):  # no header text cut off, in either language
            width = max(header.sectionSize(column), header.sectionSizeHint(column))
            self.panel.table.setColumnWidth(column, width)
        self.panel.record_activated.connect(self.open_meeting)
        self.panel.current_changed.connect(self._on_selection_moved)

        self.summary = MeetingSummaryPanel(self)
        self.summary.upcoming_activated.connect(self._on_upcoming_activated)
        self.new_button = action_button(
            self, self.tr("新建会议…"), self.tr("新建会议（Ctrl+N）"), self.new_record
        )
        self.open_button = action_button(
            self, self.tr("打开…"), self.tr("打开编辑（Enter、双击）"), self.open_selected
        )
        self.duplicate_button = action_button(
            self,
            self.tr("复制为下次会议…"),
            self.tr("以选中的会议为底稿，新建下次会议"),
            self.duplicate_selected,
        )
        self.print_button = action_button(
            self,
            self.tr("打印纪要…"),
            self.tr("打印预览选中会议的纪要（Ctrl+P）"),
            self.print_current,
        )
        self.signin_button = action_button(
            self, self.tr("签到表…"), self.tr("打印预览选中会议的签到表"), self.print_signin_sheet
        )
        self.delete_button = action_button(
            self, self.tr("删除"), self.tr("删除选中的会议，先询问（Delete）"), self.delete_selected
        )
        self.kinds_button = action_button(
            self, self.tr("会议类型…"), self.tr("修改会议类型列表"), self.edit_kinds
        )
        context.lock_writes(
            self.new_button, self.duplicate_button, self.delete_button, self.kinds_button
        )

        self._build_layout()
        self._show_list()
        self._enable_actions(self.panel.current_id() is not None)
        QTimer.singleShot(0, self, self._show_current)  # once the list is on screen
        self.follow_changes(context.events)

    def _add_filters(self) -> None:
        panel = self.panel
        self.kind_filter = panel.add_filter("kind", self.tr("类型"), [])
        self.period = PeriodFilter(self)
        self.period.changed.connect(self._apply_period)
        panel.filter_bar.addWidget(self.period)
        self.host_filter = HostFilter(self)
        self.host_filter.currentIndexChanged.connect(self._apply_host)
        panel.filter_bar.addWidget(self.host_filter)
        panel.add_filter("status", self.tr("状态"), [(enum_text(s), s) for s in MeetingStatus])
        self.upcoming_only = QCheckBox(self.tr("只看即将召开"), self)
        self.upcoming_only.setToolTip(self.tr("只列出今后的会议，按时间先后排列"))
        self.upcoming_only.toggled.connect(self._on_upcoming_only_toggled)
        panel.filter_bar.addWidget(self.upcoming_only)
        panel.search.setPlaceholderText(self.tr("搜索会议名称、地点（Ctrl+F）"))

    def _fill_choices(self) -> None:
        """Kinds and hosts come from the database: refreshed with the list, selection kept."""
        with self.context.database.reader() as session:
            kinds = meeting_kinds(session)
        _refill(self.kind_filter, [(k, k) for k in kinds])
        self.host_filter.reload(self.context.database)
        self._apply_host()

    def _build_layout(self) -> None:
        heading = QLabel(self.tr("联席会议"), self)
        heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        actions = QHBoxLayout()
        actions.addWidget(heading)
        actions.addSpacing(12)
        for button in (self.new_button, self.open_button, self.duplicate_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (
            self.signin_button,
            self.print_button,
            self.delete_button,
            self.kinds_button,
        ):
            actions.addWidget(button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.summary, 1)
        splitter = side_by_side(self, self.panel, right, (1000, SUMMARY_WIDTH), stretch=(1, 0))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)

    # TabPage

    def show_filtered(self, filters: Mapping[str, Any]) -> None:
        rest = dict(filters)
        self.upcoming_only.setChecked(False)
        self.period.set_range(rest.pop("starts_from", None), rest.pop("starts_before", None))
        self.panel.show_filtered(rest)

    def refresh(self) -> None:
        self._show_list()
        self._show_current()

    def _show_list(self) -> None:
        """The list, its choices and the upcoming meetings, the selection kept."""
        kept = self.panel.current_id()
        self._refreshing = True
        try:
            self._fill_choices()
            if self.upcoming_only.isChecked():  # "from now" moves on
                self.panel.set_fixed_filter("upcoming_from", datetime.now(BEIJING))
            self.model.reload()
            if kept:
                self.panel.select_id(kept)
            elif self.model.rowCount() and not self._shown_once:
                self.panel.table.selectRow(0)  # the right-hand side shows something at once
        finally:
            self._refreshing = False
        self._shown_once = True
        with self.context.database.reader() as session:
            self.summary.set_upcoming(upcoming(session, datetime.now(BEIJING), UPCOMING_SHOWN))

    def new_record(self) -> MeetingDialog:
        """A new meeting in the editor, with the kind and host the filters show."""
        from app.meetings.records import MeetingData

        with self.context.database.reader() as session:
            kinds = meeting_kinds(session)
        kind = self.kind_filter.currentData() or (kinds[0] if kinds else "")
        blank = MeetingData(kind=kind, host_org_unit_id=self.host_filter.host_id())
        return self._open_editor(None, blank)

    def focus_search(self) -> None:
        self.panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.search.selectAll()

    def delete_selected(self) -> bool:
        """Asks (default No), then deletes the selected draft; a final meeting is refused
        with the service's reason. True when deleted."""
        meeting_id = self.panel.current_id()
        if meeting_id is None:
            return False
        title = self._selected_title()
        if self._selected_status() is not MeetingStatus.FINAL:
            if not ask(
                self,
                self.tr("删除"),
                self.tr("删除会议“{title}”吗？\n删除后可用“撤销”（Ctrl+Z）恢复。").format(
                    title=title
                ),
            ):
                return False
        from app.meetings import service  # the use cases load when first used

        try:
            with self.context.database.session() as session:
                service.delete_meeting(session, meeting_id)
        except UserError as error:
            QMessageBox.warning(self, self.tr("无法删除"), message_text(error.message))
            return False
        from ui.meetings.commands import DeleteMeetingCommand

        self._push(DeleteMeetingCommand(meeting_id, title, *self._services()))
        return True

    def print_current(self) -> None:
        """Ctrl+P: the minutes of the meeting open in the editor, else of the one selected."""
        if self.editor is not None and self.editor.isVisible():
            self.editor.print_minutes()
            return
        from ui.meetings import output

        if meeting_id := self.panel.current_id():
            if output.print_minutes(self, self.context.database, meeting_id):
                self.context.events.announce(Changes.of(Area.MEETINGS, ids=[meeting_id]))

    def print_signin_sheet(self) -> None:
        from ui.meetings import output

        if meeting_id := self.panel.current_id():
            output.print_signin_sheet(self, self.context.database, meeting_id)

    # the editor

    def open_selected(self) -> MeetingDialog | None:
        meeting_id = self.panel.current_id()
        return self.open_meeting(meeting_id) if meeting_id else None

    def open_meeting(self, meeting_id: str) -> MeetingDialog | None:
        try:
            return self._open_editor(meeting_id, None)
        except UserError as error:
            QMessageBox.warning(self, self.tr("联席会议"), message_text(error.message))
            self.refresh()
            return None

    def _open_editor(self, meeting_id: str | None, blank: MeetingData | None) -> MeetingDialog:
        """Shows the meeting (or a new one) in the editor window, making it if needed."""
        from app.meetings.records import MeetingData

        editor = self.editor
        if editor is not None and editor.isVisible():
            if meeting_id is not None:
                editor.show_meeting(meeting_id)
            else:
                editor.show_new(blank or MeetingData())
            editor.raise_()
            editor.activateWindow()
            return editor
        from ui.meetings.editor import MeetingDialog

        dialog = MeetingDialog(self.context, meeting_id, blank, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_editor_saved)
        dialog.created.connect(self._on_editor_created)
        # bound methods, not lambdas: a closure over this tab, released while the dialog is
        # being deleted, could take the last reference to a tab that has no parent
        dialog.issue_created.connect(self._on_editor_issue_created)
        dialog.issue_opened.connect(self._on_editor_issue_opened)
        dialog.finished.connect(self._on_editor_finished)
        self.editor = dialog
        dialog.setWindowModality(Qt.WindowModality.NonModal)  # the list stays at hand
        dialog.show()
        return dialog

    def _on_editor_finished(self, _result: int) -> None:
        if self.editor is self.sender():
            self.editor = None

    def _on_editor_issue_created(self, issue_id: str) -> None:
        # the editor's ``saved`` came first and this tab re-read then: it is the origin
        self.context.events.announce(Changes.of(Area.ISSUES, ids=[issue_id]), self)

    def _on_editor_issue_opened(self, issue_id: str) -> None:
        self.context.open_list("issues", {"issue_id": issue_id})

    def _on_editor_created(self, meeting_id: str, title: str) -> None:
        from app.meetings import service

        from ui.meetings.carried import offer_open_decisions
        from ui.meetings.commands import CreateMeetingCommand
        from ui.meetings.editor import MeetingDialog

        self._push(CreateMeetingCommand(meeting_id, title, *self._services()))
        self.panel.select_id(meeting_id)
        editor = self.sender()
        if isinstance(editor, MeetingDialog) and offer_open_decisions(
            editor, self.context.database, meeting_id
        ):
            with self.context.database.reader() as session:
                editor.load(service.get_meeting(session, meeting_id))
            self.context.events.announce(Changes.of(Area.MEETINGS, ids=[meeting_id]), editor)

    def _on_editor_saved(self, meeting_id: str) -> None:
        changes = Changes.of(Area.MEETINGS, ids=[meeting_id])
        self.context.events.announce(changes, self.sender())
        self.panel.select_id(meeting_id)

    # duplicating

    def duplicate_selected(self) -> DuplicateDialog | None:
        """Asks for the next meeting's start; on OK copies and opens the copy."""
        meeting_id = self.panel.current_id()
        if meeting_id is None:
            return None
        from app.meetings import service

        try:
            with self.context.database.reader() as session:
                title = service.get_meeting(session, meeting_id).data.title
                proposed = service.propose_next_start(session, meeting_id, beijing_today())
        except UserError as error:
            QMessageBox.warning(self, self.tr("联席会议"), message_text(error.message))
            return None
        from ui.meetings.duplicate_dialog import DuplicateDialog

        dialog = DuplicateDialog(title, proposed, self)
        dialog.setProperty("meeting_id", meeting_id)
        dialog.accepted.connect(self._on_duplicate_dialog_accepted)
        self.duplicate_dialog = dialog
        return open_dialog(dialog)

    def _on_duplicate_dialog_accepted(self) -> None:
        from ui.meetings.duplicate_dialog import DuplicateDialog

        dialog = self.sender()
        if isinstance(dialog, DuplicateDialog):
            self.duplicate_dialog = None
            self._duplicate(str(dialog.property("meeting_id")), dialog.value())

    def _duplicate(self, meeting_id: str, starts_at: datetime) -> str | None:
        from app.meetings import service

        try:
            with self.context.database.session() as session:
                new_id = service.duplicate_meeting(session, meeting_id, starts_at)
                title = service.get_meeting(session, new_id).data.title
        except UserError as error:
            QMessageBox.warning(self, self.tr("无法复制"), message_text(error.message))
            return None
        from ui.meetings.carried import offer_open_decisions
        from ui.meetings.commands import DuplicateMeetingCommand

        self._push(DuplicateMeetingCommand(new_id, title, *self._services()))
        offer_open_decisions(self, self.context.database, new_id)
        self.panel.select_id(new_id)
        self._open_editor(new_id, None)
        return new_id

    # kinds

    def edit_kinds(self) -> None:
        from ui.meetings.kinds_dialog import KindsDialog

        dialog = KindsDialog(self.context.database, self)
        if dialog.exec():
            self._fill_choices()

    # filters

    def _apply_period(self) -> None:
        start, before = self.period.bounds()
        self.panel.set_fixed_filter("starts_from", start)
        self.panel.set_fixed_filter("starts_before", before)

    def _apply_host(self) -> None:
        self.panel.set_fixed_filter("host_org_unit_ids", self.host_filter.org_unit_ids())

    def _on_upcoming_only_toggled(self, checked: bool) -> None:
        self.panel.set_fixed_filter("upcoming_from", datetime.now(BEIJING) if checked else None)
        order = Qt.SortOrder.AscendingOrder if checked else Qt.SortOrder.DescendingOrder
        self.panel.table.sortByColumn(0, order)

    # plumbing

    def _selected_title(self) -> str:
        index = self.panel.table.currentIndex()
        return str(self.model.index(index.row(), TITLE_COLUMN).data() or "")

    def _selected_status(self) -> MeetingStatus | None:
        row = self.model.row_at(self.panel.table.currentIndex().row())
        return row.values[STATUS_COLUMN] if row is not None else None

    def _services(self) -> tuple[Any, Any]:
        return self.context.database, self.context.events

    def _push(self, command: Any) -> None:
        self.context.undo_stack.push(command)

    def _on_selection_moved(self, meeting_id: object) -> None:
        if not self._refreshing:
            self._on_panel_current_changed(meeting_id)

    def _show_current(self) -> None:
        self._on_panel_current_changed(self.panel.current_id())

    def _enable_actions(self, selected: bool) -> None:
        for button in (
            self.open_button,
            self.duplicate_button,
            self.print_button,
            self.signin_button,
            self.delete_button,
        ):
            button.setEnabled(selected)

    def _on_panel_current_changed(self, meeting_id: object) -> None:
        selected = isinstance(meeting_id, str)
        self._enable_actions(selected)
        if not selected:
            self.summary.show_detail(None)
            return
        from app.meetings.store import get_meeting

        try:
            with self.context.database.reader() as session:
                detail = get_meeting(session, str(meeting_id))
        except UserError:
            detail = None
        self.summary.show_detail(detail)

    def _on_upcoming_activated(self, meeting_id: str) -> None:
        self.panel.select_id(meeting_id)
        self.open_meeting(meeting_id)


def _refill(combo: QComboBox, choices: list[tuple[str, object]]) -> None:
    """Replaces a filter's choices after its first ("all"), keeping the one chosen."""
    kept = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for text, value in choices:
        combo.addItem(text, value)
    index = combo.findData(kept) if kept is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
    if kept is not None and index < 0:
        combo.currentIndexChanged.emit(0)
