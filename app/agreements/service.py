"""Agreement use cases: create, read and save agreements with their parties.

The lifecycle (生效, 终止, 续签, states that follow the dates) is in ``lifecycle``; the
commitments and their fulfilment in ``commitments``. One session per user action, opened by
the caller; every function takes and returns plain data. Each change is audited with the
record before and after; edits are checked against the version the editor read
(``ConflictError`` when someone saved in between).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.agreements.lifecycle import (
    DATED,
    INITIAL,
    Action,
    allowed_actions,
    check_editable,
    status_for,
)
from app.agreements.records import AgreementData, CommitmentData, PartyRef, expiring_days
from app.agreements.store import (
    AGREEMENT,
    check_number_free,
    live_agreement,
    record,
    restore,
    set_parties,
    soft_delete,
    state,
)
from app.errors import invalid
from app.i18n import QT_TRANSLATE_NOOP
from app.localtime import beijing_today
from app.store import Loaded, data_of, fill, stored
from db.models.agreements import (
    Agreement,
    AgreementParty,
    AgreementStatus,
    Commitment,
)
from db.models.directory import OrgUnit, PartyOrg, ResidentUnit


@dataclass(frozen=True)
class PartyDetail:
    id: str  # the agreement_parties row
    ref: PartyRef
    name: str


CommitmentDetail = Loaded[CommitmentData]


@dataclass(frozen=True)
class AgreementDetail:
    """An agreement as the editor shows it; ``data`` is what ``save_agreement`` takes back."""

    id: str
    version: int
    data: AgreementData
    status: AgreementStatus
    end_reason: str
    predecessor_id: str | None
    successor_id: str | None
    parties: tuple[PartyDetail, ...]
    commitments: tuple[CommitmentDetail, ...]
    actions: frozenset[Action]  # what the lifecycle allows now (the editor's buttons)
    expiring_in_days: int | None  # days left while 即将到期, else None


def create_agreement(session: Session, data: AgreementData) -> AgreementDetail:
    """A new agreement, 草拟 until it is activated."""
    return get_agreement(session, add_agreement(session, data).id)


def add_agreement(session: Session, data: AgreementData) -> Agreement:
    """``create_agreement`` without reading the agreement back: an import builds hundreds
    and writes them at its end."""
    clean = data.validated()
    check_number_free(session, clean.number, None)
    agreement = Agreement(status=INITIAL)
    _fill(agreement, clean)
    session.add(agreement)
    record(session, "create", agreement, None)
    return agreement


def _fill(agreement: Agreement, clean: AgreementData) -> None:
    """Puts validated data on a new or edited agreement, its parties in their own rows."""
    fill(agreement, clean, leave={"parties"})
    set_parties(agreement, clean.parties)


def save_agreement(
    session: Session,
    agreement_id: str,
    version: int,
    data: AgreementData,
    today: date | None = None,
) -> AgreementDetail:
    """Saves an edit; an active agreement's status follows its (possibly new) dates."""
    agreement = live_agreement(session, agreement_id, version)
    check_editable(agreement)
    clean = data.validated()
    check_number_free(session, clean.number, agreement.id)
    if agreement.status in DATED and (clean.valid_from is None or clean.valid_to is None):
        raise invalid("valid_to", QT_TRANSLATE_NOOP("validation", "生效的协议必须有有效期。"))
    before = state(agreement)
    _fill(agreement, clean)
    agreement.status = status_for(
        clean.valid_from,
        clean.valid_to,
        today or beijing_today(),
        expiring_days(session),
        agreement.status,
    )
    record(session, "update", agreement, before)
    return get_agreement(session, agreement.id)


def party_names(session: Session, parties: list[AgreementParty]) -> dict[str, str]:
    """agreement_parties id → the name of the unit, community or branch."""
    ids: list[tuple[Any, list[str]]] = [
        (OrgUnit, [p.org_unit_id for p in parties if p.org_unit_id]),
        (ResidentUnit, [p.resident_unit_id for p in parties if p.resident_unit_id]),
        (PartyOrg, [p.party_org_id for p in parties if p.party_org_id]),
    ]
    names: dict[str, str] = {}
    for model, wanted in ids:
        if wanted:
            rows = session.execute(select(model.id, model.name).where(model.id.in_(wanted)))
            names.update({r[0]: r[1] for r in rows})
    return {
        p.id: names.get(p.org_unit_id or p.resident_unit_id or p.party_org_id or "", "")
        for p in parties
    }


def get_agreement(session: Session, agreement_id: str) -> AgreementDetail:
    agreement = live_agreement(session, agreement_id)
    names = party_names(session, agreement.parties)
    parties = tuple(
        PartyDetail(
            p.id,
            PartyRef(p.side, p.org_unit_id, p.resident_unit_id, p.party_org_id),
            names[p.id],
        )
        for p in agreement.parties
    )
    successor = session.scalar(
        select(Agreement.id).where(
            Agreement.predecessor_id == agreement.id, Agreement.deleted_at.is_(None)
        )
    )
    commitments = tuple(
        Loaded(
            c.id,
            c.version,
            data_of(CommitmentData, c),
        )
        for c in agreement.commitments
        if c.deleted_at is None
    )
    return AgreementDetail(
        id=agreement.id,
        version=agreement.version,
        data=data_of(AgreementData, agreement, parties=tuple(p.ref for p in parties)),
        status=agreement.status,
        end_reason=agreement.end_reason,
        predecessor_id=agreement.predecessor_id,
        successor_id=successor,
        parties=parties,
        commitments=commitments,
        actions=allowed_actions(agreement.status),
        expiring_in_days=(
            (agreement.valid_to - beijing_today()).days
            if agreement.status is AgreementStatus.EXPIRING and agreement.valid_to
            else None
        ),
    )


def delete_agreement(session: Session, agreement_id: str, version: int) -> None:
    soft_delete(session, live_agreement(session, agreement_id), version)


def restore_agreement(session: Session, agreement_id: str) -> None:
    """Undoes ``delete_agreement`` (and redoes a creation that was undone)."""
    restore(session, stored(session, Agreement, agreement_id, AGREEMENT))


def first_with_commitments(session: Session) -> str | None:
    """The first agreement by number that has commitments, a running one if there is one
    (what a screenshot of the editor opens)."""
    running = Agreement.status.in_((AgreementStatus.ACTIVE, AgreementStatus.EXPIRING))
    return session.scalar(
        select(Agreement.id)
        .join(Commitment, Commitment.agreement_id == Agreement.id)
        .where(Agreement.deleted_at.is_(None), Commitment.deleted_at.is_(None))
        .order_by(running.desc(), Agreement.number)
        .limit(1)
    )


def count_agreements(session: Session) -> int:
    return int(session.scalar(select(func.count()).where(Agreement.deleted_at.is_(None))) or 0)
