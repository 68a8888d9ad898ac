"""Warnings: red when a dispatch waits over 24 hours for its 报到 or a due moment has passed
(to the minute: the 2-hour tier), yellow when nothing happened for three days. Only issues
still being handled warn, and not for their deadline while the clock stands still.

The same rules exist twice: in Python for one issue (the editor, the reminder list) and as
SQL conditions for the list, which must not load a million rows to colour them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.orm import Session

from app.issues.due import due_cn
from app.issues.first_page import ACK_WITHIN, STALE_AFTER
from app.issues.records import Warning
from app.issues.workflow import OPEN_DISPATCH, OPEN_STATUSES
from app.localtime import to_beijing
from db.models.issues import Dispatch, DispatchStatus, Issue, IssueStatus


@dataclass(frozen=True)
class DispatchState:
    unit_name: str
    status: DispatchStatus
    dispatched_at: datetime
    due_at: datetime | None


def dispatch_warning(row: DispatchState, now: datetime) -> tuple[Warning | None, str]:
    if row.status is DispatchStatus.DISPATCHED and now - row.dispatched_at > ACK_WITHIN:
        return Warning.RED, f"{row.unit_name}派单超过24小时未报到"
    if row.status in OPEN_DISPATCH and row.due_at is not None and now > row.due_at:
        return Warning.RED, f"{row.unit_name}已超过办理时限（{due_cn(row.due_at)}）"
    return None, ""


def issue_warning(
    issue: Issue, dispatches: Sequence[DispatchState], now: datetime
) -> tuple[Warning | None, tuple[str, ...]]:
    """The warning and its reasons (most urgent first)."""
    if issue.status not in OPEN_STATUSES:
        return None, ()
    reasons: list[str] = []
    due = issue.due_at
    if due is not None and issue.paused_at is None and now > due:
        reasons.append(f"已超过办理时限（{due_cn(due)}）")
    for row in dispatches:
        level, why = dispatch_warning(row, now)
        if level is not None:
            reasons.append(why)
    if reasons:
        return Warning.RED, tuple(reasons)
    if now - issue.updated_at > STALE_AFTER:
        return Warning.YELLOW, ("超过3天没有进展",)
    return None, ()


def red_condition(now: datetime) -> ColumnElement[bool]:
    """SQL: the issue would be red at ``now``."""
    late_dispatch = exists(
        select(Dispatch.id).where(
            Dispatch.issue_id == Issue.id,
            or_(
                and_(
                    Dispatch.status == DispatchStatus.DISPATCHED,
                    Dispatch.dispatched_at < now - ACK_WITHIN,
                ),
                and_(Dispatch.status.in_(OPEN_DISPATCH), Dispatch.due_at < now),
            ),
        )
    )
    return and_(Issue.status.in_(OPEN_STATUSES), or_(_late(now), late_dispatch))


def _late(now: datetime) -> ColumnElement[bool]:
    return and_(Issue.due_at < now, Issue.paused_at.is_(None))


def overdue_condition(now: datetime) -> ColumnElement[bool]:
    """SQL: still being handled and past the issue's due moment (the list's 超期 filter)."""
    return and_(Issue.status.in_(OPEN_STATUSES), _late(now))


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
    due_at: datetime | None  # Beijing time
    warning: Warning | None
    reasons: tuple[str, ...]
    supervised: bool
    supervision_note: str
    escalated: bool  # 问题工单
    escalation_reason: str


def reminders(session: Session, now: datetime, limit: int = 500) -> list[Reminder]:
    """The 催办 list: open issues that are red, yellow, supervised or 问题工单; 问题工单 and
    red ones first."""
    from app.issues.detail import dispatch_states

    candidates = session.scalars(
        select(Issue)
        .where(
            Issue.deleted_at.is_(None),
            or_(
                red_condition(now),
                yellow_condition(now),
                Issue.supervised.is_(True),
                Issue.escalated.is_(True),
            ),
            Issue.status.in_(OPEN_STATUSES),
        )
        .order_by(Issue.due_at, Issue.number)
        .limit(limit)
    ).all()
    found: list[Reminder] = []
    for issue in candidates:
        level, reasons = issue_warning(issue, dispatch_states(session, issue), now)
        found.append(
            Reminder(
                issue.id,
                issue.number,
                issue.title,
                issue.status,
                issue.deadline,
                to_beijing(issue.due_at) if issue.due_at else None,
                level,
                reasons,
                issue.supervised,
                issue.supervision_note,
                issue.escalated,
                issue.escalation_reason,
            )
        )
    rank = {Warning.RED: 0, Warning.YELLOW: 1, None: 2}
    return sorted(found, key=lambda r: (not r.escalated, rank[r.warning], not r.supervised))
