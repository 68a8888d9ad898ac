"""The conflict inbox: records two sites changed since they last shared them, field by field,
and their resolution by a person (keep this, keep that, or edit), audited.

A resolution is an ordinary edit of the record: the change log carries it to the other site,
marked as resolving, and the other site's copy of the conflict closes when it arrives.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.exchange.changelog import RESOLVING
from app.exchange.codec import decoded, exchanged_tables
from app.exchange.rights import require_writer
from app.exchange.sites import refused
from app.i18n import QT_TRANSLATE_NOOP
from db.base import Base, Entity, utcnow
from db.models.exchange import Conflict, ConflictState, Site

# fields every copy differs in by itself, or that no person edits
_NOT_COMPARED = frozenset({"id", "created_at", "updated_at"})
KEEP_WINNER, KEEP_LOSER, EDITED = "winner", "loser", "edited"


@dataclass(frozen=True)
class FieldDifference:
    name: str
    winner: Any
    loser: Any


@dataclass(frozen=True)
class ConflictView:
    id: str
    table: str
    record_id: str
    title: str  # the record as people name it (an issue's number and title)
    winner_site: str
    loser_site: str
    winner_deleted: bool
    loser_deleted: bool
    detected_at: datetime
    fields: tuple[FieldDifference, ...]
    version: int


def open_conflict_count(session: Session) -> int:
    return int(
        session.scalar(select(func.count()).where(Conflict.state == ConflictState.OPEN)) or 0
    )


def open_conflicts(session: Session) -> list[ConflictView]:
    """The open conflicts, newest first."""
    sites = {row.id: row.name for row in session.execute(select(Site.id, Site.name))}
    rows = session.scalars(
        select(Conflict)
        .where(Conflict.state == ConflictState.OPEN)
        .order_by(Conflict.detected_at.desc())
    ).all()
    return [_view(row, sites) for row in rows]


def conflicted_ids(session: Session, table: str, ids: list[str]) -> set[str]:
    """Of ``ids``, the records of ``table`` with an open conflict (for the lists' state)."""
    return set(
        session.scalars(
            select(Conflict.record_id).where(
                Conflict.table_name == table,
                Conflict.record_id.in_(ids),
                Conflict.state == ConflictState.OPEN,
            )
        )
    )


def _view(row: Conflict, sites: dict[str, str]) -> ConflictView:
    winner, loser = row.winner or {}, row.loser or {}
    names = [n for n in (*winner, *loser) if n not in _NOT_COMPARED]
    fields = tuple(
        FieldDifference(name, winner.get(name), loser.get(name))
        for name in dict.fromkeys(names)
        if winner.get(name) != loser.get(name)
    )
    values = row.winner or row.loser or {}
    title = " ".join(str(values[k]) for k in ("number", "title", "name") if values.get(k))
    return ConflictView(
        id=row.id,
        table=row.table_name,
        record_id=row.record_id,
        title=title or row.record_id,
        winner_site=sites.get(row.winner_site_id or "", ""),
        loser_site=sites.get(row.loser_site_id or "", ""),
        winner_deleted=row.winner is None,
        loser_deleted=row.loser is None,
        detected_at=row.detected_at,
        fields=fields,
        version=row.version,
    )


def resolve(
    session: Session,
    conflict_id: str,
    choice: str,
    edited: dict[str, Any] | None = None,
) -> None:
    """Ends a conflict: the record takes the winner's values, the loser's, or ``edited``
    (field → value, over the winner's)."""
    require_writer(session)
    conflict = session.get(Conflict, conflict_id)
    if conflict is None or conflict.state is not ConflictState.OPEN:
        raise refused(QT_TRANSLATE_NOOP("exchange", "这个冲突已经处理过了，或已不存在。"))
    if choice == KEEP_WINNER:
        values = conflict.winner
    elif choice == KEEP_LOSER:
        values = conflict.loser
    elif choice == EDITED:
        values = {**(conflict.winner or conflict.loser or {}), **(edited or {})}
    else:
        raise ValueError(choice)
    before = audit.snapshot(conflict)
    session.info.setdefault(RESOLVING, set()).add((conflict.table_name, conflict.record_id))
    try:
        _write(session, conflict.table_name, conflict.record_id, values)
        conflict.state = ConflictState.RESOLVED
        conflict.resolved_at = utcnow()
        conflict.resolution = choice
        audit.record(session, "resolve", conflict, before, reason=choice)
    finally:
        session.info[RESOLVING].discard((conflict.table_name, conflict.record_id))


def _write(session: Session, table: str, record_id: str, values: dict[str, Any] | None) -> None:
    """Gives the record ``values`` (None: deleted) as a local edit, so it travels."""
    model = _model(table)
    obj = session.get(model, record_id)
    if values is None:
        if obj is not None:
            session.delete(obj)
        session.flush()
        return
    row = decoded(exchanged_tables()[table], values)
    row.pop("id", None)
    row["updated_at"] = utcnow()
    if obj is None:
        obj = model(id=record_id, **row)
        session.add(obj)
    else:
        for name, value in row.items():
            setattr(obj, name, value)
        obj.updated_at = utcnow()  # a new version even when the values equal the record's
    session.flush()


def _model(table: str) -> type[Entity]:
    for mapper in Base.registry.mappers:
        model = mapper.class_
        if getattr(model, "__tablename__", None) == table and issubclass(model, Entity):
            return model
    raise ValueError(table)
