"""Undo and redo of 并单 (see ui.widgets.undo for how the commands work): undoing a merge
unmerges the complaint, redoing merges it again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.changes import Area
from app.i18n import QT_TRANSLATE_NOOP
from app.issues import service

from PySide6.QtCore import QCoreApplication
from ui.tab import DataEvents
from ui.widgets.undo import ServiceCommand

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.database import Database

MERGED = QT_TRANSLATE_NOOP("IssueCommands", "并单：{number}并入{into}")


class MergeCommand(ServiceCommand):
    area = Area.ISSUES

    def __init__(
        self,
        issue_id: str,
        into_id: str,
        numbers: tuple[str, str],
        database: Database,
        events: DataEvents,
    ) -> None:
        text = QCoreApplication.translate("IssueCommands", MERGED).format(
            number=numbers[0], into=numbers[1]
        )
        super().__init__(text, database, events)
        self.issue_id, self.into_id = issue_id, into_id

    def apply(self, session: Session) -> None:
        service.merge(session, self.issue_id, self.into_id)

    def revert(self, session: Session) -> None:
        service.unmerge(session, self.issue_id)
