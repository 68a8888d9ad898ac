"""One window per database file on a PC: a lock file beside the database (``NAME.db.lock``)
holds the process, computer and program that have it open. A window that finds it taken can
say where the file is open and offer to open it read-only; a lock left by a program that died
is taken over."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db.engine import sqlite_path
from db.sqlite_files import is_writable

from PySide6.QtCore import QLockFile


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str
    program: str


class InstanceLock:
    def __init__(self, db_file: Path) -> None:
        self.path = db_file.with_name(db_file.name + ".lock")
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # only a dead holder makes it stale, never its age

    @classmethod
    def for_target(cls, target: str) -> InstanceLock | None:
        """The lock for an SQLite file in a writable folder (a server has no such file)."""
        path = sqlite_path(target)
        if path is None or not path.parent.is_dir() or not is_writable(path.parent):
            return None
        return cls(path.resolve())

    def acquire(self) -> bool:
        return self._lock.tryLock(0)

    def holder(self) -> Holder | None:
        """Who holds the lock, when the lock file says."""
        info = self._lock.getLockInfo()  # (pid, host, program); pid 0 when it cannot tell
        if not info or not info[0]:
            return None
        pid, host, program = info[-3:]
        return Holder(int(pid), str(host), str(program))

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()
