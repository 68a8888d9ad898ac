"""The audit log: every change users make, with the record before and after, and the events
that change nothing but must be accounted for (signing in, revealing personal data in a file).

Entries are only ever added: ``protect`` makes a session refuse to change or delete one, except
erasure, which replaces personal values with their digests (app/erasure.py). Each entry is
chained to the one before (app/audit_chain.py).
"""

from __future__ import annotations

import logging
import secrets
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

from app.audit_chain import HEAD_ID, HEAD_REBUILT, Link, last_link, locked_head
from db.base import Entity, utcnow
from db.models.security import AuditEntry, AuditHead

SKIPPED = {"created_at", "updated_at", "version", "password_hash"}
ERASING = "audit_erasing"  # session.info key: this session erases personal data
_FROM_SESSION: Any = object()

log = logging.getLogger(__name__)


class AuditLogProtected(RuntimeError):
    """Something tried to change or delete an audit entry."""


def snapshot(obj: Entity) -> dict[str, Any]:
    """The row's column values as JSON-friendly data."""
    result: dict[str, Any] = {}
    for attr in inspect(obj).mapper.column_attrs:
        if attr.key in SKIPPED:
            continue
        result[attr.key] = _plain(getattr(obj, attr.key))
    return result


def _plain(value: Any) -> Any:
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
    """Adds an audit entry for ``obj`` as it is now (``after``), flushing to get its id."""
    session.flush()
    after = None if action == "purge" else snapshot(obj)
    append(session, action, obj.__tablename__, obj.id, before, after, reason=reason)


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
    """Adds the next entry of the chain. The user is who works in ``session`` unless given."""
    head = _head(session)
    entry = AuditEntry(
        seq=head.seq + 1,
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
    entry.hash = Link.of(entry).hash(head.hash)
    head.seq, head.hash = entry.seq, entry.hash
    session.add(entry)
    return entry


def _head(session: Session) -> AuditHead:
    head = locked_head(session)
    if head is not None:
        return head
    # The head row is gone (it is made by migration 0011 and never deleted by the program):
    # it is made again from the newest entry, and an entry says so, for the viewer and check.
    log.warning("the audit log's head row was missing; rebuilt from the newest entry")
    seq, last = last_link(session)
    head = AuditHead(id=HEAD_ID, seq=seq, hash=last)
    session.add(head)
    append(session, HEAD_REBUILT, "audit_head", HEAD_ID, None, {"seq": seq}, user_id=None)
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
