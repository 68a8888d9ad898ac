"""The open database: one engine, and a session per user action."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from app.issues.holidays import ensure_official_calendar
from app.operator import LOCAL_ADMIN, Operator, read_only_error
from db.engine import sqlite_path
from db.migrate import open_database


class Database:
    """An opened, up-to-date database. ``location`` is what the user sees in the status bar.

    ``operator`` is who works on it: the audit log and the issues' journal name them, and a
    viewer's sessions refuse to write anything."""

    def __init__(self, target: str, *, must_exist: bool = False) -> None:
        self.target = target
        self.engine: Engine = open_database(target, must_exist=must_exist)
        ensure_official_calendar(self.engine)  # a new file knows the official holidays
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", _refuse_if_read_only)
        self.operator: Operator = LOCAL_ADMIN

    @property
    def file(self) -> Path | None:
        return sqlite_path(self.target)

    @property
    def location(self) -> str:
        path = self.file
        return str(path.resolve()) if path is not None else self.engine.url.render_as_string()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on any error."""
        with self._sessions() as session, session.begin():
            session.info["user_id"] = self.operator.user_id
            session.info["read_only"] = not self.operator.may_edit
            yield session

    @contextmanager
    def system_session(self) -> Iterator[Session]:
        """A session for what the application does by itself (statuses the calendar moves):
        audited without a user, and allowed whoever is signed in."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for queries only."""
        with self._sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _refuse_if_read_only(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get("read_only") and (session.new or session.dirty or session.deleted):
        raise read_only_error()
