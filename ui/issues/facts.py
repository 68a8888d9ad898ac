"""The facts of an issue as the editor edits them: what, where, who reported it (and who
entered it on their behalf, 代录), the photos — addable while registering.

Categories show their real limit ("积水（24小时）"); communities are sorted the way Chinese
readers look for them (by pinyin).

Signals:
    edited(): a field was changed by the user.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from sqlalchemy.orm import Session

from app.database import Database
from app.enums import IssueSource, Priority
from app.issues import service
from app.issues.records import IssueData, IssueDetail

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from ui.i18n import enum_text, message_text
from ui.widgets.attachments_box import AttachmentRules, AttachmentsBox
from ui.widgets.pickers import pinyin_sorted


def _add_files(session: Session, owner: Mapping[str, str], files: list[Path]) -> None:
    service.add_attachments(session, owner["issue_id"], files)


def _remove_file(session: Session, owner: Mapping[str, str], attachment_id: str) -> None:
    service.remove_attachment(session, owner["issue_id"], attachment_id)


# through the service, which refuses changes to an archived issue
ISSUE_FILES = AttachmentRules(add=_add_files, remove=_remove_file)


class FactsBox(QGroupBox):
    edited = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("事项"), parent)
        self.subject = QLineEdit(self)
        self.source = QComboBox(self)
        for member in IssueSource:
            self.source.addItem(enum_text(member), member)
        self.category = QComboBox(self)
        self.community = QComboBox(self)
        self.address = QLineEdit(self)
        self.reporter = QLineEdit(self)
        self.reporter.setPlaceholderText(self.tr("反映人"))
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText(self.tr("联系电话"))
        self.proxy = QCheckBox(self.tr("代录"), self)
        self.proxy.setToolTip(self.tr("反映人没有手机等，由工作人员代为登记：两个人的名字都留下"))
        self.entered_by = QLineEdit(self)
        self.entered_by.setPlaceholderText(self.tr("代录的工作人员"))
        self.proxy.toggled.connect(self._on_proxy_toggled)
        self.description = QPlainTextEdit(self)
        self.description.setFixedHeight(64)
        self.attachments = AttachmentsBox(
            database,
            self.tr("照片与附件"),
            self.tr("图片 (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic);;所有文件 (*)"),
            ISSUE_FILES,
            self,
            allow_pending=True,
            thumbnails=True,
        )
        self.save_button = QPushButton(self.tr("登记"), self)
        self.save_button.setDefault(True)
        form = QFormLayout(self)
        form.addRow(self.tr("事项"), self.subject)
        row = QHBoxLayout()
        for widget in (self.source, self.category, self.community):
            # as narrow as the pane needs (long names are read in the open list)
            widget.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            widget.setMinimumContentsLength(5)
            row.addWidget(widget, 1)
        form.addRow(self.tr("来源/类别/社区"), row)
        form.addRow(self.tr("地址"), self.address)
        row = QHBoxLayout()
        row.addWidget(self.reporter, 1)
        row.addWidget(self.phone, 1)
        row.addWidget(self.proxy)
        row.addWidget(self.entered_by, 1)
        form.addRow(self.tr("反映人/电话"), row)
        form.addRow(self.tr("描述"), self.description)
        form.addRow(self.attachments)
        form.addRow("", self.save_button)
        for line in (self.subject, self.address, self.reporter, self.phone, self.entered_by):
            line.textEdited.connect(self.edited)
        self.description.textChanged.connect(self._on_description_changed)
        for combo in (self.source, self.category, self.community):
            combo.activated.connect(self.edited)
        self.proxy.clicked.connect(self.edited)
        self.attachments.changed.connect(self.edited)
        self._loading = False
        self._on_proxy_toggled(False)

    def fill_choices(self, choices: service.IssueChoices) -> None:
        """The categories (with their limits) and the communities, keeping what is chosen."""
        for combo, none, items in (
            (
                self.category,
                self.tr("（未分类）"),
                [(f"{c.name}（{message_text(c.limit.text())}）", c.id) for c in choices.categories],
            ),
            (
                self.community,
                self.tr("（未指定）"),
                pinyin_sorted([(c.name, c.id) for c in choices.communities]),
            ),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(none, None)
            for text, key in items:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def load(self, detail: IssueDetail | None, *, reveal_personal: bool, clerk: str) -> None:
        """Shows the issue (None: an empty form for a new one, 代录 by ``clerk``)."""
        self._loading = True
        data = detail.data if detail is not None else IssueData()
        self.subject.setText(data.title)
        self.source.setCurrentIndex(max(0, self.source.findData(data.source)))
        self.category.setCurrentIndex(max(0, self.category.findData(data.category_id)))
        self.community.setCurrentIndex(max(0, self.community.findData(data.community_id)))
        self.address.setText(data.address)
        self.reporter.setText(data.reporter_name)
        self.phone.setText(data.reporter_phone)  # masked by the core unless they may see it
        self.phone.setReadOnly(detail is not None and not reveal_personal)
        self.proxy.setChecked(bool(data.entered_by))
        self.entered_by.setText(data.entered_by or (clerk if detail is None else ""))
        self._on_proxy_toggled(bool(data.entered_by))
        self.description.setPlainText(data.description)
        self.save_button.setText(self.tr("登记") if detail is None else self.tr("保存"))
        if detail is None:
            self.attachments.set_owner()
        self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        """An archived, rejected or merged issue is a record: nothing to change or save."""
        for line in (self.subject, self.address, self.reporter, self.entered_by):
            line.setReadOnly(read_only)
        if read_only:
            self.phone.setReadOnly(True)
        self.description.setReadOnly(read_only)
        for widget in (self.source, self.category, self.community, self.proxy):
            widget.setEnabled(not read_only)
        self.save_button.setEnabled(not read_only)

    def data(self, current: IssueData, *, keep_phone: bool) -> IssueData:
        """What the form says; ``keep_phone``: the phone shown masked stays as stored."""
        return IssueData(
            title=self.subject.text(),
            source=self.source.currentData(),
            description=self.description.toPlainText(),
            category_id=self.category.currentData(),
            community_id=self.community.currentData(),
            grid_id=current.grid_id,
            compound_id=current.compound_id,
            address=self.address.text(),
            reporter_name=self.reporter.text(),
            reporter_phone=current.reporter_phone if keep_phone else self.phone.text(),
            entered_by=self.entered_by.text() if self.proxy.isChecked() else "",
            priority=current.priority or Priority.NORMAL,
        )

    def _on_proxy_toggled(self, on: bool) -> None:
        self.entered_by.setVisible(on)

    def _on_description_changed(self) -> None:
        if not self._loading:
            self.edited.emit()
