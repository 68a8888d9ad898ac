"""The undo command every tab's edits are made of.

The change itself is made before its command is pushed (a dialog's save can fail validation,
and a failed save must never land on the undo stack), so a command is built ``done=True`` and
its first ``redo()`` — the one ``QUndoStack.push`` runs — only announces the change (and notes
the version it wrote: each later step on that record, this command's or another's, saves
against the version this window last wrote, and is refused when the record changed elsewhere
meanwhile, see app/undo.py). Later
undos and redos do the work through app/ use cases, each in its own session. A step the
database now refuses (an org unit that has gained children, a meeting finalised since) is
reported and the command dropped from the stack, since it can no longer be replayed.

Every step ends by announcing its ``changes()`` on the window's one channel: the views
refresh from that, so a command holds no reference to a widget that may be gone when it is
undone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar
from weakref import WeakKeyDictionary

from app.changes import Area, Changes
from app.errors import ConflictError, UserError
from app.undo import check_unchanged, stored_version

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QMessageBox
from ui.i18n import message_text
from ui.tab import DataEvents

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.database import Database
    from db.base import Entity


Guarded = tuple["type[Entity]", str]  # a row: its model and id
Data = TypeVar("Data")
# per open database: the version this window's own changes and steps last wrote to a row
_written: WeakKeyDictionary[Database, dict[Guarded, int | None]] = WeakKeyDictionary()


def note_written(database: Database, target: Guarded, version: int | None) -> None:
    _written.setdefault(database, {})[target] = version


def last_written(database: Database, target: Guarded) -> int | None:
    """The version this window last wrote to ``target``; None when unknown (then unchecked)."""
    return _written.get(database, {}).get(target)


class ServiceCommand(QUndoCommand):
    """Subclasses say how to ``apply`` (redo) and ``revert`` (undo) in a session."""

    area: Area  # where its record lives: what each step announces as changed

    def __init__(
        self, text: str, database: Database, events: DataEvents, *, done: bool = True
    ) -> None:
        super().__init__(text)
        self._database = database
        self._events = events
        self._skip_redo = done
        self._origin: object = None  # announced with the change the user made, not later steps

    def made_by(self, origin: object) -> ServiceCommand:
        """The screen that made the change (and shows it already): its first announcement
        does not make that screen re-read. Returns the command, for ``push``."""
        self._origin = origin
        return self

    def apply(self, session: Session) -> None:
        raise NotImplementedError

    def revert(self, session: Session) -> None:
        raise NotImplementedError

    def guarded_record(self) -> tuple[type[Entity], str] | None:
        """The row whose version each step checks and remembers (None: no check)."""
        return None

    def changes(self) -> Changes:
        """What each step changed: the command's area, and its record when it guards one."""
        target = self.guarded_record()
        return Changes.of(self.area, ids=[target[1]] if target else [])

    def redo(self) -> None:
        origin, self._origin = self._origin, None
        if self._skip_redo:
            self._skip_redo = False
            self._remember_version()
        elif not self._run(self.apply):
            return
        self._events.announce(self.changes(), origin)

    def undo(self) -> None:
        if self._run(self.revert):
            self._events.announce(self.changes())

    def _remember_version(self) -> None:
        """The version the user's change wrote: the next step on the record saves against it."""
        if target := self.guarded_record():
            with self._database.reader() as session:
                note_written(self._database, target, stored_version(session, *target))

    def _run(self, step: Callable[[Session], None]) -> bool:
        """Runs ``step``; False when it was refused because the record changed elsewhere (the
        user chose whether to reload)."""
        try:
            with self._database.session() as session:
                if target := self.guarded_record():
                    check_unchanged(session, *target, last_written(self._database, target))
                step(session)
                if target := self.guarded_record():
                    session.flush()
                    note_written(self._database, target, stored_version(session, *target))
        except ConflictError as error:
            self.setObsolete(True)
            if _offer_reload(self.text(), error):
                self._events.announce(self.changes())
            return False
        except UserError as error:
            self.setObsolete(True)  # QUndoStack then removes it instead of moving past it
            QMessageBox.warning(
                QApplication.activeWindow(),
                QCoreApplication.translate("UndoCommands", "无法完成“{what}”").format(
                    what=self.text()
                ),
                QCoreApplication.translate(
                    "UndoCommands", "{reason}\n\n这一步已从撤销记录中移除。"
                ).format(reason=message_text(error.message)),
            )
        return True


def _offer_reload(what: str, error: ConflictError) -> bool:
    """Says the record changed elsewhere; True when the user asks to reload the views."""
    answer = QMessageBox.question(
        QApplication.activeWindow(),
        QCoreApplication.translate("UndoCommands", "无法完成“{what}”").format(what=what),
        QCoreApplication.translate("UndoCommands", "{reason}\n\n重新载入别处保存的内容？").format(
            reason=message_text(error.message)
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


class Inverse(ServiceCommand):
    """Put before a command class, it makes the same two steps the other way round: 删除 as
    the inverse of 新建 (redo deletes what the other's redo restores, and undo restores it)."""

    def apply(self, session: Session) -> None:
        super().revert(session)

    def revert(self, session: Session) -> None:
        super().apply(session)


class EditCommand(ServiceCommand, Generic[Data]):
    """An edit of a record: redo saves ``after``, undo saves ``before`` (each against the
    version the step before wrote, refused when the record changed elsewhere meanwhile)."""

    before: Data
    after: Data

    def save(self, session: Session, data: Data) -> None:
        raise NotImplementedError

    def apply(self, session: Session) -> None:
        self.save(session, self.after)

    def revert(self, session: Session) -> None:
        self.save(session, self.before)


class StepCommand(ServiceCommand):
    """A change whose undo and redo are app/ steps handed over as functions, for a screen that
    has many small kinds of change (a posting's logs and evaluations)."""

    def __init__(
        self,
        area: Area,
        text: str,
        steps: tuple[Callable[[Session], object], Callable[[Session], object]],
        database: Database,
        events: DataEvents,
        guarded: Guarded | None = None,
    ) -> None:
        """``steps``: (undo, redo); ``guarded``: the edited row, checked before each step."""
        super().__init__(text, database, events)
        self.area = area
        self._revert_step, self._apply_step = steps
        self._guarded = guarded

    def apply(self, session: Session) -> None:
        self._apply_step(session)

    def revert(self, session: Session) -> None:
        self._revert_step(session)

    def guarded_record(self) -> Guarded | None:
        return self._guarded
