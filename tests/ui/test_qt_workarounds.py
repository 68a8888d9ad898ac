"""The start-up guard against PySide6 6.12's lost references to True (on signal emits) and to
None (on every Qt method that returns nothing)."""

from __future__ import annotations

import os
import subprocess
import sys


def test_many_emits_cannot_abort_an_application_made_by_create_application() -> None:
    """Each SignalInstance.emit() drops a reference to True (PySide6 6.12.0, Python 3.11):
    without the guard, this script dies with "Fatal Python error: bool_dealloc"."""
    _assert_survives(
        "from PySide6.QtCore import QObject, Signal\n"
        "class O(QObject):\n    s = Signal()\n"
        "o = O()\n"
        "for _ in range(50000): o.s.emit()\n"
    )


def test_many_calls_returning_nothing_cannot_abort_it_either() -> None:
    """Each QLabel.setText() drops a reference to None: "none_dealloc" without the guard."""
    _assert_survives(
        "from PySide6.QtWidgets import QLabel\n"
        "label = QLabel()\n"
        "for _ in range(100000): label.setText('x')\n"
    )


def _assert_survives(loop: str) -> None:
    script = (
        "from ui.application import create_application\n"
        "app = create_application(['t'])\n" + loop + "print('alive')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "alive"
