"""The selected issue: its facts, the workflow's buttons, the dispatch panel, follow-ups and
the journal. Every step goes through ``app.issues.service``; a refused step shows the
service's message (which names the allowed next steps) in the panel's message line.

Signals:
    issue_changed(str): the issue with this id was registered or changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.access import Use, reveals_personal_data
from app.database import Database
from app.errors import UserError
from app.issues import service
from app.issues.records import DispatchTarget, IssueData, IssueDetail, Warning
from app.issues.workflow import Action
from db.models.issues import (
    DispatchStatus,
    IssueLinkKind,
    IssueSource,
    IssueStatus,
    Priority,
    Satisfaction,
)

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import enum_text, message_text, translate
from ui.widgets.attachments_box import AttachmentRules, AttachmentsBox

WARNING_COLOURS = {Warning.RED: "#a4161a", Warning.YELLOW: "#7a5900"}
UNIT_ROLE = Qt.ItemDataRole.UserRole + 1


def _add_files(session: Session, owner: Mapping[str, str], files: list[Path]) -> None:
    service.add_attachments(session, owner["issue_id"], files)


def _remove_file(session: Session, owner: Mapping[str, str], attachment_id: str) -> None:
    service.remove_attachment(session, owner["issue_id"], attachment_id)


# through the service, which refuses changes to an archived issue
ISSUE_FILES = AttachmentRules(add=_add_files, remove=_remove_file)


def _table(headers: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], ids: list[str] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if ids is not None and c == 0:
                item.setData(UNIT_ROLE, ids[r])
            table.setItem(r, c, item)


class IssuePanel(QWidget):
    issue_changed = Signal(str)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        # the detail holds the phone masked unless the operator may see it; then it stays
        self.reveal_personal = reveals_personal_data(database.operator, Use.RECORD)
        self.detail: IssueDetail | None = None
        with database.reader() as s:
            self.choices = service.choices(s)

        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.warning_label = QLabel(self)
        self.warning_label.setWordWrap(True)
        self.origin = QLabel(self)  # the meeting that raised it, related issues
        self.origin.setWordWrap(True)
        self.message = QLabel(self)  # the last refusal or validation problem
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a4161a;")

        # facts
        self.title = QLineEdit(self)
        self.source = QComboBox(self)
        for member in IssueSource:
            self.source.addItem(enum_text(member), member)
        self.category = QComboBox(self)
        self._fill_categories()
        self.community = QComboBox(self)
        self.community.addItem(self.tr("（未指定）"), None)
        for choice in self.choices.communities:
            self.community.addItem(choice.name, choice.id)
        self.address = QLineEdit(self)
        self.reporter = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.description = QPlainTextEdit(self)
        self.description.setFixedHeight(70)
        self.save_button = QPushButton(self.tr("登记"), self)
        self.save_button.clicked.connect(self._on_save_clicked)
        facts = QGroupBox(self.tr("事项"), self)
        form = QFormLayout(facts)
        form.addRow(self.tr("事项"), self.title)
        row = QHBoxLayout()
        row.addWidget(self.source)
        row.addWidget(self.category)
        row.addWidget(self.community)
        form.addRow(self.tr("来源/类别/社区"), row)
        for combo in (self.source, self.category, self.community):  # fit the pane in English
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(4)
        form.addRow(self.tr("地址"), self.address)
        row = QHBoxLayout()
        row.addWidget(self.reporter)
        row.addWidget(self.phone)
        form.addRow(self.tr("反映人/电话"), row)
        form.addRow(self.tr("描述"), self.description)
        form.addRow("", self.save_button)

        # workflow
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(
            self.tr("说明、理由或办理结果（不予受理、退单、办结等须填写）")
        )
        self.buttons: dict[str, QPushButton] = {}
        steps = QGroupBox(self.tr("办理"), self)
        steps_layout = QVBoxLayout(steps)
        steps_layout.addWidget(self.note)
        bar = QGridLayout()  # two rows, so the pane fits beside the list at 1366 px
        for index, (key, text, slot) in enumerate(
            (
                (Action.ACCEPT, self.tr("受理"), self._on_accept),
                (Action.REJECT, self.tr("不予受理"), self._on_reject),
                (Action.RESOLVE, self.tr("办结"), self._on_resolve),
                (Action.REOPEN, self.tr("重新办理"), self._on_reopen),
                (Action.CLOSE, self.tr("归档"), self._on_close),
                ("supervise", self.tr("督办"), self._on_supervise),
                ("remind", self.tr("催办"), self._on_remind),
            )
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            self.buttons[key] = button
            bar.addWidget(button, index // 4, index % 4)
        steps_layout.addLayout(bar)

        # dispatch panel
        self.units = QListWidget(self)
        self.units.setFixedHeight(90)
        for choice in self.choices.departments:
            self._add_unit(choice.name, ("org", choice.id))
        for choice in self.choices.resident_units:
            self._add_unit(choice.name, ("resident", choice.id))
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setDate(QDate.currentDate())
        self.dispatches = _table(
            [self.tr("承办单位"), self.tr("状态"), self.tr("时限"), self.tr("报到"),
             self.tr("结果/退单理由")], self,
        )  # fmt: skip
        self.dispatches.setFixedHeight(120)
        dispatch_box = QGroupBox(self.tr("派单（吹哨）"), self)
        dispatch_layout = QVBoxLayout(dispatch_box)
        pick = QHBoxLayout()
        pick.addWidget(self.units, 1)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("办理时限"), self))
        side.addWidget(self.due)
        for key, text, slot in (
            (Action.DISPATCH, self.tr("派单"), self._on_dispatch),
            (Action.ACKNOWLEDGE, self.tr("报到"), self._on_acknowledge),
            (Action.COMPLETE, self.tr("反馈结果"), self._on_complete),
            (Action.RETURN, self.tr("退单"), self._on_return),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            self.buttons[key] = button
            side.addWidget(button)
        side.addStretch(1)
        pick.addLayout(side)
        dispatch_layout.addLayout(pick)
        dispatch_layout.addWidget(self.dispatches)

        # follow-ups and the journal
        self.satisfaction = QComboBox(self)
        for member in Satisfaction:
            self.satisfaction.addItem(enum_text(member), member)
        self.buttons[Action.FOLLOW_UP] = QPushButton(self.tr("回访"), self)
        self.buttons[Action.FOLLOW_UP].clicked.connect(self._on_follow_up)
        self.follow_ups = _table([self.tr("回访时间"), self.tr("满意度"), self.tr("意见")], self)
        self.follow_ups.setFixedHeight(80)
        follow_box = QGroupBox(self.tr("回访"), self)
        follow_layout = QVBoxLayout(follow_box)
        row = QHBoxLayout()
        row.addWidget(self.satisfaction)
        row.addWidget(self.buttons[Action.FOLLOW_UP])
        row.addStretch(1)
        follow_layout.addLayout(row)
        follow_layout.addWidget(self.follow_ups)
        self.journal = _table(
            [self.tr("时间"), self.tr("步骤"), self.tr("状态"), self.tr("说明"), self.tr("经办人")],
            self,
        )
        self.journal.setMinimumHeight(150)
        journal_box = QGroupBox(self.tr("办理记录"), self)
        QVBoxLayout(journal_box).addWidget(self.journal)

        self.attachments = AttachmentsBox(
            database,
            self.tr("照片与附件"),
            self.tr("图片 (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic);;所有文件 (*)"),
            ISSUE_FILES,
            self,
        )
        links_box = self._make_links()

        content = QWidget(self)
        layout = QVBoxLayout(content)
        for widget in (self.heading, self.warning_label, self.origin, self.message, facts):
            layout.addWidget(widget)
        layout.addWidget(self.attachments)
        layout.addWidget(links_box)
        layout.addWidget(steps)
        layout.addWidget(dispatch_box)
        layout.addWidget(follow_box)
        layout.addWidget(journal_box, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)  # 150 % scaling
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.new_issue()

    def _fill_categories(self) -> None:
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("（未分类）"), None)
        for c in self.choices.categories:
            self.category.addItem(
                self.tr("{name}（{days}个工作日）").format(name=c.name, days=c.limit_working_days),
                c.id,
            )
        self.category.setCurrentIndex(max(0, self.category.findData(current)))
        self.category.blockSignals(False)

    def reload_choices(self) -> None:
        """Reads the categories again (after 设置… changed them); keeps what is chosen."""
        with self.database.reader() as s:
            self.choices = service.choices(s)
        self._fill_categories()

    def _make_links(self) -> QGroupBox:
        self.links = _table([self.tr("关系"), self.tr("编号"), self.tr("事项")], self)
        self.links.setFixedHeight(80)
        self.links.itemSelectionChanged.connect(self._enable_links)
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

    def _add_unit(self, name: str, key: tuple[str, str]) -> None:
        item = QListWidgetItem(name, self.units)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        item.setData(UNIT_ROLE, key)

    # showing

    def new_issue(self) -> None:
        """An empty form; 登记 registers it."""
        self.detail = None
        self.heading.setText(self.tr("登记新的民生事项"))
        self.warning_label.clear()
        self.origin.clear()
        self.message.clear()
        for widget in (self.title, self.address, self.reporter, self.phone):
            widget.clear()
            widget.setReadOnly(False)
        self.description.clear()
        for combo in (self.source, self.category, self.community):
            combo.setCurrentIndex(0)
        self.save_button.setText(self.tr("登记"))
        for table in (self.dispatches, self.follow_ups, self.journal, self.links):
            table.setRowCount(0)
        self.attachments.set_owner()
        self.link_number.clear()
        self._enable(())

    def show_issue(self, issue_id: str | None) -> None:
        if issue_id is None:
            self.new_issue()
            return
        self.message.clear()
        with self.database.reader() as s:
            self.detail = service.issue_detail(s, issue_id)
        self._show(self.detail)

    def _show(self, d: IssueDetail) -> None:
        flag = self.tr("（督办）") if d.supervised else ""
        deadline = d.deadline.isoformat() if d.deadline else "—"
        self.heading.setText(
            self.tr("{number}　{status}　办理时限 {deadline}{flag}").format(
                number=d.number, status=enum_text(d.status), deadline=deadline, flag=flag
            )
        )
        if d.warning is not None:
            colour = WARNING_COLOURS[d.warning]
            self.warning_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
            self.warning_label.setText("；".join(d.warning_reasons))
        else:
            self.warning_label.clear()
        kinds = {
            "duplicate_of": self.tr("重复于"),
            "duplicated_by": self.tr("被重复"),
            "related_to": self.tr("相关"),
        }
        origin = []
        if d.meeting_title:
            origin.append(self.tr("来源会议：{title}").format(title=d.meeting_title))
        if d.links:
            links = "、".join(f"{kinds.get(v.kind, v.kind)} {v.number}" for v in d.links)
            origin.append(self.tr("关联事项：{links}").format(links=links))
        self.origin.setText("　".join(origin))
        data = d.data
        self.title.setText(data.title)
        self.source.setCurrentIndex(max(0, self.source.findData(data.source)))
        self.category.setCurrentIndex(max(0, self.category.findData(data.category_id)))
        self.community.setCurrentIndex(max(0, self.community.findData(data.community_id)))
        self.address.setText(data.address)
        self.reporter.setText(data.reporter_name)
        self.phone.setText(data.reporter_phone)
        self.phone.setReadOnly(not self.reveal_personal)
        self.description.setPlainText(data.description)
        self.save_button.setText(self.tr("保存"))
        if d.deadline:
            self.due.setDate(QDate(d.deadline.year, d.deadline.month, d.deadline.day))
        _fill(
            self.dispatches,
            [
                [
                    v.unit_name,
                    enum_text(v.status),
                    v.due_on.isoformat() if v.due_on else "",
                    v.acknowledged_at.strftime("%m-%d %H:%M") if v.acknowledged_at else "",
                    v.return_reason if v.status is DispatchStatus.RETURNED else v.result,
                ]
                for v in d.dispatches
            ],
            [v.id for v in d.dispatches],
        )
        for r, v in enumerate(d.dispatches):
            if v.warning is not None:
                self.dispatches.item(r, 0).setForeground(QColor(WARNING_COLOURS[v.warning]))
        _fill(
            self.follow_ups,
            [
                [f.visited_at.strftime("%Y-%m-%d %H:%M"), enum_text(f.satisfaction), f.comment]
                for f in d.follow_ups
            ],
        )
        _fill(
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
        _fill(
            self.links,
            [[kinds.get(v.kind, v.kind), v.number, v.title] for v in d.links],
            [v.issue_id for v in d.links],
        )
        self.attachments.set_owner(read_only=d.status is IssueStatus.CLOSED, issue_id=d.id)
        self._enable(d.allowed_actions)

    def _enable(self, allowed: tuple[str, ...]) -> None:
        live = self.detail is not None and self.detail.status.value not in ("closed", "rejected")
        for key, button in self.buttons.items():
            if key in ("supervise", "remind"):
                button.setEnabled(live)
            else:
                button.setEnabled(key in allowed)
        self.link_number.setEnabled(self.detail is not None)
        self.link_kind.setEnabled(self.detail is not None)
        self.add_link_button.setEnabled(self.detail is not None)
        self._enable_links()

    def _enable_links(self) -> None:
        self.remove_link_button.setEnabled(self.detail is not None and self.links.currentRow() >= 0)

    # links

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
        other = str(item.data(UNIT_ROLE))
        self._run(lambda s: service.unlink_issues(s, self._issue(), other))

    # acting

    def _run(self, step: Callable[[Any], Any]) -> bool:
        """Runs one step in its own session; shows a refusal instead of raising."""
        try:
            with self.database.session() as s:
                result = step(s)
        except UserError as error:
            self.message.setText(message_text(error.message))
            return False
        issue_id = result if isinstance(result, str) and self.detail is None else None
        if self.detail is not None:
            issue_id = self.detail.id
        self.note.clear()
        if issue_id:
            self.show_issue(issue_id)
            self.issue_changed.emit(issue_id)
        return True

    def _data(self) -> IssueData:
        current = self.detail.data if self.detail else IssueData()
        phone = (
            self.phone.text() if self.reveal_personal or not self.detail else current.reporter_phone
        )
        return IssueData(
            title=self.title.text(),
            source=self.source.currentData(),
            description=self.description.toPlainText(),
            category_id=self.category.currentData(),
            community_id=self.community.currentData(),
            grid_id=current.grid_id,
            compound_id=current.compound_id,
            address=self.address.text(),
            reporter_name=self.reporter.text(),
            reporter_phone=phone,
            priority=current.priority if self.detail else Priority.NORMAL,
        )

    def _on_save_clicked(self) -> None:
        data = self._data()
        if self.detail is None:
            saved = self._run(lambda s: service.register(s, data))
        else:
            d = self.detail
            saved = self._run(lambda s: service.update_facts(s, d.id, d.version, data))
        if saved:
            from ui.printing.characters import warn_unprintable

            warn_unprintable(self, data)

    def _issue(self) -> str:
        assert self.detail is not None
        return self.detail.id

    def _on_accept(self) -> None:
        self._run(lambda s: service.accept(s, self._issue(), note=self.note.text()))

    def _on_reject(self) -> None:
        self._run(lambda s: service.reject(s, self._issue(), self.note.text()))

    def _on_resolve(self) -> None:
        self._run(lambda s: service.resolve(s, self._issue(), self.note.text()))

    def _on_reopen(self) -> None:
        self._run(lambda s: service.reopen(s, self._issue(), self.note.text()))

    def _on_close(self) -> None:
        self._run(lambda s: service.close(s, self._issue(), note=self.note.text()))

    def _on_supervise(self) -> None:
        self._run(lambda s: service.supervise(s, self._issue(), self.note.text()))

    def _on_remind(self) -> None:
        self._run(lambda s: service.remind(s, self._issue(), self.note.text()))

    def checked_units(self) -> list[QListWidgetItem]:
        return [
            self.units.item(i)
            for i in range(self.units.count())
            if self.units.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _on_dispatch(self) -> None:
        due_q = self.due.date()
        due = date(due_q.year(), due_q.month(), due_q.day())
        targets = []
        for item in self.checked_units():
            kind, unit_id = item.data(UNIT_ROLE)
            if kind == "org":
                targets.append(DispatchTarget(org_unit_id=unit_id, due_on=due))
            else:
                targets.append(DispatchTarget(resident_unit_id=unit_id, due_on=due))
        if self._run(lambda s: service.dispatch(s, self._issue(), targets, note=self.note.text())):
            for item in self.checked_units():
                item.setCheckState(Qt.CheckState.Unchecked)

    def selected_dispatch(self) -> str | None:
        row = self.dispatches.currentRow()
        if row < 0 or self.dispatches.item(row, 0) is None:
            self.message.setText(self.tr("请先在派单列表中选中一个承办单位。"))
            return None
        return str(self.dispatches.item(row, 0).data(UNIT_ROLE))

    def _on_acknowledge(self) -> None:
        if dispatch_id := self.selected_dispatch():
            self._run(lambda s: service.acknowledge(s, dispatch_id))

    def _on_complete(self) -> None:
        if dispatch_id := self.selected_dispatch():
            self._run(lambda s: service.complete(s, dispatch_id, self.note.text()))

    def _on_return(self) -> None:
        if dispatch_id := self.selected_dispatch():
            self._run(lambda s: service.return_dispatch(s, dispatch_id, self.note.text()))

    def _on_follow_up(self) -> None:
        level = self.satisfaction.currentData()
        self._run(lambda s: service.follow_up(s, self._issue(), level, comment=self.note.text()))
