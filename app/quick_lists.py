"""A list tab's first page read straight from the file, to show at the window's first paint.

Importing SQLAlchemy and mapping the models takes about half a second; a window reopening on
a list tab shows that list's starting page (no search, no filter, the default sort) read with
the standard library's sqlite3 first, and the real tab replaces it once the database is open.

Only a file that needs nothing done first qualifies (``db.direct.open_read_only``: a local
SQLite file at this revision), and only while nobody has a password: when someone must sign
in, nothing but the home tab's counts shows before they have. Every other case, and any
error while reading, returns None and the window takes the normal way in.
"""

from __future__ import annotations

import importlib
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from app.list_shape import PAGE_SIZE, Column, Row
from app.rows import Query, connection_query
from db.direct import open_read_only

log = logging.getLogger("gongjian.quick_lists")
# app.operator.needs_sign_in, in plain SQL
NEEDS_SIGN_IN_SQL = (
    "SELECT count(*) FROM users WHERE deleted_at IS NULL AND password_hash IS NOT NULL"
)


@dataclass(frozen=True)
class QuickPage:
    columns: tuple[Column, ...]
    rows: list[Row]


def _reader(area: str) -> Callable[[Query, datetime], QuickPage]:
    """``app.<area>.first_page``'s page, imported when first read."""

    def read(query: Query, now: datetime) -> QuickPage:
        module = importlib.import_module(f"app.{area}.first_page")
        return QuickPage(module.COLUMNS, module.first_page(query, now, PAGE_SIZE))

    return read


READERS: dict[str, Callable[[Query, datetime], QuickPage]] = {
    "meetings": _reader("meetings"),
    "agreements": _reader("agreements"),
    "secondments": _reader("secondments"),
    "issues": _reader("issues"),
    "directory": _reader("directory"),
}
"""The tabs (ui/main_window.py's keys) whose first page can be read this way."""


def quick_page(target: str, tab: str, now: datetime | None = None) -> QuickPage | None:
    """``tab``'s first page read from the SQLite file ``target``, or None (see above)."""
    reader = READERS.get(tab)
    if reader is None:
        return None
    connection = open_read_only(target)
    if connection is None:
        return None
    try:
        (users_with_password,) = connection.execute(NEEDS_SIGN_IN_SQL).fetchone()
        if users_with_password:
            return None
        return reader(connection_query(connection), now or datetime.now(UTC))
    except (sqlite3.Error, ValueError) as error:  # the normal way in says what is wrong
        log.warning("the %s tab's first page was not read early: %s", tab, type(error).__name__)
        return None
    finally:
        connection.close()
