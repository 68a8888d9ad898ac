"""Plain SQL read alike through an ORM session or a bare sqlite3 connection.

A reader written against :data:`Query` runs inside the application (on a session, SQLite or
PostgreSQL) and in a command that must not pay for importing SQLAlchemy (``gongjian minutes``
reads an SQLite file with sqlite3 alone). Parameters are named (``:name``), which both
understand; values come back as the driver gives them, so times and days go through
:func:`utc` and :func:`day` (SQLite returns text, PostgreSQL datetimes).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Row = Sequence[Any]
Query = Callable[[str, Mapping[str, Any]], list[Row]]


def session_query(session: Session) -> Query:
    """Queries on ``session``'s connection, after its pending changes are flushed."""
    from sqlalchemy import text

    def query(sql: str, params: Mapping[str, Any]) -> list[Row]:
        if session.autoflush:  # as an ORM select would: see what this session changed
            session.flush()
        return list(session.execute(text(sql), dict(params)).all())

    return query


def connection_query(connection: sqlite3.Connection) -> Query:
    def query(sql: str, params: Mapping[str, Any]) -> list[Row]:
        return connection.execute(sql, dict(params)).fetchall()

    return query


def in_list(name: str, values: Iterable[object]) -> tuple[str, dict[str, object]]:
    """``(:name0, :name1, …)`` and its parameters: an IN list both drivers accept."""
    params = {f"{name}{n}": value for n, value in enumerate(values)}
    return "(" + ", ".join(f":{key}" for key in params) + ")", params


def utc(value: str | datetime | None) -> datetime | None:
    """A stored time (naive UTC, as text on SQLite) as an aware UTC datetime."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=UTC)


def stored_time(moment: datetime) -> str:
    """An aware moment as an SQLite file stores it (naive UTC text), to compare with there."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def day(value: str | date | None) -> date | None:
    if value is None:
        return None
    return date.fromisoformat(value) if isinstance(value, str) else value
