"""Counts for the status bar and the home tab, in one aggregate query of plain SQL.

Plain SQL rather than the ORM so that the home tab can show its figures right after the window
first paints: ``quick_counts`` reads them with the standard library's sqlite3 before SQLAlchemy
(about a third of a second to import and map the models) has loaded; ``counts`` runs the same
text through an open session afterwards.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from db.direct import open_read_only

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# Stored codes (db.models) spelt out, so this module needs no SQLAlchemy; a test compares them.
OPEN_ISSUE_STATES = ("registered", "accepted", "dispatched", "in_progress")  # 未办结
ACTIVE_AGREEMENT_STATES = ("active", "expiring")
ACTIVE_POSTING_STATES = ("active", "extended")


@dataclass(frozen=True)
class Counts:
    org_units: int
    resident_units: int
    people: int
    meetings: int
    agreements: int
    active_agreements: int
    active_postings: int
    issues: int
    open_issues: int

    @property
    def is_empty(self) -> bool:
        return self.org_units == 0


def _live(table: str, states: tuple[str, ...] = ()) -> str:
    condition = f" AND status IN ({', '.join(repr(s) for s in states)})" if states else ""
    return f"(SELECT count(*) FROM {table} WHERE deleted_at IS NULL{condition})"


_COLUMNS = {
    "org_units": _live("org_units"),
    "resident_units": _live("resident_units"),
    "people": _live("people"),
    "meetings": _live("meetings"),
    "agreements": _live("agreements"),
    "active_agreements": _live("agreements", ACTIVE_AGREEMENT_STATES),
    "active_postings": _live("postings", ACTIVE_POSTING_STATES),
    "issues": _live("issues"),
    "open_issues": _live("issues", OPEN_ISSUE_STATES),
}
COUNTS_SQL = "SELECT " + ", ".join(f"{sql} AS {name}" for name, sql in _COLUMNS.items())
DIRECTORY = ("org_units", "resident_units", "people")
DIRECTORY_SQL = "SELECT " + ", ".join(f"{_COLUMNS[name]} AS {name}" for name in DIRECTORY)


@dataclass(frozen=True)
class DirectoryCounts:
    """The directory's part of the counts, for the home tab (which counts issues itself)."""

    org_units: int
    resident_units: int
    people: int

    @property
    def is_empty(self) -> bool:
        return self.org_units == 0


def counts(session: Session) -> Counts:
    from sqlalchemy import text

    return Counts(*session.execute(text(COUNTS_SQL)).one())


def directory_counts(session: Session) -> DirectoryCounts:
    from sqlalchemy import text

    return DirectoryCounts(*session.execute(text(DIRECTORY_SQL)).one())


def quick_counts(target: str) -> Counts | None:
    """The counts read directly from an SQLite file at this schema revision, else None.

    None means "open the database the normal way": a server URL, a missing, damaged, foreign,
    older or newer file, or a network share all take the path that explains itself.
    """
    connection = open_read_only(target)
    if connection is None:
        return None
    try:
        return Counts(*connection.execute(COUNTS_SQL).fetchone())
    except sqlite3.Error:
        return None
    finally:
        connection.close()
