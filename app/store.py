"""What every area's use cases share when they read a row to change it and write it back: the
row or "找不到…", a flush that turns another session's change into "changed elsewhere", and
the audit entry of each write.

What an audit entry keeps of a row is the area's to say (an agreement with its parties, a
meeting with everything under it), so each area's store holds an ``Audit`` made with its own
``state``; the steps that write are then the same everywhere: add a row, edit, soft delete,
restore.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.orm.interfaces import ORMOption

from app import audit
from app.errors import ConflictError, not_found
from db.base import Entity, SoftDeleted, utcnow

T = TypeVar("T", bound=Entity)
D = TypeVar("D")
State = Callable[[Any], dict[str, Any]]


@dataclass(frozen=True)
class Loaded(Generic[D]):
    """A record as read, with the version its edit must be saved against; ``data`` is what
    its save takes back."""

    id: str
    version: int
    data: D


def flush(session: Session) -> None:
    """Flushes; a row another session changed meanwhile becomes the user's "changed elsewhere"."""
    try:
        session.flush()
    except StaleDataError:
        raise ConflictError.stale() from None


def stored(session: Session, kind: type[T], row_id: str, what: str) -> T:
    """The row, deleted or not (what a restore works on); "找不到{what}" when there is none."""
    row = session.get(kind, row_id)
    if row is None:
        raise not_found(what, row_id)
    return row


def live(
    session: Session,
    kind: type[T],
    row_id: str,
    what: str,
    options: Sequence[ORMOption] = (),
) -> T:
    """The row (read with ``options``) unless it is missing or deleted: "找不到{what}"."""
    row = session.get(kind, row_id, options=options)
    if row is None or (isinstance(row, SoftDeleted) and row.deleted_at is not None):
        raise not_found(what, row_id)
    return row


@dataclass(frozen=True)
class Audit:
    """An area's audited writes; ``state`` is what an entry keeps of one of its rows."""

    state: State = audit.snapshot

    def record(
        self,
        session: Session,
        action: str,
        obj: Entity,
        before: dict[str, Any] | None,
        *,
        reason: str = "",
    ) -> None:
        """An audit entry with ``obj`` as it is now, flushing first."""
        flush(session)
        after = None if action == "purge" else self.state(obj)  # purged: the row is gone
        audit.append(session, action, obj.__tablename__, obj.id, before, after, reason=reason)

    def added(self, session: Session, row: Entity) -> str:
        """Adds a new row with its audit entry; returns its id."""
        session.add(row)
        self.record(session, "create", row, None)
        return row.id

    def soft_delete(self, session: Session, row: Entity) -> None:
        """Marks ``row`` deleted; ``restore`` brings it back."""
        assert isinstance(row, SoftDeleted)
        before = self.state(row)
        row.deleted_at = utcnow()
        self.record(session, "delete", row, before)

    def restore(self, session: Session, row: Entity) -> None:
        """Undoes ``soft_delete`` (nothing when ``row`` is not deleted)."""
        assert isinstance(row, SoftDeleted)
        if row.deleted_at is None:
            return
        before = self.state(row)
        row.deleted_at = None
        self.record(session, "restore", row, before)
