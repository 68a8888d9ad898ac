"""The small dialogs of the agreement editor: a commitment, a fulfilment record, a renewal.

Each is a ``RecordDialog``: errors at the field, nothing lost on a failed save, a question
before closing with unsaved changes. The caller passes ``save`` (what the dialog collected →
the result), which runs the use case in one session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.agreements.records import CommitmentData, FulfilmentData
from app.enums import JointActivity

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from ui.agreements.date_field import OptionalDate, date_edit, from_qdate, to_qdate
from ui.agreements.spin_boxes import hours_spin, people_spin
from ui.widgets.fields import field_row
from ui.widgets.pickers import EnumCombo
from ui.widgets.record_dialog import RecordDialog, widget_state


class FormDialog(RecordDialog):
    """A RecordDialog that also tells when an optional date or a list of files to attach
    changed: widgets ``widget_state`` does not know."""

    def _state(self) -> list[Any]:
        return [_state_of(widget) for widget in self._tracked]


def _state_of(widget: QWidget) -> Any:
    if isinstance(widget, OptionalDate):
        return widget.value()
    if isinstance(widget, QListWidget):
        return widget.count()
    return widget_state(widget)


def _choice_combo(parent: QWidget, none_text: str, choices: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(none_text, None)
    for record_id, text in choices:
        combo.addItem(text, record_id)
    return combo


class CommitmentDialog(FormDialog):
    """One commitment: a 七个共 activity or free text, who is responsible, a yearly target."""

    def __init__(
        self,
        title: str,
        parties: list[tuple[str, str]],
        data: CommitmentData,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.activity = EnumCombo(list(JointActivity), self.tr("请选择"), self)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("具体内容；选“其他”时必填"))
        self.responsible = _choice_combo(self, self.tr("（不指定）"), parties)
        self.target = QSpinBox(self)
        self.target.setRange(0, 999)
        self.target.setSuffix(self.tr(" 次"))
        self.due_on = OptionalDate(self.tr("限期"), self)
        self.add_row(self.tr("承诺事项"), self.activity, "activity")
        self.add_row(self.tr("承诺内容"), self.text, "text")
        self.add_row(self.tr("责任方"), self.responsible, "responsible_party_id")
        self.add_row(self.tr("年度目标"), self.target, "yearly_target")
        self.add_row(self.tr("完成时限"), self.due_on, "due_on")
        self.finish(data)

    def load(self, data: CommitmentData) -> None:
        self.activity.set_value(data.activity)
        self.text.setText(data.text)
        self.responsible.setCurrentIndex(
            max(0, self.responsible.findData(data.responsible_party_id))
        )
        self.target.setValue(data.yearly_target)
        self.due_on.set_value(data.due_on)

    def collect(self) -> CommitmentData:
        return CommitmentData(
            activity=self.activity.value(),
            text=self.text.text(),
            responsible_party_id=self.responsible.currentData(),
            yearly_target=self.target.value(),
            due_on=self.due_on.value(),
        )


@dataclass(frozen=True)
class CommitmentChoice:
    """A commitment as the fulfilment dialog offers it."""

    id: str
    label: str
    activity: JointActivity


@dataclass(frozen=True)
class NewFulfilment:
    data: FulfilmentData
    files: tuple[Path, ...]  # attachments to add with the record, in the same session


class FulfilmentDialog(FormDialog):
    """A fulfilment record: when, which commitment (its activity follows), who and how long,
    with photos or sign-in sheets attached in the same save."""

    def __init__(
        self,
        commitments: list[CommitmentChoice],
        held_on: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("登记履约"), parent)
        self._commitments = {c.id: c for c in commitments}
        self.held_on = date_edit(self)
        self.commitment = _choice_combo(
            self, self.tr("（不对应承诺）"), [(c.id, c.label) for c in commitments]
        )
        self.commitment.currentIndexChanged.connect(self._on_commitment_changed)
        self.activity = EnumCombo(list(JointActivity), self.tr("请选择"), self)
        self.participants = people_spin(self)
        self.hours = hours_spin(self, 9999)
        self.place = QLineEdit(self)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(60)
        self.files = QListWidget(self)
        self.files.setFixedHeight(52)
        add_files = QPushButton(self.tr("添加附件…"), self)
        add_files.setAutoDefault(False)
        add_files.clicked.connect(self._on_add_files_clicked)
        files = field_row(self, self.files, add_files, grow=self.files)
        self.add_row(self.tr("活动日期"), self.held_on, "held_on")
        self.add_row(self.tr("对应承诺"), self.commitment, "commitment_id")
        self.add_row(self.tr("活动类别"), self.activity, "activity")
        self.add_row(self.tr("参加人数"), self.participants, "participants")
        self.add_row(self.tr("时长"), self.hours, "hours")
        self.add_row(self.tr("地点"), self.place, "place")
        self.add_row(self.tr("备注"), self.note, "note")
        self.add_row(self.tr("照片与附件"), files, "files", track=[self.files])
        self.finish(held_on)

    def load(self, held_on: date) -> None:
        self.held_on.setDate(to_qdate(held_on))
        self.activity.set_value(None)
        if len(self._commitments) == 1:
            self.commitment.setCurrentIndex(1)

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            self.files.addItem(str(path))

    def _on_add_files_clicked(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("添加照片或附件"),
            "",
            self.tr("图片与文档 (*.jpg *.jpeg *.png *.pdf *.doc *.docx);;所有文件 (*)"),
        )
        self.add_files([Path(n) for n in names])

    def _on_commitment_changed(self) -> None:
        commitment = self._commitments.get(self.commitment.currentData() or "")
        if commitment is not None:
            self.activity.set_value(commitment.activity)

    def collect(self) -> NewFulfilment:
        data = FulfilmentData(
            held_on=from_qdate(self.held_on.date()),
            activity=self.activity.value(),
            commitment_id=self.commitment.currentData(),
            participants=self.participants.value(),
            hours=Decimal(str(round(self.hours.value(), 1))),
            place=self.place.text(),
            note=self.note.toPlainText(),
        )
        files = tuple(Path(self.files.item(i).text()) for i in range(self.files.count()))
        return NewFulfilment(data, files)


@dataclass(frozen=True)
class Renewal:
    valid_from: date
    valid_to: date
    signed_on: date
    number: str
    reason: str


class RenewDialog(FormDialog):
    """续签: the successor's dates and number (proposed), and why (for the record)."""

    def __init__(
        self, valid_from: date, years: int, number: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("续签协议"), parent)
        self._years = years
        self.valid_from = date_edit(self)
        self.valid_to = date_edit(self)
        self.signed_on = date_edit(self)
        self.number = QLineEdit(self)
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(60)
        self.reason.setPlaceholderText(self.tr("选填，将记入操作日志"))
        self.add_row(self.tr("新协议编号"), self.number, "number")
        self.add_row(self.tr("签订日期"), self.signed_on, "signed_on")
        self.add_row(self.tr("有效期自"), self.valid_from, "valid_from")
        self.add_row(self.tr("有效期至"), self.valid_to, "valid_to")
        self.add_row(self.tr("续签说明"), self.reason, "reason")
        ok = self.buttons.button(self.buttons.StandardButton.Save)
        ok.setText(self.tr("续签"))
        self.finish((valid_from, number))

    def load(self, data: tuple[date, str]) -> None:
        valid_from, number = data
        self.valid_from.setDate(to_qdate(valid_from))
        end = to_qdate(valid_from).addYears(self._years).addDays(-1)
        self.valid_to.setDate(end)
        self.signed_on.setDate(QDate.currentDate())
        self.number.setText(number)

    def collect(self) -> Renewal:
        return Renewal(
            from_qdate(self.valid_from.date()),
            from_qdate(self.valid_to.date()),
            from_qdate(self.signed_on.date()),
            self.number.text().strip(),
            self.reason.toPlainText(),
        )


def term_years(valid_from: date | None, valid_to: date | None) -> int:
    """The whole years an agreement ran (at least one): a renewal proposes the same term."""
    if valid_from is None or valid_to is None:
        return 1
    return max(1, round((valid_to + timedelta(days=1) - valid_from).days / 365.25))
