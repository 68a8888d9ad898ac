"""The selected issue: above, what it is and its next steps, always in view; below, in a form
that scrolls, its facts and photos, the units on it, the follow-up calls, related issues and
the journal. Every step goes through ``app.issues.service``; a refused step shows the
service's message (which names the allowed next steps) in the panel's message line.

Unsaved facts are marked in the heading, and ``ask_to_leave`` offers 保存 / 放弃 / 取消 before
another issue is shown. Registering first looks for likely repeats (并单).

Signals:
    issue_changed(str): the issue with this id was registered or changed.
    open_requested(str): show this other issue (a link was followed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.access import Use, reveals_personal_data
from app.enums import IssueLinkKind
from app.errors import UserError, ValidationError
from app.issues import service
from app.issues.dispatching import typed_due
from app.issues.due import due_text
from app.issues.limits import Limit, parse_due
from app.issues.records import DispatchTarget, IssueData, IssueDetail, Warning
from app.issues.workflow import Action, Note
from db.base import utcnow

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import enum_text, message_text, translate
from ui.issues.dispatch_box import DispatchBox
from ui.issues.facts import FactsBox
from ui.issues.follow_up_box import FollowUpBox
from ui.issues.steps_bar import StepsBar
from ui.tab import TabContext
from ui.widgets import palette
from ui.widgets.tables import ID_ROLE, WheelToForm, fill, read_only_table

WARNING_COLOURS = {Warning.RED: palette.ERROR_RED, Warning.YELLOW: palette.WARNING_AMBER}


class MessageLine(QLabel):
    """A line of text above the form that takes no room while it is empty."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        super().clear()
        self.hide()


def ask_unsaved(parent: QWidget, title: str) -> QMessageBox.StandardButton:
    """保存 / 放弃 / 取消 for edits not saved yet (保存 is the default)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, "", QMessageBox.StandardButton.NoButton,
                      parent)  # fmt: skip
    box.setText(QCoreApplication.translate("IssuePanel", "这件事项有未保存的修改。"))
    box.setInformativeText(QCoreApplication.translate("IssuePanel", "保存修改吗？"))
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
    names = (
        (buttons.Save, QCoreApplication.translate("IssuePanel", "保存")),
        (buttons.Discard, QCoreApplication.translate("IssuePanel", "放弃")),
        (buttons.Cancel, QCoreApplication.translate("IssuePanel", "取消")),
    )
    for button, text in names:
        box.button(button).setText(text)
    box.setDefaultButton(buttons.Save)
    return QMessageBox.StandardButton(box.exec())


class IssuePanel(QWidget):
    issue_changed = Signal(str)
    open_requested = Signal(str)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.database = context.database
        # the detail holds the phones masked unless the operator may see them; then they stay
        self.reveal_personal = reveals_personal_data(self.database.operator, Use.RECORD)
        self.detail: IssueDetail | None = None
        self._dirty = False
        self._heading_text = ""
        with self.database.reader() as s:
            self.choices = service.choices(s)

        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.warning_label = MessageLine(self)
        self.origin = MessageLine(self)  # the meeting that raised it, 并单, related issues
        self.origin.linkActivated.connect(self._on_link)
        self.message = MessageLine(self)  # the last refusal or validation problem
        self.message.setStyleSheet(palette.ERROR_TEXT)
        self.steps = StepsBar(self)
        self.note = self.steps.note

        self.facts = FactsBox(self.database, self)
        self.facts.fill_choices(self.choices)
        self.facts.edited.connect(self._on_facts_edited)
        self.facts.save_button.clicked.connect(self._on_save_clicked)
        self.facts.community.activated.connect(lambda _i: self._show_units())
        self.dispatch_box = DispatchBox(self)
        self.dispatch_box.limit.textChanged.connect(self._on_limit_typed)
        self.follow_box = FollowUpBox(self)
        self.journal = read_only_table(
            [self.tr("时间"), self.tr("步骤"), self.tr("状态"), self.tr("说明"), self.tr("经办人")],
            self,
        )
        self.journal.setMinimumHeight(150)
        journal_box = QGroupBox(self.tr("办理记录"), self)
        QVBoxLayout(journal_box).addWidget(self.journal)
        links_box = self._make_links()

        self.buttons: dict[str, QPushButton] = {
            **self.steps.buttons,
            **self.dispatch_box.buttons,
            Action.FOLLOW_UP.value: self.follow_box.button,
        }
        for source in (self.steps, self.dispatch_box, self.follow_box):
            source.step_clicked.connect(self._on_step)

        content = QWidget(self)
        layout = QVBoxLayout(content)
        for widget in (self.facts, self.dispatch_box, self.follow_box, links_box):
            layout.addWidget(widget)
        layout.addWidget(journal_box, 1)
        self.form_scroll = QScrollArea(self)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)  # 150 %
        self.form_scroll.setWidget(content)
        WheelToForm(self.form_scroll).watch(
            self.dispatch_box.table, self.follow_box.table, self.links, self.journal,
            self.dispatch_box.units,
        )  # fmt: skip
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        for part in (self.heading, self.warning_label, self.origin, self.message, self.steps):
            outer.addWidget(part)
        outer.addWidget(self.form_scroll, 1)
        self.new_issue()

    # the parts the tests and the tab reach for by name

    @property
    def title(self) -> QLineEdit:
        return self.facts.subject

    @property
    def category(self) -> QComboBox:
        return self.facts.category

    @property
    def community(self) -> QComboBox:
        return self.facts.community

    @property
    def save_button(self) -> QPushButton:
        return self.facts.save_button

    @property
    def attachments(self) -> Any:
        return self.facts.attachments

    @property
    def dispatches(self) -> Any:
        return self.dispatch_box.table

    @property
    def units(self) -> Any:
        return self.dispatch_box.units

    @property
    def satisfaction(self) -> QComboBox:
        return self.follow_box.satisfaction

    def _make_links(self) -> QGroupBox:
        self.links = read_only_table([self.tr("关系"), self.tr("编号"), self.tr("事项")], self)
        self.links.setFixedHeight(80)
        self.links.itemSelectionChanged.connect(self._enable_links)
        self.links.itemDoubleClicked.connect(self._on_link_double_clicked)
        self.link_number = QLineEdit(self)
        self.link_number.setPlaceholderText(self.tr("另一事项的编号"))
        self.link_number.returnPressed.connect(self._on_add_link)
        self.link_kind = QComboBox(self)
        self.link_kind.addItem(self.tr("重复于"), IssueLinkKind.DUPLICATE_OF)
        self.link_kind.addItem(self.tr("相关"), IssueLinkKind.RELATED_TO)
        self.add_link_button = QPushButton(self.tr("关联"), self)
        self.add_link_button.clicked.connect(self._on_add_link)
        self.remove_link_button = QPushButton(self.tr("取消关联"), self)
        self.remove_link_button.clicked.connect(self._on_remove_link)
        box = QGroupBox(self.tr("关联事项"), self)
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(self.link_kind)
        row.addWidget(self.link_number, 1)
        row.addWidget(self.add_link_button)
        row.addWidget(self.remove_link_button)
        layout.addLayout(row)
        layout.addWidget(self.links)
        return box

    def reload_choices(self) -> None:
        """Reads the categories again (after 设置… changed them); keeps what is chosen."""
        with self.database.reader() as s:
            self.choices = service.choices(s)
        self.facts.fill_choices(self.choices)
        self._show_units()

    def _clerk(self) -> str:
        operator = self.database.operator
        return "" if operator.user_id is None else operator.display_name

    # showing

    def new_issue(self) -> None:
        """An empty form; 登记 registers it."""
        self.detail = None
        self.heading.setText(self.tr("登记新的民生事项"))
        for label in (self.warning_label, self.origin, self.message):
            label.clear()
        self.facts.load(None, reveal_personal=self.reveal_personal, clerk=self._clerk())
        self.facts.set_read_only(False)
        self.dispatch_box.show_dispatches(None)
        self.follow_box.show_issue(None)
        for table in (self.journal, self.links):
            table.setRowCount(0)
        self.link_number.clear()
        self._set_dirty(False)
        self._show_units()
        self._enable()

    def show_issue(self, issue_id: str | None) -> None:
        if issue_id is None:
            self.new_issue()
            return
        self.message.clear()
        with self.database.reader() as s:
            self.detail = service.issue_detail(s, issue_id)
        self._show(self.detail)

    def current_id(self) -> str | None:
        return self.detail.id if self.detail is not None else None

    def _show(self, d: IssueDetail) -> None:
        self._show_heading(d)
        self._show_origin(d)
        self.facts.load(d, reveal_personal=self.reveal_personal, clerk="")
        self.facts.set_read_only(d.ended)
        self.facts.attachments.set_owner(read_only=d.archived, issue_id=d.id)
        self.dispatch_box.limit.clear()
        self.dispatch_box.show_dispatches(d)
        self.follow_box.show_issue(d)
        fill(
            self.journal,
            [
                [
                    e.at.strftime("%Y-%m-%d %H:%M"),
                    translate("issue_actions", e.action_label),
                    enum_text(e.to_status) if e.to_status else "",
                    e.note,
                    e.user_name,
                ]
                for e in d.events
            ],
        )
        self.journal.scrollToBottom()
        fill(
            self.links,
            [[self._link_kind(v.kind), v.number, v.title] for v in d.links],
            [v.issue_id for v in d.links],
        )
        self._set_dirty(False)
        self._show_units()
        self._enable()

    def _show_heading(self, d: IssueDetail) -> None:
        due = due_text(d.due_at) if d.due_at else "—"
        marks = []
        if d.limit is not None:
            marks.append(message_text(d.limit.text()))
        if d.paused_at is not None:
            marks.append(self.tr("计时暂停：异议审核中"))
        elif d.extended:
            marks.append(self.tr("已延期"))
        if d.supervised:
            marks.append(self.tr("督办"))
        if d.escalated:
            marks.append(self.tr("问题工单"))
        flag = f"（{'，'.join(marks)}）" if marks else ""
        self._heading_text = self.tr("{number}　{status}　办理时限 {due}{flag}").format(
            number=d.number, status=enum_text(d.status), due=due, flag=flag
        )
        self.heading.setText(self._heading_text)
        if d.warning is not None:
            colour = WARNING_COLOURS[d.warning]
            self.warning_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
            self.warning_label.setText("；".join(d.warning_reasons))
        else:
            self.warning_label.clear()

    def _show_origin(self, d: IssueDetail) -> None:
        parts = []
        if d.meeting_title:
            parts.append(self.tr("来源会议：{title}").format(title=d.meeting_title))
        if d.merged_into_id:
            parts.append(
                self.tr("已并入 <a href='{id}'>{number}</a>").format(
                    id=d.merged_into_id, number=d.merged_into_number
                )
            )
        if len(d.complainants) > 1:
            parts.append(self.tr("并单：共{n}位反映人").format(n=len(d.complainants)))
        if d.data.entered_by:
            parts.append(self.tr("{clerk}代录").format(clerk=d.data.entered_by))
        if d.escalated:
            parts.append(self.tr("问题工单：{why}").format(why=d.escalation_reason))
        if d.links:
            links = "、".join(
                f"{self._link_kind(v.kind)} <a href='{v.issue_id}'>{v.number}</a>" for v in d.links
            )
            parts.append(self.tr("关联事项：{links}").format(links=links))
        self.origin.setText("　".join(parts))

    def _link_kind(self, kind: str) -> str:
        return {
            "duplicate_of": self.tr("重复于"),
            "duplicated_by": self.tr("被重复"),
            "related_to": self.tr("相关"),
        }.get(kind, kind)

    def _show_units(self) -> None:
        self.dispatch_box.show_units(
            self.choices, self.choices.street_of(self.community.currentData())
        )

    def _enable(self) -> None:
        d = self.detail
        allowed = d.allowed_actions if d is not None else ()
        live = d is not None and not d.ended
        self.steps.enable(allowed, live=live)
        self.dispatch_box.enable(Action.DISPATCH.value in allowed)
        self.follow_box.button.setEnabled(Action.FOLLOW_UP.value in allowed)
        for widget in (self.link_number, self.link_kind, self.add_link_button):
            widget.setEnabled(d is not None)
        self._enable_links()

    def _enable_links(self) -> None:
        self.remove_link_button.setEnabled(self.detail is not None and self.links.currentRow() >= 0)

    # unsaved edits

    def _on_facts_edited(self) -> None:
        if not self._dirty:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        base = self._heading_text if self.detail is not None else self.tr("登记新的民生事项")
        self.heading.setText(base + (self.tr("　● 未保存") if dirty else ""))

    def is_dirty(self) -> bool:
        return self._dirty and self.facts.save_button.isEnabled()

    def ask_to_leave(self) -> bool:
        """Before another issue is shown: True when it may be (saved, or discarded)."""
        if not self.is_dirty():
            return True
        answer = ask_unsaved(self, self.tr("民生事项"))
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self._set_dirty(False)
            return True
        return False

    # links

    def _on_link(self, issue_id: str) -> None:
        if self.ask_to_leave():
            self.open_requested.emit(issue_id)

    def _on_link_double_clicked(self) -> None:
        item = self.links.item(self.links.currentRow(), 0)
        if item is not None:
            self._on_link(str(item.data(ID_ROLE)))

    def _on_add_link(self) -> None:
        if self.detail is None or not self.link_number.text().strip():
            return
        number, kind = self.link_number.text(), self.link_kind.currentData()

        def link(s: Any) -> None:
            other = service.issue_by_number(s, number)
            service.link_issues(s, self._issue(), other, kind)

        if self._run(link):
            self.link_number.clear()

    def _on_remove_link(self) -> None:
        row = self.links.currentRow()
        item = self.links.item(row, 0) if row >= 0 else None
        if item is None:
            return
        other = str(item.data(ID_ROLE))
        self._run(lambda s: service.unlink_issues(s, self._issue(), other))

    # acting

    def _run(self, step: Callable[[Any], Any], issue_id: str | None = None) -> bool:
        """Runs one step in its own session; shows a refusal instead of raising."""
        try:
            with self.database.session() as s:
                result = step(s)
        except UserError as error:
            self.message.setText(message_text(error.message))
            return False
        shown = issue_id or (self.detail.id if self.detail is not None else None)
        if shown is None and isinstance(result, str):
            shown = result
        self.note.clear()
        if shown:
            self.show_issue(shown)
            self.issue_changed.emit(shown)
        return True

    def _issue(self) -> str:
        assert self.detail is not None
        return self.detail.id

    def _data(self) -> IssueData:
        current = self.detail.data if self.detail else IssueData()
        keep = self.detail is not None and not self.reveal_personal
        return self.facts.data(current, keep_phone=keep)

    def save(self) -> bool:
        """登记 a new issue (after offering its likely repeats) or 保存 the facts."""
        data = self._data()
        if self.detail is not None:
            d = self.detail
            saved = self._run(lambda s: service.update_facts(s, d.id, d.version, data))
        else:
            saved = self._register(data)
        if saved:
            from ui.printing.characters import warn_unprintable

            warn_unprintable(self, data)
        return saved

    def _on_save_clicked(self) -> None:
        self.save()

    def _register(self, data: IssueData) -> bool:
        from ui.issues.repeats_dialog import RepeatChoice, RepeatsDialog

        try:
            clean = data.cleaned()
            with self.database.reader() as s:
                candidates = service.repeat_candidates(s, clean)
        except ValidationError as error:
            self.message.setText(message_text(error.message))
            return False
        into: str | None = None
        if candidates:
            names = (self.community.currentText(), self.category.currentText())
            dialog = RepeatsDialog(clean, names, candidates, self)
            if not dialog.exec() or dialog.choice is None:
                return False
            into = dialog.chosen_id if dialog.choice is RepeatChoice.MERGE else None
        photos = self.facts.attachments.take_pending()
        registered: list[str] = []

        def register(s: Any) -> str:
            issue_id = service.register(s, data)
            registered.append(issue_id)
            if photos:
                service.add_attachments(s, issue_id, photos)
            if into is not None:
                service.merge(s, issue_id, into)
            return issue_id

        if not self._run(register):
            self.facts.attachments.pending = photos
            self.facts.attachments.reload()
            return False
        if into is not None:
            self._push_merge(registered[0], into)
        return True

    def _push_merge(self, issue_id: str, into: str) -> None:
        from ui.issues.commands import MergeCommand

        with self.database.reader() as s:
            numbers = (
                service.issue_detail(s, issue_id).number,
                service.issue_detail(s, into).number,
            )
        self.context.undo_stack.push(
            MergeCommand(issue_id, into, numbers, self.database, self.context.events)
        )

    def _on_step(self, key: str) -> None:
        handlers: dict[str, Callable[[], object]] = {
            Action.ACCEPT: lambda: self._run(
                lambda s: service.accept(s, self._issue(), note=self.note.text())
            ),
            Action.REJECT: lambda: self._run(
                lambda s: service.reject(s, self._issue(), self.note.text())
            ),
            Action.RESOLVE: lambda: self._run(
                lambda s: service.resolve(s, self._issue(), self.note.text())
            ),
            Action.REOPEN: lambda: self._run(
                lambda s: service.reopen(s, self._issue(), self.note.text())
            ),
            Action.CLOSE: lambda: self._run(
                lambda s: service.close(s, self._issue(), note=self.note.text())
            ),
            Action.UNMERGE: lambda: self._run(lambda s: service.unmerge(s, self._issue())),
            "supervise": lambda: self._run(
                lambda s: service.supervise(s, self._issue(), self.note.text())
            ),
            "remind": lambda: self._run(
                lambda s: service.remind(s, self._issue(), self.note.text())
            ),
            "extend": self._on_extend,
            Action.MERGE: self._on_merge,
            Action.DISPATCH: self._on_dispatch,
            Action.FOLLOW_UP: self._on_follow_up,
        }
        if key in handlers:
            handlers[key]()
        else:
            self._on_unit_step(key)

    def _on_extend(self) -> None:
        from ui.issues.extend_dialog import ExtendDialog

        assert self.detail is not None
        dialog = ExtendDialog(self.database, self.detail, self)
        if dialog.exec():
            self.show_issue(self.detail.id)
            self.issue_changed.emit(self.detail.id)

    def _on_merge(self) -> None:
        """并单 after registering: the likely orders first, else one named by its number."""
        from ui.issues.repeats_dialog import RepeatChoice, RepeatsDialog

        d = self.detail
        assert d is not None
        with self.database.reader() as s:
            candidates = service.repeat_candidates(s, d.data, reported_at=utcnow(), exclude_id=d.id)
        into: str | None = None
        if candidates:
            names = (d.community_name, d.category_name)
            dialog = RepeatsDialog(d.data, names, candidates, self)
            dialog.separate_button.hide()
            if dialog.exec() and dialog.choice is RepeatChoice.MERGE:
                into = dialog.chosen_id
        else:
            number, ok = QInputDialog.getText(
                self, self.tr("并单"), self.tr("没有找到相似的工单。并入哪个工单？请输入编号：")
            )
            if ok and number.strip():
                try:
                    with self.database.reader() as s:
                        into = service.issue_by_number(s, number)
                except UserError as error:
                    self.message.setText(message_text(error.message))
        if into is not None and self._run(lambda s: service.merge(s, d.id, into)):
            self._push_merge(d.id, into)

    def _on_limit_typed(self, text: str) -> None:
        if self.detail is None or not text.strip():
            self.dispatch_box.show_preview(None)
            return
        try:
            with self.database.reader() as s:
                due = typed_due(s, self.detail.id, text, utcnow())
        except UserError as error:
            self.dispatch_box.show_preview(None, message_text(error.message))
            return
        self.dispatch_box.show_preview(due)

    def _on_dispatch(self) -> None:
        try:
            wanted = parse_due(self.dispatch_box.limit.text())
        except ValidationError as error:
            self.message.setText(message_text(error.message))
            return
        limit = wanted if isinstance(wanted, Limit) else None
        due_on = None if wanted is None or isinstance(wanted, Limit) else wanted
        targets = [
            DispatchTarget(
                org_unit_id=unit_id if kind == "org" else None,
                resident_unit_id=unit_id if kind == "resident" else None,
                limit=limit,
                due_on=due_on,
            )
            for kind, unit_id in self.dispatch_box.checked()
        ]
        if self._run(lambda s: service.dispatch(s, self._issue(), targets, note=self.note.text())):
            self.dispatch_box.clear_checks()

    def _on_unit_step(self, key: str) -> None:
        chosen = self.dispatch_box.selected()
        if chosen is None:
            self.message.setText(self.tr("请先在派单列表中选中一个承办单位。"))
            return
        note = self.note.text()
        steps: dict[str, Callable[[Any], object]] = {
            Action.ACKNOWLEDGE: lambda s: service.acknowledge(s, chosen.id),
            Action.COMPLETE: lambda s: service.complete(s, chosen.id, note),
            Action.OBJECT: lambda s: service.object_to(s, chosen.id, note),
            Action.RETURN: lambda s: service.review_objection(s, chosen.id, True, note),
            Action.KEEP: lambda s: service.review_objection(s, chosen.id, False, note),
            Note.LEAD: lambda s: service.set_lead(s, chosen.id),
        }
        self._run(steps[key])

    def _on_follow_up(self) -> None:
        complainant, level = self.follow_box.chosen()
        if level is None:
            self.message.setText(self.tr("请先选择满意度。"))
            return
        comment = self.note.text()
        self._run(
            lambda s: service.follow_up(
                s, self._issue(), level, comment=comment, complainant_id=complainant
            )
        )
