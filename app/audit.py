"""The audit log: every change users make, with the record before and after."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from db.base import Entity, utcnow
from db.models.security import AuditEntry

SKIPPED = {"created_at", "updated_at", "version", "password_hash"}


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
    session.add(
        AuditEntry(
            at=utcnow(),
            user_id=session.info.get("user_id"),  # who is working (Database.session)
            action=action,
            entity=obj.__tablename__,
            entity_id=obj.id,
            before=before,
            after=after,
            reason=reason,
        )
    )


def record_created(session: Session, objs: list[Entity], *, reason: str = "") -> None:
    """Audit entries for many new rows at once (one flush, not one per row)."""
    session.flush()
    user_id, now = session.info.get("user_id"), utcnow()
    session.add_all(
        AuditEntry(
            at=now,
            user_id=user_id,
            action="create",
            entity=obj.__tablename__,
            entity_id=obj.id,
            before=None,
            after=snapshot(obj),
            reason=reason,
        )  # fmt: skip
        for obj in objs
    )
