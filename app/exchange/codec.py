"""Records as JSON values and back, for the change log and packages.

Every column travels (timestamps too), so a copy is the same field by field; ``version`` goes
beside the values as part of the record's revision.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, Numeric, Table

from app.audit import plain
from db.base import Base, UtcDateTime
from db.models import load_all

# tables that describe this database alone: accounts, the audit chain, the exchange itself
LOCAL_TABLES = frozenset({"users", "audit_log", "audit_head", "exchange_sites"})
# settings that belong to one database (a lock row, a folder on this PC)
LOCAL_SETTINGS = frozenset({"issue_numbering", "backup.second_folder"})


def exchanged_tables() -> dict[str, Table]:
    """The tables whose records travel, in the order their foreign keys need (every area's
    models loaded first: an exchange concerns them all)."""
    load_all()
    return {table.name: table for table in Base.metadata.sorted_tables if travels(table)}


def travels(table: Table) -> bool:
    """Whether the records of ``table`` travel in packages (a versioned, shared table)."""
    return "version" in table.c and "id" in table.c and not _is_local(table.name)


def _is_local(name: str) -> bool:
    return name in LOCAL_TABLES or name.startswith("exchange_")


def is_local_setting(values: Mapping[str, Any] | None) -> bool:
    return values is not None and values.get("key") in LOCAL_SETTINGS


def encoded(table: Table, row: Mapping[str, Any]) -> dict[str, Any]:
    """A row's columns (``version`` aside) as JSON values."""
    return {
        column.name: plain(row[column.name])
        for column in table.c
        if column.name != "version" and column.name in row
    }


def decoded(table: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    """JSON values as a row to write; columns this schema lacks are left out."""
    row: dict[str, Any] = {}
    for name, value in values.items():
        column = table.c.get(name)
        if column is None or name == "version":
            continue
        row[name] = _typed(column.type, value)
    return row


def _typed(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(kind, UtcDateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    if isinstance(kind, Numeric) and kind.asdecimal:
        return Decimal(value)
    return value
