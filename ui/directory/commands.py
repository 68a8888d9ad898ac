"""Undo commands for directory changes (see ui.widgets.undo for how they work)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.changes import Area

from ui.directory.kinds import RecordKind
from ui.tab import DataEvents
from ui.widgets import undo
from ui.widgets.undo import ServiceCommand

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.database import Database
    from db.base import Entity


class RecordCommand(ServiceCommand):
    area = Area.DIRECTORY

    def __init__(
        self, kind: RecordKind, text: str, database: Database, events: DataEvents, *, done: bool
    ) -> None:
        super().__init__(text, database, events, done=done)
        self.kind = kind
        self.record_id = ""

    def guarded_record(self) -> tuple[type[Entity], str] | None:
        return self.kind.repository.model, self.record_id


class CreateCommand(RecordCommand):
    """Undo hides the new record; redo brings the same record back."""

    def __init__(
        self,
        kind: RecordKind,
        record_id: str,
        name: str,
        database: Database,
        events: DataEvents,
        *,
        done: bool = True,
    ) -> None:
        super().__init__(kind, kind.text(self.template(kind), name), database, events, done=done)
        self.record_id = record_id

    @staticmethod
    def template(kind: RecordKind) -> str:
        return kind.created

    def apply(self, session: Session) -> None:
        self.kind.repository.restore(session, self.record_id)

    def revert(self, session: Session) -> None:
        self.kind.repository.delete(session, self.record_id)


class EditCommand(RecordCommand, undo.EditCommand[Any]):
    def __init__(
        self,
        kind: RecordKind,
        record_id: str,
        before: Any,
        after: Any,
        database: Database,
        events: DataEvents,
        *,
        done: bool = True,
    ) -> None:
        super().__init__(kind, kind.text(kind.edited, after.name), database, events, done=done)
        self.record_id = record_id
        self.before = before
        self.after = after

    def save(self, session: Session, data: Any) -> None:
        current = self.kind.repository.get(session, self.record_id)
        self.kind.repository.update(session, self.record_id, current.version, data)


class DeleteCommand(undo.Inverse, CreateCommand):
    """Redo hides the record, undo restores it."""

    @staticmethod
    def template(kind: RecordKind) -> str:
        return kind.deleted
