"""An SQLite file opened with sqlite3 alone, for a command that must not wait for SQLAlchemy.

Only a file that needs nothing done first qualifies: a plain path to an existing file at this
program's schema revision, which may be written where it lies. Anything else (a server, a file
to upgrade or to create, a read-only copy, a network share) returns None, and the caller opens
the database as every command does, with the checks and messages that brings.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db import sqlite_files
from db.paths import is_network_path, is_url
from db.revision import HEAD_REVISION

PRAGMAS = (  # as db/engine.py sets them on every connection that may write
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={int(sqlite_files.BUSY_TIMEOUT_S * 1000)}",
    "PRAGMA synchronous=FULL",
)


def open_current(target: str) -> sqlite3.Connection | None:
    """A connection (autocommit; begin transactions explicitly) or None, as above."""
    if is_url(target):
        return None
    path = Path(target).expanduser()
    if is_network_path(path) or sqlite_files.path_too_long(path):
        return None
    if not path.is_file() or not _writable(path):
        return None
    connection = sqlite_files.connect(path)
    try:
        for pragma in PRAGMAS:
            connection.execute(pragma)
        revisions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.DatabaseError:  # not ours, damaged, busy: the usual path says which
        connection.close()
        return None
    if revisions != [(HEAD_REVISION,)]:
        connection.close()
        return None
    return connection


def open_read_only(target: str) -> sqlite3.Connection | None:
    """A read-only connection to a local SQLite file at this revision, or None (a server, a
    network share, a missing, damaged, foreign, older or newer file): what the window reads
    before SQLAlchemy loads. Nothing is written, not even a write-ahead log."""
    if is_url(target):
        return None
    path = Path(target).expanduser()
    if is_network_path(path) or not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        revision = []
    if revision != [(HEAD_REVISION,)]:
        connection.close()
        return None
    return connection


def close(connection: sqlite3.Connection) -> None:
    """Folds the write-ahead log into the file (as ``Database.close`` does), then closes."""
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.DatabaseError:  # another program is writing: SQLite folds the log in later
        pass
    connection.close()


def _writable(path: Path) -> bool:
    files = [path, path.parent, *sqlite_files.companions(path)]
    return all(sqlite_files.is_writable(file) for file in files)
