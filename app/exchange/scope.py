"""What a community centre holds: the records of its scope in full, and the records they
refer to that lie outside it, with residents' personal data taken out.

The street sends a community the shared directory (org tree, resident units, party
organisations, compounds, categories, calendar, settings), the people of that community, its
issues and those dispatched to it (a dispatch it has not had returned), with their dispatches
and journals, the meetings it hosts or its people or resident units attend, the
agreements it is a party to, its member registrations and list entries, and secondments
hosted there. A record outside that but referred to (a chair from another community, an
issue an action item names) travels as a reference: its personal fields empty, and a change
a community makes to it is not sent back. A community sends only records in its scope, and
none of the street's own tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, select

from app.exchange.codec import exchanged_tables, is_local_setting
from app.personal_data import PERSONAL_FIELDS

# the street's tables: every community receives all of them and sends none back
STREET_TABLES = frozenset(
    {
        *("org_units", "resident_units", "party_orgs", "compounds"),
        *("issue_categories", "holidays", "settings"),
    }
)
# besides PERSONAL_FIELDS: a resident's name on another community's issue, notes on people
_ALSO_PERSONAL: Mapping[str, tuple[str, ...]] = {
    "issues": ("reporter_name",),
    "people": ("note",),
}
# child table → (column naming its parent, parent table): children follow their parent
_CHILDREN: tuple[tuple[str, str, str], ...] = (
    ("dispatches", "issue_id", "issues"),
    ("issue_events", "issue_id", "issues"),
    ("follow_ups", "issue_id", "issues"),
    ("issue_links", "issue_id", "issues"),
    ("attendances", "meeting_id", "meetings"),
    ("agenda_items", "meeting_id", "meetings"),
    ("decisions", "agenda_item_id", "agenda_items"),
    ("action_items", "decision_id", "decisions"),
    ("agreement_parties", "agreement_id", "agreements"),
    ("commitments", "agreement_id", "agreements"),
    ("fulfilment_records", "agreement_id", "agreements"),
    ("service_records", "registration_id", "member_registrations"),
    ("work_logs", "posting_id", "postings"),
    ("evaluations", "posting_id", "postings"),
    ("attachments", "issue_id", "issues"),
    ("attachments", "meeting_id", "meetings"),
    ("attachments", "agreement_id", "agreements"),
    ("attachments", "fulfilment_id", "fulfilment_records"),
)


@dataclass
class Scope:
    """Record ids per table: ``full`` travel as they are, ``masked`` without personal data."""

    full: dict[str, set[str]] = field(default_factory=dict)
    masked: dict[str, set[str]] = field(default_factory=dict)

    def holds(self, table: str, record_id: str) -> bool:
        return record_id in self.full.get(table, ()) or record_id in self.masked.get(table, ())

    def is_masked(self, table: str, record_id: str) -> bool:
        return record_id in self.masked.get(table, ())

    def owns(self, table: str, record_id: str) -> bool:
        """A record the community may send: in full scope, not one of the street's tables."""
        return table not in STREET_TABLES and record_id in self.full.get(table, ())


def community_scope(connection: Connection, community_id: str) -> Scope:
    tables = exchanged_tables()
    units = _subtree(connection, tables["org_units"], community_id)
    scope = Scope()
    full = scope.full
    for name in STREET_TABLES:
        full[name] = _ids(connection, tables[name])
    full["settings"] = {
        row.id
        for row in connection.execute(select(tables["settings"].c.id, tables["settings"].c.key))
        if not is_local_setting({"key": row.key})
    }
    people = _ids_where(connection, tables["people"], "org_unit_id", units)
    full["people"] = people
    full["issues"] = _ids_where(connection, tables["issues"], "community_id", units)
    full["issues"] |= _ids_where(connection, tables["issues"], "grid_id", units)
    full["issues"] |= _dispatched_to(connection, tables["dispatches"], units)
    full["meetings"] = _ids_where(connection, tables["meetings"], "host_org_unit_id", units)
    attendances = tables["attendances"]
    full["meetings"] |= _column_where(
        connection, attendances, "meeting_id", attendances.c.person_id, people
    )
    resident_units = _ids_where(connection, tables["resident_units"], "org_unit_id", units)
    full["meetings"] |= _column_where(
        connection, attendances, "meeting_id", attendances.c.resident_unit_id, resident_units
    )
    parties = tables["agreement_parties"]
    full["agreements"] = _column_where(
        connection, parties, "agreement_id", parties.c.org_unit_id, units
    )
    full["member_registrations"] = _ids_where(
        connection, tables["member_registrations"], "community_id", units
    )
    full["list_entries"] = _ids_where(
        connection, tables["list_entries"], "raised_by_org_unit_id", units
    ) | _ids_where(connection, tables["list_entries"], "claimed_by_org_unit_id", units)
    full["postings"] = _ids_where(connection, tables["postings"], "host_org_unit_id", units)
    for child, column, parent in _CHILDREN:
        found = _ids_where(connection, tables[child], column, full.get(parent, set()))
        full.setdefault(child, set()).update(found)
    _add_references(connection, tables, scope)
    for name in ("people", "resident_units"):
        outside = _outside_units(connection, tables[name], full[name], units)
        full[name] -= outside
        scope.masked.setdefault(name, set()).update(outside)
    return scope


def masked_values(table: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """A record's values without its personal data (None for a unique ID number)."""
    result = dict(values)
    for name in (*PERSONAL_FIELDS.get(table, {}), *_ALSO_PERSONAL.get(table, ())):
        if name in result:
            result[name] = None if name == "id_number" else ""
    return result


def _add_references(connection: Connection, tables: Mapping[str, Table], scope: Scope) -> None:
    """Adds, as masked references, every record a held record refers to (to a fixpoint)."""
    new: dict[str, set[str]] = {name: set(ids) for name, ids in scope.full.items()}
    while new:
        found: dict[str, set[str]] = {}
        for name, ids in new.items():
            if not ids:
                continue
            table = tables[name]
            for fk in table.foreign_keys:
                target = fk.column.table.name
                if target not in tables or target in STREET_TABLES:
                    continue
                for value in _column_where(connection, table, fk.parent.name, table.c.id, ids):
                    if value is not None and not scope.holds(target, value):
                        scope.masked.setdefault(target, set()).add(value)
                        found.setdefault(target, set()).add(value)
        new = found


def _dispatched_to(connection: Connection, dispatches: Table, units: set[str]) -> set[str]:
    """Issues with a dispatch to one of ``units`` that was not returned."""
    kept = dispatches.c.status != "returned"
    return _column_where(connection, dispatches, "issue_id", dispatches.c.org_unit_id, units, kept)


def _outside_units(
    connection: Connection, table: Table, ids: set[str], units: set[str]
) -> set[str]:
    """Of ``ids`` (people or resident units), those not registered in the community."""
    inside = _ids_where(connection, table, "org_unit_id", units)
    return ids - inside


def _subtree(connection: Connection, org_units: Table, root: str) -> set[str]:
    children: dict[str, list[str]] = {}
    for row in connection.execute(select(org_units.c.id, org_units.c.parent_id)):
        children.setdefault(row.parent_id, []).append(row.id)
    found, todo = {root}, [root]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _ids(connection: Connection, table: Table) -> set[str]:
    return set(connection.scalars(select(table.c.id)))


def _ids_where(connection: Connection, table: Table, column: str, values: set[str]) -> set[str]:
    return _column_where(connection, table, "id", table.c[column], values)


def _column_where(
    connection: Connection,
    table: Table,
    wanted: str,
    key: Any,
    values: Iterable[str],
    *also: Any,
) -> set[Any]:
    """``wanted`` of the rows whose ``key`` is one of ``values`` and that meet ``also``
    (asked in chunks)."""
    value_list = list(values)
    result: set[Any] = set()
    for start in range(0, len(value_list), 500):
        chunk = value_list[start : start + 500]
        stmt = select(table.c[wanted]).where(key.in_(chunk), *also)
        result.update(connection.scalars(stmt))
    return result
