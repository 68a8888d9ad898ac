"""The short questions and refusals screens put to the user in a message box.

``ask`` is the yes/no question before a step (a removal, a final step), No being the default
unless the step is the expected answer; ``show_refusal`` says why a use case refused
(``UserError``), in the user's language, under the step's title, and ``attempt`` runs a step
that may be refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from app.errors import UserError

from PySide6.QtWidgets import QMessageBox, QWidget
from ui.i18n import message_text

T = TypeVar("T")


def ask(parent: QWidget | None, title: str, text: str, *, yes_by_default: bool = False) -> bool:
    """Asks a yes/no question; True for Yes. No is the default answer unless said otherwise."""
    buttons = QMessageBox.StandardButton
    default = buttons.Yes if yes_by_default else buttons.No
    answer = QMessageBox.question(parent, title, text, buttons.Yes | buttons.No, default)
    return answer == buttons.Yes


def show_refusal(parent: QWidget | None, title: str, error: UserError) -> None:
    """Says why a step was refused (the error's message, translated)."""
    QMessageBox.warning(parent, title, message_text(error.message))


def attempt(parent: QWidget | None, title: str, step: Callable[[], T]) -> T | None:
    """What ``step`` returns; None after saying why when it was refused (a ``UserError``)."""
    try:
        return step()
    except UserError as error:
        show_refusal(parent, title, error)
        return None
