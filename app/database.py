"""The open database: one engine, and a session per user action."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from app import audit
from app.access import OPERATOR, write_refusal
from app.operator import LOCAL_ADMIN, NOBODY, Operator, needs_sign_in
from db.engine import sqlite_path
from db.migrate import open_database
from db.models.security import AuditEntry, AuditHead, User


class Database:
    """An opened, up-to-date database. ``location`` is what the user sees in the status bar.

    ``operator`` is who works on it: the audit log and the issues' journal name them, a
    viewer's sessions refuse to write anything, and app/access.py decides from it what
    personal data they see. It starts as the local administrator on a database without
    users, else as nobody until someone signs in (or as ``signed_in_process``, the user the
    command line signed in)."""

    signed_in_process: ClassVar[Operator | None] = None

    def __init__(self, target: str, *, must_exist: bool = False) -> None:
        self.target = target
        self.engine: Engine = open_database(target, must_exist=must_exist)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", _refuse_if_read_only)
        audit.protect(self._sessions)
        self.operator: Operator = NOBODY
        self.operator = self.signed_in_process or self._unsigned_operator()

    def _unsigned_operator(self) -> Operator:
        with self.reader() as session:
            return NOBODY if needs_sign_in(session) else LOCAL_ADMIN

    @property
    def file(self) -> Path | None:
        return sqlite_path(self.target)

    @property
    def location(self) -> str:
        path = self.file
        return str(path.resolve()) if path is not None else self.engine.url.render_as_string()

    @contextmanager
    def session(self, *, lock_at_once: bool = True) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on any error.

        On SQLite it takes the file's write lock at once (``BEGIN IMMEDIATE``): a rule that
        reads, then writes (the last administrator, the next issue number) cannot interleave
        with another writer. PostgreSQL rules lock their rows (``FOR UPDATE``). Long work that
        reads and builds first and writes at its end (an import) passes ``lock_at_once=False``
        so that others may write meanwhile; its unique keys then refuse a clash at the end."""
        with self._sessions() as session, session.begin():
            if lock_at_once:
                self._lock_for_writing(session)
            session.info["user_id"] = self.operator.user_id
            session.info["read_only"] = not self.operator.may_edit
            session.info[OPERATOR] = self.operator
            yield session

    @contextmanager
    def system_session(self) -> Iterator[Session]:
        """A session for what the application does by itself (statuses the calendar moves,
        the record of a sign-in): audited without a user, allowed whoever is signed in."""
        with self._sessions() as session, session.begin():
            self._lock_for_writing(session)
            session.info[OPERATOR] = self.operator
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for queries only."""
        with self._sessions() as session:
            session.info[OPERATOR] = self.operator
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def _lock_for_writing(self, session: Session) -> None:
        if self.engine.dialect.name == "sqlite":
            session.connection().exec_driver_sql("BEGIN IMMEDIATE")


def _refuse_if_read_only(session: Session, _context: Any, _instances: Any) -> None:
    """A viewer writes nothing but the audit log and their own account (a new password)."""
    if not session.info.get("read_only"):
        return
    operator = session.info[OPERATOR]
    for obj in (*session.new, *session.dirty, *session.deleted):
        own_account = (
            isinstance(obj, User) and obj.id == operator.user_id and obj not in session.deleted
        )
        if not (own_account or isinstance(obj, AuditEntry | AuditHead)):
            raise write_refusal(operator)
