"""An agreement's commitments (承诺事项) and the fulfilment records (履约记录) counted
towards them.

Each change is audited; a terminated or renewed agreement's commitments and records are not
changed (``lifecycle.check_editable``), and fulfilment is recorded only once it is signed.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.agreements.lifecycle import Action, check, check_editable
from app.agreements.records import CommitmentData, FulfilmentData
from app.agreements.store import (
    COMMITMENT,
    FULFILMENT,
    added,
    live_agreement,
    live_commitment,
    live_fulfilment,
    record,
    restore,
    soft_delete,
)
from app.errors import invalid
from app.i18n import QT_TRANSLATE_NOOP
from app.store import Loaded, columns, data_of, fill, stored
from db.models.agreements import Agreement, Commitment, FulfilmentRecord, JointActivity


def _check_responsible(agreement: Agreement, party_id: str | None) -> None:
    if party_id is not None and party_id not in {p.id for p in agreement.parties}:
        raise invalid(
            "responsible_party_id",
            QT_TRANSLATE_NOOP("validation", "责任方应为本协议的签约方之一。"),
        )


def add_commitment(session: Session, agreement_id: str, data: CommitmentData) -> str:
    agreement = live_agreement(session, agreement_id)
    check_editable(agreement)
    clean = data.validated()
    _check_responsible(agreement, clean.responsible_party_id)
    return added(session, Commitment(agreement_id=agreement.id, **columns(clean)))


def save_commitment(
    session: Session, commitment_id: str, version: int, data: CommitmentData
) -> None:
    commitment = live_commitment(session, commitment_id, version)
    check_editable(commitment.agreement)
    clean = data.validated()
    _check_responsible(commitment.agreement, clean.responsible_party_id)
    before = audit.snapshot(commitment)
    fill(commitment, clean)
    record(session, "update", commitment, before)


def delete_commitment(session: Session, commitment_id: str, version: int) -> None:
    commitment = live_commitment(session, commitment_id)
    check_editable(commitment.agreement)
    soft_delete(session, commitment, version)


def restore_commitment(session: Session, commitment_id: str) -> None:
    commitment = stored(session, Commitment, commitment_id, COMMITMENT)
    check_editable(commitment.agreement)
    restore(session, commitment)


def record_fulfilment(session: Session, agreement_id: str, data: FulfilmentData) -> str:
    """A fulfilment record; it counts towards ``data.commitment_id`` (of this agreement)."""
    agreement = live_agreement(session, agreement_id)
    check_editable(agreement)
    clean = data.validated()
    if clean.commitment_id is not None:
        commitment = live_commitment(session, clean.commitment_id)
        if commitment.agreement_id != agreement.id:
            raise invalid(
                "commitment_id", QT_TRANSLATE_NOOP("validation", "所选承诺事项不属于本协议。")
            )
    check(Action.RECORD_FULFILMENT, agreement.status)
    return added(session, FulfilmentRecord(agreement_id=agreement.id, **columns(clean)))


def commitment_version(session: Session, commitment_id: str) -> int:
    return live_commitment(session, commitment_id).version


def fulfilment_version(session: Session, fulfilment_id: str) -> int:
    return live_fulfilment(session, fulfilment_id).version


def commitment_for(session: Session, agreement_id: str, activity: JointActivity) -> str | None:
    """The agreement's (first) live commitment to ``activity``."""
    return session.scalar(
        select(Commitment.id)
        .where(
            Commitment.agreement_id == agreement_id,
            Commitment.activity == activity,
            Commitment.deleted_at.is_(None),
        )
        .order_by(Commitment.created_at, Commitment.id)
        .limit(1)
    )


FulfilmentDetail = Loaded[FulfilmentData]


def fulfilments_of(
    session: Session, agreement_id: str, year: int | None = None
) -> list[FulfilmentDetail]:
    """An agreement's fulfilment records (of ``year`` when given), latest first."""
    stmt = select(FulfilmentRecord).where(
        FulfilmentRecord.agreement_id == agreement_id, FulfilmentRecord.deleted_at.is_(None)
    )
    if year is not None:
        stmt = stmt.where(
            FulfilmentRecord.held_on >= date(year, 1, 1),
            FulfilmentRecord.held_on <= date(year, 12, 31),
        )
    rows = session.scalars(stmt.order_by(FulfilmentRecord.held_on.desc(), FulfilmentRecord.id))
    return [
        Loaded(
            f.id,
            f.version,
            data_of(FulfilmentData, f),
        )
        for f in rows
    ]


def delete_fulfilment(session: Session, fulfilment_id: str, version: int) -> None:
    fulfilment = live_fulfilment(session, fulfilment_id)
    check_editable(live_agreement(session, fulfilment.agreement_id))
    soft_delete(session, fulfilment, version)


def restore_fulfilment(session: Session, fulfilment_id: str) -> None:
    fulfilment = stored(session, FulfilmentRecord, fulfilment_id, FULFILMENT)
    check_editable(live_agreement(session, fulfilment.agreement_id))
    restore(session, fulfilment)
