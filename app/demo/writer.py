"""Writes the collected rows table by table (parents first) inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, bindparam, insert, update

from app.demo.rows import Rows, table
from db.base import Base

BATCH = 5000


def write_rows(connection: Connection, rows: Rows, step: Callable[[int, int], None]) -> None:
    total = sum(len(batch) for _, batch in rows) + 1
    done = 0
    for tab in Base.metadata.sorted_tables:
        batch = rows.tables.get(tab.name)
        for start in range(0, len(batch or ()), BATCH):
            assert batch is not None
            chunk = batch[start : start + BATCH]
            connection.execute(insert(tab), chunk)
            done += len(chunk)
            step(done, total)
    _run_updates(connection, rows)
    step(total, total)


def _run_updates(connection: Connection, rows: Rows) -> None:
    """Fills in keys that point forward (a party org's secretary is inserted after it).

    ``updated_at`` is passed explicitly: otherwise its ``onupdate`` would stamp the real clock
    and the demo would no longer be the same for the same seed.
    """
    groups: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
    for name, row_id, values in rows.updates:
        columns = tuple(sorted(values))
        params = {"b_id": row_id, "b_updated_at": rows.get(row_id)["updated_at"]}
        params.update({f"b_{column}": value for column, value in values.items()})
        groups.setdefault((name, columns), []).append(params)
    for (name, columns), params_list in groups.items():
        tab = table(name)
        values = {column: bindparam(f"b_{column}") for column in columns}
        values["updated_at"] = bindparam("b_updated_at")
        statement = update(tab).where(tab.c.id == bindparam("b_id")).values(values)
        connection.execute(statement, params_list)
