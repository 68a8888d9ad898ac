"""The undo command every tab's edits are made of.

The change itself is made before its command is pushed (a dialog's save can fail validation,
and a failed save must never land on the undo stack), so a command is built ``done=True`` and
its first ``redo()`` — the one ``QUndoStack.push`` runs — only announces the change. Later
undos and redos do the work through app/ use cases, each in its own session. A step the
database now refuses (an org unit that has gained children, a meeting finalised since) is
reported and the command dropped from the stack, since it can no longer be replayed.

Every step ends with ``events.changed.emit(area)``: the views refresh from that, so a command
holds no reference to a widget that may be gone when it is undone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.errors import UserError

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QMessageBox
from ui.i18n import message_text
from ui.tab import DataEvents

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.database import Database


class ServiceCommand(QUndoCommand):
    """Subclasses say how to ``apply`` (redo) and ``revert`` (undo) in a session."""

    area: str  # what ``events.changed`` announces: "directory", "meetings", …

    def __init__(
        self, text: str, database: Database, events: DataEvents, *, done: bool = True
    ) -> None:
        super().__init__(text)
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
        self._events.changed.emit(self.area)

    def undo(self) -> None:
        self._run(self.revert)
        self._events.changed.emit(self.area)

    def _run(self, step: Callable[[Session], None]) -> None:
        try:
            with self._database.session() as session:
                step(session)
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
