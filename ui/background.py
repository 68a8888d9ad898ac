"""Work off the GUI thread (backups, restores, SQLite's checks) with its result handed back to
the GUI thread.

The result travels through a signal of a relay object that lives on the GUI thread and is
received by that object's own slot, so Qt queues it to the GUI thread: a plain function or
lambda connected to a signal runs on the thread that emits it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRunnable,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger("gongjian.ui")


class _Relay(QObject):
    """Signals:
    finished(object, object): the result, or None and the exception raised."""

    finished = Signal(object, object)

    def __init__(
        self,
        parent: QObject,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        super().__init__(parent)
        self._on_done = on_done
        self._on_failed = on_failed
        self.finished.connect(self._on_finished)

    @Slot(object, object)
    def _on_finished(self, result: object, error: BaseException | None) -> None:
        try:
            if error is not None:
                self._on_failed(error)
            else:
                self._on_done(result)
        finally:
            self.deleteLater()


class _Task(QRunnable):
    def __init__(self, work: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # handed to the GUI thread, which shows or logs it
            log.info("background work failed: %s", type(exc).__name__, exc_info=True)
            self._report(None, exc)
        else:
            self._report(result, None)

    def _report(self, result: object, error: BaseException | None) -> None:
        try:
            self._relay.finished.emit(result, error)
        except RuntimeError:  # the window that asked was closed meanwhile: nobody to tell
            log.info("a background result was dropped: the window that asked for it is closed")


def run_in_background(
    parent: QObject,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
) -> None:
    """Runs ``work`` on a pool thread; ``on_done(result)`` or ``on_failed(error)`` then runs
    on the GUI thread (never both). ``work`` must touch no widget."""
    relay = _Relay(parent, on_done, on_failed)
    QThreadPool.globalInstance().start(_Task(work, relay))


def wait_for(parent: QObject, work: Callable[[], Any]) -> Any:
    """Runs ``work`` off the GUI thread while the GUI thread keeps painting (a modal dialog
    shows meanwhile), and returns its result or raises its error."""
    loop = QEventLoop(parent)
    outcome: dict[str, Any] = {}

    def done(result: object) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(error: BaseException) -> None:
        outcome["error"] = error
        loop.quit()

    run_in_background(parent, work, done, failed)
    if not outcome:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def busy_dialog(parent: QWidget, text: str) -> QProgressDialog:
    """A modal note with a moving bar, for work ``wait_for`` does; close it when done."""
    progress = QProgressDialog(text, "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowTitle(QCoreApplication.translate("Opening", "请稍候"))
    progress.setMinimumDuration(0)
    progress.show()
    return progress
