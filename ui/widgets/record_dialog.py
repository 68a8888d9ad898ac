"""The edit dialog every directory record uses: labelled fields, errors at the field, and a
guard against losing typed changes.

A subclass builds its rows with ``add_row``, fills them in ``load`` and reads them back as a
record dataclass in ``collect``. The dialog does not know whether it creates or edits: the
caller passes ``save`` (data → saved record), which raises ``ValidationError`` for bad input.
On success the dialog emits ``saved`` with what ``save`` returned and closes; on a
``ValidationError`` it shows the message under the field, focuses it and stays open with
everything as typed. While anything is unsaved a marker says so beside the buttons, and
closing asks 保存 / 放弃 / 取消. Opened by a viewer (``show_read_only``), every field is
read-only under a 只读 banner.

Signals:
    saved(object): the saved record (an ``app.store.Loaded``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from app.errors import UserError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, Message

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import message_text
from ui.widgets import read_only
from ui.widgets.buttons import Standard, step_buttons
from ui.widgets.fields import FieldErrors, error_label, field_box
from ui.widgets.palette import FIELD_ERRORS
from ui.widgets.pickers import ChoiceCombo, EnumCombo, LookupEdit
from ui.widgets.unsaved import UnsavedMarker, changed_signals, may_leave

CONTEXT = "RecordDialog"
W = TypeVar("W", bound=QWidget)


def widget_state(widget: QWidget) -> Any:
    """What the user has entered in an input widget, for telling whether anything changed."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime()
    return None


class RecordDialog(QDialog):
    saved = Signal(object)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setStyleSheet(FIELD_ERRORS)
        self.setMinimumWidth(560)
        self._save: Callable[[Any], Any] | None = None
        self.errors = FieldErrors()
        self._tracked: list[QWidget] = []
        self._clean_state: list[Any] = []
        self._read_only = False
        self.marker = UnsavedMarker(self.is_dirty, self)

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(6)
        self.buttons = step_buttons(
            self, QCoreApplication.translate("RecordDialog", "保存"), Standard.Save
        )
        self.buttons.button(Standard.Save).setToolTip(
            QCoreApplication.translate("RecordDialog", "保存（Ctrl+S）")
        )
        QShortcut(QKeySequence.StandardKey.Save, self, self.accept)

        bar = QHBoxLayout()
        bar.addWidget(self.marker)
        bar.addWidget(self.buttons, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addLayout(bar)

    # building

    def add_row(
        self,
        label: str,
        widget: W,
        *keys: str,
        track: Iterable[QWidget] | None = None,
        focus: QWidget | None = None,
    ) -> W:
        """A labelled field whose errors for the record fields ``keys`` show under it.

        ``track`` lists the input widgets whose changes count as unsaved (default: the
        widget itself); ``focus`` is what gets the focus on an error (default: the widget).
        """
        error = error_label(self)
        label_widget = QLabel(label, self)
        label_widget.setBuddy(focus or widget)
        self.form.addRow(label_widget, field_box(self, widget, error))
        tracked = [widget] if track is None else list(track)
        self.errors.add(error, focus or widget, *keys, watch=tracked)
        self.track(*tracked)
        return widget

    def track(self, *widgets: QWidget) -> None:
        """Input widgets outside the rows whose changes count as unsaved too."""
        self._tracked.extend(widgets)
        for widget in widgets:
            for signal in changed_signals(widget):
                signal.connect(self.marker.recheck)

    def show_read_only(self) -> None:
        """For a viewer: the record as stored, nothing to change, 关闭 to leave."""
        self._read_only = True
        read_only.lock_dialog(self)

    def set_saver(self, save: Callable[[Any], Any]) -> None:
        self._save = save

    def finish(self, data: Any) -> None:
        """Fills the fields from ``data``; what they show now counts as unchanged."""
        self.load(data)
        self._clean_state = self._state()
        self.adjustSize()
        if self._tracked:
            self._tracked[0].setFocus(Qt.FocusReason.OtherFocusReason)

    # subclasses

    def load(self, data: Any) -> None:
        raise NotImplementedError

    def collect(self) -> Any:
        """The record as entered; raise ValidationError for what only the form can tell."""
        raise NotImplementedError

    # helpers for collect()

    def picked(self, key: str, picker: ChoiceCombo | LookupEdit) -> str | None:
        """The picked record's id; an error at ``key`` when the text names no record."""
        if picker.is_unmatched():
            text = picker.currentText() if isinstance(picker, QComboBox) else picker.text()
            raise ValidationError(
                key,
                Message(
                    CONTEXT,
                    QT_TRANSLATE_NOOP(
                        "RecordDialog",
                        "没有找到“{text}”。请输入名称中的几个字，再从列表中选择；不选请清空。",
                    ),
                    text=text.strip(),
                ),
            )
        return picker.value()

    def required_choice(self, key: str, combo: EnumCombo, label: str) -> Any:
        if combo.value() is None:
            raise ValidationError(
                key,
                Message(CONTEXT, QT_TRANSLATE_NOOP("RecordDialog", "请选择{label}。"), label=label),
            )
        return combo.value()

    # state

    def is_dirty(self) -> bool:
        return not self._read_only and self._state() != self._clean_state

    def _state(self) -> list[Any]:
        return [widget_state(w) for w in self._tracked]

    # errors

    def show_error(self, key: str, text: str) -> bool:
        """Shows ``text`` under the field for ``key`` and focuses it; False if no such field."""
        return self.errors.show(key, text)

    def error_text(self, key: str) -> str:
        """The error shown at a field ("" when none): what a test or screen reader reads."""
        return self.errors.text(key)

    def clear_errors(self) -> None:
        self.errors.clear()

    # QDialog

    def save(self) -> bool:
        """Saves through the caller's ``save``; False (the error shown) when it could not."""
        if self._save is None or self._read_only:
            return False
        self.clear_errors()
        try:
            collected = self.collect()
            result = self._save(collected)
        except ValidationError as error:
            text = message_text(error.message)
            if not self.show_error(error.field, text):
                QMessageBox.warning(self, self.windowTitle(), text)
            return False
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), message_text(error.message))
            return False
        self._clean_state = self._state()
        self.marker.update_now()
        self.saved.emit(result)
        from ui.printing.characters import warn_unprintable

        warn_unprintable(self.parentWidget(), collected)
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()

    def reject(self) -> None:
        if may_leave(self, self.windowTitle(), self.is_dirty, self.save):
            super().reject()
