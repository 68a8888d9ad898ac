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

from collections.abc import Callable, Sequence
from typing import Any

from app.errors import ConflictError, UserError, ValidationError

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import message_text
from ui.tab import TabContext
from ui.widgets import read_only, unsaved
from ui.widgets.buttons import action_button
from ui.widgets.one_dialog import open_dialog
from ui.widgets.palette import FIELD_ERRORS
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.unsaved import UnsavedMarker


class EditorDialog(QDialog):
    saved = Signal(str)
    save_button: QPushButton  # made by the subclass, where its place in the tab order is
    close_button: QPushButton

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

    def lay_out(self, body: QWidget, steps: Sequence[QWidget]) -> None:
        """The window: the banners over ``body``, and under it a bar of the record's ``steps``
        with, at the right, the unsaved marker, 保存 and 关闭 (``save_button``,
        ``close_button``)."""
        bar = QHBoxLayout()
        for button in steps:
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.marker)
        bar.addWidget(self.save_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.banner)
        layout.addWidget(body, 1)
        layout.addLayout(bar)

    def ask_reason(
        self, title: str, prompt: str, apply: Callable[[str], Any], done: Callable[[Any], None]
    ) -> ReasonDialog:
        """Asks for the reason a step must give (终止, 退回草稿): ``apply(reason)`` does the
        step and ``done`` gets what it returned."""
        dialog = ReasonDialog(title, prompt, apply, self)
        dialog.applied.connect(done)
        self.reason_dialog = dialog
        return open_dialog(dialog)

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = action_button(self, text, tip, slot)
        button.setAutoDefault(False)
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
