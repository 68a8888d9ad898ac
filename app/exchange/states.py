"""Each record's exchange state in the lists: a change made here not yet sent, sent (and
whether the other site has said it has it), or in conflict.

Read for a page of ids in one statement from the change log, the sites' counters and the
conflicts: a change made here is *sent* once a package for a site it concerns was written
past it (``sent_upto``), and *delivered* once that site's next package acknowledged it
(``acked_upto``). The sites a record concerns: for a community, the street; for the
street, the communities that hold it (``exchange_held``) or whose community it belongs to
(an issue's community, a meeting's or a secondment's host, an agreement's party), for a
record not sent anywhere yet.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, false, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from app.exchange.held import HELD
from db.base import Base
from db.models.exchange import Change, Conflict, ConflictState, Site, SiteKind, SiteState


class ExchangeState(IntEnum):
    """Ordered: a record shows the most pressing state among the sites it concerns."""

    DELIVERED = 1  # 已送达: the site acknowledged it
    SENT = 2  # 已发出: in a package, not yet acknowledged
    UNSENT = 3  # 未发送: a change made here after the last package
    CONFLICT = 4  # 有冲突: waiting in the conflict inbox


@dataclass(frozen=True)
class RecordExchange:
    state: ExchangeState
    sites: tuple[str, ...]  # the names of the sites in that state, in code order


# a record's own community: table → its column naming an org unit
_HOME_COLUMNS = {
    "issues": "community_id",
    "meetings": "host_org_unit_id",
    "postings": "host_org_unit_id",
}
_HOME_VIA = {  # or a child's: table → (child table, its parent column, its org unit column)
    "agreements": ("agreement_parties", "agreement_id", "org_unit_id"),
}


def takes_part(session: Session) -> bool:
    """Whether this database exchanges with another site (else the lists show nothing)."""
    local = session.scalar(select(Site.id).where(Site.is_local.is_(True)))
    if local is None:
        return False
    other = session.scalar(select(Site.id).where(Site.is_local.is_(False)).limit(1))
    return other is not None


def record_states(session: Session, table: str, ids: Sequence[str]) -> dict[str, RecordExchange]:
    """The exchange state of each of ``ids`` (records of ``table``) that has one."""
    if not ids:
        return {}
    local = select(Site.id).where(Site.is_local.is_(True)).scalar_subquery()
    peer = aliased(Site, name="peer")
    changed = (
        select(
            Change.record_id.label("record_id"),
            peer.name.label("site"),
            peer.code.label("code"),
            func.max(Change.seq).label("last"),
            peer.sent_upto.label("sent"),
            peer.acked_upto.label("acked"),
        )
        .join(peer, _concerns(peer, table, Change.record_id))
        .where(Change.table_name == table, Change.record_id.in_(list(ids)))
        .where(Change.origin_site_id == local)
        .group_by(Change.record_id, peer.id, peer.name, peer.code, peer.sent_upto)
        .group_by(peer.acked_upto)
    )
    other = aliased(Site, name="other")
    conflicted = (
        select(
            Conflict.record_id,
            other.name,
            other.code,
            literal(-1),
            literal(0),
            literal(0),
        )
        .join(
            other,
            and_(
                other.id.in_([Conflict.winner_site_id, Conflict.loser_site_id]),
                other.is_local.is_(False),
            ),
        )
        .where(Conflict.table_name == table, Conflict.record_id.in_(list(ids)))
        .where(Conflict.state == ConflictState.OPEN)
    )
    found: dict[str, dict[ExchangeState, list[tuple[str, str]]]] = {}
    for row in session.execute(changed.union_all(conflicted)):
        state = _state(row.last, row.sent, row.acked)
        found.setdefault(row.record_id, {}).setdefault(state, []).append((row.code, row.site))
    result: dict[str, RecordExchange] = {}
    for record_id, states in found.items():
        worst = max(states)
        names = tuple(dict.fromkeys(name for _code, name in sorted(states[worst])))
        result[record_id] = RecordExchange(worst, names)
    return result


def state_condition(table: str, record_id: Any, wanted: ExchangeState) -> ColumnElement[bool]:
    """Records in ``wanted`` for some site (UNSENT or CONFLICT): a list's filter."""
    if wanted is ExchangeState.CONFLICT:
        return exists().where(
            Conflict.table_name == table,
            Conflict.record_id == record_id,
            Conflict.state == ConflictState.OPEN,
        )
    if wanted is not ExchangeState.UNSENT:
        raise ValueError(wanted)
    local = select(Site.id).where(Site.is_local.is_(True)).scalar_subquery()
    peer = aliased(Site, name="peer")
    return exists(
        select(Change.seq)
        .join(peer, _concerns(peer, table, Change.record_id))
        .where(Change.table_name == table, Change.record_id == record_id)
        .where(Change.origin_site_id == local, Change.seq > peer.sent_upto)
    )


def _state(last: int, sent: int, acked: int) -> ExchangeState:
    if last < 0:
        return ExchangeState.CONFLICT
    if last > sent:
        return ExchangeState.UNSENT
    return ExchangeState.SENT if last > acked else ExchangeState.DELIVERED


def _concerns(peer: Any, table: str, record_id: Any) -> ColumnElement[bool]:
    """The active sites ``record_id`` (of ``table``) concerns, from this site."""
    held = exists().where(
        HELD.c.site_id == peer.id, HELD.c.table_name == table, HELD.c.record_id == record_id
    )
    return and_(
        peer.is_local.is_(False),
        peer.state == SiteState.ACTIVE,
        or_(peer.kind == SiteKind.STREET, held, _home(peer, table, record_id)),
    )


def _home(peer: Any, table: str, record_id: Any) -> ColumnElement[bool]:
    """The record belongs to the peer's community (by its own column, or a child's). The
    list's own area is mapped already; the other areas are not loaded for it."""
    tables = Base.metadata.tables
    if column := _HOME_COLUMNS.get(table):
        own = tables[table]
        return exists().where(own.c.id == record_id, own.c[column] == peer.community_id)
    if via := _HOME_VIA.get(table):
        child_name, parent, unit = via
        child = tables[child_name]
        return exists().where(child.c[parent] == record_id, child.c[unit] == peer.community_id)
    return false()


def exchange_filter(
    filters: Mapping[str, Any], table: str, record_id: Any
) -> list[ColumnElement[bool]]:
    """The lists' filter ``exchange``: "unsent" or "conflict" keeps only those records."""
    wanted = filters.get("exchange")
    if not wanted:
        return []
    return [state_condition(table, record_id, ExchangeState[str(wanted).upper()])]
