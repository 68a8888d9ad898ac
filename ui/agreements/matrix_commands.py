"""Undo and redo of a fulfilment recorded from the 七个共 matrix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.agreements.commitments import delete_fulfilment, fulfilments_of
from app.agreements.matrix import record_fulfilment_for_cell
from app.agreements.records import FulfilmentData
from app.changes import Area
from app.errors import not_found
from app.i18n import QT_TRANSLATE_NOOP
from db.base import Entity
from db.models.agreements import FulfilmentRecord

from ui.tab import DataEvents
from ui.widgets.undo import ServiceCommand

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.database import Database


def record_cell(session: Session, agreement_id: str, data: FulfilmentData) -> str:
    """Records ``data`` (an activity of the seven) for the pairing; the new record's id."""
    assert data.held_on is not None and data.activity is not None
    return record_fulfilment_for_cell(
        session,
        agreement_id,
        data.activity,
        data.held_on,
        participants=data.participants,
        hours=data.hours,
        place=data.place,
        note=data.note,
    )


class FulfilmentCommand(ServiceCommand):
    """A fulfilment already recorded: undo deletes it, redo records it again (a new id)."""

    area = Area.AGREEMENTS

    def __init__(
        self,
        text: str,
        database: Database,
        events: DataEvents,
        agreement_id: str,
        data: FulfilmentData,
        fulfilment_id: str,
    ) -> None:
        super().__init__(text, database, events)
        self._agreement_id = agreement_id
        self._data = data
        self._fulfilment_id = fulfilment_id

    def guarded_record(self) -> tuple[type[Entity], str] | None:
        return FulfilmentRecord, self._fulfilment_id

    def apply(self, session: Session) -> None:
        self._fulfilment_id = record_cell(session, self._agreement_id, self._data)

    def revert(self, session: Session) -> None:
        found = [
            f for f in fulfilments_of(session, self._agreement_id) if f.id == self._fulfilment_id
        ]
        if not found:
            raise not_found(QT_TRANSLATE_NOOP("fields", "履约记录"), self._fulfilment_id)
        delete_fulfilment(session, self._fulfilment_id, found[0].version)
