"""Errors shown at the field they concern, for the meeting editor's pages.

Each page registers its fields by the keys the service names in ``ValidationError.field``
(``title``, ``chair_id``…); ``show`` puts the message under the field, draws the input in red
and, for the first error, focuses it. Typing into a field clears its error.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLabel,
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
        self.marked = False


class FieldErrors:
    """The error lines of one page, by field key."""

    def __init__(self) -> None:
        self._fields: dict[str, _Field] = {}

    def add(self, error: QLabel, focus: QWidget, *keys: str, watch: bool = True) -> None:
        field = _Field(error, focus)
        for key in keys:
            self._fields[key] = field
        if watch:
            for signal in changed_signals(focus):
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
        field.marked = True
        set_invalid(field.focus, True)
        if focus:
            field.focus.setFocus()
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
        if field.marked:
            set_invalid(field.focus, False)
            field.marked = False
