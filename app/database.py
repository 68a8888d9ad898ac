"""The open database: one engine, and a session per user action."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.operator import LOCAL_ADMIN, Operator, read_only_error
from db.engine import is_read_only_file, sqlite_path, writing
from db.migrate import open_database

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

    ``operator`` is who works on it: the audit log and the issues' journal name them, and a
    viewer's sessions refuse to write anything. A database opened ``read_only`` (a read-only
    file opens so by itself) refuses every write, whoever works on it.

    ``changes`` counts the write transactions committed through it, so the window knows
    whether there is anything new to back up."""

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
        event.listen(self._sessions, "before_flush", _refuse_if_read_only)
        event.listen(self._readers, "before_flush", _refuse_if_read_only)
        self.operator: Operator = LOCAL_ADMIN
        self.changes = 0
        event.listen(self.engine, "after_cursor_execute", _note_write)
        event.listen(self.engine, "commit", self._on_commit)
        event.listen(self.engine, "rollback", _forget_write)

    @property
    def file(self) -> Path | None:
        return sqlite_path(self.target)

    @property
    def location(self) -> str:
        path = self.file
        return str(path.resolve()) if path is not None else self.engine.url.render_as_string()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on any error. On
        SQLite it takes the write lock when it begins (waiting up to the busy timeout)."""
        sessions = self._readers if self.read_only else self._sessions
        with sessions() as session, session.begin():
            session.info["user_id"] = self.operator.user_id
            session.info["read_only"] = self._refusal(self.operator.may_edit)
            yield session

    @contextmanager
    def system_session(self) -> Iterator[Session]:
        """A session for what the application does by itself (statuses the calendar moves):
        audited without a user, and allowed whoever is signed in."""
        sessions = self._readers if self.read_only else self._sessions
        with sessions() as session, session.begin():
            session.info["read_only"] = self._refusal(True)
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for queries only."""
        with self._readers() as session:
            session.info["read_only"] = self._refusal(True)
            yield session

    def _refusal(self, may_edit: bool) -> str:
        return "file" if self.read_only else ("" if may_edit else "role")

    def _on_commit(self, connection: Any) -> None:
        if connection.info.pop("wrote", False):
            self.changes += 1

    def close(self) -> None:
        """Closes every connection; on SQLite the write-ahead log is first folded into the
        file, so the .db file alone holds everything (it can be copied on its own)."""
        if self.engine.dialect.name == "sqlite" and not self.read_only:
            try:
                with self.engine.connect() as connection:
                    driver = connection.connection.driver_connection
                    assert driver is not None
                    driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except DBAPIError:  # another program is writing: SQLite folds the log in later
                log.warning("could not checkpoint %s on close", self.location, exc_info=True)
        self.engine.dispose()


def _note_write(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
    if statement.lstrip()[:6].upper() in _WRITES:
        conn.info["wrote"] = True


def _forget_write(conn: Any) -> None:
    conn.info.pop("wrote", None)


def _refuse_if_read_only(session: Session, _context: Any, _instances: Any) -> None:
    reason = session.info.get("read_only")
    if reason and (session.new or session.dirty or session.deleted):
        raise read_only_file_error() if reason == "file" else read_only_error()
