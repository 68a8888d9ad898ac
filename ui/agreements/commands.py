"""Undo and redo of agreement edits: agreements created, saved and deleted, commitments added,
changed and removed, fulfilment recorded and removed (see ui.widgets.undo for how they work).

Lifecycle steps (生效, 终止, 续签) are not undone here: they are audited steps with a reason;
a wrong one is corrected by a new step, on the record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.agreements import commitments, service
from app.agreements.records import AgreementData, CommitmentData
from app.changes import Area
from app.i18n import QT_TRANSLATE_NOOP
from db.base import Entity
from db.models.agreements import Agreement, Commitment, FulfilmentRecord

from PySide6.QtCore import QCoreApplication
from ui.tab import DataEvents
from ui.widgets.undo import EditCommand, Inverse, ServiceCommand

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.database import Database

CREATED = QT_TRANSLATE_NOOP("AgreementCommands", "新建协议“{name}”")
EDITED = QT_TRANSLATE_NOOP("AgreementCommands", "修改协议“{name}”")
DELETED = QT_TRANSLATE_NOOP("AgreementCommands", "删除协议“{name}”")
COMMITMENT_ADDED = QT_TRANSLATE_NOOP("AgreementCommands", "添加承诺“{name}”")
COMMITMENT_EDITED = QT_TRANSLATE_NOOP("AgreementCommands", "修改承诺“{name}”")
COMMITMENT_DELETED = QT_TRANSLATE_NOOP("AgreementCommands", "删除承诺“{name}”")
FULFILMENT_RECORDED = QT_TRANSLATE_NOOP("AgreementCommands", "登记履约“{name}”")
FULFILMENT_DELETED = QT_TRANSLATE_NOOP("AgreementCommands", "删除履约记录“{name}”")


class AgreementCommand(ServiceCommand):
    area = Area.AGREEMENTS
    template: str  # the command's text, with {name}
    model: type[Entity] = Agreement

    def __init__(self, record_id: str, name: str, database: Database, events: DataEvents) -> None:
        text = QCoreApplication.translate("AgreementCommands", self.template).format(name=name)
        super().__init__(text, database, events)
        self.record_id = record_id

    def guarded_record(self) -> tuple[type[Entity], str] | None:
        return self.model, self.record_id


class CreateAgreementCommand(AgreementCommand):
    """Undo deletes the new agreement; redo restores the same one."""

    template = CREATED

    def apply(self, session: Session) -> None:
        service.restore_agreement(session, self.record_id)

    def revert(self, session: Session) -> None:
        version = service.get_agreement(session, self.record_id).version
        service.delete_agreement(session, self.record_id, version)


class DeleteAgreementCommand(Inverse, CreateAgreementCommand):
    """Redo deletes the agreement, undo restores it."""

    template = DELETED


class EditAgreementCommand(AgreementCommand, EditCommand[AgreementData]):
    template = EDITED

    def __init__(
        self,
        record_id: str,
        before: AgreementData,
        after: AgreementData,
        database: Database,
        events: DataEvents,
    ) -> None:
        super().__init__(record_id, after.title, database, events)
        self.before, self.after = before, after

    def save(self, session: Session, data: AgreementData) -> None:
        version = service.get_agreement(session, self.record_id).version
        service.save_agreement(session, self.record_id, version, data)


class AddCommitmentCommand(AgreementCommand):
    """Undo removes the new commitment; redo restores it."""

    template = COMMITMENT_ADDED
    model = Commitment

    def apply(self, session: Session) -> None:
        commitments.restore_commitment(session, self.record_id)

    def revert(self, session: Session) -> None:
        version = commitments.commitment_version(session, self.record_id)
        commitments.delete_commitment(session, self.record_id, version)


class DeleteCommitmentCommand(Inverse, AddCommitmentCommand):
    template = COMMITMENT_DELETED


class EditCommitmentCommand(AgreementCommand, EditCommand[CommitmentData]):
    template = COMMITMENT_EDITED
    model = Commitment

    def __init__(
        self,
        record_id: str,
        name: str,
        before: CommitmentData,
        after: CommitmentData,
        database: Database,
        events: DataEvents,
    ) -> None:
        super().__init__(record_id, name, database, events)
        self.before, self.after = before, after

    def save(self, session: Session, data: CommitmentData) -> None:
        version = commitments.commitment_version(session, self.record_id)
        commitments.save_commitment(session, self.record_id, version, data)


class RecordFulfilmentCommand(AgreementCommand):
    """Undo removes the fulfilment record; redo restores it."""

    template = FULFILMENT_RECORDED
    model = FulfilmentRecord

    def apply(self, session: Session) -> None:
        commitments.restore_fulfilment(session, self.record_id)

    def revert(self, session: Session) -> None:
        version = commitments.fulfilment_version(session, self.record_id)
        commitments.delete_fulfilment(session, self.record_id, version)


class DeleteFulfilmentCommand(Inverse, RecordFulfilmentCommand):
    template = FULFILMENT_DELETED
