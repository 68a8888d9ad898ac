"""Undo commands for meetings: create, duplicate and delete (soft delete and restore).

See ui.widgets.undo for how they work; a step the service now refuses (undoing the creation
of a meeting finalised since) is reported and the command dropped from the stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.changes import Area
from app.i18n import QT_TRANSLATE_NOOP
from app.meetings import service
from db.base import Entity
from db.models.meetings import Meeting

from PySide6.QtCore import QCoreApplication
from ui.tab import DataEvents
from ui.widgets.undo import Inverse, ServiceCommand

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.database import Database

CREATED = QT_TRANSLATE_NOOP("MeetingCommands", "新建会议“{title}”")
DUPLICATED = QT_TRANSLATE_NOOP("MeetingCommands", "复制会议“{title}”")
DELETED = QT_TRANSLATE_NOOP("MeetingCommands", "删除会议“{title}”")


def _text(template: str, title: str) -> str:
    return QCoreApplication.translate("MeetingCommands", template).format(title=title)


class MeetingCommand(ServiceCommand):
    area = Area.MEETINGS

    def __init__(self, text: str, meeting_id: str, database: Database, events: DataEvents) -> None:
        super().__init__(text, database, events)
        self.meeting_id = meeting_id

    def guarded_record(self) -> tuple[type[Entity], str] | None:
        return Meeting, self.meeting_id


class CreateMeetingCommand(MeetingCommand):
    """Undo deletes the new meeting (a draft); redo restores the same meeting."""

    template = CREATED

    def __init__(self, meeting_id: str, title: str, database: Database, events: DataEvents) -> None:
        super().__init__(_text(self.template, title), meeting_id, database, events)

    def apply(self, session: Session) -> None:
        service.restore_meeting(session, self.meeting_id)

    def revert(self, session: Session) -> None:
        service.delete_meeting(session, self.meeting_id)


class DuplicateMeetingCommand(CreateMeetingCommand):
    template = DUPLICATED


class DeleteMeetingCommand(Inverse, CreateMeetingCommand):
    """Redo deletes the meeting, undo restores it."""

    template = DELETED
