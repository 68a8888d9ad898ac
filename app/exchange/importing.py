"""Importing a package: all of it in one transaction, or nothing.

Idempotent and order-proof: the receiver keeps, per sender, how far it has the sender's
change log (``received_upto``); what a package repeats is skipped, and a package that starts
after a gap waits (sealed, in ``exchange_waiting``) until the missing one arrives. A change
made on the revision this site holds is applied; one made on another (both sites changed the
record since they last shared it) is a conflict: the higher revision wins on every site and
the other is kept in ``exchange_conflicts`` for a person to resolve.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from app import audit
from app.exchange.changelog import CHANGES, Revision, current_revisions, rows_by_id
from app.exchange.codec import decoded, encoded, exchanged_tables, is_local_setting
from app.exchange.held import hold
from app.exchange.packages import PACKAGE_MAGIC, Package, PackageChange, unpacked
from app.exchange.rights import require_writer
from app.exchange.sealing import header_of, unseal
from app.exchange.sites import community_site, key_of, local_site, refused
from app.i18n import QT_TRANSLATE_NOOP
from db.base import new_id, utcnow
from db.migrate import known_revisions
from db.models.exchange import (
    Conflict,
    ConflictState,
    SharedContent,
    Site,
    SiteKind,
    SiteState,
    WaitingPackage,
)
from db.models.files import AttachmentContent
from db.models.security import User

# a record replaced by the street's one of the same natural key (a setting, a holiday)
_NATURAL_KEYS = {"settings": "key", "holidays": "day"}


@dataclass
class Applied:
    """What applying changes did."""

    applied: int = 0
    duplicates: int = 0
    conflicts: int = 0
    records: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    conflicted: set[tuple[str, str]] = field(default_factory=set)

    def add(self, other: Applied) -> None:
        self.applied += other.applied
        self.duplicates += other.duplicates
        self.conflicts += other.conflicts
        for name, ids in other.records.items():
            self.records[name] |= ids
        self.conflicted |= other.conflicted


@dataclass(frozen=True)
class Imported:
    sender: str  # the sending site's name
    first_seq: int
    last_seq: int
    applied: int
    duplicates: int
    conflicts: int
    waiting: bool  # the package waits for an earlier one
    missing: tuple[int, int] | None  # the sender's sequence numbers still missing
    mismatches: tuple[str, ...]  # tables whose records do not match the manifest's count


def import_package(session: Session, data: bytes) -> Imported:
    """Imports a sealed package in the session's transaction."""
    require_writer(session)
    local = local_site(session)
    header = header_of(PACKAGE_MAGIC, data)
    sender = _sender(session, local, header)
    payload = unseal(PACKAGE_MAGIC, data, key_of(community_site(local, sender)))
    first, last = int(header.get("first", 0)), int(header.get("last", 0))  # authenticated now
    if last <= sender.received_upto:  # all here already: nothing to read, nothing written
        return Imported(sender.name, first, last, 0, 0, 0, False, _missing(session, sender), ())
    package = unpacked(payload)
    manifest = package.manifest
    if (manifest.sender, manifest.receiver, manifest.first_seq, manifest.last_seq) != (
        header.get("sender"),
        header.get("receiver"),
        first,
        last,
    ):
        raise refused(QT_TRANSLATE_NOOP("exchange", "数据包的清单与文件头不符，没有导入。"))
    if manifest.schema not in _known_revisions():
        raise refused(
            QT_TRANSLATE_NOOP(
                "exchange",
                "数据包来自更新版本的共建台（数据库版本 {schema}），请先升级本机的程序再导入。",
            ),
            schema=manifest.schema,
        )
    connection = session.connection()
    defer_foreign_keys(connection)
    if manifest.ack > sender.acked_upto:
        sender.acked_upto = manifest.ack
    result = Applied()
    waiting = False
    if manifest.first_seq > sender.received_upto + 1:
        waiting = _wait(session, sender, manifest.first_seq, manifest.last_seq, data)
    else:
        result.add(_apply_package(connection, local, sender, package))
        result.add(_apply_waiting(session, local, sender))
    mismatches = _mismatches(connection, package, result) if result.records else ()
    missing = _missing(session, sender)
    audit.event_entry(
        session,
        "exchange_import",
        entity="exchange_sites",
        entity_id=sender.id,
        detail={
            "first": manifest.first_seq,
            "last": manifest.last_seq,
            "applied": result.applied,
            "conflicts": result.conflicts,
            "waiting": waiting,
        },
    )
    return Imported(
        sender.name,
        manifest.first_seq,
        manifest.last_seq,
        result.applied,
        result.duplicates,
        result.conflicts,
        waiting,
        missing,
        mismatches,
    )


def apply_changes(
    connection: Connection,
    local: Site,
    sender: Site,
    changes: list[PackageChange],
    contents: dict[str, bytes],
) -> Applied:
    """Applies ``changes`` in order (the caller has checked they are due)."""
    _store_contents(connection, sender, contents)
    tables = exchanged_tables()
    by_table: dict[str, set[str]] = defaultdict(set)
    for change in changes:
        by_table[change.table].add(change.record_id)
    state = _State(connection, tables, by_table, local)
    result = Applied()
    for change in changes:
        if change.table in tables and not (
            change.table == "settings" and is_local_setting(change.values)
        ):
            state.apply(change, result)
    state.write_rows()
    if state.log:
        connection.execute(insert(CHANGES), state.log)
    return result


class _State:
    """The revisions and rows of the records a run of changes touches, kept current."""

    def __init__(
        self,
        connection: Connection,
        tables: dict[str, Table],
        by_table: dict[str, set[str]],
        local: Site,
    ) -> None:
        self.connection = connection
        self.tables = tables
        self.street_id = _street_id(connection, local)
        self.revisions: dict[tuple[str, str], Revision | None] = {}
        self.rows: dict[tuple[str, str], dict[str, Any] | None] = {}
        for name, ids in by_table.items():
            if name not in tables:
                continue
            rows = rows_by_id(connection, tables[name], ids)
            known = current_revisions(connection, name, ids)
            for record_id in ids:
                row = rows.get(record_id)
                self.rows[name, record_id] = dict(row) if row is not None else None
                if record_id in known:
                    self.revisions[name, record_id] = known[record_id][0]
                elif row is not None:
                    self.revisions[name, record_id] = Revision(row["version"], self.street_id)
                else:
                    self.revisions[name, record_id] = None
        self.log: list[dict[str, Any]] = []
        self.users: set[str] | None = None
        self.touched: dict[tuple[str, str], bool] = {}  # record → it existed before

    def apply(self, change: PackageChange, result: Applied) -> None:
        key = (change.table, change.record_id)
        incoming = Revision(change.version, change.origin)
        local = self.revisions[key]
        if local == incoming:
            result.duplicates += 1
            return
        result.records[change.table].add(change.record_id)
        base = (
            Revision(change.base_version, change.base_site)
            if change.base_version is not None and change.base_site is not None
            else None
        )
        if local is None or local == base:
            self._write(change, local)
            result.applied += 1
        elif change.operation == "create" and base is None:
            result.duplicates += 1  # a record sent whole again (it entered the scope): here
            return
        else:
            winner = max(local, incoming)
            self._keep_conflict(change, local, incoming, winner)
            if winner == incoming:
                self._write(change, local)
            result.conflicts += 1
            result.conflicted.add(key)
        if change.resolves:
            self._close_conflicts(change)

    def _write(self, change: PackageChange, before: Revision | None) -> None:
        key = (change.table, change.record_id)
        table = self.tables[change.table]
        exists = self.rows[key] is not None
        self.touched.setdefault(key, exists)
        if change.operation == "delete" or change.values is None:
            self.rows[key] = None
        else:
            row = {**decoded(table, change.values), "version": change.version}
            self._drop_unknown_users(table, row)
            if not exists:
                self._free_natural_key(change.table, table, row)
            self.rows[key] = {**(self.rows[key] or {}), **row}
        self.revisions[key] = Revision(change.version, change.origin)
        self.log.append(
            {
                "table_name": change.table,
                "record_id": change.record_id,
                "operation": change.operation,
                "version": change.version,
                "origin_site_id": change.origin,
                "base_version": before.version if before else None,
                "base_site_id": before.site_id if before else None,
                "resolves": change.resolves,
                "values": change.values,
                "at": utcnow(),
            }
        )

    def write_rows(self) -> None:
        """Writes each touched record's final state: one statement per table and kind
        (executemany), parents' tables first, deletions last."""
        batches: dict[tuple[str, str, tuple[str, ...]], list[dict[str, Any]]] = defaultdict(list)
        for (name, record_id), existed in self.touched.items():
            row = self.rows[name, record_id]
            if row is None:
                if existed:
                    batches["delete", name, ()].append({"record_id": record_id})
            elif existed:
                batches["update", name, tuple(sorted(row))].append({**row, "record_id": record_id})
            else:
                batches["insert", name, tuple(sorted(row))].append(row)
        order = {name: index for index, name in enumerate(self.tables)}
        for kind, name, _keys in sorted(
            batches, key=lambda b: (b[0] == "delete", order[b[1]] * (-1 if b[0] == "delete" else 1))
        ):
            table = self.tables[name]
            rows = batches[kind, name, _keys]
            if kind == "insert":
                self.connection.execute(insert(table), rows)
            elif kind == "update":
                where = table.c.id == bindparam("record_id")
                self.connection.execute(update(table).where(where), rows)
            else:
                where = table.c.id == bindparam("record_id")
                self.connection.execute(delete(table).where(where), rows)
        self.touched.clear()

    def _drop_unknown_users(self, table: Table, row: dict[str, Any]) -> None:
        """Accounts are each site's own: who made a journal entry elsewhere is not a user
        here (the entry's text still names them)."""
        for fk in table.foreign_keys:
            if fk.column.table.name == "users" and row.get(fk.parent.name) is not None:
                if self.users is None:
                    self.users = set(self.connection.scalars(select(User.id)))
                if row[fk.parent.name] not in self.users:
                    row[fk.parent.name] = None

    def _free_natural_key(self, name: str, table: Table, row: dict[str, Any]) -> None:
        column = _NATURAL_KEYS.get(name)
        if column is not None and column in row:
            self.connection.execute(
                delete(table).where(table.c[column] == row[column], table.c.id != row["id"])
            )

    def _keep_conflict(
        self, change: PackageChange, local: Revision, incoming: Revision, winner: Revision
    ) -> None:
        table = self.tables[change.table]
        row = self.rows[change.table, change.record_id]
        here = encoded(table, row) if row is not None else None
        there = None if change.operation == "delete" else change.values
        loser = local if winner == incoming else incoming
        now = utcnow()
        self.connection.execute(
            insert(cast(Table, Conflict.__table__)).values(
                id=new_id(),
                created_at=now,
                updated_at=now,
                version=1,
                table_name=change.table,
                record_id=change.record_id,
                state=ConflictState.OPEN,
                winner_version=winner.version,
                winner_site_id=winner.site_id,
                winner=there if winner == incoming else here,
                loser_version=loser.version,
                loser_site_id=loser.site_id,
                loser=here if winner == incoming else there,
                detected_at=now,
                resolution="",
            )
        )

    def _close_conflicts(self, change: PackageChange) -> None:
        self.connection.execute(
            update(cast(Table, Conflict.__table__))
            .where(
                Conflict.table_name == change.table,
                Conflict.record_id == change.record_id,
                Conflict.state == ConflictState.OPEN,
            )
            .values(state=ConflictState.RESOLVED, resolved_at=utcnow(), resolution="elsewhere")
        )


@functools.cache
def _known_revisions() -> set[str]:
    """The schema revisions this program knows (read from the migration scripts once)."""
    return known_revisions()


def _street_id(connection: Connection, local: Site) -> str:
    if local.kind is SiteKind.STREET:
        return local.id
    return str(connection.scalar(select(Site.id).where(Site.kind == SiteKind.STREET)))


def _sender(session: Session, local: Site, header: dict[str, Any]) -> Site:
    if header.get("receiver") != local.id:
        raise refused(
            QT_TRANSLATE_NOOP(
                "exchange", "这个数据包是发给另一个站点的，不是发给本站点（{site}）的，没有导入。"
            ),
            site=local.name,
        )
    sender = session.get(Site, str(header.get("sender")))
    if sender is None or sender.is_local or sender.kind is local.kind:
        raise refused(QT_TRANSLATE_NOOP("exchange", "数据包来自本站点不认识的站点，没有导入。"))
    if sender.state is SiteState.REVOKED:
        raise refused(
            QT_TRANSLATE_NOOP("exchange", "站点“{site}”已被吊销，它的数据包一律拒收。"),
            site=sender.name,
        )
    if sender.state is SiteState.RETIRED:
        raise refused(
            QT_TRANSLATE_NOOP("exchange", "站点“{site}”已停用，不再接收它的数据包。"),
            site=sender.name,
        )
    return sender


def _apply_package(connection: Connection, local: Site, sender: Site, package: Package) -> Applied:
    due = [c for c in package.changes if c.seq > sender.received_upto]
    result = apply_changes(connection, local, sender, due, package.contents)
    if local.kind is SiteKind.STREET:  # what a community sends, it holds
        made_there = ((c.table, c.record_id) for c in due if c.operation != "delete")
        hold(connection, sender.id, made_there, 0)
    sender.received_upto = package.manifest.last_seq
    sender.last_received_at = utcnow()
    return result


def _apply_waiting(session: Session, local: Site, sender: Site) -> Applied:
    """Applies the waiting packages the gap no longer holds back, in order."""
    result = Applied()
    while True:
        waiting = session.scalars(
            select(WaitingPackage)
            .where(WaitingPackage.sender_id == sender.id)
            .order_by(WaitingPackage.first_seq)
        ).all()
        due = [w for w in waiting if w.first_seq <= sender.received_upto + 1]
        if not due:
            return result
        for package in due:
            if package.last_seq > sender.received_upto:
                key = key_of(community_site(local, sender))
                content = unpacked(unseal(PACKAGE_MAGIC, package.data, key))
                result.add(_apply_package(session.connection(), local, sender, content))
            session.delete(package)
        session.flush()


def _wait(session: Session, sender: Site, first: int, last: int, data: bytes) -> bool:
    known = session.scalar(
        select(WaitingPackage.id).where(
            WaitingPackage.sender_id == sender.id,
            WaitingPackage.first_seq == first,
            WaitingPackage.last_seq == last,
        )
    )
    if known is None:
        session.add(WaitingPackage(sender_id=sender.id, first_seq=first, last_seq=last, data=data))
        session.flush()
    return True


def missing_range(session: Session, sender: Site) -> tuple[int, int] | None:
    return _missing(session, sender)


def _missing(session: Session, sender: Site) -> tuple[int, int] | None:
    """The sender's sequence numbers between what is here and the first waiting package."""
    first = session.scalar(
        select(WaitingPackage.first_seq)
        .where(WaitingPackage.sender_id == sender.id)
        .order_by(WaitingPackage.first_seq)
        .limit(1)
    )
    if first is None or first <= sender.received_upto + 1:
        return None
    return (sender.received_upto + 1, first - 1)


def _store_contents(connection: Connection, sender: Site, contents: dict[str, bytes]) -> None:
    if not contents:
        return
    here = set(
        connection.scalars(
            select(AttachmentContent.sha256).where(AttachmentContent.sha256.in_(list(contents)))
        )
    )
    now = utcnow()
    new = [
        {"sha256": sha, "size": len(data), "data": data, "created_at": now}
        for sha, data in contents.items()
        if sha not in here
    ]
    if new:
        connection.execute(insert(cast(Table, AttachmentContent.__table__)), new)
    known = set(
        connection.scalars(
            select(SharedContent.sha256).where(
                SharedContent.site_id == sender.id, SharedContent.sha256.in_(list(contents))
            )
        )
    )
    if fresh := [s for s in contents if s not in known]:
        connection.execute(
            insert(cast(Table, SharedContent.__table__)),
            [{"site_id": sender.id, "sha256": s} for s in fresh],
        )


def _mismatches(connection: Connection, package: Package, result: Applied) -> tuple[str, ...]:
    """Tables where a record the package brings (and did not delete) is not here."""
    tables = exchanged_tables()
    expected: dict[str, set[str]] = defaultdict(set)
    for change in package.changes:
        if change.table not in tables or (change.table, change.record_id) in result.conflicted:
            continue
        if change.operation == "delete":
            expected[change.table].discard(change.record_id)
        else:
            expected[change.table].add(change.record_id)
    wrong = []
    for name, ids in expected.items():
        present = rows_by_id(connection, tables[name], ids)
        if len(present) != len(ids):
            wrong.append(f"{name}: {len(present)}/{len(ids)}")
    return tuple(wrong)


def defer_foreign_keys(connection: Connection) -> None:
    """On SQLite, foreign keys are checked at the commit: a package's rows may come in any
    order within it."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
