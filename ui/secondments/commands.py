"""Undo and redo of secondment changes: each saved change is pushed as a command already done.

``undo`` and ``redo`` each run one app/ function in a session of their own and announce the
change to the secondments (and the posting, when one is guarded). Extensions and early ends
are not undone here: they are audited steps with a reason (a wrong one is corrected by a new
step, on the record).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from app.changes import Area, Changes
from app.database import Database
from app.errors import UserError
from app.undo import check_unchanged, stored_version
from db.base import Entity

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QMessageBox
from ui.i18n import message_text
from ui.tab import DataEvents
from ui.widgets.undo import last_written, note_written

log = logging.getLogger("gongjian.secondments")

Step = Callable[[Any], Any]  # session -> anything


class DoneCommand(QUndoCommand):
    """A change already made; ``undo_step`` takes it back, ``redo_step`` makes it again."""

    def __init__(
        self,
        text: str,
        undo_step: Step,
        redo_step: Step,
        database: Database,
        events: DataEvents,
        guarded: tuple[type[Entity], str] | None = None,
    ) -> None:
        super().__init__(text)
        self._undo_step, self._redo_step = undo_step, redo_step
        self._database, self._events = database, events
        self._done = True  # pushed after the change: the first redo() does nothing
        # the edited row: each step saves against the version this window last wrote
        self._guarded = guarded
        if guarded is not None:
            with database.reader() as session:
                note_written(database, guarded, stored_version(session, *guarded))

    def undo(self) -> None:
        self._run(self._undo_step)

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._run(self._redo_step)

    def _run(self, step: Step) -> None:
        try:
            with self._database.session() as session:
                if self._guarded is not None:
                    check_unchanged(
                        session, *self._guarded, last_written(self._database, self._guarded)
                    )
                step(session)
                if self._guarded is not None:
                    session.flush()
                    note_written(
                        self._database, self._guarded, stored_version(session, *self._guarded)
                    )
        except UserError as error:  # changed elsewhere since: say so, keep the data as it is
            log.info("undo/redo of %r refused: %s", self.text(), error)
            QMessageBox.warning(
                QApplication.activeWindow(),
                QApplication.translate("SecondmentsTab", "无法撤销"),
                message_text(error.message),
            )
        ids = [self._guarded[1]] if self._guarded is not None else []
        self._events.announce(Changes.of(Area.SECONDMENTS, ids=ids))
