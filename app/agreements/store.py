"""What the agreement use cases share: loading records, versions, audit, the org tree."""

from __future__ import annotations

import re
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.agreements.records import PartyRef
from app.errors import check_version, invalid
from app.i18n import QT_TRANSLATE_NOOP
from app.store import Audit, live
from db.base import Entity
from db.models.agreements import (
    Agreement,
    AgreementKind,
    AgreementParty,
    Commitment,
    FulfilmentRecord,
    ListEntry,
    MemberRegistration,
)

AGREEMENT = QT_TRANSLATE_NOOP("fields", "协议")
COMMITMENT = QT_TRANSLATE_NOOP("fields", "承诺事项")
FULFILMENT = QT_TRANSLATE_NOOP("fields", "履约记录")
LIST_ENTRY = QT_TRANSLATE_NOOP("fields", "清单条目")
REGISTRATION = QT_TRANSLATE_NOOP("fields", "报到登记")
Deletable = Agreement | Commitment | FulfilmentRecord | ListEntry | MemberRegistration
T = TypeVar("T", bound=Entity)
PREFIXES = {
    AgreementKind.CO_BUILDING: "GJ",
    AgreementKind.TWO_WAY_SERVICE: "SX",
    AgreementKind.BRANCH_PAIRING: "ZB",
}


def state(obj: Entity) -> dict[str, Any]:
    """A row as the audit log keeps it; an agreement with its parties (who signed is part of
    what an agreement is)."""
    result = audit.snapshot(obj)
    if isinstance(obj, Agreement):
        result["parties"] = sorted(
            (
                {
                    "side": party.side.value,
                    "org_unit_id": party.org_unit_id,
                    "resident_unit_id": party.resident_unit_id,
                    "party_org_id": party.party_org_id,
                }
                for party in obj.parties
            ),
            key=lambda p: (p["side"], *(str(p[k] or "") for k in sorted(p))),
        )
    return result


AUDIT = Audit(state)
record = AUDIT.record
added = AUDIT.added
restore = AUDIT.restore


def soft_delete(session: Session, row: Deletable, version: int) -> None:
    """Marks ``row`` deleted (audited); ``restore`` brings it back."""
    check_version(row, version)
    AUDIT.soft_delete(session, row)


def live_agreement(session: Session, agreement_id: str, version: int | None = None) -> Agreement:
    return live(session, Agreement, agreement_id, AGREEMENT, version=version)


def live_commitment(session: Session, commitment_id: str, version: int | None = None) -> Commitment:
    return live(session, Commitment, commitment_id, COMMITMENT, version=version)


def live_fulfilment(session: Session, fulfilment_id: str) -> FulfilmentRecord:
    return live(session, FulfilmentRecord, fulfilment_id, FULFILMENT)


def live_entry(session: Session, entry_id: str, version: int | None = None) -> ListEntry:
    return live(session, ListEntry, entry_id, LIST_ENTRY, version=version)


def live_registration(session: Session, registration_id: str) -> MemberRegistration:
    return live(session, MemberRegistration, registration_id, REGISTRATION)


# Numbers and parties ------------------------------------------------------------------------


def propose_number(session: Session, kind: AgreementKind, year: int, code: str = "") -> str:
    """The next free number like ``ZB2026-NHL-001`` (``code`` is the street's code)."""
    stem = f"{PREFIXES[kind]}{year}" + (f"-{code}" if code else "")
    numbers = session.scalars(select(Agreement.number).where(Agreement.number.like(f"{stem}-%")))
    pattern = re.compile(re.escape(stem) + r"-(\d+)$")
    used = [int(m.group(1)) for n in numbers if (m := pattern.match(n))]
    return f"{stem}-{max(used, default=0) + 1:03d}"


def check_number_free(session: Session, number: str, own_id: str | None) -> None:
    """Refuses a number another agreement has (``own_id``: the agreement being saved)."""
    other = session.scalar(select(Agreement.id).where(Agreement.number == number))
    if other is not None and other != own_id:
        raise invalid(
            "number", QT_TRANSLATE_NOOP("validation", "协议编号{number}已被使用。"), number=number
        )


def set_parties(agreement: Agreement, parties: tuple[PartyRef, ...]) -> None:
    """The agreement's parties become ``parties``, keeping the rows of those that stay."""
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


def number_code(number: str) -> str:
    """The street's code in a number like ``GJ2026-NHL-001`` ("" when it has none)."""
    parts = number.split("-")
    return parts[1] if len(parts) == 3 else ""
