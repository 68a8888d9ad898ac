"""Finding Chinese substrings of an issue's title, address and description fast.

On SQLite the text is indexed by an FTS5 table with the trigram tokenizer (``issues_fts``,
kept up to date by triggers, see migration 0002): each live (not deleted) issue's rowid with
the body ``number ⏎ title ⏎ address ⏎ description ⏎⏎``. The two newlines at the end make
every one- and two-character substring the start of some trigram, so:

* 3+ characters: ``MATCH "text"`` (the table stores no positions — ``detail=none`` keeps it
  small — so a longer text is the AND of trigrams covering it, confirmed with ``instr``);
* 1–2 characters: the trigrams that *start* with the text are read from the index's own
  vocabulary (``issues_fts_vocab``, a range seek), and the query is their OR. No scan.

Other databases (PostgreSQL) fall back to ``instr``-style matching.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, false, literal_column, or_, select, text
from sqlalchemy.orm import Session

from app.listing import contains
from db.models.issues import Issue

FTS_TABLE = "issues_fts"
VOCAB_TABLE = "issues_fts_vocab"
MAX_TERMS = 4000  # a 1-character search with more trigrams than this scans instead
PROBE_FROM = 15_000  # with this many matches, walk the sort order and probe the matches


def body_sql(prefix: str) -> str:
    """The indexed text of a row, as SQL over ``new.`` / ``old.`` / a table alias."""
    fields = (
        f"coalesce({prefix}{name}, '')" for name in ("number", "title", "address", "description")
    )
    return " || char(10) || ".join(fields) + " || char(10) || char(10)"


def rowid(probe: bool = False) -> ColumnElement[int]:
    # "+rowid" keeps SQLite from looking rows up by rowid: it walks the ORDER BY index instead
    return literal_column("+issues.rowid" if probe else "issues.rowid")


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _scan(needle: str) -> ColumnElement[bool]:
    return or_(
        contains(Issue.title, needle),
        contains(Issue.address, needle),
        contains(Issue.description, needle),
        Issue.number == needle,
    )


class SearchIndex:
    """Turns search text into a condition on ``issues``; remembers the last expansion, as
    the list asks for a count and then for pages of the same search."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[str | None, int]] = {}

    def _match(self, session: Session, needle: str) -> tuple[str | None, int]:
        """The MATCH expression (None: fall back to a scan) and how many rows it matches."""
        if needle in self._cache:
            return self._cache[needle]
        folded = needle.lower()
        if len(folded) >= 3:  # detail=none has no phrases: AND the trigrams covering it
            starts = sorted({*range(0, len(folded) - 2, 3), len(folded) - 3})
            expression: str | None = " AND ".join(_quoted(folded[i : i + 3]) for i in starts)
        else:
            terms = session.scalars(
                text(f"SELECT term FROM {VOCAB_TABLE} WHERE term >= :low AND term < :high"),
                {"low": folded, "high": folded + "\U0010ffff"},
            ).all()
            if len(terms) > MAX_TERMS:
                expression = None
            else:
                expression = " OR ".join(_quoted(t) for t in terms) if terms else ""
        matches = 0
        if expression:
            matches = int(
                session.scalar(
                    text(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q"),
                    {"q": expression},
                )
                or 0
            )
        if len(self._cache) > 32:
            self._cache.clear()
        self._cache[needle] = (expression, matches)
        return expression, matches

    def condition(self, session: Session, needle: str) -> ColumnElement[bool]:
        needle = needle.strip()
        if session.get_bind().dialect.name != "sqlite":
            return _scan(needle)
        expression, matches = self._match(session, needle)
        if expression is None:
            return _scan(needle)
        if not expression:
            return false()
        hits: Select[Any] = (
            select(literal_column("rowid"))
            .select_from(text(FTS_TABLE))
            .where(text(f"{FTS_TABLE} MATCH :fts_query").bindparams(fts_query=expression))
        )
        found: ColumnElement[bool] = rowid(probe=matches >= PROBE_FROM).in_(hits.scalar_subquery())
        if len(needle) > 3:  # no positions stored: confirm the whole text
            found = found & _scan(needle)
        return found

    def exact_count(self, session: Session, needle: str) -> int | None:
        """How many live issues contain ``needle`` when the index alone can tell (SQLite,
        at most 3 characters), else None."""
        needle = needle.strip()
        if session.get_bind().dialect.name != "sqlite" or len(needle) > 3:
            return None
        expression, matches = self._match(session, needle)
        return None if expression is None else matches

    def forget(self) -> None:
        """Drops the remembered expansions (the index may have changed)."""
        self._cache.clear()


@contextmanager
def bulk_loading(connection: Connection) -> Iterator[None]:
    """For inserting very many issues at once (demo data, imports): the per-row trigger is
    set aside and the new rows are indexed in one statement at the end (about ten times
    faster for a million). Updates and deletes keep their triggers meanwhile."""
    if connection.dialect.name != "sqlite":
        yield
        return
    trigger = connection.scalar(
        text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"),
        {"name": f"{FTS_TABLE}_insert"},
    )
    if trigger is None:  # no index (a database before migration 0002)
        yield
        return
    before = connection.scalar(text("SELECT coalesce(max(rowid), 0) FROM issues"))
    connection.execute(text(f"DROP TRIGGER {FTS_TABLE}_insert"))
    try:
        yield
        connection.execute(
            text(
                f"INSERT INTO {FTS_TABLE}(rowid, body) SELECT rowid, {body_sql('')} "
                "FROM issues WHERE rowid > :before AND deleted_at IS NULL"
            ),
            {"before": before},
        )
    finally:
        connection.execute(text(trigger))
