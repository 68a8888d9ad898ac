"""Undo commands for directory changes.

The change itself is made before its command is pushed (a dialog's save can fail
validation, and a failed save must never land on the undo stack), so each command is built
``done=True`` and its first ``redo()`` — the one ``QUndoStack.push`` runs — only announces
the change. Later undos and redos do the work through the app repositories, each in its own
session. A step the database now refuses (an org unit that has gained children, a name now
taken) is reported and the command dropped from the stack, since it can no longer be replayed.

Every step ends with ``events.changed.emit("directory")``: the views refresh from that, so
a command holds no reference to a widget that may be gone when it is undone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.errors import UserError

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QMessageBox
from ui.directory.kinds import RecordKind
from ui.i18n import message_text
from ui.tab import DataEvents

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.database import Database

AREA = "directory"


class RecordCommand(QUndoCommand):
    def __init__(
        self, kind: RecordKind, text: str, database: Database, events: DataEvents, *, done: bool
    ) -> None:
        super().__init__(text)
        self.kind = kind
        self._database = database
        self._events = events
        self._skip_redo = done

    def apply(self, session: Session) -> None:
        raise NotImplementedError

    def revert(self, session: Session) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
        else:
            self._run(self.apply)
        self._events.changed.emit(AREA)

    def undo(self) -> None:
        self._run(self.revert)
        self._events.changed.emit(AREA)

    def _run(self, step: Callable[[Session], None]) -> None:
        try:
            with self._database.session() as session:
                step(session)
        except UserError as error:
            self.setObsolete(True)  # QUndoStack then removes it instead of moving past it
            QMessageBox.warning(
                QApplication.activeWindow(),
                QCoreApplication.translate("DirectoryCommands", "无法完成“{what}”").format(
                    what=self.text()
                ),
                QCoreApplication.translate(
                    "DirectoryCommands", "{reason}\n\n这一步已从撤销记录中移除。"
                ).format(reason=message_text(error.message)),
            )


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
        super().__init__(kind, kind.text(kind.created, name), database, events, done=done)
        self.record_id = record_id

    def apply(self, session: Session) -> None:
        self.kind.repository.restore(session, self.record_id)

    def revert(self, session: Session) -> None:
        self.kind.repository.delete(session, self.record_id)


class EditCommand(RecordCommand):
    """Redo saves ``after``, undo saves ``before``, each against the version stored now."""

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

    def _save(self, session: Session, data: Any) -> None:
        current = self.kind.repository.get(session, self.record_id)
        self.kind.repository.update(session, self.record_id, current.version, data)

    def apply(self, session: Session) -> None:
        self._save(session, self.after)

    def revert(self, session: Session) -> None:
        self._save(session, self.before)


class DeleteCommand(RecordCommand):
    """Redo hides the record, undo restores it."""

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
        super().__init__(kind, kind.text(kind.deleted, name), database, events, done=done)
        self.record_id = record_id

    def apply(self, session: Session) -> None:
        self.kind.repository.delete(session, self.record_id)

    def revert(self, session: Session) -> None:
        self.kind.repository.restore(session, self.record_id)
