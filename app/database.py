"""The open database: one engine, and a session per user action."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from app import audit
from app.access import OPERATOR, write_refusal
from app.errors import UserError
from app.exchange import changelog  # noqa: F401 - logs every write once a site exists
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.issues.official_calendar import ensure_official_calendar
from app.operator import LOCAL_ADMIN, NOBODY, Operator, needs_sign_in
from db.engine import is_read_only_file, sqlite_path, writing
from db.migrate import open_database
from db.models.security import AuditEntry, AuditHead, User

log = logging.getLogger(__name__)
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLAC")


def read_only_file_error() -> UserError:
    return UserError(
        Message(
            "operator",
            QT_TRANSLATE_NOOP(
                "operator",
                "数据库以只读方式打开（只读文件，或已在别处打开），不能修改数据。",
            ),
        )
    )


class Database:
    """An opened, up-to-date database. ``location`` is what the user sees in the status bar.

    ``operator`` is who works on it: the audit log and the issues' journal name them, a
    viewer's sessions refuse to write anything, and app/access.py decides from it what
    personal data they see. It starts as the local administrator on a database without
    users, else as nobody until someone signs in (or as ``signed_in_process``, the user the
    command line signed in). A database opened ``read_only`` (a read-only file opens so by
    itself) refuses every write, whoever works on it.

    ``changes`` counts the write transactions committed through it, so the window knows
    whether there is anything new to back up."""

    signed_in_process: ClassVar[Operator | None] = None

    def __init__(
        self,
        target: str,
        *,
        must_exist: bool = False,
        read_only: bool | None = None,
        retry_failed_upgrade: bool = False,
    ) -> None:
        self.target = target
        path = sqlite_path(target)
        if read_only is None:
            read_only = path is not None and is_read_only_file(path)
        self.read_only = read_only
        self.engine: Engine = open_database(
            target,
            must_exist=must_exist,
            read_only=read_only,
            retry_failed_upgrade=retry_failed_upgrade,
        )
        self._sessions = sessionmaker(writing(self.engine), expire_on_commit=False)
        self._readers = sessionmaker(self.engine, expire_on_commit=False)
        for sessions in (self._sessions, self._readers):
            event.listen(sessions, "before_flush", _refuse_if_read_only)
            audit.protect(sessions)
        if not read_only:  # a new file knows the official holidays
            ensure_official_calendar(self.engine)
        self.changes = 0
        self._closed = False
        event.listen(self.engine, "after_cursor_execute", _note_write)
        event.listen(self.engine, "commit", self._on_commit)
        event.listen(self.engine, "rollback", _forget_write)
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

        On SQLite it takes the file's write lock when it begins (``BEGIN IMMEDIATE``, waiting
        up to the busy timeout): a rule that reads, then writes (the last administrator, the
        next issue number) cannot interleave with another writer. PostgreSQL rules lock their
        rows (``FOR UPDATE``). Long work that reads and builds first and writes at its end (an
        import) passes ``lock_at_once=False`` so that others may write meanwhile; its unique
        keys then refuse a clash at the end."""
        writes = lock_at_once and not self.read_only
        with self._open(self._sessions if writes else self._readers) as session:
            session.info["user_id"] = self.operator.user_id
            session.info["read_only"] = self._refusal(self.operator.may_edit)
            yield session

    @contextmanager
    def system_session(self) -> Iterator[Session]:
        """A session for what the application does by itself (statuses the calendar moves,
        the record of a sign-in): audited without a user, allowed whoever is signed in."""
        with self._open(self._readers if self.read_only else self._sessions) as session:
            session.info["read_only"] = self._refusal(True)
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for queries only."""
        with self._readers() as session:
            session.info[OPERATOR] = self.operator
            session.info["read_only"] = self._refusal(True)
            yield session

    @contextmanager
    def _open(self, sessions: sessionmaker[Session]) -> Iterator[Session]:
        with sessions() as session, session.begin():
            session.info[OPERATOR] = self.operator
            yield session

    def _refusal(self, may_edit: bool) -> str:
        return "file" if self.read_only else ("" if may_edit else "role")

    def _on_commit(self, connection: Any) -> None:
        if connection.info.pop("wrote", False):
            self.changes += 1

    def close(self) -> None:
        """Closes every connection; on SQLite the write-ahead log is first folded into the
        file, so the .db file alone holds everything (it can be copied on its own). Once
        closed, it opens no connection again: a read left over (a worker, a step in an idle
        moment) fails rather than open a file a restore may be replacing."""
        if self._closed:
            return
        if self.engine.dialect.name == "sqlite" and not self.read_only:
            try:
                with self.engine.connect() as connection:
                    driver = connection.connection.driver_connection
                    assert driver is not None
                    driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except DBAPIError:  # another program is writing: SQLite folds the log in later
                log.warning("could not checkpoint %s on close", self.location, exc_info=True)
        self.engine.dispose()
        self.engine.pool = NullPool(_refuse_closed)  # no connection, no file opened, again
        self._closed = True


def _refuse_closed() -> Any:
    raise RuntimeError("the database was closed")


def _note_write(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
    if statement.lstrip()[:6].upper() in _WRITES:
        conn.info["wrote"] = True


def _forget_write(conn: Any) -> None:
    conn.info.pop("wrote", None)


def _refuse_if_read_only(session: Session, _context: Any, _instances: Any) -> None:
    """A read-only file writes nothing; a viewer nothing but the audit log and their own
    account (a new password)."""
    reason = session.info.get("read_only")
    if not reason or not (session.new or session.dirty or session.deleted):
        return
    if reason == "file":
        raise read_only_file_error()
    operator = session.info[OPERATOR]
    for obj in (*session.new, *session.dirty, *session.deleted):
        own_account = (
            isinstance(obj, User) and obj.id == operator.user_id and obj not in session.deleted
        )
        if not (own_account or isinstance(obj, AuditEntry | AuditHead)):
            raise write_refusal(operator)
