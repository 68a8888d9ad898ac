"""What the record editors (an agreement, a meeting) share: the status and read-only banners,
the unsaved marker, Ctrl+S, buttons that Enter in a field does not press, a failed save said
where it belongs (at its field, as a conflict to reload, or in a message), and asking
保存 / 放弃 / 取消 before unsaved changes are lost.

A subclass builds its fields and buttons after ``__init__``, then calls ``finish_building``;
it implements ``read_only``, ``state``, ``save``, ``reload`` and ``show_error``, and gives
the texts of ``reload_question`` and ``leave_title`` (in its own translation context).

Signals:
    saved(str): the record's id, after anything was written to the database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.errors import ConflictError, UserError, ValidationError

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QPushButton, QWidget
from ui.i18n import message_text
from ui.tab import TabContext
from ui.widgets import read_only, unsaved
from ui.widgets.palette import FIELD_ERRORS
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.unsaved import UnsavedMarker


class EditorDialog(QDialog):
    saved = Signal(str)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.database = context.database
        self.reason_dialog: ReasonDialog | None = None
        self._clean: tuple[Any, ...] = ()  # the state as loaded or saved
        self.setStyleSheet(FIELD_ERRORS)
        self.setSizeGripEnabled(True)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.read_only_banner = read_only.banner(self)
        self.read_only_banner.setVisible(not context.may_edit)
        self.marker = UnsavedMarker(self.is_dirty, self)

    def finish_building(self) -> None:
        for button in self.findChildren(QPushButton):  # Enter in a field must not press one
            button.setAutoDefault(False)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # what a subclass says

    @property
    def read_only(self) -> bool:
        raise NotImplementedError

    def state(self) -> tuple[Any, ...]:
        raise NotImplementedError

    def save(self) -> bool:
        raise NotImplementedError

    def reload(self) -> bool:
        raise NotImplementedError

    def show_error(self, key: str, text: str) -> bool:
        raise NotImplementedError

    def reload_question(self) -> str:
        """Asked after a conflict: load the record as stored, losing what is typed?"""
        raise NotImplementedError

    def leave_title(self) -> str:
        """The record's name in the question asked before unsaved changes are lost."""
        raise NotImplementedError

    # shared

    def is_dirty(self) -> bool:
        return not self.read_only and self.state() != self._clean

    def report(self, error: UserError) -> None:
        """A save that failed: at its field, as a conflict to reload, or in a message."""
        if isinstance(error, ValidationError):
            self.show_error(error.field, message_text(error.message))
        elif isinstance(error, ConflictError):
            self._offer_reload(error)
        else:
            QMessageBox.warning(self, self.windowTitle(), message_text(error.message))

    def _offer_reload(self, error: UserError) -> None:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            message_text(error.message) + "\n\n" + self.reload_question(),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.reload()

    def may_leave(self) -> bool:
        """True when the record shown may be left: nothing unsaved, saved now, or dropped."""
        title = self.leave_title()
        if not unsaved.may_leave(self, self.windowTitle(), self.is_dirty, self.save, title):
            return False
        self._clean = self.state()  # dropped: asked once, not again on the way out
        return True

    def reject(self) -> None:
        if self.may_leave():
            super().reject()
