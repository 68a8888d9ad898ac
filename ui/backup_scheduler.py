"""Automatic backups from the window: every 30 minutes while changes are being made, before an
import, and when the window closes after changes; each made off the GUI thread, so typing
never waits for one.

Signals:
    finished(object): a backup was made (an ``app.backups.BackupOutcome``).
    failed(str): a backup could not be made; the text says why.
"""

from __future__ import annotations

from collections.abc import Callable

from app.backups import BackupOutcome, automatic_backup, second_folder
from app.database import Database

from PySide6.QtCore import QObject, QTimer, Signal
from ui.background import run_in_background

INTERVAL_MS = 30 * 60 * 1000


class BackupScheduler(QObject):
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._backed_up = database.changes  # the changes the newest backup holds
        self._running: str | None = None
        self._changes_at_start = 0
        self._waiting: list[str] = []
        self._timer = QTimer(self, interval=INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    @property
    def enabled(self) -> bool:
        """Only a writable SQLite file gets automatic backups (a server has pg_dump)."""
        return self._database.file is not None and not self._database.read_only

    def has_changes(self) -> bool:
        """Whether something was saved that no backup (made or under way) holds."""
        held = self._changes_at_start if self._running is not None else self._backed_up
        return self.enabled and self._database.changes != held

    def is_running(self) -> bool:
        return self._running is not None

    def back_up(self, reason: str) -> None:
        """Starts a backup (or queues it behind the one under way)."""
        if not self.enabled:
            return
        if self._running is not None:
            if reason not in self._waiting:
                self._waiting.append(reason)
            return
        self._running = reason
        self._changes_at_start = self._database.changes
        with self._database.reader() as session:
            second = second_folder(session)
        target = self._database.target
        run_in_background(
            self,
            lambda: automatic_backup(target, reason, second),
            self._on_backup_done,
            self._on_backup_failed,
        )

    def before(self, reason: str) -> Callable[[], BackupOutcome] | None:
        """The backup to make on a worker right before work that writes much (an import), so
        that it holds exactly what was there before; None where there are no backups."""
        if not self.enabled:
            return None
        with self._database.reader() as session:
            second = second_folder(session)
        target = self._database.target
        return lambda: automatic_backup(target, reason, second)

    def stop(self) -> None:
        self._timer.stop()
        self._waiting.clear()

    def _on_timer_timeout(self) -> None:
        if self.has_changes():
            self.back_up("auto")

    def _on_backup_done(self, outcome: BackupOutcome) -> None:
        self._running = None
        if not outcome.backup.damaged:
            self._backed_up = self._changes_at_start
        self._next()  # first, so that is_running() tells the receivers whether more will come
        self.finished.emit(outcome)

    def _on_backup_failed(self, error: BaseException) -> None:
        self._running = None
        self._next()
        self.failed.emit(str(error) or type(error).__name__)

    def _next(self) -> None:
        if self._waiting:
            self.back_up(self._waiting.pop(0))
