"""The audit log: every change users make, with the record before and after, and the events
that change nothing but must be accounted for (signing in, revealing personal data in a file).

Entries are only ever added: ``protect`` makes a session refuse to change or delete one, except
erasure, which replaces personal values with their digests (app/erasure.py). Each entry is
chained to the one before (app/audit_chain.py) when it is written: entries wait in their
session in the order they were made and take their place in the chain at the flush, so a long
run of records (an import, ``DEFER_FLUSH``) reads the chain's head once, at its final write.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, cast

from sqlalchemy import Table, event, insert, inspect
from sqlalchemy.orm import ColumnProperty, Session, sessionmaker

from app.audit_chain import HEAD_ID, HEAD_REBUILT, Link, last_link, locked_head
from db.base import Entity, new_id, utcnow
from db.models.security import AuditEntry, AuditHead

SKIPPED = {"created_at", "updated_at", "version", "password_hash", "name_key"}  # name_key: derived
PLAIN = {str, int, bool, float}  # JSON as they are (exact types: an enum is a str too)
ERASING = "audit_erasing"  # session.info key: this session erases personal data
# session.info key: while set, ``record`` writes nothing yet, so that a long run of records
# (an import) is built first and written in one short transaction at its end
DEFER_FLUSH = "audit_defer_flush"
_PENDING = "audit_pending"  # session.info key: entries not yet linked into the chain, in order
_FROM_SESSION: Any = object()
# what an entry sets itself; the table's defaults fill the rest
_WRITTEN = (
    *("id", "seq", "hash", "salt", "at", "user_id"),
    *("action", "entity", "entity_id", "before", "after", "reason"),
)

log = logging.getLogger(__name__)


class AuditLogProtected(RuntimeError):
    """Something tried to change or delete an audit entry."""


def snapshot(obj: Entity) -> dict[str, Any]:
    """The row's column values as JSON-friendly data (an unwritten row's unset columns as
    their defaults will write them)."""
    state = inspect(obj)
    result: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in SKIPPED:
            continue
        if attr.key in state.dict or state.persistent:
            result[attr.key] = plain(getattr(obj, attr.key))
        else:
            result[attr.key] = plain(_default(attr))
    return result


def _default(attr: ColumnProperty[Any]) -> Any:
    default = attr.columns[0].default
    return default.arg if default is not None and default.is_scalar else None


def plain(value: Any) -> Any:
    if value is None or type(value) in PLAIN:
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def record(
    session: Session,
    action: str,
    obj: Entity,
    before: dict[str, Any] | None,
    *,
    reason: str = "",
) -> None:
    """Adds an audit entry for ``obj`` as it is now (``after``), flushing first unless the
    session defers its writes (``DEFER_FLUSH``)."""
    if obj.id is None:
        obj.id = new_id()
    if not session.info.get(DEFER_FLUSH):
        session.flush()
    after = None if action == "purge" else snapshot(obj)
    append(session, action, obj.__tablename__, obj.id, before, after, reason=reason)


def record_many(
    session: Session, action: str, model: type[Entity], rows: Sequence[Mapping[str, Any]]
) -> None:
    """Audits rows written in bulk (an import), each as ``after``, in one INSERT."""
    if not rows:
        return
    attrs = [a for a in inspect(model).column_attrs if a.key not in SKIPPED]
    entries = [
        _entry(
            session,
            action,
            model.__tablename__,
            row["id"],
            None,
            {a.key: plain(row.get(a.key, _default(a))) for a in attrs},
        )
        for row in rows
    ]
    head = _head(session)
    for entry in entries:
        _link(entry, head)
    session.execute(  # Core, not the ORM's bulk insert: a third faster on 20,000 rows
        insert(cast(Table, AuditEntry.__table__)),
        [{key: getattr(entry, key) for key in _WRITTEN} for entry in entries],
    )


def event_entry(
    session: Session,
    action: str,
    *,
    entity: str = "",
    entity_id: str = "",
    detail: dict[str, Any] | None = None,
    reason: str = "",
    user_id: str | None = _FROM_SESSION,
) -> None:
    """An entry for something that happened rather than a record that changed (a sign-in, an
    export revealing personal data); ``detail`` goes where a change keeps the record after."""
    append(session, action, entity, entity_id, None, detail, reason=reason, user_id=user_id)


def append(
    session: Session,
    action: str,
    entity: str,
    entity_id: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    *,
    reason: str = "",
    user_id: str | None = _FROM_SESSION,
) -> AuditEntry:
    """Adds an entry; it joins the chain when the session writes it. The user is who works in
    ``session`` unless given."""
    entry = _entry(session, action, entity, entity_id, before, after, reason, user_id)
    session.add(entry)
    session.info.setdefault(_PENDING, []).append(entry)
    return entry


def _entry(
    session: Session,
    action: str,
    entity: str,
    entity_id: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    reason: str = "",
    user_id: str | None = _FROM_SESSION,
) -> AuditEntry:
    return AuditEntry(
        id=new_id(),
        at=utcnow(),
        # who is working (Database.session)
        user_id=session.info.get("user_id") if user_id is _FROM_SESSION else user_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=before,
        after=after,
        reason=reason[:200],
        salt=secrets.token_hex(16),
    )


def _link(entry: AuditEntry, head: AuditHead) -> None:
    """Makes ``entry`` the chain's next link."""
    entry.seq = head.seq + 1
    entry.hash = Link.of(entry).hash(head.hash)
    head.seq, head.hash = entry.seq, entry.hash


@event.listens_for(Session, "before_flush")
def _link_pending(session: Session, _context: Any, _instances: Any) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    head = _head(session)
    for entry in pending:
        _link(entry, head)


def _head(session: Session) -> AuditHead:
    with session.no_autoflush:
        head = locked_head(session)
        if head is not None:
            return head
        # The head row is gone (it is made by migration 0006 and never deleted by the
        # program): it is made again from the newest entry, and an entry says so, for the
        # viewer and check.
        log.warning("the audit log's head row was missing; rebuilt from the newest entry")
        seq, last = last_link(session)
    head = AuditHead(id=HEAD_ID, seq=seq, hash=last)
    session.add(head)
    rebuilt = _entry(session, HEAD_REBUILT, "audit_head", HEAD_ID, None, {"seq": seq}, "", None)
    session.add(rebuilt)
    _link(rebuilt, head)
    return head


def protect(sessions: sessionmaker[Session]) -> None:
    """Makes ``sessions`` refuse to change or delete an audit entry (erasure excepted)."""
    event.listen(sessions, "before_flush", _refuse_changes)


def _refuse_changes(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get(ERASING):
        return
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, AuditEntry):
            raise AuditLogProtected("audit entries are never changed or deleted")


def record_created(session: Session, objs: list[Entity], *, reason: str = "") -> None:
    """Audit entries for many new rows at once (one flush, not one per row)."""
    session.flush()
    for obj in objs:
        append(session, "create", obj.__tablename__, obj.id, None, snapshot(obj), reason=reason)
