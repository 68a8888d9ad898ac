"""延期: how much longer (typed as staff say it, "3个工作日", or the new last day) and why, for
the whole issue or one unit's order. A refused value stays in the dialog under its field.

Signals:
    applied(): the deadline was extended.
"""

from __future__ import annotations

from app.database import Database
from app.errors import UserError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.issues import service
from app.issues.limits import parse_due
from app.issues.records import IssueDetail

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import message_text
from ui.widgets import palette
from ui.widgets.buttons import step_buttons
from ui.widgets.fields import FieldErrors, error_label, field_box
from ui.widgets.palette import FIELD_ERRORS

NEEDED = Message("validation", QT_TRANSLATE_NOOP("validation", "请写明延长多久或新的期限。"))


class ExtendDialog(QDialog):
    applied = Signal()

    def __init__(
        self, database: Database, detail: IssueDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("延期"))
        self.setStyleSheet(FIELD_ERRORS)
        self.database, self.detail = database, detail
        self.errors = FieldErrors()
        self.whose = QComboBox(self)
        self.whose.addItem(self.tr("整个事项"), None)
        for view in detail.dispatches:
            if "complete" in view.steps:  # a unit still working on it
                self.whose.addItem(view.unit_name, view.id)
        self.length = QLineEdit(self)
        self.length.setPlaceholderText(self.tr("如 3个工作日、24小时，或新的期限 2026-10-20"))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("必填：申请延期的理由"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(palette.ERROR_TEXT)
        length_error, reason_error = error_label(self), error_label(self)
        self.errors.add(length_error, self.length, "due")
        self.errors.add(reason_error, self.reason, "reason")
        form = QFormLayout()
        form.addRow(self.tr("延期的"), self.whose)
        form.addRow(self.tr("延长"), field_box(self, self.length, length_error))
        form.addRow(self.tr("理由"), field_box(self, self.reason, reason_error))
        buttons = step_buttons(self, self.tr("延期"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(440, 200)

    def accept(self) -> None:
        self.errors.clear()
        self.message.clear()
        try:
            wanted = parse_due(self.length.text())
            if wanted is None:
                raise ValidationError("due", NEEDED)
            with self.database.session() as session:
                service.extend(
                    session,
                    self.detail.id,
                    wanted,
                    self.reason.text(),
                    dispatch_id=self.whose.currentData(),
                )
        except ValidationError as error:
            if not self.errors.show(error.field, message_text(error.message)):
                self.message.setText(message_text(error.message))
            return
        except UserError as error:
            self.message.setText(message_text(error.message))
            return
        self.applied.emit()
        super().accept()
