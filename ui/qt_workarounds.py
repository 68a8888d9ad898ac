"""Work-arounds for bugs in the Qt binding.

A guard against a PySide6 6.12 bug that aborts the interpreter on Python 3.11.

``SignalInstance.emit()`` and ``.disconnect()`` return ``True`` without taking a reference to
it, so every call made from Python drops one reference to ``True`` that was never taken.
``True`` starts with some ten thousand references; after that many emits (a long discussion
note in the meeting editor emits a few signals per keystroke) its count reaches zero and
CPython stops with "Fatal Python error: bool_dealloc". Python 3.12 made ``True`` immortal, so
only older interpreters need this: the guard gives ``True`` and ``False`` a reserve of
references no session can use up. Measured: 100 emits → ``sys.getrefcount(True)`` 100 lower.

``None`` suffers the same way: every call of a Qt method that returns nothing (``setText``,
``resize``…) drops one reference to it; a refresh of the home tab makes some thousand such
calls, so after a few dozen refreshes CPython stops with "none_dealloc". Measured: 1,000
``QLabel.setText`` calls → ``sys.getrefcount(None)`` 1,000 lower. It gets the same reserve.

It runs at start-up (ui.application.create_application, and the tests' application);
drop it when PySide is fixed.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40


def guard_bool_refcounts() -> bool:
    """Adds the reserve once; True when it was needed (Python before 3.12)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if sys.getrefcount(True) > RESERVE // 2:
        return True  # already done
    for value in (True, False, None):
        # ob_refcnt is the first field of every object in a release build of CPython 3.11
        ctypes.c_ssize_t.from_address(id(value)).value += RESERVE
    return True
