"""Paged, sorted, filtered lists: what every list view in the UI shows, a page at a time.

A ``ListSource`` describes one list as a SELECT whose columns are labelled with the column
keys; the UI's table model asks it for the row count and for one page of rows at a time, so
a list never loads more than the pages a user scrolls through.

Two optional abilities serve lists of a million rows (the issues): a source with
``count_cap`` counts at most that many rows (the view then grows as the user scrolls, see
``count_capped``), and a source with ``keyset_sorts`` reads the page after a known row with
``fetch_after`` (a seek on the sort key) instead of skipping ``offset`` rows. Sources without
them behave as before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, TypeAlias

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from app.access import (
    Use,
    masked_values,
    operator_in,
    reveals_personal_data,
    searches_personal_data,
)
from app.list_shape import Column, Row
from app.operator import Operator
from app.personal_data import MASKED_FIELDS
from app.portable_sql import position_of

RowsSelect: TypeAlias = Select[*tuple[Any, ...]]


@dataclass(frozen=True)
class ListQuery:
    search: str = ""
    filters: Mapping[str, Any] = field(default_factory=dict)
    sort: str | None = None
    descending: bool = False
    use: Use = Use.SCREEN  # what the rows are for; the operator decides what shows (app/access)
    # whether the search may match a full ID number or phone: set by ``ListSource.resolved``
    # from the session's operator (a caller's value is replaced)
    personal_search: bool = False


def record_columns(model: Any, *keys: str) -> list[Any]:
    """How a list's SELECT starts: the record's id and version, then its columns ``keys``,
    each labelled by its own name."""
    return [model.id.label("id"), model.version, *(getattr(model, k).label(k) for k in keys)]


def equal_to(filters: Mapping[str, Any], columns: Mapping[str, Any]) -> list[ColumnElement[bool]]:
    """``column == value`` for each filter key that has a value (a kind, a status, a person):
    the plain filters of a list, named by key → column."""
    return [column == filters[key] for key, column in columns.items() if filters.get(key)]


def contains(column: Any, text: str) -> ColumnElement[bool]:
    """Substring match that treats ``%``, ``_`` and quotes as typed (works for Chinese)."""
    return position_of(column, text) > 0


class ListSource:
    """Base class: subclasses give the columns, the SELECT, and how to search and filter."""

    columns: ClassVar[tuple[Column, ...]]
    default_sort: ClassVar[str]
    default_descending: ClassVar[bool] = False
    count_cap: ClassVar[int | None] = None  # count at most this many rows (None: exact)
    keyset_sorts: ClassVar[frozenset[str]] = frozenset()  # sorts ``fetch_after`` can seek
    # the table whose records the rows are: each row shows its exchange state (app/exchange)
    exchange_table: ClassVar[str | None] = None

    def select_rows(self) -> RowsSelect:
        """A SELECT of the id, the version and then one labelled column per ``columns``."""
        raise NotImplementedError

    def where(self, query: ListQuery) -> Sequence[ColumnElement[bool]]:
        """Conditions for the search text and the filters."""
        raise NotImplementedError

    def post_process(self, values: tuple[Any, ...], query: ListQuery) -> tuple[Any, ...]:
        """A chance to change a row's values; the default returns them as they are."""
        return values

    def reveals_personal_data(self, operator: Operator, use: Use) -> bool:
        """Whether rows fetched for ``use`` show ``operator`` personal data unmasked."""
        return any(c.key in MASKED_FIELDS for c in self.columns) and reveals_personal_data(
            operator, use
        )

    def resolved(self, session: Session, query: ListQuery) -> ListQuery:
        """``query`` with what the session's operator may search."""
        return replace(query, personal_search=searches_personal_data(operator_in(session)))

    def shown(self, session: Session, query: ListQuery, values: tuple[Any, ...]) -> tuple[Any, ...]:
        """A row's values with personal data masked unless the operator may see it here."""
        reveal = reveals_personal_data(operator_in(session), query.use)
        return masked_values(tuple(c.key for c in self.columns), values, reveal)

    def column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def _filtered(self, query: ListQuery) -> RowsSelect:
        return self.select_rows().where(*self.where(query))

    def count(self, session: Session, query: ListQuery) -> int:
        query = self.resolved(session, query)
        stmt = select(func.count()).select_from(self._filtered(query).subquery())
        return int(session.execute(stmt).scalar_one())

    def count_capped(self, session: Session, query: ListQuery, cap: int) -> int:
        """The count, but at most ``cap`` (sources with ``count_cap`` override it cheaply)."""
        return min(self.count(session, query), cap)

    def fetch_after(
        self, session: Session, query: ListQuery, after: Row, limit: int
    ) -> list[Row] | None:
        """The ``limit`` rows that follow ``after`` in the query's order, or None when this
        source cannot seek for this query (the caller then uses ``fetch`` with an offset)."""
        return None

    def sort_expressions(self) -> Mapping[str, Any]:
        """Columns that sort by something other than what they show: a name by its pinyin
        key (``db.sort_key``), then by the name itself. Column key → SQL expression."""
        return {}

    def fetch(self, session: Session, query: ListQuery, offset: int, limit: int) -> list[Row]:
        query = self.resolved(session, query)
        stmt = self._filtered(query)
        key = query.sort if query.sort in {c.key for c in self.columns} else self.default_sort
        shown = stmt.selected_columns[key]
        for order in (self.sort_expressions().get(key), shown):
            if order is not None:
                stmt = stmt.order_by(order.desc() if query.descending else order.asc())
        stmt = stmt.order_by(stmt.selected_columns["id"]).offset(offset).limit(limit)
        return [
            Row(r[0], r[1], self.shown(session, query, self.post_process(tuple(r[2:]), query)))
            for r in session.execute(stmt).all()
        ]
