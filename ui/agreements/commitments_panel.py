"""An agreement's commitments with this year's progress, and its fulfilment records.

Progress is counted in SQL (``app.agreements.progress``): done ÷ yearly target per
commitment, the capped sum per agreement; a commitment or agreement whose done share lags
the year's elapsed share by more than the configured margin is shown in red as 进度落后.
Each change is written at once (a new agreement is saved first, through ``ensure_saved``)
and pushed on the undo stack.

Signals:
    changed(): a commitment or fulfilment record was written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.agreements import commitments, progress
from app.agreements.commitments import FulfilmentDetail
from app.agreements.lifecycle import Action
from app.agreements.records import CommitmentData
from app.agreements.service import AgreementDetail, CommitmentDetail
from app.attachments import add_attachment
from app.errors import UserError
from app.localtime import beijing_today

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ui.agreements.commands import (
    AddCommitmentCommand,
    DeleteCommitmentCommand,
    DeleteFulfilmentCommand,
    EditCommitmentCommand,
    RecordFulfilmentCommand,
)
from ui.agreements.files import AGREEMENT_FILES
from ui.agreements.forms import (
    CommitmentChoice,
    CommitmentDialog,
    FulfilmentDialog,
    NewFulfilment,
)
from ui.i18n import enum_text, message_text
from ui.tab import TabContext
from ui.widgets import palette, read_only
from ui.widgets.attachments_box import AttachmentsBox
from ui.widgets.one_dialog import open_dialog
from ui.widgets.questions import ask
from ui.widgets.tables import read_only_table

ID_ROLE = Qt.ItemDataRole.UserRole + 1
BEHIND = palette.ERROR_RED


def _table(headers: list[str], stretch: int, parent: QWidget) -> QTableWidget:
    """A read-only table of one-line rows; column ``stretch`` (the longest text) takes the
    spare width."""
    table = read_only_table(headers, parent, stretch=stretch)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    return table


class _TableKeys(QObject):
    """Enter opens the selected row and Delete deletes it (asking first) while the table has
    the focus, before the dialog's default button (保存) sees the key."""

    def __init__(
        self, table: QTableWidget, on_enter: Callable[[], object], on_delete: Callable[[], object]
    ) -> None:
        super().__init__(table)
        self._slots = {
            Qt.Key.Key_Return: on_enter,
            Qt.Key.Key_Enter: on_enter,
            Qt.Key.Key_Delete: on_delete,
        }
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            slot = self._slots.get(Qt.Key(event.key()))
            if slot is not None and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            ):
                slot()
                return True
        return super().eventFilter(watched, event)


def _fill(table: QTableWidget, rows: list[tuple[str, list[str]]]) -> None:
    """Rows of (id, cells); the id rides on the first cell."""
    table.setRowCount(len(rows))
    for r, (record_id, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)  # long texts are elided
            if c == 0:
                item.setData(ID_ROLE, record_id)
            table.setItem(r, c, item)


def _selected_id(table: QTableWidget) -> str | None:
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    return str(item.data(ID_ROLE)) if item is not None else None


def commitment_label(data: CommitmentData) -> str:
    activity = enum_text(data.activity) if data.activity else ""
    if data.text and data.activity is not None and data.activity.value != "other":
        return f"{activity}：{data.text}"
    return data.text or activity


class CommitmentsPanel(QWidget):
    changed = Signal()

    def __init__(
        self,
        context: TabContext,
        ensure_saved: Callable[[], AgreementDetail | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.database = context.database
        self._ensure_saved = ensure_saved
        self.detail: AgreementDetail | None = None
        self.read_only = False
        self.fulfilment_dialog: FulfilmentDialog | None = None
        self.commitment_dialog: CommitmentDialog | None = None

        self.progress_label = QLabel(self)
        self.progress_label.setWordWrap(True)
        self.commitments = self._records_table(
            [self.tr("承诺事项"), self.tr("责任方"), self.tr("年度目标"), self.tr("已完成"),
             self.tr("进度"), self.tr("完成时限")], 0, self.edit_commitment, self.delete_commitment,
        )  # fmt: skip
        self.add_commitment_button = self._button(self.tr("添加承诺…"), self.add_commitment)
        self.edit_commitment_button = self._button(self.tr("修改…"), self.edit_commitment)
        self.delete_commitment_button = self._button(self.tr("删除"), self.delete_commitment)
        commitments_box = QGroupBox(self.tr("承诺事项与本年度进度"), self)
        layout = QVBoxLayout(commitments_box)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.commitments, 1)
        layout.addLayout(
            self._bar(
                self.add_commitment_button,
                self.edit_commitment_button,
                self.delete_commitment_button,
            )
        )

        self.fulfilments = self._records_table(
            [self.tr("活动日期"), self.tr("活动类别"), self.tr("对应承诺"), self.tr("人数"),
             self.tr("时长"), self.tr("地点")], 2, self.show_fulfilment_files,
            self.delete_fulfilment,
        )  # fmt: skip
        self.record_button = self._button(self.tr("登记履约…"), self.record_fulfilment)
        self.files_button = self._button(self.tr("照片与附件…"), self.show_fulfilment_files)
        read_only.reads(self.files_button)
        self.delete_fulfilment_button = self._button(self.tr("删除"), self.delete_fulfilment)
        fulfilment_box = QGroupBox(self.tr("履约记录"), self)
        layout = QVBoxLayout(fulfilment_box)
        layout.addWidget(self.fulfilments, 1)
        layout.addLayout(
            self._bar(self.record_button, self.files_button, self.delete_fulfilment_button)
        )

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(commitments_box, 1)
        outer.addWidget(fulfilment_box, 1)
        self._fulfilment_details: dict[str, FulfilmentDetail] = {}
        self.show_agreement(None, read_only=False)

    def _records_table(
        self,
        headers: list[str],
        stretch: int,
        open_row: Callable[[], object],
        delete_row: Callable[[], object],
    ) -> QTableWidget:
        """A table of the agreement's records: choosing a row enables the buttons, a
        double-click or Enter opens it, Delete removes it (asking first)."""
        table = _table(headers, stretch, self)
        table.itemSelectionChanged.connect(self._enable)
        table.itemDoubleClicked.connect(lambda _item: open_row())
        _TableKeys(table, open_row, delete_row)  # the table keeps it
        return table

    def _button(self, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    @staticmethod
    def _bar(*buttons: QPushButton) -> QHBoxLayout:
        bar = QHBoxLayout()
        for button in buttons:
            bar.addWidget(button)
        bar.addStretch(1)
        return bar

    # showing

    def show_agreement(self, detail: AgreementDetail | None, *, read_only: bool) -> None:
        self.detail = detail
        self.read_only = read_only
        if detail is None:
            self.progress_label.setText(
                self.tr("添加承诺事项时会先保存协议；协议生效后可登记履约。")
            )
            self.progress_label.setStyleSheet("")
            self.commitments.setRowCount(0)
            self.fulfilments.setRowCount(0)
            self._enable()
            return
        today = beijing_today()
        with self.database.reader() as s:
            rows = progress.commitment_progress(s, today.year, today, agreement_id=detail.id)
            overall = progress.agreement_progress(s, today.year, today, [detail.id])
            fulfilments = commitments.fulfilments_of(s, detail.id)
        self._show_commitments(detail, {p.commitment_id: p for p in rows})
        self._show_overall(overall.get(detail.id), today.year)
        self._show_fulfilments(detail, fulfilments)
        self._enable()

    def _show_commitments(
        self, detail: AgreementDetail, done: dict[str, progress.CommitmentProgress]
    ) -> None:
        names = {p.id: p.name for p in detail.parties}
        rows = []
        for c in detail.commitments:
            p = done.get(c.id)
            rows.append(
                (
                    c.id,
                    [
                        commitment_label(c.data),
                        names.get(c.data.responsible_party_id or "", ""),
                        str(c.data.yearly_target),
                        str(p.done if p else 0),
                        self._percent_text(p.percent if p else 0, bool(p and p.behind)),
                        c.data.due_on.isoformat() if c.data.due_on else "",
                    ],
                )
            )
        _fill(self.commitments, rows)
        red = QBrush(QColor(BEHIND))
        for r, c in enumerate(detail.commitments):
            if (p := done.get(c.id)) is not None and p.behind:
                for column in range(self.commitments.columnCount()):
                    if (item := self.commitments.item(r, column)) is not None:
                        item.setForeground(red)

    def _percent_text(self, percent: int, behind: bool) -> str:
        return self.tr("{p}%（落后）").format(p=percent) if behind else f"{percent}%"

    def _show_overall(self, overall: progress.AgreementProgress | None, year: int) -> None:
        if overall is None:
            self.progress_label.setText(self.tr("还没有承诺事项。点“添加承诺…”写下双方的约定。"))
            self.progress_label.setStyleSheet("")
            return
        text = self.tr("{year}年总进度 {p}%（完成 {done}/{target} 次）").format(
            year=year, p=overall.percent, done=overall.done, target=overall.target
        )
        if overall.behind:
            text += self.tr("　进度落后于时间")
        self.progress_label.setText(text)
        self.progress_label.setStyleSheet(
            f"color: {BEHIND}; font-weight: bold;" if overall.behind else "font-weight: bold;"
        )

    def _show_fulfilments(
        self, detail: AgreementDetail, fulfilments: list[FulfilmentDetail]
    ) -> None:
        labels = {c.id: commitment_label(c.data) for c in detail.commitments}
        self._fulfilment_details = {f.id: f for f in fulfilments}
        _fill(
            self.fulfilments,
            [
                (
                    f.id,
                    [
                        f.data.held_on.isoformat() if f.data.held_on else "",
                        enum_text(f.data.activity) if f.data.activity else "",
                        labels.get(f.data.commitment_id or "", ""),
                        str(f.data.participants),
                        self.tr("{h} 小时").format(h=f.data.hours),
                        f.data.place,
                    ],
                )
                for f in fulfilments
            ],
        )

    def _enable(self) -> None:
        editable = not self.read_only
        chosen = _selected_id(self.commitments) is not None
        self.add_commitment_button.setEnabled(editable)
        self.edit_commitment_button.setEnabled(editable and chosen)
        self.delete_commitment_button.setEnabled(editable and chosen)
        record_chosen = _selected_id(self.fulfilments) is not None
        signed = self.detail is not None and Action.RECORD_FULFILMENT in self.detail.actions
        self.record_button.setEnabled(editable and signed)
        self.files_button.setEnabled(record_chosen)
        self.delete_fulfilment_button.setEnabled(editable and record_chosen)

    # commitments

    def _party_choices(self) -> list[tuple[str, str]]:
        assert self.detail is not None
        return [(p.id, p.name) for p in self.detail.parties]

    def _commitment(self, commitment_id: str) -> CommitmentDetail:
        assert self.detail is not None
        return next(c for c in self.detail.commitments if c.id == commitment_id)

    def add_commitment(self) -> CommitmentDialog | None:
        detail = self._ensure_saved()
        if detail is None:
            return None
        self.detail = detail
        dialog = CommitmentDialog(
            self.tr("添加承诺事项"), self._party_choices(), CommitmentData(), self
        )
        agreement_id = detail.id

        def save(data: CommitmentData) -> str:
            with self.database.session() as s:
                return commitments.add_commitment(s, agreement_id, data)

        dialog.set_saver(save)
        dialog.saved.connect(self._on_commitment_added)
        self.commitment_dialog = dialog
        return open_dialog(dialog)

    def _on_commitment_added(self, commitment_id: str) -> None:
        dialog = self.sender()
        assert isinstance(dialog, CommitmentDialog)
        name = commitment_label(dialog.collect())
        self._push(AddCommitmentCommand(commitment_id, name, *self._services()))

    def edit_commitment(self) -> CommitmentDialog | None:
        commitment_id = _selected_id(self.commitments)
        if commitment_id is None or self.read_only:
            return None
        current = self._commitment(commitment_id)
        dialog = CommitmentDialog(
            self.tr("修改承诺事项"), self._party_choices(), current.data, self
        )

        def save(data: CommitmentData) -> CommitmentData:
            with self.database.session() as s:
                commitments.save_commitment(s, current.id, current.version, data)
            return data

        def saved(data: CommitmentData) -> None:
            command = EditCommitmentCommand(
                current.id, commitment_label(data), current.data, data, *self._services()
            )
            self._push(command)

        dialog.set_saver(save)
        dialog.saved.connect(saved)
        self.commitment_dialog = dialog
        return open_dialog(dialog)

    def delete_commitment(self) -> bool:
        commitment_id = _selected_id(self.commitments)
        if commitment_id is None or self.read_only:
            return False
        current = self._commitment(commitment_id)
        name = commitment_label(current.data)
        if not ask(
            self,
            self.tr("删除承诺事项"),
            self.tr(
                "删除承诺“{name}”吗？已登记的履约记录保留。\n可用“撤销”（Ctrl+Z）恢复。"
            ).format(name=name),
        ):
            return False
        if not self._write(lambda s: commitments.delete_commitment(s, current.id, current.version)):
            return False
        self._push(DeleteCommitmentCommand(current.id, name, *self._services()))
        return True

    # fulfilment

    def record_fulfilment(self) -> FulfilmentDialog | None:
        detail = self._ensure_saved()
        if detail is None:
            return None
        self.detail = detail
        choices = [
            CommitmentChoice(c.id, commitment_label(c.data), c.data.activity)
            for c in detail.commitments
            if c.data.activity is not None
        ]
        dialog = FulfilmentDialog(choices, beijing_today(), self)
        agreement_id = detail.id

        def save(new: NewFulfilment) -> str:
            with self.database.session() as s:
                record_id = commitments.record_fulfilment(s, agreement_id, new.data)
                for path in new.files:
                    add_attachment(s, fulfilment_id=record_id, source=path)
            return record_id

        dialog.set_saver(save)
        dialog.saved.connect(self._on_fulfilment_recorded)
        self.fulfilment_dialog = dialog
        return open_dialog(dialog)

    def _on_fulfilment_recorded(self, record_id: str) -> None:
        dialog = self.sender()
        assert isinstance(dialog, FulfilmentDialog)
        data = dialog.collect().data
        name = f"{data.held_on} {enum_text(data.activity) if data.activity else ''}"
        self._push(RecordFulfilmentCommand(record_id, name, *self._services()))

    def delete_fulfilment(self) -> bool:
        record_id = _selected_id(self.fulfilments)
        if record_id is None or self.read_only:
            return False
        current = self._fulfilment_details[record_id]
        activity = enum_text(current.data.activity) if current.data.activity else ""
        name = f"{current.data.held_on} {activity}"
        if not ask(
            self,
            self.tr("删除履约记录"),
            self.tr("删除履约记录“{name}”吗？\n可用“撤销”（Ctrl+Z）恢复。").format(name=name),
        ):
            return False
        if not self._write(lambda s: commitments.delete_fulfilment(s, record_id, current.version)):
            return False
        self._push(DeleteFulfilmentCommand(record_id, name, *self._services()))
        return True

    def show_fulfilment_files(self) -> QDialog | None:
        """The selected record's photos and attachments, in a small window of their own."""
        record_id = _selected_id(self.fulfilments)
        if record_id is None:
            return None
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("履约记录的照片与附件"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box = AttachmentsBox(
            self.database,
            self.tr("照片与附件"),
            self.tr("图片与文档 (*.jpg *.jpeg *.png *.pdf *.doc *.docx);;所有文件 (*)"),
            AGREEMENT_FILES,
            dialog,
        )
        box.set_owner(read_only=self.read_only, fulfilment_id=record_id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(box)
        layout.addWidget(buttons)
        dialog.resize(460, 260)
        dialog.open()
        return dialog

    # plumbing

    def _write(self, step: Callable[[Any], Any]) -> bool:
        try:
            with self.database.session() as s:
                step(s)
        except UserError as error:
            QMessageBox.warning(self, self.tr("共建协议"), message_text(error.message))
            return False
        return True

    def _services(self) -> tuple[Any, Any]:
        return self.database, self.context.events

    def _push(self, command: Any) -> None:
        """The change is made: the command announces it, the editor reloads from that."""
        self.context.undo_stack.push(command)
        self.changed.emit()
