"""What every area's use cases share when they read a row to change it and write it back: the
row or "找不到…" (at the version the user read), a flush that turns another session's change
into "changed elsewhere", a validated record's fields to and from the columns of the same
names, and the audit entry of each write.

What an audit entry keeps of a row is the area's to say (an agreement with its parties, a
meeting with everything under it), so each area's store holds an ``Audit`` made with its own
``state``; the steps that write are then the same everywhere: add a row, edit, soft delete,
restore.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.orm.interfaces import ORMOption

from app import audit
from app.errors import ConflictError, check_version, not_found
from db.base import Entity, SoftDeleted, utcnow

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound=Entity)
D = TypeVar("D")
R = TypeVar("R", bound="DataclassInstance")
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
    *,
    version: int | None = None,
    options: Sequence[ORMOption] = (),
) -> T:
    """The row (read with ``options``) unless it is missing or deleted ("找不到{what}"), or
    changed since the user read ``version``."""
    row = session.get(kind, row_id, options=options)
    if row is None or (isinstance(row, SoftDeleted) and row.deleted_at is not None):
        raise not_found(what, row_id)
    if version is not None:
        check_version(row, version)
    return row


def columns(data: DataclassInstance) -> dict[str, Any]:
    """A validated record's fields by name, as its row's columns take them (plain values: no
    deep copy as ``asdict`` makes, which costs more than the INSERT of an imported row)."""
    return {f.name: getattr(data, f.name) for f in fields(data)}


def data_of(kind: type[R], row: Entity, **given: Any) -> R:
    """The record ``kind`` as ``row`` holds it: each field from the column of its name, but
    those ``given``."""
    values = {f.name: getattr(row, f.name) for f in fields(kind) if f.name not in given}
    return kind(**values, **given)


def fill(row: Entity, data: DataclassInstance, *, leave: Collection[str] = ()) -> None:
    """A new or edited ``row`` takes validated ``data``: each field goes to the column of its
    name, but those in ``leave`` (the ones that are not columns)."""
    for name, value in columns(data).items():
        if name in leave:
            continue
        if not hasattr(type(row), name):
            raise AttributeError(f"{type(row).__name__} has no column {name}")
        setattr(row, name, value)


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
