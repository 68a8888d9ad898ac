"""Agreement use cases: create, read and save agreements with their parties; the lifecycle
(activate, terminate, renew, states that follow the dates); commitments and fulfilment.

One session per user action, opened by the caller; every function takes and returns plain
data. Each change is audited with the record before and after; edits are checked against the
version the editor read (``ConflictError`` when someone saved in between).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.agreements.records import (
    BEHIND_MARGIN_KEY,
    DATED,
    EXPIRING_DAYS_KEY,
    AgreementData,
    AgreementSettings,
    CommitmentData,
    FulfilmentData,
    PartyRef,
    expiring_days,
    invalid,
    status_for,
)
from app.agreements.store import (
    AGREEMENT,
    COMMITMENT,
    FULFILMENT,
    check_version,
    live_agreement,
    live_commitment,
    live_fulfilment,
    record,
    refuse,
    restore,
    soft_delete,
    state,
    stored,
)
from app.i18n import QT_TRANSLATE_NOOP
from app.localtime import beijing_today
from app.settings_store import store_setting
from db.models.agreements import (
    Agreement,
    AgreementKind,
    AgreementParty,
    AgreementStatus,
    Commitment,
    FulfilmentRecord,
    JointActivity,
)
from db.models.directory import OrgUnit, PartyOrg, ResidentUnit

PREFIXES = {
    AgreementKind.CO_BUILDING: "GJ",
    AgreementKind.TWO_WAY_SERVICE: "SX",
    AgreementKind.BRANCH_PAIRING: "ZB",
}


@dataclass(frozen=True)
class PartyDetail:
    id: str  # the agreement_parties row
    ref: PartyRef
    name: str


@dataclass(frozen=True)
class CommitmentDetail:
    id: str
    version: int
    data: CommitmentData


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


def propose_number(session: Session, kind: AgreementKind, year: int, code: str = "") -> str:
    """The next free number like ``ZB2026-NHL-001`` (``code`` is the street's code)."""
    stem = f"{PREFIXES[kind]}{year}" + (f"-{code}" if code else "")
    numbers = session.scalars(select(Agreement.number).where(Agreement.number.like(f"{stem}-%")))
    pattern = re.compile(re.escape(stem) + r"-(\d+)$")
    used = [int(m.group(1)) for n in numbers if (m := pattern.match(n))]
    return f"{stem}-{max(used, default=0) + 1:03d}"


def _check_number_free(session: Session, number: str, own_id: str | None) -> None:
    other = session.scalar(select(Agreement.id).where(Agreement.number == number))
    if other is not None and other != own_id:
        raise invalid(
            "number", QT_TRANSLATE_NOOP("validation", "协议编号{number}已被使用。"), number=number
        )


def _set_parties(agreement: Agreement, parties: tuple[PartyRef, ...]) -> None:
    kept = {
        (p.side, p.org_unit_id, p.resident_unit_id, p.party_org_id): p for p in agreement.parties
    }
    wanted = []
    for ref in parties:
        key = (ref.side, ref.org_unit_id, ref.resident_unit_id, ref.party_org_id)
        wanted.append(
            kept.get(key)
            or AgreementParty(
                side=ref.side,
                org_unit_id=ref.org_unit_id,
                resident_unit_id=ref.resident_unit_id,
                party_org_id=ref.party_org_id,
            )
        )
    agreement.parties = wanted


def create_agreement(session: Session, data: AgreementData) -> AgreementDetail:
    """A new agreement, 草拟 until it is activated."""
    return get_agreement(session, add_agreement(session, data).id)


def add_agreement(session: Session, data: AgreementData) -> Agreement:
    """``create_agreement`` without reading the agreement back: an import builds hundreds
    and writes them at its end."""
    clean = data.validated()
    _check_number_free(session, clean.number, None)
    assert clean.kind is not None
    agreement = Agreement(
        kind=clean.kind,
        number=clean.number,
        title=clean.title,
        signed_on=clean.signed_on,
        valid_from=clean.valid_from,
        valid_to=clean.valid_to,
        summary=clean.summary,
        status=AgreementStatus.DRAFT,
    )
    _set_parties(agreement, clean.parties)
    session.add(agreement)
    record(session, "create", agreement, None)
    return agreement


def check_editable(agreement: Agreement) -> None:
    """A terminated or renewed agreement is on the record as it ended: it is not edited."""
    if agreement.status is AgreementStatus.TERMINATED:
        raise invalid("status", QT_TRANSLATE_NOOP("validation", "协议已终止，不能再修改。"))
    if agreement.status is AgreementStatus.RENEWED:
        raise invalid(
            "status",
            QT_TRANSLATE_NOOP("validation", "协议已续签，不能再修改；请修改续签后的新协议。"),
        )


def save_agreement(
    session: Session,
    agreement_id: str,
    version: int,
    data: AgreementData,
    today: date | None = None,
) -> AgreementDetail:
    """Saves an edit; an active agreement's status follows its (possibly new) dates."""
    agreement = live_agreement(session, agreement_id)
    check_version(agreement, version)
    check_editable(agreement)
    clean = data.validated()
    _check_number_free(session, clean.number, agreement.id)
    if agreement.status in DATED and (clean.valid_from is None or clean.valid_to is None):
        raise invalid("valid_to", QT_TRANSLATE_NOOP("validation", "生效的协议必须有有效期。"))
    before = state(agreement)
    assert clean.kind is not None
    agreement.kind = clean.kind
    agreement.number = clean.number
    agreement.title = clean.title
    agreement.signed_on = clean.signed_on
    agreement.valid_from = clean.valid_from
    agreement.valid_to = clean.valid_to
    agreement.summary = clean.summary
    _set_parties(agreement, clean.parties)
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
        CommitmentDetail(
            c.id,
            c.version,
            CommitmentData(c.activity, c.text, c.responsible_party_id, c.yearly_target, c.due_on),
        )
        for c in agreement.commitments
        if c.deleted_at is None
    )
    return AgreementDetail(
        id=agreement.id,
        version=agreement.version,
        data=AgreementData(
            kind=agreement.kind,
            number=agreement.number,
            title=agreement.title,
            parties=tuple(p.ref for p in parties),
            signed_on=agreement.signed_on,
            valid_from=agreement.valid_from,
            valid_to=agreement.valid_to,
            summary=agreement.summary,
        ),
        status=agreement.status,
        end_reason=agreement.end_reason,
        predecessor_id=agreement.predecessor_id,
        successor_id=successor,
        parties=parties,
        commitments=commitments,
    )


def delete_agreement(session: Session, agreement_id: str, version: int) -> None:
    soft_delete(session, live_agreement(session, agreement_id), version)


def restore_agreement(session: Session, agreement_id: str) -> None:
    """Undoes ``delete_agreement`` (and redoes a creation that was undone)."""
    restore(session, stored(session, Agreement, agreement_id, AGREEMENT))


# The lifecycle ------------------------------------------------------------------------------


def _check_reason(reason: str) -> str:
    text = reason.strip()
    if not text:
        raise invalid("reason", QT_TRANSLATE_NOOP("validation", "请填写原因。"))
    if len(text) > 200:
        raise invalid("reason", QT_TRANSLATE_NOOP("validation", "原因最多200个字。"))
    return text


def activate(
    session: Session,
    agreement_id: str,
    version: int,
    *,
    reason: str = "",
    today: date | None = None,
) -> AgreementStatus:
    """草拟 → 生效 (or 即将到期 when its end is near): needs the signing date and valid dates
    that have not passed."""
    agreement = live_agreement(session, agreement_id)
    check_version(agreement, version)
    now = today or beijing_today()
    if agreement.status is not AgreementStatus.DRAFT:
        raise refuse(QT_TRANSLATE_NOOP("errors", "只有草拟的协议可以生效。"))
    if agreement.valid_from is None or agreement.valid_to is None:
        raise invalid("valid_from", QT_TRANSLATE_NOOP("validation", "请先填写有效期再使协议生效。"))
    if agreement.valid_to < now:
        raise invalid("valid_to", QT_TRANSLATE_NOOP("validation", "有效期已过，不能生效。"))
    if agreement.signed_on is None:
        raise invalid("signed_on", QT_TRANSLATE_NOOP("validation", "请先填写签订日期。"))
    before = state(agreement)
    agreement.status = status_for(
        agreement.valid_from,
        agreement.valid_to,
        now,
        expiring_days(session),
        AgreementStatus.ACTIVE,
    )
    record(session, "activate", agreement, before, reason=reason.strip())
    return agreement.status


def terminate(session: Session, agreement_id: str, version: int, reason: str) -> AgreementStatus:
    """终止 with a reason; an agreement that has expired, was renewed or ended cannot."""
    agreement = live_agreement(session, agreement_id)
    check_version(agreement, version)
    text = _check_reason(reason)
    if agreement.status not in (
        AgreementStatus.DRAFT,
        AgreementStatus.ACTIVE,
        AgreementStatus.EXPIRING,
    ):
        raise refuse(QT_TRANSLATE_NOOP("errors", "已到期、已终止或已续签的协议不能终止。"))
    before = state(agreement)
    agreement.status = AgreementStatus.TERMINATED
    agreement.end_reason = text
    record(session, "terminate", agreement, before, reason=text)
    return agreement.status


def renew(
    session: Session,
    agreement_id: str,
    version: int,
    valid_to: date,
    *,
    valid_from: date | None = None,
    signed_on: date | None = None,
    number: str | None = None,
    reason: str = "",
    today: date | None = None,
) -> AgreementDetail:
    """续签: a successor with the same parties and commitments from the day after the old end
    (or ``valid_from``) to ``valid_to``; the old one becomes 续签. Returns the successor."""
    old = live_agreement(session, agreement_id)
    check_version(old, version)
    if old.status not in DATED:
        raise refuse(QT_TRANSLATE_NOOP("errors", "只有生效、即将到期或到期的协议可以续签。"))
    now = today or beijing_today()
    start = valid_from or (old.valid_to + timedelta(days=1) if old.valid_to else now)
    if valid_to < start:
        raise invalid(
            "valid_to", QT_TRANSLATE_NOOP("validation", "有效期至不能早于有效期起始日期。")
        )
    new_number = number or propose_number(session, old.kind, start.year, number_code(old.number))
    _check_number_free(session, new_number, None)
    successor = Agreement(
        kind=old.kind,
        number=new_number,
        title=old.title,
        signed_on=signed_on or now,
        valid_from=start,
        valid_to=valid_to,
        summary=old.summary,
        predecessor_id=old.id,
        status=status_for(start, valid_to, now, expiring_days(session), AgreementStatus.ACTIVE),
    )
    _set_parties(
        successor,
        tuple(
            PartyRef(p.side, p.org_unit_id, p.resident_unit_id, p.party_org_id) for p in old.parties
        ),
    )
    session.add(successor)
    session.flush()
    by_ref = {(p.org_unit_id, p.resident_unit_id, p.party_org_id): p for p in successor.parties}
    old_refs = {p.id: (p.org_unit_id, p.resident_unit_id, p.party_org_id) for p in old.parties}
    for c in old.commitments:
        if c.deleted_at is not None:
            continue
        responsible = by_ref[old_refs[c.responsible_party_id]] if c.responsible_party_id else None
        due = (
            _shift_year(c.due_on, valid_to.year - old.valid_to.year)
            if (c.due_on and old.valid_to)
            else None
        )
        successor.commitments.append(
            Commitment(
                activity=c.activity,
                text=c.text,
                responsible_party_id=responsible.id if responsible else None,
                yearly_target=c.yearly_target,
                due_on=due,
            )
        )
    record(session, "create", successor, None, reason=reason.strip())
    before = state(old)
    old.status = AgreementStatus.RENEWED
    record(session, "renew", old, before, reason=reason.strip())
    return get_agreement(session, successor.id)


def number_code(number: str) -> str:
    """The street's code in a number like ``GJ2026-NHL-001`` ("" when it has none)."""
    parts = number.split("-")
    return parts[1] if len(parts) == 3 else ""


def _shift_year(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def refresh_statuses(session: Session, today: date | None = None) -> int:
    """Moves every live agreement's stored status on to what its dates say today (生效 →
    即将到期 → 到期); each change is audited. Returns how many changed."""
    now = today or beijing_today()
    days = expiring_days(session)
    changed = 0
    rows = session.scalars(
        select(Agreement).where(Agreement.deleted_at.is_(None), Agreement.status.in_(DATED))
    ).all()
    for agreement in rows:
        status = status_for(agreement.valid_from, agreement.valid_to, now, days, agreement.status)
        if status is not agreement.status:
            before = state(agreement)
            agreement.status = status
            record(session, "status", agreement, before)
            changed += 1
    return changed


def save_settings(session: Session, settings: AgreementSettings, today: date | None = None) -> int:
    """Stores the settings (each change audited) and moves the states on to what the new
    number of days says. Returns how many agreements changed state."""
    clean = settings.validated()
    for key, value in (
        (EXPIRING_DAYS_KEY, clean.expiring_days),
        (BEHIND_MARGIN_KEY, clean.behind_percent / 100),
    ):
        store_setting(session, key, value)
    session.flush()
    return refresh_statuses(session, today)


# Commitments and fulfilment -----------------------------------------------------------------


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
    assert clean.activity is not None
    commitment = Commitment(
        agreement_id=agreement.id,
        activity=clean.activity,
        text=clean.text,
        responsible_party_id=clean.responsible_party_id,
        yearly_target=clean.yearly_target,
        due_on=clean.due_on,
    )
    session.add(commitment)
    record(session, "create", commitment, None)
    return commitment.id


def save_commitment(
    session: Session, commitment_id: str, version: int, data: CommitmentData
) -> None:
    commitment = live_commitment(session, commitment_id)
    check_version(commitment, version)
    check_editable(commitment.agreement)
    clean = data.validated()
    _check_responsible(commitment.agreement, clean.responsible_party_id)
    assert clean.activity is not None
    before = audit.snapshot(commitment)
    commitment.activity = clean.activity
    commitment.text = clean.text
    commitment.responsible_party_id = clean.responsible_party_id
    commitment.yearly_target = clean.yearly_target
    commitment.due_on = clean.due_on
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
    if agreement.status is AgreementStatus.DRAFT:
        raise refuse(QT_TRANSLATE_NOOP("errors", "草拟的协议尚未生效，不能登记履约。"))
    assert clean.held_on is not None and clean.activity is not None
    fulfilment = FulfilmentRecord(
        agreement_id=agreement.id,
        commitment_id=clean.commitment_id,
        held_on=clean.held_on,
        activity=clean.activity,
        participants=clean.participants,
        hours=clean.hours,
        place=clean.place,
        note=clean.note,
    )
    session.add(fulfilment)
    record(session, "create", fulfilment, None)
    return fulfilment.id


def commitment_version(session: Session, commitment_id: str) -> int:
    return live_commitment(session, commitment_id).version


def fulfilment_version(session: Session, fulfilment_id: str) -> int:
    return live_fulfilment(session, fulfilment_id).version


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


def count_agreements(session: Session) -> int:
    return int(session.scalar(select(func.count()).where(Agreement.deleted_at.is_(None))) or 0)


@dataclass(frozen=True)
class FulfilmentDetail:
    id: str
    version: int
    data: FulfilmentData


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
        FulfilmentDetail(
            f.id,
            f.version,
            FulfilmentData(
                f.held_on, f.activity, f.commitment_id, f.participants, f.hours, f.place, f.note
            ),
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
