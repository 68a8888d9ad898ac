"""The forms beside the agenda tree: one for an agenda item, a decision, an action item.

Each form shows one node and writes every edit straight back to it (the tree relabels itself);
``load(node)`` fills it without counting as an edit. Errors show under the field concerned,
by the last part of the service's path (``title``, ``text``, ``owner_unit_id``…).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from app.database import Database
from app.enums import ActionStatus
from app.meetings import service

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from ui.i18n import enum_text
from ui.meetings.agenda_model import ActionNode, AgendaNode, DecisionNode
from ui.meetings.carried import CarriedList
from ui.meetings.owner_picker import OwnerPicker
from ui.widgets.fields import FieldErrors, error_label, field_box, field_row
from ui.widgets.pickers import EnumCombo


class NodeForm(QWidget):
    """Signals:
    edited(object): the node shown was changed by the user.
    """

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors()
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._loading = False
        self.node: Any = None  # the agenda item, decision or action item shown

    def load(self, node: Any) -> None:
        """Shows ``node``; the fields filled meanwhile are not edits."""
        self._loading = True
        self.node = node
        self.show_node(node)
        self._loading = False

    def show_node(self, node: Any) -> None:
        raise NotImplementedError

    def row(self, text: str, widget: QWidget, *keys: str) -> QLabel:
        error = error_label(self)
        self.errors.add(error, widget, *keys)
        label = QLabel(text, self)
        label.setBuddy(widget)
        self.form.addRow(label, field_box(self, widget, error))
        return error


class AgendaForm(NodeForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.node: AgendaNode | None = None
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("例如 关于安乐村小区停车难问题"))
        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText(
            self.tr("讨论情况：谁汇报了什么，会议认为……（段落之间空一行）")
        )
        self.row(self.tr("议题"), self.title, "title")
        self.row(self.tr("讨论情况"), self.notes, "notes")
        self.carried = CarriedList(self)
        self.form.addRow(self.carried.label, self.carried)
        self.title.textEdited.connect(self._on_edited)
        self.notes.textChanged.connect(self._on_edited)

    def show_node(self, node: AgendaNode) -> None:
        self.title.setText(node.title)
        self.notes.setPlainText(node.notes)
        self.carried.show_lines(node.carried)

    def _on_edited(self, *_args: object) -> None:
        if self._loading or self.node is None:
            return
        self.node.title = self.title.text()
        self.node.notes = self.notes.toPlainText()
        self.edited.emit(self.node)

    def set_read_only(self, read_only: bool) -> None:
        self.title.setEnabled(not read_only)
        self.notes.setEnabled(not read_only)


class DecisionForm(NodeForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.node: DecisionNode | None = None
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(
            self.tr("议定事项，例如：由街道城管科牵头，3月底前完成周边道路夜间停车泊位划设方案。")
        )
        self.text.setMaximumHeight(140)
        self.row(self.tr("议定事项"), self.text, "text")
        self.actions_hint = QLabel(self)
        self.actions_hint.setWordWrap(True)
        self.actions_hint.setStyleSheet("color: #555;")
        actions_error = error_label(self)
        self.errors.add(actions_error, self.text, "action_items", watch=())
        self.form.addRow(self.tr("工作事项"), field_box(self, self.actions_hint, actions_error))
        self.text.textChanged.connect(self._on_edited)

    def show_node(self, node: DecisionNode) -> None:
        self.text.setPlainText(node.text)
        self._show_actions()

    def _show_actions(self) -> None:
        if self.node is None:
            return
        if not self.node.actions:
            self.actions_hint.setText(
                self.tr("还没有工作事项。定稿前每项议定事项都要有责任方：点“添加工作事项”。")
            )
        else:
            lines = [action.label() for action in self.node.actions]
            self.actions_hint.setText("\n".join(lines))

    def _on_edited(self) -> None:
        if self._loading or self.node is None:
            return
        self.node.text = self.text.toPlainText()
        self.edited.emit(self.node)

    def set_read_only(self, read_only: bool) -> None:
        self.text.setEnabled(not read_only)


class ActionForm(NodeForm):
    """Signals:
    status_picked(object): the status was changed (a final meeting saves it at once).
    issue_opened(str): the linked 民生事项 was clicked: show it.
    """

    status_picked = Signal(object)
    issue_opened = Signal(str)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self.node: ActionNode | None = None
        self.read_only = False
        # a new action item's due day; the editor sets it from the meeting's date
        self.default_due: Callable[[], date | None] = lambda: None
        self.description = QLineEdit(self)
        self.description.setPlaceholderText(self.tr("做什么，例如 划设夜间停车泊位"))
        self.owner = OwnerPicker(database, self)
        self.has_due = QCheckBox(self.tr("限期"), self)
        self.due_on = QDateEdit(self)
        self.due_on.setCalendarPopup(True)
        self.due_on.setDisplayFormat("yyyy-MM-dd")
        self.due_on.setEnabled(False)
        self.has_due.toggled.connect(lambda on: self.due_on.setEnabled(on and not self.read_only))
        due = field_row(self, self.has_due, self.due_on)
        self.status = EnumCombo(list(ActionStatus), parent=self)
        self.issue = QLabel(self)
        self.issue.setWordWrap(True)
        self.issue.linkActivated.connect(self.issue_opened)
        self.row(self.tr("工作内容"), self.description, "description")
        owner_error = self.row(
            self.tr("责任方"), self.owner, "owner_person_id", "owner_unit_id", "owner_org_unit_id"
        )
        self.errors.add(owner_error, self.owner.kind, watch=())
        self.row(self.tr("完成时限"), due, "due_on")
        self.row(self.tr("进度"), self.status, "status")
        self.row(self.tr("民生事项"), self.issue, "issue_id")
        self.owner.changed.connect(self._on_owner_changed)
        self.description.textEdited.connect(self._on_edited)
        self.has_due.toggled.connect(self._on_edited)
        self.due_on.dateChanged.connect(self._on_edited)
        self.status.currentIndexChanged.connect(self._on_status_changed)

    def show_node(self, node: ActionNode) -> None:
        self.description.setText(node.description)
        self.owner.set_owner(node.owner_person_id, node.owner_unit_id, node.owner_org_unit_id)
        if node.owner_typed:  # text typed that names nobody yet: keep it visible
            picker = self.owner.current_picker()
            if isinstance(picker, QLineEdit):
                picker.setText(node.owner_typed)
            else:
                picker.setEditText(node.owner_typed)
        self.has_due.setChecked(node.due_on is not None)
        self.due_on.setEnabled(node.due_on is not None and not self.read_only)
        due = node.due_on or self.default_due() or date.today()
        self.due_on.setDate(QDate(due.year, due.month, due.day))
        self.status.set_value(node.status)
        self._show_issue()

    def _show_issue(self) -> None:
        node = self.node
        if node is None or not node.issue_number:
            self.issue.setText(self.tr("未转为民生事项"))
            return
        status = enum_text(node.issue_status) if node.issue_status else ""
        link = f"<a href='{node.issue_id}'>{node.issue_number}</a>"
        self.issue.setText(
            self.tr("已转为民生事项 {number}（{status}）").format(number=link, status=status)
        )
        self.issue.setToolTip(self.tr("点击编号，在民生事项中打开"))

    def _on_edited(self, *_args: object) -> None:
        if self._loading or self.node is None:
            return
        self.node.description = self.description.text()
        if self.has_due.isChecked():
            d = self.due_on.date()
            self.node.due_on = date(d.year(), d.month(), d.day())
        else:
            self.node.due_on = None
        self.edited.emit(self.node)

    def _on_status_changed(self) -> None:
        if self._loading or self.node is None or self.status.value() is None:
            return
        self.node.status = self.status.value()
        self.edited.emit(self.node)
        self.status_picked.emit(self.node)

    def _on_owner_changed(self) -> None:
        if self._loading or self.node is None:
            return
        node = self.node
        if self.owner.is_unmatched():
            node.owner_person_id = node.owner_unit_id = node.owner_org_unit_id = None
            node.owner_typed = self.owner.typed_text()
            node.owner_label = ""
        else:
            node.owner_person_id, node.owner_unit_id, node.owner_org_unit_id = self.owner.owner()
            node.owner_typed = ""
            with self._database.reader() as session:
                node.owner_label = service.describe_owner(session, node.data())
        self.edited.emit(node)

    def set_read_only(self, read_only: bool, *, tracking: bool = True) -> None:
        """A final meeting keeps the status editable (tracking, not the minutes)."""
        self.read_only = read_only
        for widget in (self.description, self.owner, self.has_due):
            widget.setEnabled(not read_only)
        self.due_on.setEnabled(not read_only and self.has_due.isChecked())
        self.status.setEnabled(not read_only or tracking)
