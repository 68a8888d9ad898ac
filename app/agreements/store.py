"""What the agreement use cases share: loading records, versions, audit, the org tree."""

from __future__ import annotations

import re
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app import audit
from app.agreements.records import PartyRef
from app.errors import ConflictError, check_version, invalid, not_found
from app.i18n import QT_TRANSLATE_NOOP
from db.base import Entity, utcnow
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


def record(
    session: Session, action: str, obj: Entity, before: dict[str, Any] | None, *, reason: str = ""
) -> None:
    """An audit entry with ``obj`` as it is now (``state``), flushing first."""
    try:
        session.flush()
    except StaleDataError:
        raise ConflictError.stale() from None
    after = None if action == "purge" else state(obj)  # purged: the row is gone
    audit.append(session, action, obj.__tablename__, obj.id, before, after, reason=reason)


def stored(session: Session, kind: type[T], row_id: str, what: str) -> T:
    """The row, deleted or not (what a restore works on)."""
    row = session.get(kind, row_id)
    if row is None:
        raise not_found(what, row_id)
    return row


def soft_delete(session: Session, row: Deletable, version: int) -> None:
    """Marks ``row`` deleted (audited); ``restore`` brings it back."""
    check_version(row, version)
    before = state(row)
    row.deleted_at = utcnow()
    record(session, "delete", row, before)


def restore(session: Session, row: Deletable) -> None:
    """Undoes ``soft_delete`` (nothing when ``row`` is not deleted)."""
    if row.deleted_at is None:
        return
    before = state(row)
    row.deleted_at = None
    record(session, "restore", row, before)


def live(session: Session, kind: type[T], row_id: str, what: str) -> T:
    """The row unless it is missing or deleted (then "找不到{what}")."""
    row = stored(session, kind, row_id, what)
    if getattr(row, "deleted_at", None) is not None:
        raise not_found(what, row_id)
    return row


def live_agreement(session: Session, agreement_id: str) -> Agreement:
    return live(session, Agreement, agreement_id, AGREEMENT)


def live_commitment(session: Session, commitment_id: str) -> Commitment:
    return live(session, Commitment, commitment_id, COMMITMENT)


def live_fulfilment(session: Session, fulfilment_id: str) -> FulfilmentRecord:
    return live(session, FulfilmentRecord, fulfilment_id, FULFILMENT)


def live_entry(session: Session, entry_id: str) -> ListEntry:
    return live(session, ListEntry, entry_id, LIST_ENTRY)


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
