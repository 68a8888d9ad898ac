"""登记履约: one activity a pair held — date, participants, hours, place, note.

Opened from a cell of the 七个共 matrix, for that pairing and activity; the caller's saver
records it (``app.agreements.matrix.record_fulfilment_for_cell``). A cell already done says
when it was last held, since a second record of the same activity is allowed but rarely meant.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.agreements.matrix import CellState, MatrixCell, MatrixRow
from app.agreements.records import FulfilmentData

from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from ui.agreements.date_field import date_edit, from_qdate, to_qdate
from ui.agreements.spin_boxes import hours_spin, people_spin
from ui.i18n import enum_text
from ui.widgets.record_dialog import RecordDialog


class FulfilmentDialog(RecordDialog):
    def __init__(
        self, row: MatrixRow, cell: MatrixCell, held_on: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("登记履约"), parent)
        self._activity = cell.activity
        pair = QLabel(
            self.tr("{branch}\n{unit} · {community}").format(
                branch=row.branch_name, unit=row.unit_name, community=row.community_name
            ),
            self,
        )
        pair.setWordWrap(True)
        self.activity_label = activity = QLabel(enum_text(cell.activity), self)
        if cell.state is CellState.DONE and cell.last_on is not None:
            activity.setText(
                self.tr("{activity}（本年已开展，最近一次 {day}）").format(
                    activity=enum_text(cell.activity), day=cell.last_on.isoformat()
                )
            )
        self.held_on = date_edit(self)
        self.participants = people_spin(self)
        self.hours = hours_spin(self, 9999)
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(self.tr("例如 宁海路社区党群服务中心"))
        self.note = QPlainTextEdit(self)
        self.note.setFixedHeight(64)
        self.note.setTabChangesFocus(True)

        self.add_row(self.tr("结对"), pair, track=())
        self.add_row(self.tr("活动"), activity, "activity", track=())
        self.add_row(self.tr("活动日期"), self.held_on, "held_on")
        self.add_row(self.tr("参加人数"), self.participants, "participants")
        self.add_row(self.tr("时长"), self.hours, "hours")
        self.add_row(self.tr("地点"), self.place, "place")
        self.add_row(self.tr("备注"), self.note, "note")
        self.finish(FulfilmentData(held_on=held_on, activity=cell.activity))
        self.held_on.setFocus()

    def load(self, data: FulfilmentData) -> None:
        if data.held_on is not None:
            self.held_on.setDate(to_qdate(data.held_on))
        self.participants.setValue(data.participants)
        self.hours.setValue(float(data.hours))
        self.place.setText(data.place)
        self.note.setPlainText(data.note)

    def collect(self) -> FulfilmentData:
        return FulfilmentData(
            held_on=from_qdate(self.held_on.date()),
            activity=self._activity,
            participants=self.participants.value(),
            hours=Decimal(str(round(self.hours.value(), 1))),
            place=self.place.text(),
            note=self.note.toPlainText(),
        )
