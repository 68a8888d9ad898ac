"""Progress of commitments for a year: done count ÷ yearly target (capped at 100 %), and
"behind schedule" when the elapsed share of the year is ahead of the done share by more than
the margin (Setting ``behind_schedule_margin``). Counted in SQL, one query per question."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from app.agreements.lifecycle import RUNNING
from app.agreements.records import behind_margin
from db.models.agreements import (
    Agreement,
    Commitment,
    FulfilmentRecord,
    JointActivity,
)


@dataclass(frozen=True)
class CommitmentProgress:
    commitment_id: str
    agreement_id: str
    agreement_number: str
    agreement_title: str
    activity: JointActivity
    text: str
    target: int
    done: int
    percent: int  # 0..100
    behind: bool


@dataclass(frozen=True)
class AgreementProgress:
    agreement_id: str
    target: int  # the sum of the yearly targets
    done: int  # the sum of the done counts, each capped at its target
    percent: int
    behind: bool


def elapsed_share(year: int, today: date) -> float:
    """How much of ``year`` has passed on ``today`` (0 before it, 1 after it)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    if today < start:
        return 0.0
    if today >= end:
        return 1.0
    return ((today - start).days + 1) / ((end - start).days + 1)


def percent(done: int, target: int) -> int:
    if target <= 0:
        return 100
    return min(100, done * 100 // target)


def is_behind(done: int, target: int, year: int, today: date, margin: float) -> bool:
    done_share = 1.0 if target <= 0 else min(1.0, done / target)
    return elapsed_share(year, today) - done_share > margin


def _done_counts(year: int) -> Select[str | None, int]:
    return (
        select(FulfilmentRecord.commitment_id.label("commitment_id"), func.count().label("done"))
        .where(
            FulfilmentRecord.deleted_at.is_(None),
            FulfilmentRecord.commitment_id.is_not(None),
            FulfilmentRecord.held_on >= date(year, 1, 1),
            FulfilmentRecord.held_on <= date(year, 12, 31),
        )
        .group_by(FulfilmentRecord.commitment_id)
    )


def commitment_progress(
    session: Session,
    year: int,
    today: date,
    *,
    agreement_id: str | None = None,
    only_behind: bool = False,
) -> list[CommitmentProgress]:
    """Each live commitment of one agreement (or of every running agreement) for ``year``."""
    done = _done_counts(year).subquery()
    stmt = (
        select(
            Commitment.id,
            Commitment.agreement_id,
            Agreement.number,
            Agreement.title,
            Commitment.activity,
            Commitment.text,
            Commitment.yearly_target,
            func.coalesce(done.c.done, 0),
        )
        .join(Agreement, Agreement.id == Commitment.agreement_id)
        .outerjoin(done, done.c.commitment_id == Commitment.id)
        .where(Commitment.deleted_at.is_(None), Agreement.deleted_at.is_(None))
        .order_by(Agreement.number, Commitment.created_at, Commitment.id)
    )
    if agreement_id is not None:
        stmt = stmt.where(Commitment.agreement_id == agreement_id)
    else:
        stmt = stmt.where(Agreement.status.in_(RUNNING))
    margin = behind_margin(session)
    result = []
    for row in session.execute(stmt):
        count, target = int(row[7]), int(row[6])
        behind = is_behind(count, target, year, today, margin)
        if only_behind and not behind:
            continue
        result.append(
            CommitmentProgress(
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                row[5],
                target,
                count,
                percent(count, target),
                behind,
            )
        )
    return result


def agreement_progress(
    session: Session, year: int, today: date, agreement_ids: list[str] | None = None
) -> dict[str, AgreementProgress]:
    """Per agreement: capped done counts over targets, summed in SQL."""
    done = _done_counts(year).subquery()
    count = func.coalesce(done.c.done, 0)
    capped = case((count > Commitment.yearly_target, Commitment.yearly_target), else_=count)
    stmt = (
        select(
            Commitment.agreement_id,
            func.sum(Commitment.yearly_target),
            func.sum(capped),
        )
        .outerjoin(done, done.c.commitment_id == Commitment.id)
        .where(Commitment.deleted_at.is_(None))
        .group_by(Commitment.agreement_id)
    )
    if agreement_ids is not None:
        stmt = stmt.where(Commitment.agreement_id.in_(agreement_ids))
    margin = behind_margin(session)
    result = {}
    for agreement_id, target, done_sum in session.execute(stmt):
        t, d = int(target or 0), int(done_sum or 0)
        result[agreement_id] = AgreementProgress(
            agreement_id, t, d, percent(d, t), is_behind(d, t, year, today, margin)
        )
    return result


def behind_commitments(session: Session, year: int, today: date) -> list[CommitmentProgress]:
    """Commitments of running agreements that are behind schedule."""
    return commitment_progress(session, year, today, only_behind=True)


__all__ = [
    "AgreementProgress",
    "CommitmentProgress",
    "agreement_progress",
    "behind_commitments",
    "commitment_progress",
    "elapsed_share",
    "is_behind",
    "percent",
]
