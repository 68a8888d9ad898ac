"""Rows collected in memory as plain dicts, to be written table by table in one transaction.

Going through the ORM would cost seconds per ten thousand rows; Core ``executemany`` of dicts
is an order of magnitude faster. Every dict of a table carries the same keys (executemany
needs that): the table's scalar defaults, filled in here, so no row depends on the clock.
A column computed from the row (the pinyin ``name_key``) is left to its default.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from random import Random
from typing import Any

from sqlalchemy import Table

from db.base import Base
from db.models import load_all

load_all()  # every table on the metadata, for table() and the writer's order

_REQUIRED = object()
_COMPUTED = ("name_key",)  # defaults computed from the row's own values at insert


def deterministic_id(rng: Random) -> str:
    """A version-4 UUID drawn from ``rng``, so a seed always gives the same keys."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def _template(tab: Table) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column in tab.columns:
        if column.key in _COMPUTED:
            continue
        default = column.default
        if default is not None and default.is_scalar:
            values[column.key] = getattr(default, "arg", None)
        elif column.nullable:
            values[column.key] = None
        else:
            values[column.key] = _REQUIRED
    return values


class Rows:
    """Row dicts per table, with deterministic ids and timestamps supplied by the caller."""

    def __init__(self, rng: Random) -> None:
        self._rng = rng
        self._templates: dict[str, dict[str, Any]] = {}
        self.tables: dict[str, list[dict[str, Any]]] = {}
        self._by_id: dict[str, dict[str, Any]] = {}
        self.updates: list[tuple[str, str, dict[str, Any]]] = []

    def new_id(self) -> str:
        return deterministic_id(self._rng)

    def add(self, name: str, at: datetime, /, **values: Any) -> str:
        """Adds a row to table ``name`` created at ``at``; returns its id."""
        template = self._templates.get(name)
        if template is None:
            template = self._templates[name] = _template(table(name))
        unknown = values.keys() - template.keys()
        if unknown:
            raise KeyError(f"{name} has no column {sorted(unknown)}")
        row = dict(template)
        row.update(values)
        row_id = row["id"] if row.get("id") not in (None, _REQUIRED) else self.new_id()
        row["id"] = row_id
        row["created_at"] = at
        row["updated_at"] = at
        row["version"] = 1
        missing = [key for key, value in row.items() if value is _REQUIRED]
        if missing:
            raise ValueError(f"{name} row needs {missing}")
        self.tables.setdefault(name, []).append(row)
        self._by_id[row_id] = row
        return str(row_id)

    def get(self, row_id: str) -> dict[str, Any]:
        """The row added under ``row_id``, to amend before it is written."""
        return self._by_id[row_id]

    def update_later(self, name: str, row_id: str, /, **values: Any) -> None:
        """An update to run after every insert (for a key cycle such as party_orgs.secretary)."""
        self.updates.append((name, row_id, values))

    def count(self, name: str) -> int:
        return len(self.tables.get(name, ()))

    def rows(self, name: str) -> list[dict[str, Any]]:
        return self.tables.get(name, [])

    def __iter__(self) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        return iter(self.tables.items())
