"""The agreement editor: kind, number, title, the parties, the dates and the summary, the
scanned signed copy, the commitments with their progress and the fulfilment records; and
the lifecycle — 生效, 终止 (with a reason), 续签 (a linked successor).

The agreement's own fields stay in the dialog until saved (Ctrl+S); the dialog stays open,
so commitments can follow. A ``ValidationError`` is shown at its field and nothing typed is
lost; a marker beside 保存 shows unsaved changes, and closing (Esc) or moving to the linked
agreement then asks 保存 / 放弃 / 取消. A terminated or renewed agreement is read-only (the
service refuses edits too); its banner says why and links the successor. A viewer sees every
agreement read-only under a 只读 banner.

Signals:
    saved(str): the agreement's id, after anything was written to the database.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from app.agreements import lifecycle, service
from app.agreements.lifecycle import Action
from app.agreements.records import AgreementData
from app.agreements.service import AgreementDetail
from app.agreements.store import number_code, propose_number
from app.changes import Area, Changes
from app.enums import AgreementKind, AgreementStatus
from app.errors import NotFoundError, UserError, ValidationError
from app.localtime import beijing_today

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from ui.agreements.commands import CreateAgreementCommand, EditAgreementCommand
from ui.agreements.commitments_panel import CommitmentsPanel
from ui.agreements.date_field import OptionalDate
from ui.agreements.files import AGREEMENT_FILES
from ui.agreements.forms import Renewal, RenewDialog, term_years
from ui.agreements.parties import PartiesBox
from ui.i18n import enum_text, message_text
from ui.tab import TabContext
from ui.widgets import palette, read_only
from ui.widgets.attachments_box import AttachmentsBox
from ui.widgets.editor_dialog import EditorDialog
from ui.widgets.fields import FieldErrors, error_label, field_box
from ui.widgets.one_dialog import open_dialog
from ui.widgets.pickers import EnumCombo
from ui.widgets.questions import ask
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.screen import fit_to_screen
from ui.widgets.splitter import side_by_side

SIZE = (1240, 720)
BANNERS = {  # status → the banner's style
    AgreementStatus.DRAFT: palette.banner(palette.DRAFT_FILL, palette.DRAFT_BLUE),
    AgreementStatus.ACTIVE: palette.banner(palette.DONE_FILL, palette.DONE_GREEN),
    AgreementStatus.EXPIRING: palette.banner(palette.WARNING_FILL, palette.WARNING_AMBER),
    AgreementStatus.EXPIRED: palette.banner(palette.ENDED_FILL, palette.ENDED_GREY),
    AgreementStatus.TERMINATED: palette.banner(palette.ERROR_FILL, palette.ERROR_RED),
    AgreementStatus.RENEWED: palette.banner(palette.ENDED_FILL, palette.ENDED_GREY),
}


class AgreementDialog(EditorDialog):
    def __init__(
        self,
        context: TabContext,
        agreement_id: str | None = None,
        kind: AgreementKind | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.detail: AgreementDetail | None = None
        self.renew_dialog: RenewDialog | None = None
        self.errors = FieldErrors()
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self._build_fields()
        self.attachments = AttachmentsBox(
            self.database,
            self.tr("签约扫描件"),
            self.tr("扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;所有文件 (*)"),
            AGREEMENT_FILES,
            self,
        )
        self.attachments.ensure_owner = self.ensure_saved
        self.commitments = CommitmentsPanel(context, self.ensure_saved, self)
        self.commitments.changed.connect(self._show_commitments)
        self._build_buttons()
        self._build_layout()
        self.finish_building()
        self.marker.watch(self.kind, self.number, self.title, self.parties, self.summary)
        self.marker.watch(self.signed_on, self.valid_from, self.valid_to)
        context.events.announced.connect(self._on_events_announced)

        if agreement_id is not None:
            with self.database.reader() as s:
                detail = service.get_agreement(s, agreement_id)
            self.load(detail)
        else:
            self.load_new(kind or AgreementKind.CO_BUILDING)
        fit_to_screen(self, *SIZE)

    # building

    def _build_fields(self) -> None:
        self.kind = EnumCombo(list(AgreementKind), self.tr("请选择"), self)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("例如 GJ2026-001"))
        self.title = QLineEdit(self)
        self.parties = PartiesBox(self.database, self)  # created in the order Tab follows
        self.signed_on = OptionalDate(self.tr("已签订"), self)
        self.valid_from = OptionalDate(self.tr("起"), self)
        self.valid_to = OptionalDate(self.tr("至"), self)
        self.summary = QPlainTextEdit(self)
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("共建内容、双方职责、资源共享等要点"))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        dates = QWidget(self)
        row = QHBoxLayout(dates)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.valid_from, 1)
        row.addWidget(self.valid_to, 1)
        for label, widget, fields in (
            (self.tr("协议类型"), self.kind, {"kind": self.kind}),
            (self.tr("协议编号"), self.number, {"number": self.number}),
            (self.tr("协议名称"), self.title, {"title": self.title}),
            (self.tr("签约各方"), self.parties, {"parties": self.parties.street}),
            (self.tr("签订日期"), self.signed_on, {"signed_on": self.signed_on}),
            (self.tr("有效期"), dates, {"valid_from": self.valid_from, "valid_to": self.valid_to}),
            (self.tr("内容摘要"), self.summary, {"summary": self.summary}),
        ):
            error = error_label(self)
            for key, focus in fields.items():  # the error shows under the row, focuses the input
                self.errors.add(error, focus, key)
            self.form.addRow(label, field_box(self, widget, error))

    def _build_buttons(self) -> None:
        self.activate_button = self._button(
            self.tr("生效…"), self.tr("签订后使协议生效"), self.activate
        )
        self.terminate_button = self._button(
            self.tr("终止…"), self.tr("提前终止协议，须说明理由"), self.terminate
        )
        self.renew_button = self._button(
            self.tr("续签…"), self.tr("以相同的签约方和承诺事项签订新一期协议"), self.renew
        )
        self.linked_button = self._button("", "", self.open_linked)
        self.save_button = self._button(self.tr("保存"), self.tr("保存（Ctrl+S）"), self.save)
        self.close_button = self._button(self.tr("关闭"), self.tr("关闭（Esc）"), self.reject)

    def _build_layout(self) -> None:
        facts = QGroupBox(self.tr("协议"), self)
        facts.setLayout(self.form)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(facts, 1)
        left_layout.addWidget(self.attachments)
        scroller = QScrollArea(self)  # the form scrolls on a small screen (150 % scaling)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setWidget(left)
        splitter = side_by_side(self, scroller, self.commitments, (520, 700), stretch=(0, 0))
        steps = (self.activate_button, self.terminate_button, self.renew_button, self.linked_button)
        self.lay_out(splitter, steps)

    # loading

    @property
    def agreement_id(self) -> str | None:
        return self.detail.id if self.detail else None

    @property
    def read_only(self) -> bool:
        """An agreement that has ended, or any agreement a viewer opens."""
        ended = self.detail is not None and Action.EDIT not in self.detail.actions
        return ended or not self.context.may_edit

    def load_new(self, kind: AgreementKind) -> None:
        self.detail = None
        self.setWindowTitle(self.tr("新建共建协议"))
        self.kind.set_value(kind)
        self.number.clear()
        self._on_kind_changed()
        self.title.clear()
        self.parties.set_parties([])
        for field in (self.signed_on, self.valid_from, self.valid_to):
            field.set_value(None)
        self.summary.clear()
        self._after_load()

    def load(self, detail: AgreementDetail) -> None:
        self.detail = detail
        data = detail.data
        self.setWindowTitle(self.tr("共建协议 {number}").format(number=data.number))
        self.kind.blockSignals(True)
        self.kind.set_value(data.kind)
        self.kind.blockSignals(False)
        self.number.setText(data.number)
        self.title.setText(data.title)
        self.parties.set_parties([(p.ref, p.name) for p in detail.parties])
        self.signed_on.set_value(data.signed_on)
        self.valid_from.set_value(data.valid_from)
        self.valid_to.set_value(data.valid_to)
        self.summary.setPlainText(data.summary)
        self._after_load()

    def reload(self) -> bool:
        """Reads the agreement again; False (and the dialog closes) when it is gone."""
        if self.detail is None:
            return True
        try:
            with self.database.reader() as s:
                detail = service.get_agreement(s, self.detail.id)
        except NotFoundError:
            self._clean = self.state()
            self.done(QDialog.DialogCode.Rejected)
            return False
        self.load(detail)
        return True

    def _after_load(self) -> None:
        self.errors.clear()
        locked = self.read_only
        for edit in (self.number, self.title):
            edit.setReadOnly(locked)
        self.summary.setReadOnly(locked)
        self.kind.setEnabled(not locked)
        for field in (self.signed_on, self.valid_from, self.valid_to):
            field.set_read_only(locked)
        self.parties.set_read_only(locked)
        self.attachments.set_owner(read_only=locked, agreement_id=self.agreement_id)
        self.commitments.show_agreement(self.detail, read_only=locked)
        self._show_banner()
        self._enable_lifecycle()
        if not self.context.may_edit:
            read_only.lock_inputs(self, keep=(self.linked_button, self.close_button))
        self._clean = self.state()
        self.marker.update_now()

    def _show_banner(self) -> None:
        d = self.detail
        if d is None:
            self.banner.setText(self.tr("新协议为草拟状态；填写签订日期和有效期后，点“生效…”。"))
            self.banner.setStyleSheet(BANNERS[lifecycle.INITIAL])
            return
        parts = [self.tr("状态：{status}").format(status=enum_text(d.status))]
        if d.expiring_in_days is not None and d.data.valid_to is not None:
            parts.append(
                self.tr("有效期至 {day}，还有 {n} 天，请及时续签").format(
                    day=d.data.valid_to.isoformat(), n=d.expiring_in_days
                )
            )
        if d.end_reason:
            parts.append(self.tr("终止原因：{reason}").format(reason=d.end_reason))
        if Action.EDIT not in d.actions:
            parts.append(self.tr("本协议已结束，只能查看。"))
        if d.successor_id:
            parts.append(self.tr("已续签为新一期协议"))
        elif d.predecessor_id:
            parts.append(self.tr("由上一期协议续签而来"))
        self.banner.setText("　".join(parts))
        self.banner.setStyleSheet(BANNERS[d.status])

    def _enable_lifecycle(self) -> None:
        actions = (
            self.detail.actions if self.detail else lifecycle.allowed_actions(lifecycle.INITIAL)
        )
        self.activate_button.setEnabled(Action.ACTIVATE in actions)
        self.terminate_button.setEnabled(self.detail is not None and Action.TERMINATE in actions)
        self.renew_button.setEnabled(Action.RENEW in actions)
        self.save_button.setEnabled(not self.read_only)
        linked = self.detail.successor_id or self.detail.predecessor_id if self.detail else None
        self.linked_button.setVisible(linked is not None)
        if self.detail is not None and self.detail.successor_id:
            self.linked_button.setText(self.tr("打开续签后的协议"))
        elif self.detail is not None and self.detail.predecessor_id:
            self.linked_button.setText(self.tr("打开上一期协议"))

    def _on_kind_changed(self) -> None:
        """A new agreement's number follows its kind until the user types one."""
        if self.detail is not None or self.kind.value() is None:
            return
        with self.database.reader() as s:
            proposals = {propose_number(s, k, beijing_today().year) for k in AgreementKind}
            proposed = propose_number(s, self.kind.value(), beijing_today().year)
        if not self.number.text().strip() or self.number.text() in proposals:
            self.number.setText(proposed)

    # state

    def collect(self) -> AgreementData:
        return AgreementData(
            kind=self.kind.value(),
            number=self.number.text(),
            title=self.title.text(),
            parties=self.parties.parties(),
            signed_on=self.signed_on.value(),
            valid_from=self.valid_from.value(),
            valid_to=self.valid_to.value(),
            summary=self.summary.toPlainText(),
        )

    def state(self) -> tuple[Any, ...]:
        data = self.collect()
        return (
            data.kind,
            data.number,
            data.title,
            data.parties,
            data.signed_on,
            data.valid_from,
            data.valid_to,
            data.summary,
        )

    # saving

    def save(self) -> bool:
        """Stores the agreement; False (with the error at its field) when it could not."""
        if self.read_only:
            return False
        self.errors.clear()
        data = self.collect()
        before = self.detail
        try:
            with self.database.session() as s:
                if before is None:
                    detail = service.create_agreement(s, data)
                else:
                    detail = service.save_agreement(s, before.id, before.version, data)
        except UserError as error:
            self.report(error)
            return False
        self.load(detail)
        if before is None:
            command: Any = CreateAgreementCommand(detail.id, detail.data.title, *self._services())
        elif detail.version != before.version:
            command = EditAgreementCommand(detail.id, before.data, detail.data, *self._services())
        else:
            return True
        self.context.undo_stack.push(command.made_by(self))  # shown already: loaded above
        self.saved.emit(detail.id)
        return True

    def ensure_saved(self) -> AgreementDetail | None:
        """Before a step on what is stored: saves a new or changed agreement first."""
        if self.detail is not None and not self.is_dirty():
            return self.detail
        return self.detail if self.save() else None

    def reload_question(self) -> str:
        return self.tr("重新载入这份协议吗？本窗口中未保存的修改将会丢失。")

    # errors

    def show_error(self, key: str, text: str) -> bool:
        if self.errors.show(key, text):
            return True
        QMessageBox.warning(self, self.windowTitle(), text)
        return False

    def error_text(self, key: str) -> str:
        return self.errors.text(key)

    # the lifecycle

    def activate(self) -> bool:
        """生效: asks first; the dates and the signing day must be there (said at the field)."""
        detail = self.ensure_saved()
        if detail is None:
            return False
        if not ask(
            self,
            self.tr("协议生效"),
            self.tr("使协议“{title}”生效吗？生效后状态随有效期自动变化。").format(
                title=detail.data.title
            ),
        ):
            return False
        return self._step(lambda s: lifecycle.activate(s, detail.id, detail.version))

    def terminate(self) -> ReasonDialog | None:
        detail = self.ensure_saved()
        if detail is None:
            return None

        def apply(reason: str) -> None:
            with self.database.session() as s:
                lifecycle.terminate(s, detail.id, detail.version, reason)

        return self.ask_reason(
            self.tr("终止协议"),
            self.tr(
                "终止协议“{title}”。请写明终止原因（记入操作日志）；终止后协议只能查看。"
            ).format(title=detail.data.title),
            apply,
            self._on_stepped,
        )

    def renew(self) -> RenewDialog | None:
        detail = self.ensure_saved()
        if detail is None:
            return None
        data = detail.data
        valid_from = data.valid_to + timedelta(days=1) if data.valid_to else beijing_today()
        with self.database.reader() as s:
            number = propose_number(
                s,
                data.kind or AgreementKind.CO_BUILDING,
                valid_from.year,
                number_code(data.number),
            )
        dialog = RenewDialog(valid_from, term_years(data.valid_from, data.valid_to), number, self)

        def save(renewal: Renewal) -> str:
            with self.database.session() as s:
                return lifecycle.renew(
                    s,
                    detail.id,
                    detail.version,
                    renewal.valid_to,
                    valid_from=renewal.valid_from,
                    signed_on=renewal.signed_on,
                    number=renewal.number or None,
                    reason=renewal.reason,
                )

        dialog.set_saver(save)
        dialog.saved.connect(self._on_stepped)
        self.renew_dialog = dialog
        return open_dialog(dialog)

    def _step(self, step: Any) -> bool:
        try:
            with self.database.session() as s:
                step(s)
        except ValidationError as error:
            self.show_error(error.field, message_text(error.message))
            return False
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), message_text(error.message))
            return False
        self._on_stepped()
        return True

    def _on_stepped(self, *_result: object) -> None:
        """After a lifecycle step: shown at once, announced to the list (not undoable)."""
        self.reload()
        self.context.events.announce(Changes.of(Area.AGREEMENTS), self)
        if self.detail is not None:
            self.saved.emit(self.detail.id)

    def open_linked(self) -> bool:
        """Shows the successor (or the predecessor) in this window."""
        if self.detail is None:
            return False
        linked = self.detail.successor_id or self.detail.predecessor_id
        if linked is None or not self.may_leave():
            return False
        with self.database.reader() as s:
            self.load(service.get_agreement(s, linked))
        return True

    # closing and outside changes

    def leave_title(self) -> str:
        return self.title.text().strip() or self.windowTitle()

    def _on_events_announced(self, changes: Changes, origin: object) -> None:
        """An undo or another window changed agreements: show it, keeping what is typed."""
        if origin is self or Area.AGREEMENTS not in changes.areas or not self.isVisible():
            return
        if self.is_dirty():
            self._show_commitments()
        else:
            self.reload()

    def _show_commitments(self) -> None:
        """The commitments and fulfilment as stored now; the fields keep what is typed."""
        if self.detail is None:
            return
        try:
            with self.database.reader() as s:
                fresh = service.get_agreement(s, self.detail.id)
        except NotFoundError:
            return
        if fresh.version == self.detail.version:  # else a save must still meet the conflict
            self.detail = fresh
        self.commitments.show_agreement(fresh, read_only=self.read_only)

    def _services(self) -> tuple[Any, Any]:
        return self.database, self.context.events
