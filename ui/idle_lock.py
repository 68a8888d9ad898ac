"""Locking the window after a spell without keyboard or mouse: every open window is covered
(nothing closes, unsaved input stays where it was) and the signed-in user's password is asked
again. The idle time is a database setting (app/idle_lock.py).

Signals:
    locked(): the windows were covered.
    unlocked(): the password was given again; the windows are as they were.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.operator import Operator
from app.signing_in import sign_in

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.record_dialog import RecordDialog

if TYPE_CHECKING:
    from app.database import Database

CHECK_MS = 15_000
ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class Cover(QWidget):
    """An opaque sheet over one window's content, following its size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoMousePropagation)
        label = QLabel(self.tr("已锁定：请输入密码继续。"), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(label)
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False


class UnlockDialog(RecordDialog):
    """Asks the signed-in user's password; accepted once it is right."""

    def __init__(self, database: Database, operator: Operator, parent: QWidget | None) -> None:
        super().__init__(self.tr("共建台已锁定"), parent)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(420)
        note = QLabel(
            self.tr("{name}，窗口因长时间未操作已锁定。未保存的内容都还在，输入密码继续。").format(
                name=operator.display_name
            ),
            self,
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_row(self.tr("密码"), self.password, "password")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("解锁"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip("")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.hide()  # the only way on is the password
        self.set_saver(lambda password: sign_in(database, operator.username, password))
        self.finish(None)
        self.password.setFocus()

    def load(self, data: None) -> None:
        """Nothing to load: the password starts empty."""

    def collect(self) -> str:
        return self.password.text()

    def is_dirty(self) -> bool:
        return False

    def reject(self) -> None:
        """Esc does not unlock."""


class IdleLock(QObject):
    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        database: Database,
        minutes: int,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._seconds = minutes * 60
        self._clock = clock
        self._last_input = clock()
        self._covers: list[Cover] = []
        self.dialog: UnlockDialog | None = None
        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self.check)
        if self._seconds > 0:
            app = QApplication.instance()
            assert app is not None
            app.installEventFilter(self)
            self._timer.start()

    def stop(self) -> None:
        """No more watching (another user signed in, or the window closes)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.deleteLater()

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and not self.is_locked:
            self._last_input = self._clock()
        return False

    def check(self) -> None:
        if self._seconds > 0 and not self.is_locked:
            if self._clock() - self._last_input >= self._seconds:
                self.lock()

    def lock(self) -> None:
        operator = self._database.operator
        if self.is_locked or not operator.username:
            return
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
        self._covers = [Cover(window) for window in windows]
        main = next((w for w in windows if w.parent() is None), None)
        self.dialog = UnlockDialog(self._database, operator, main)
        self.dialog.saved.connect(self._on_dialog_saved)
        self.dialog.open()
        self.locked.emit()

    def _on_dialog_saved(self, _operator: object) -> None:
        for cover in self._covers:
            cover.parent().removeEventFilter(cover)  # type: ignore[union-attr]
            cover.deleteLater()
        self._covers = []
        self.dialog = None
        self._last_input = self._clock()
        self.unlocked.emit()
