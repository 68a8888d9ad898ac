"""Unsaved changes: a marker while there are some, and one question before they could be lost.

Every editor asks the same way when the record, the selection or the window changes under
unsaved edits: 保存 (the default: save, then go on if the save worked), 放弃 (go on, dropping
the edits) or 取消 (stay, nothing happens; also Esc). ``UnsavedMarker`` is the line an editor
shows beside its save button while its content differs from what is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

MARKER_STYLE = "color: #b35c00; font-weight: bold;"


class Answer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget, title: str, what: str = "") -> Answer:
    """保存 / 放弃 / 取消 for the unsaved changes of ``what`` (a record's name, may be empty)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(
        QCoreApplication.translate("Unsaved", "“{what}”有未保存的修改。").format(what=what)
        if what
        else QCoreApplication.translate("Unsaved", "有未保存的修改。")
    )
    box.setInformativeText(
        QCoreApplication.translate("Unsaved", "保存这些修改吗？选“放弃”则修改不会保存。")
    )
    save = box.addButton(
        QCoreApplication.translate("Unsaved", "保存"), QMessageBox.ButtonRole.AcceptRole
    )
    discard = box.addButton(
        QCoreApplication.translate("Unsaved", "放弃"), QMessageBox.ButtonRole.DestructiveRole
    )
    cancel = box.addButton(
        QCoreApplication.translate("Unsaved", "取消"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is save:
        return Answer.SAVE
    if clicked is discard:
        return Answer.DISCARD
    return Answer.CANCEL


def may_leave(
    parent: QWidget,
    title: str,
    is_dirty: Callable[[], bool],
    save: Callable[[], bool],
    what: str = "",
) -> bool:
    """True when the editor may move on: nothing unsaved, saved now, or the edits dropped."""
    if not is_dirty():
        return True
    answer = ask_unsaved(parent, title, what)
    if answer is Answer.SAVE:
        return save()
    return answer is Answer.DISCARD


def changed_signals(widget: QWidget) -> list[Any]:
    """The signals an input emits when the user changes what it holds."""
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        return [widget.textChanged]
    if isinstance(widget, QComboBox):
        return [widget.currentIndexChanged, widget.editTextChanged]
    if isinstance(widget, QAbstractButton):
        return [widget.toggled]
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return [widget.valueChanged]
    if isinstance(widget, QDateTimeEdit):
        return [widget.dateTimeChanged]
    return []


def _view_signals(widget: QWidget) -> list[Any]:
    model = widget.model() if isinstance(widget, QAbstractItemView) else None
    if model is None:
        return []
    return [model.dataChanged, model.rowsInserted, model.rowsRemoved, model.rowsMoved]


class UnsavedMarker(QLabel):
    """ "● 未保存" while ``is_dirty()`` says so; re-checked after any input under the watched
    widgets changes (once per turn of the event loop, however many changed)."""

    def __init__(self, is_dirty: Callable[[], bool], parent: QWidget) -> None:
        super().__init__(QCoreApplication.translate("Unsaved", "● 有未保存的修改"), parent)
        self.setStyleSheet(MARKER_STYLE)
        self.setToolTip(QCoreApplication.translate("Unsaved", "按 Ctrl+S 保存"))
        self._is_dirty = is_dirty
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.update_now)
        self.hide()

    def watch(self, *roots: QWidget) -> None:
        """Follows every input under ``roots`` (as they are now)."""
        for root in roots:
            for widget in [root, *root.findChildren(QWidget)]:
                for signal in changed_signals(widget) + _view_signals(widget):
                    signal.connect(self.recheck)

    def follow(self, *signals: object) -> None:
        """Signals that mean the content may have changed (a model's, a page's)."""
        for signal in signals:
            signal.connect(self.recheck)  # type: ignore[attr-defined]

    def recheck(self, *_args: object) -> None:
        self._timer.start()

    def update_now(self) -> None:
        self.setVisible(self._is_dirty())
