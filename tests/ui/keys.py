"""Typing in widget tests."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Types text key by key; QTest.keyClicks aborts on Chinese, a QKeyEvent with text works."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def answer_next_box(key: Qt.Key = Qt.Key.Key_Return) -> list[str]:
    """Presses ``key`` in the next message box as soon as it opens, as a user does (Enter
    takes its default button); returns the texts of the boxes answered."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox

    texts: list[str] = []
    tries = [0]

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            tries[0] += 1
            if tries[0] < 500:
                QTimer.singleShot(10, press)
            return
        texts.append(box.text())
        QTest.keyClick(box, key)

    QTimer.singleShot(0, press)
    return texts
