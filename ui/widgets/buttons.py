"""Buttons as the screens make them: a push button for one action, and the row at the foot of
a small dialog (the step the dialog is for, and 取消)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

Standard = QDialogButtonBox.StandardButton


def action_button(parent: QWidget, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
    """A button that runs ``slot`` when clicked, saying what it does (and its key) as ``tip``."""
    button = QPushButton(text, parent)
    button.setToolTip(tip)
    button.clicked.connect(slot)
    return button


def step_buttons(dialog: QDialog, step: str, button: Standard = Standard.Ok) -> QDialogButtonBox:
    """``button`` named after the dialog's ``step`` (保存, 延期, 打印预览…) and 取消, wired to
    the dialog's ``accept`` and ``reject``."""
    buttons = QDialogButtonBox(button | Standard.Cancel, dialog)
    buttons.button(button).setText(step)
    buttons.button(Standard.Cancel).setText(QCoreApplication.translate("DialogButtons", "取消"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
