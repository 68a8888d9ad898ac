"""``gongjian minutes ID -o FILE.pdf``: a meeting's minutes written to a file, and marked so.

On an SQLite file that needs nothing done first (``db.direct``) the minutes are read and
marked through sqlite3 alone: importing SQLAlchemy and mapping the models would take longer
than the printing. The reader is the one the window uses (``read_minutes``), so both print
the same page. Any other database is opened as every command opens it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from app.exports.pdf import write_minutes
from app.meetings.minutes import read_minutes
from app.rows import connection_query
from db import direct

# what ``lifecycle.mark_exported`` writes: a time, no new version (an open editor stays valid)
MARK_EXPORTED = "UPDATE meetings SET exported_at = :at WHERE id = :id"
STORED_TIME = "%Y-%m-%d %H:%M:%S.%f"  # naive UTC, as SQLAlchemy writes a time to SQLite


def export_minutes(target: str, meeting_id: str, output: Path) -> None:
    """Writes the minutes to ``output`` atomically and records the export on the meeting."""
    connection = direct.open_current(target)
    if connection is None:
        _export_through_database(target, meeting_id, output)
        return
    try:
        with _transaction(connection, "BEGIN"):  # one snapshot of the meeting
            document = read_minutes(connection_query(connection), meeting_id)
        write_minutes(document, output)
        with _transaction(connection, "BEGIN IMMEDIATE"):
            at = datetime.now(UTC).strftime(STORED_TIME)
            connection.execute(MARK_EXPORTED, {"at": at, "id": meeting_id})
    finally:
        direct.close(connection)


def _export_through_database(target: str, meeting_id: str, output: Path) -> None:
    from app.database import Database
    from app.meetings.minutes import minutes_document
    from app.meetings.service import mark_exported

    database = Database(target, must_exist=True)
    try:
        with database.reader() as session:
            document = minutes_document(session, meeting_id)
        write_minutes(document, output)
        with database.session() as session:
            mark_exported(session, meeting_id)
    finally:
        database.close()


@contextmanager
def _transaction(connection: sqlite3.Connection, begin: str) -> Iterator[None]:
    """Committed when the block ends, rolled back when it raises."""
    connection.execute(begin)
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
