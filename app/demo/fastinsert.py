"""Inserting many plain rows fast, inside the caller's transaction.

On SQLite the rows go straight to the driver's ``executemany``, with datetimes and dates
already turned into the text SQLAlchemy itself stores (``YYYY-MM-DD HH:MM:SS.ffffff``, naive
UTC; ``YYYY-MM-DD``): SQLAlchemy's per-value bind processing would otherwise cost more than
SQLite's own work. Other backends get a Core ``insert`` with the Python values.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Date, DateTime, insert

from app.demo.rows import table
from db.base import UtcDateTime


def _sqlite_datetime(value: datetime) -> str:
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _sqlite_date(value: date) -> str:
    return value.isoformat()


def insert_rows(connection: Connection, name: str, rows: list[dict[str, Any]]) -> None:
    """Inserts ``rows`` (dicts with the same keys in the same order) into table ``name``."""
    if not rows:
        return
    tab = table(name)
    if connection.dialect.name != "sqlite":
        connection.execute(insert(tab), rows)
        return
    columns = list(rows[0])
    converters = []
    for index, column in enumerate(columns):
        kind = tab.c[column].type
        if isinstance(kind, UtcDateTime | DateTime):
            converters.append((index, _sqlite_datetime))
        elif isinstance(kind, Date):
            converters.append((index, _sqlite_date))
    data = []
    for row in rows:
        values = list(row.values())
        for index, convert in converters:
            value = values[index]
            if value is not None:
                values[index] = convert(value)
        data.append(tuple(values))
    quoted = ", ".join(f'"{column}"' for column in columns)
    marks = ", ".join("?" * len(columns))
    connection.exec_driver_sql(f'INSERT INTO "{name}" ({quoted}) VALUES ({marks})', data)


@contextmanager
def big_cache(connection: Connection, kib: int = 262_144) -> Iterator[None]:
    """A larger SQLite page cache while loading: index pages stay in memory."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size=-{kib}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(before or -2000)}")
