"""Errors shown at the field they concern, for the record dialogs and the editors' pages.

Each form registers its fields by the keys the service names in ``ValidationError.field``
(``title``, ``chair_id``…); ``show`` puts the message under the field, draws the input in red
and, for the first error, focuses it. Typing into a field clears its error.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.unsaved import changed_signals


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


def field_box(parent: QWidget, widget: QWidget, error: QLabel) -> QWidget:
    """The input with its error line under it, as one widget for a form row."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(error)
    return box


def field_row(parent: QWidget, *widgets: QWidget, grow: QWidget | None = None) -> QWidget:
    """Inputs side by side as one field of a form: ``grow`` takes the spare width, or else
    the space after them stays empty."""
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget, 1 if widget is grow else 0)
    if grow is None:
        layout.addStretch(1)
    return row


def set_invalid(widget: QWidget | None, invalid: bool) -> None:
    if widget is None:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class _Field:
    __slots__ = ("error", "focus", "marked")

    def __init__(self, error: QLabel, focus: QWidget) -> None:
        self.error = error
        self.focus = focus
        self.marked: QWidget | None = None  # the input drawn in red while the error shows


class FieldErrors:
    """The error lines of one page, by field key."""

    def __init__(self) -> None:
        self._fields: dict[str, _Field] = {}

    def add(
        self, error: QLabel, focus: QWidget, *keys: str, watch: Iterable[QWidget] | None = None
    ) -> None:
        """``error`` shows the errors for ``keys``; ``focus`` is the input they concern, and
        typing into it (or into the inputs ``watch`` names instead) clears them."""
        field = _Field(error, focus)
        for key in keys:
            self._fields[key] = field
        for widget in [focus] if watch is None else watch:
            for signal in changed_signals(widget):
                signal.connect(lambda *_args, f=field: self._clear(f))

    def has(self, key: str) -> bool:
        return key in self._fields

    def show(self, key: str, text: str, *, focus: bool = True) -> bool:
        field = self._fields.get(key)
        if field is None:
            return False
        if field.error.isHidden() or not field.error.text():
            field.error.setText(text)
        elif text not in field.error.text():  # two problems in one field: both shown
            field.error.setText(field.error.text() + "\n" + text)
        field.error.show()
        target = field.focus
        if isinstance(target, QStackedWidget):  # the page shown is the input in use
            target = target.currentWidget() or target
        field.marked = target
        set_invalid(target, True)
        if focus:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def text(self, key: str) -> str:
        field = self._fields.get(key)
        return field.error.text() if field is not None and not field.error.isHidden() else ""

    def clear(self) -> None:
        for field in set(self._fields.values()):
            self._clear(field)

    def _clear(self, field: _Field) -> None:
        if field.error.isHidden():
            return
        field.error.hide()
        field.error.clear()
        set_invalid(field.marked, False)
        field.marked = None
