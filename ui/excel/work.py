"""Running a long import or export off the GUI thread, with a progress dialog.

The call reads as if it were synchronous: a local event loop keeps the window painting and
the cancel button working until the job ends, then its result is returned (or its error
raised) in the GUI thread. The job runs in a plain Python thread while its signalling object
stays in the GUI thread, so progress reaches the dialog as queued calls in the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
Progress = Callable[[int, int], None]
SHOW_AFTER_MS = 400  # quick jobs finish before any dialog flashes up


class Cancelled(Exception):
    """The user pressed 取消."""


class _Worker(QObject):
    """Signals:
    progressed(int, int): done, total.
    finished(): the job returned or raised.
    """

    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, job: Callable[[Progress], object]) -> None:
        super().__init__()
        self._job = job
        self.cancelled = False
        self.result: object = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._job(self._progress)
        except BaseException as error:  # handed to the GUI thread, which raises it
            self.error = error
        self.finished.emit()

    def _progress(self, done: int, total: int) -> None:
        if self.cancelled:
            raise Cancelled
        self.progressed.emit(done, total)


def run_in_background(parent: QWidget, label: str, job: Callable[[Progress], T]) -> T:
    """Runs ``job(progress)`` in a thread; raises Cancelled or whatever ``job`` raised."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Excel", "取消"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    worker = _Worker(job)
    thread = threading.Thread(target=worker.run, name="excel", daemon=True)
    loop = QEventLoop()

    def on_progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def on_cancel() -> None:
        worker.cancelled = True

    worker.progressed.connect(on_progress)
    worker.finished.connect(loop.quit)
    dialog.canceled.connect(on_cancel)
    thread.start()
    loop.exec()
    thread.join()
    dialog.reset()
    dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    return worker.result  # type: ignore[return-value]
