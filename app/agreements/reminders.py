"""What the home tab reminds of: agreements expiring soon, commitments behind schedule and
needs nobody has claimed for more than N days (Setting ``need_unclaimed_days``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.agreements.claims import unclaimed_needs
from app.agreements.progress import CommitmentProgress, behind_commitments
from app.agreements.records import expiring_days, unclaimed_days
from db.models.agreements import Agreement, AgreementStatus


@dataclass(frozen=True)
class ExpiringAgreement:
    id: str
    number: str
    title: str
    valid_to: date
    days_left: int


@dataclass(frozen=True)
class UnclaimedNeed:
    id: str
    title: str
    raised_on: date
    days_open: int


@dataclass(frozen=True)
class AgreementReminders:
    expiring: list[ExpiringAgreement]
    behind: list[CommitmentProgress]
    unclaimed: list[UnclaimedNeed]

    @property
    def total(self) -> int:
        return len(self.expiring) + len(self.behind) + len(self.unclaimed)


def expiring_agreements(
    session: Session, today: date, days: int | None = None
) -> list[ExpiringAgreement]:
    """Running agreements that end within ``days`` (default: the expiring setting)."""
    within = expiring_days(session) if days is None else days
    rows = session.execute(
        select(Agreement.id, Agreement.number, Agreement.title, Agreement.valid_to)
        .where(
            Agreement.deleted_at.is_(None),
            Agreement.status.in_((AgreementStatus.ACTIVE, AgreementStatus.EXPIRING)),
            Agreement.valid_to >= today,
            Agreement.valid_to <= today + timedelta(days=within),
        )
        .order_by(Agreement.valid_to, Agreement.number)
    )
    return [ExpiringAgreement(i, n, t, v, (v - today).days) for i, n, t, v in rows if v]


def reminders(session: Session, today: date) -> AgreementReminders:
    return AgreementReminders(
        expiring=expiring_agreements(session, today),
        behind=behind_commitments(session, today.year, today),
        unclaimed=[
            UnclaimedNeed(i, t, on, (today - on).days)
            for i, t, on in unclaimed_needs(session, today, unclaimed_days(session))
        ],
    )
