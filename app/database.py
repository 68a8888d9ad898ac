"""The open database: one engine, and a session per user action."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from db.engine import sqlite_path
from db.migrate import open_database


class Database:
    """An opened, up-to-date database. ``location`` is what the user sees in the status bar."""

    def __init__(self, target: str, *, must_exist: bool = False) -> None:
        self.target = target
        self.engine: Engine = open_database(target, must_exist=must_exist)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

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
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for queries only."""
        with self._sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
