"""Warnings: red when a dispatch waits over 24 hours for its 报到 or a deadline has passed,
yellow when nothing happened for three days. Only issues still being handled warn.

The same rules exist twice: in Python for one issue (the editor, the reminder list) and as
SQL conditions for the list, which must not load a million rows to colour them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.orm import Session

from app.issues.records import Warning
from app.issues.store import local_day
from app.issues.workflow import OPEN_STATUSES
from app.meetings.tracking import cn_date
from db.models.issues import Dispatch, DispatchStatus, Issue, IssueStatus

ACK_WITHIN = timedelta(hours=24)
STALE_AFTER = timedelta(days=3)
OPEN_DISPATCH = (DispatchStatus.DISPATCHED, DispatchStatus.ACKNOWLEDGED)


@dataclass(frozen=True)
class DispatchState:
    unit_name: str
    status: DispatchStatus
    dispatched_at: datetime
    due_on: date | None


def dispatch_warning(row: DispatchState, now: datetime) -> tuple[Warning | None, str]:
    today = local_day(now)
    if row.status is DispatchStatus.DISPATCHED and now - row.dispatched_at > ACK_WITHIN:
        return Warning.RED, f"{row.unit_name}派单超过24小时未报到"
    if row.status in OPEN_DISPATCH and row.due_on is not None and today > row.due_on:
        return Warning.RED, f"{row.unit_name}已超过办理时限（{cn_date(row.due_on)}）"
    return None, ""


def issue_warning(
    status: IssueStatus,
    deadline: date | None,
    last_activity: datetime,
    dispatches: Sequence[DispatchState],
    now: datetime,
) -> tuple[Warning | None, tuple[str, ...]]:
    """The warning and its reasons (most urgent first)."""
    if status not in OPEN_STATUSES:
        return None, ()
    reasons: list[str] = []
    if deadline is not None and local_day(now) > deadline:
        reasons.append(f"已超过办理时限（{cn_date(deadline)}）")
    for row in dispatches:
        level, why = dispatch_warning(row, now)
        if level is not None:
            reasons.append(why)
    if reasons:
        return Warning.RED, tuple(reasons)
    if now - last_activity > STALE_AFTER:
        return Warning.YELLOW, ("超过3天没有进展",)
    return None, ()


def red_condition(now: datetime) -> ColumnElement[bool]:
    """SQL: the issue would be red at ``now``."""
    today = local_day(now)
    late_dispatch = exists(
        select(Dispatch.id).where(
            Dispatch.issue_id == Issue.id,
            or_(
                and_(
                    Dispatch.status == DispatchStatus.DISPATCHED,
                    Dispatch.dispatched_at < now - ACK_WITHIN,
                ),
                and_(Dispatch.status.in_(OPEN_DISPATCH), Dispatch.due_on < today),
            ),
        )
    )
    return and_(Issue.status.in_(OPEN_STATUSES), or_(Issue.deadline < today, late_dispatch))


def overdue_condition(now: datetime) -> ColumnElement[bool]:
    """SQL: still being handled and past the issue's deadline (the list's 超期 filter)."""
    return and_(Issue.status.in_(OPEN_STATUSES), Issue.deadline < local_day(now))


def yellow_condition(now: datetime) -> ColumnElement[bool]:
    return and_(Issue.status.in_(OPEN_STATUSES), Issue.updated_at < now - STALE_AFTER)


@dataclass(frozen=True)
class Reminder:
    """One line of the 催办 list."""

    issue_id: str
    number: str
    title: str
    status: IssueStatus
    deadline: date | None
    warning: Warning | None
    reasons: tuple[str, ...]
    supervised: bool
    supervision_note: str


def reminders(session: Session, now: datetime, limit: int = 500) -> list[Reminder]:
    """The 催办 list: open issues that are red, yellow or supervised; red ones first."""
    from app.issues.detail import dispatch_states

    candidates = session.scalars(
        select(Issue)
        .where(
            Issue.deleted_at.is_(None),
            or_(red_condition(now), yellow_condition(now), Issue.supervised.is_(True)),
            Issue.status.in_(OPEN_STATUSES),
        )
        .order_by(Issue.deadline, Issue.number)
        .limit(limit)
    ).all()
    found: list[Reminder] = []
    for issue in candidates:
        level, reasons = issue_warning(
            issue.status, issue.deadline, issue.updated_at, dispatch_states(session, issue), now
        )
        found.append(
            Reminder(
                issue.id,
                issue.number,
                issue.title,
                issue.status,
                issue.deadline,
                level,
                reasons,
                issue.supervised,
                issue.supervision_note,
            )
        )
    rank = {Warning.RED: 0, Warning.YELLOW: 1, None: 2}
    return sorted(found, key=lambda r: (rank[r.warning], not r.supervised))
