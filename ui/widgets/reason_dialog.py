"""Asking for a reason before a step the audit log must explain (退回草稿).

``apply(reason)`` does the step; a ``ValidationError`` it raises (an empty or too long reason)
shows under the text and keeps the dialog open. On success the dialog emits ``applied`` with
what ``apply`` returned and closes.

Signals:
    applied(object): the result of ``apply``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.errors import UserError, ValidationError

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import message_text
from ui.widgets.buttons import step_buttons
from ui.widgets.fields import FieldErrors, error_label
from ui.widgets.palette import FIELD_ERRORS


class ReasonDialog(QDialog):
    applied = Signal(object)

    def __init__(
        self,
        title: str,
        prompt: str,
        apply: Callable[[str], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setStyleSheet(FIELD_ERRORS)
        self._apply = apply
        self.errors = FieldErrors()
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("必填，最多200字。将记入操作日志。"))
        self.text.setTabChangesFocus(True)
        self.error = error_label(self)
        self.errors.add(self.error, self.text, "reason")
        self.buttons = step_buttons(self, self.tr("确定"))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, 240)

    def accept(self) -> None:
        self.errors.clear()
        try:
            result = self._apply(self.text.toPlainText())
        except ValidationError as error:
            if not self.errors.show("reason", message_text(error.message)):
                QMessageBox.warning(self, self.windowTitle(), message_text(error.message))
            return
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), message_text(error.message))
            return
        self.applied.emit(result)
        super().accept()

    def error_text(self) -> str:
        return self.errors.text("reason")
