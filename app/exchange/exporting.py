"""Writing a package for a site: this site's change log since what the receiver has (or has
acknowledged, to send again what was lost), cut to what the receiver may hold; from the
street, also the records that entered the community's scope whole, and a last change of
those that left it (app/exchange/held.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Table, func, insert, select
from sqlalchemy.orm import Session

from app.exchange.changelog import Revision, current_revisions, rows_by_id
from app.exchange.codec import encoded, exchanged_tables
from app.exchange.held import Key, held_records, hold, knows_nothing, let_go
from app.exchange.packages import PACKAGE_MAGIC, Manifest, PackageChange, packed
from app.exchange.rights import require_writer
from app.exchange.scope import STREET_TABLES, Scope, community_scope, masked_values
from app.exchange.sealing import seal
from app.exchange.sites import community_site, key_of, linked_site, local_site, record_sent
from db.base import utcnow
from db.models.exchange import Change, SharedContent, Site, SiteKind
from db.models.files import AttachmentContent
from db.revision import HEAD_REVISION


@dataclass(frozen=True)
class Exported:
    data: bytes
    receiver: str  # the receiving site's name
    first_seq: int
    last_seq: int
    changes: int
    contents: int
    withheld: int  # changes outside what may be sent (a community's edit of a reference)


def export_package(session: Session, site: str, *, resend: bool = False) -> Exported:
    """A sealed package for ``site`` (its id, code or name); ``resend`` starts again after
    what the receiver acknowledged, for a package that was lost."""
    require_writer(session)
    local = local_site(session)
    receiver = linked_site(session, local, site)
    connection = session.connection()
    first = (receiver.acked_upto if resend else receiver.sent_upto) + 1
    last = max(first - 1, head_seq(connection))
    community = community_site(local, receiver)
    assert community.community_id is not None
    scope = community_scope(connection, community.community_id)
    held = _held(connection, receiver, scope, first - 1) if local.kind is SiteKind.STREET else None
    rows = connection.execute(
        select(Change).where(Change.seq >= first, Change.seq <= last).order_by(Change.seq)
    ).mappings()
    changes: list[PackageChange] = []
    withheld = 0
    leaving: set[Key] = set()
    for row in rows:
        change = _outgoing(row, local, receiver, scope)
        key = (row["table_name"], row["record_id"])
        if change is None and held is not None and key in held:
            if row["origin_site_id"] != receiver.id and row["operation"] != "delete":
                # out of the scope now: this last change, then nothing; it belongs to
                # another community, so it goes without its residents' personal data
                leaving.add(key)
                change = _as_sent(row, masked_values(row["table_name"], row["values"]))
        if change is None:
            withheld += row["origin_site_id"] == local.id and local.kind is SiteKind.COMMUNITY
        else:
            changes.append(change)
    if held is not None and last >= first:
        sent = {(c.table, c.record_id) for c in changes}
        entering = {key for key in _keys(scope) if key not in held and key not in sent}
        changes[:0] = snapshot(connection, scope, local.id, only=entering, seq=last)
        hold(connection, receiver.id, (sent | entering) - leaving, last)
        let_go(connection, receiver.id, leaving)
    contents = contents_for(connection, receiver, changes, resend=resend)
    manifest = _manifest(local, receiver, first, last)
    data = seal(
        PACKAGE_MAGIC, _header(manifest), key_of(community), packed(manifest, changes, contents)
    )
    detail = {"first": first, "last": last, "changes": len(changes), "resend": resend}
    record_sent(session, receiver, last, "exchange_export", detail)
    return Exported(data, receiver.name, first, last, len(changes), len(contents), withheld)


def snapshot(
    connection: Connection,
    scope: Scope,
    street_id: str,
    *,
    only: set[Key] | None = None,
    seq: int = 0,
) -> list[PackageChange]:
    """Every record ``scope`` holds (or those of them in ``only``), whole, as it is now: what
    an enrolment file starts a site with, and what a package adds for records that entered
    the scope (``seq``: the package's last, so the receiver takes them as due)."""
    changes: list[PackageChange] = []
    for name, table in exchanged_tables().items():
        ids = scope.full.get(name, set()) | scope.masked.get(name, set())
        if only is not None:
            ids = {record_id for record_id in ids if (name, record_id) in only}
        revisions = current_revisions(connection, name, ids)
        rows = rows_by_id(connection, table, ids)
        for record_id in sorted(ids, key=lambda i: _created(rows[i])):
            values = encoded(table, rows[record_id])
            if scope.is_masked(name, record_id):
                values = masked_values(name, values)
            known = revisions.get(record_id)
            revision = known[0] if known else Revision(rows[record_id]["version"], street_id)
            changes.append(
                PackageChange(
                    seq,
                    name,
                    record_id,
                    "create",
                    revision.version,
                    revision.site_id,
                    None,
                    None,
                    False,
                    values,
                )
            )
    return changes


def _held(connection: Connection, receiver: Site, scope: Scope, upto: int) -> set[Key]:
    """What the receiver holds once it has our packages up to ``upto``; for a site enrolled
    before this was kept, what its scope holds now (taken as sent, nothing sent again)."""
    if knows_nothing(connection, receiver.id) and receiver.sent_upto > 0:
        hold(connection, receiver.id, _keys(scope), 0)
    return held_records(connection, receiver.id, upto)


def _keys(scope: Scope) -> set[Key]:
    return {
        (name, record_id)
        for part in (scope.full, scope.masked)
        for name, ids in part.items()
        for record_id in ids
    }


def head_seq(connection: Connection) -> int:
    return int(connection.scalar(select(func.coalesce(func.max(Change.seq), 0))) or 0)


def _created(row: Any) -> Any:
    return row["created_at"]


def _outgoing(row: Any, local: Site, receiver: Site, scope: Scope) -> PackageChange | None:
    table, record_id, values = row["table_name"], row["record_id"], row["values"]
    if row["origin_site_id"] == receiver.id:
        return None  # the receiver made it
    if local.kind is SiteKind.COMMUNITY:
        if row["origin_site_id"] != local.id or table in STREET_TABLES:
            return None
        if row["operation"] != "delete" and not scope.owns(table, record_id):
            return None
    elif row["operation"] != "delete":
        if not scope.holds(table, record_id):
            return None
        if scope.is_masked(table, record_id):
            values = masked_values(table, values)
    return _as_sent(row, values)


def _as_sent(row: Any, values: Any) -> PackageChange:
    return PackageChange(
        row["seq"],
        row["table_name"],
        row["record_id"],
        row["operation"],
        row["version"],
        row["origin_site_id"],
        row["base_version"],
        row["base_site_id"],
        row["resolves"],
        values,
    )


def contents_for(
    connection: Connection, receiver: Site, changes: list[PackageChange], *, resend: bool
) -> dict[str, bytes]:
    """The contents of the package's attachments the receiver is not known to hold (all of
    them again when a lost package is sent again)."""
    wanted = {
        c.values["sha256"]
        for c in changes
        if c.table == "attachments" and c.values and c.values.get("sha256")
    }
    if not wanted:
        return {}
    held = (
        set()
        if resend
        else set(
            connection.scalars(
                select(SharedContent.sha256).where(
                    SharedContent.site_id == receiver.id, SharedContent.sha256.in_(wanted)
                )
            )
        )
    )
    rows = connection.execute(
        select(AttachmentContent.sha256, AttachmentContent.data).where(
            AttachmentContent.sha256.in_(wanted - held), AttachmentContent.data.is_not(None)
        )
    )
    contents = {row.sha256: bytes(row.data) for row in rows}
    if new := [sha256 for sha256 in contents if sha256 not in held]:
        connection.execute(
            insert(cast(Table, SharedContent.__table__)),
            [{"site_id": receiver.id, "sha256": sha256} for sha256 in new],
        )
    return contents


def _manifest(local: Site, receiver: Site, first: int, last: int) -> Manifest:
    return Manifest(
        sender=local.id,
        receiver=receiver.id,
        first_seq=first,
        last_seq=last,
        ack=receiver.received_upto,
        schema=HEAD_REVISION,
        created_at=utcnow().isoformat(),
    )


def _header(manifest: Manifest) -> dict[str, Any]:
    return {
        "sender": manifest.sender,
        "receiver": manifest.receiver,
        "first": manifest.first_seq,
        "last": manifest.last_seq,
    }
