"""Undo commands for meetings: create, duplicate and delete (soft delete and restore).

As in the directory, the change is made before its command is pushed (``done=True``), so the
push only announces it; later undos and redos work through the service, each in its own
session. A step the service now refuses (undoing the creation of a meeting finalised since)
is reported and the command dropped from the stack. Every step ends with
``events.changed.emit("meetings")``, which is what refreshes the views.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.errors import UserError
from app.meetings import service

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QMessageBox
from ui.i18n import message_text
from ui.tab import DataEvents

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.database import Database

AREA = "meetings"
CREATED = QT_TRANSLATE_NOOP("MeetingCommands", "新建会议“{title}”")
DUPLICATED = QT_TRANSLATE_NOOP("MeetingCommands", "复制会议“{title}”")
DELETED = QT_TRANSLATE_NOOP("MeetingCommands", "删除会议“{title}”")


def _text(template: str, title: str) -> str:
    return QCoreApplication.translate("MeetingCommands", template).format(title=title)


class MeetingCommand(QUndoCommand):
    def __init__(self, text: str, meeting_id: str, database: Database, events: DataEvents) -> None:
        super().__init__(text)
        self.meeting_id = meeting_id
        self._database = database
        self._events = events
        self._skip_redo = True  # the change is already made when the command is pushed

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
            self.setObsolete(True)
            QMessageBox.warning(
                QApplication.activeWindow(),
                QCoreApplication.translate("MeetingCommands", "无法完成“{what}”").format(
                    what=self.text()
                ),
                QCoreApplication.translate(
                    "MeetingCommands", "{reason}\n\n这一步已从撤销记录中移除。"
                ).format(reason=message_text(error.message)),
            )


class CreateMeetingCommand(MeetingCommand):
    """Undo deletes the new meeting (a draft); redo restores the same meeting."""

    def __init__(self, meeting_id: str, title: str, database: Database, events: DataEvents) -> None:
        super().__init__(_text(CREATED, title), meeting_id, database, events)

    def apply(self, session: Session) -> None:
        service.restore_meeting(session, self.meeting_id)

    def revert(self, session: Session) -> None:
        service.delete_meeting(session, self.meeting_id)


class DuplicateMeetingCommand(CreateMeetingCommand):
    def __init__(self, meeting_id: str, title: str, database: Database, events: DataEvents) -> None:
        super().__init__(meeting_id, title, database, events)
        self.setText(_text(DUPLICATED, title))


class DeleteMeetingCommand(MeetingCommand):
    """Redo deletes the meeting, undo restores it."""

    def __init__(self, meeting_id: str, title: str, database: Database, events: DataEvents) -> None:
        super().__init__(_text(DELETED, title), meeting_id, database, events)

    def apply(self, session: Session) -> None:
        service.delete_meeting(session, self.meeting_id)

    def revert(self, session: Session) -> None:
        service.restore_meeting(session, self.meeting_id)
