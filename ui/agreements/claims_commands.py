"""Undo and redo of the three lists' forward steps (认领, 开始实施, 完成): undo takes the step
back (app.agreements.claims.step_back), redo makes it again with the same date and claimant."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.agreements import claims
from app.agreements.store import live_entry
from app.changes import Area
from app.enums import ListEntryStatus
from app.i18n import QT_TRANSLATE_NOOP
from db.base import Entity
from db.models.agreements import ListEntry

from PySide6.QtCore import QCoreApplication
from ui.tab import DataEvents
from ui.widgets.undo import ServiceCommand

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.database import Database

STEP_TEXTS = {
    ListEntryStatus.CLAIMED: QT_TRANSLATE_NOOP("ClaimCommands", "认领“{name}”"),
    ListEntryStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("ClaimCommands", "开始实施“{name}”"),
    ListEntryStatus.DONE: QT_TRANSLATE_NOOP("ClaimCommands", "完成“{name}”"),
}


class ClaimStepCommand(ServiceCommand):
    area = Area.AGREEMENTS

    def __init__(
        self,
        entry_id: str,
        name: str,
        step: ListEntryStatus,
        on: date,
        claimer: tuple[str | None, str | None],  # (org unit, resident unit) for 认领
        database: Database,
        events: DataEvents,
    ) -> None:
        text = QCoreApplication.translate("ClaimCommands", STEP_TEXTS[step]).format(name=name)
        super().__init__(text, database, events)
        self.entry_id = entry_id
        self.step = step
        self.on = on
        self.claimer = claimer

    def guarded_record(self) -> tuple[type[Entity], str] | None:
        return ListEntry, self.entry_id

    def apply(self, session: Session) -> None:
        version = live_entry(session, self.entry_id).version
        if self.step is ListEntryStatus.CLAIMED:
            org_unit_id, unit_id = self.claimer
            claims.claim(
                session, self.entry_id, version, self.on, org_unit_id=org_unit_id, unit_id=unit_id
            )
        elif self.step is ListEntryStatus.IN_PROGRESS:
            claims.start(session, self.entry_id, version, self.on)
        else:
            claims.finish(session, self.entry_id, version, self.on)

    def revert(self, session: Session) -> None:
        claims.step_back(session, self.entry_id, self.step)
