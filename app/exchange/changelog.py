"""The change log: every write to a record that travels adds a row, in the same transaction.

Caught in one place, like the audit chain: after each flush of any session, and for the bulk
INSERTs an import runs through a session. The log is kept only once the database takes part
in an exchange (it has a site of its own); before that the enrolment file carries everything.
A record's revision is (version, site): the log's newest row for it, or for a record older
than the log, its version made at the street office.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple, cast

from sqlalchemy import Connection, Table, event, insert, select
from sqlalchemy.orm import ORMExecuteState, Session

from app.exchange.codec import encoded, exchanged_tables, is_local_setting, travels
from db.base import Entity, utcnow
from db.models.exchange import Change, Site, SiteKind

RESOLVING = "exchange_resolving"  # session.info key: records whose conflicts a write ends
_CHUNK = 500
CHANGES = cast(Table, Change.__table__)


class Revision(NamedTuple):
    version: int
    site_id: str


class SiteIds(NamedTuple):
    local: str
    street: str


def site_ids(connection: Connection) -> SiteIds | None:
    """This database's site and the street office's, or None outside any exchange."""
    rows = connection.execute(
        select(Site.id, Site.kind, Site.is_local).where(
            (Site.is_local.is_(True)) | (Site.kind == SiteKind.STREET)
        )
    ).all()
    local = next((row.id for row in rows if row.is_local), None)
    street = next((row.id for row in rows if row.kind == SiteKind.STREET), None)
    return SiteIds(local, street) if local and street else None


def current_revisions(
    connection: Connection, table_name: str, ids: Iterable[str]
) -> dict[str, tuple[Revision, str]]:
    """The newest logged (revision, operation) of each record that has one."""
    result: dict[str, tuple[Revision, str]] = {}
    id_list = list(ids)
    for start in range(0, len(id_list), _CHUNK):
        rows = connection.execute(
            select(Change.record_id, Change.version, Change.origin_site_id, Change.operation)
            .where(Change.table_name == table_name)
            .where(Change.record_id.in_(id_list[start : start + _CHUNK]))
            .order_by(Change.seq)
        )
        for row in rows:
            result[row.record_id] = (Revision(row.version, row.origin_site_id), row.operation)
    return result


def rows_by_id(connection: Connection, table: Table, ids: Iterable[str]) -> dict[str, Any]:
    id_list = list(ids)
    found: dict[str, Any] = {}
    for start in range(0, len(id_list), _CHUNK):
        chunk = id_list[start : start + _CHUNK]
        for row in connection.execute(select(table).where(table.c.id.in_(chunk))).mappings():
            found[row["id"]] = row
    return found


def log_writes(
    connection: Connection,
    touched: Mapping[str, Mapping[str, str]],
    *,
    resolving: frozenset[tuple[str, str]] = frozenset(),
) -> None:
    """Logs the records in ``touched`` (table → id → operation) as this site's changes."""
    sites = site_ids(connection)
    if sites is None:
        return
    tables = exchanged_tables()
    rows: list[dict[str, Any]] = []
    now = utcnow()
    for name in sorted(touched, key=list(tables).index):
        table, operations = tables[name], touched[name]
        current = rows_by_id(connection, table, operations)
        known = current_revisions(connection, name, operations)
        for record_id, operation in operations.items():
            row = current.get(record_id)
            if operation != "delete" and row is None:
                continue  # written and deleted in one transaction
            values = None if row is None or operation == "delete" else encoded(table, row)
            if name == "settings" and is_local_setting(values):
                continue
            base = known[record_id][0] if record_id in known else None
            version = _version(operation, row, base)
            if base is None and operation != "create":
                base = Revision(version - 1, sites.street)
            rows.append(
                {
                    "table_name": name,
                    "record_id": record_id,
                    "operation": operation,
                    "version": version,
                    "origin_site_id": sites.local,
                    "base_version": base.version if base else None,
                    "base_site_id": base.site_id if base else None,
                    "resolves": (name, record_id) in resolving,
                    "values": values,
                    "at": now,
                }
            )
    if rows:
        connection.execute(insert(CHANGES), rows)


def _version(operation: str, row: Any, base: Revision | None) -> int:
    if row is not None:
        return int(row["version"])
    return (base.version if base else 0) + 1  # a deletion is one version more


@event.listens_for(Session, "after_flush")
def _log_flush(session: Session, _context: Any) -> None:
    touched: dict[str, dict[str, str]] = {}

    def note(obj: object, operation: str) -> None:
        if isinstance(obj, Entity) and travels(cast(Table, obj.__table__)):
            operations = touched.setdefault(obj.__tablename__, {})
            if operations.get(obj.id) != "create":
                operations[obj.id] = operation

    for obj in session.new:
        note(obj, "create")
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            note(obj, "update")
    for obj in session.deleted:
        note(obj, "delete")
    if touched:
        resolving = frozenset(session.info.get(RESOLVING, ()))
        log_writes(session.connection(), touched, resolving=resolving)


@event.listens_for(Session, "do_orm_execute")
def _log_bulk_insert(state: ORMExecuteState) -> Any:
    """An INSERT of many rows run through a session (an import) is logged like a flush."""
    if not state.is_insert:
        return None
    table = getattr(state.statement, "table", None)
    if not isinstance(table, Table) or not travels(table):
        return None
    result = state.invoke_statement()
    params: Any = state.parameters
    rows: Sequence[Mapping[str, Any]] = (
        params if isinstance(params, list) else [params] if params else []
    )
    ids = [row["id"] for row in rows if "id" in row]
    if ids:
        log_writes(state.session.connection(), {table.name: dict.fromkeys(ids, "create")})
    return result
