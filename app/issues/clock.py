"""An issue's clock: the limit it runs on, its due moment, and pausing it.

The limit is the category's when the issue is registered, kept on the issue (a category
changed later does not move running deadlines). The clock stops while the lead unit's
objection is reviewed (the order cannot move then), and the due moment moves on by the time
it stood still, counted in the limit's own unit.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from app.issues.due import due_day
from app.issues.limits import DEFAULT_LIMIT, Limit, due_moment, shifted
from app.issues.store import calendar_for
from db.models.issues import Dispatch, Issue, IssueCategory, LimitUnit


def category_limit(session: Session, category_id: str | None) -> Limit:
    category = session.get(IssueCategory, category_id) if category_id else None
    if category is None or category.deleted_at is not None:
        return DEFAULT_LIMIT
    return Limit(category.limit_amount, category.limit_unit)


def issue_limit(issue: Issue) -> Limit:
    if issue.limit_amount is None or issue.limit_unit is None:
        return DEFAULT_LIMIT  # issues from before limits had units
    return Limit(issue.limit_amount, issue.limit_unit)


def set_issue_due(issue: Issue, due: datetime) -> None:
    issue.due_at = due
    issue.deadline = due_day(due)


def set_dispatch_due(dispatch: Dispatch, due: datetime) -> None:
    dispatch.due_at = due
    dispatch.due_on = due_day(due)


def start_clock(session: Session, issue: Issue, at: datetime, limit: Limit) -> None:
    """The issue runs on ``limit`` from ``at``."""
    issue.limit_amount, issue.limit_unit = limit.amount, limit.unit
    set_issue_due(issue, due_moment(calendar_for(session, at), at, limit))


def pause(issue: Issue, at: datetime) -> bool:
    """Stops the clock; False when it already stood still."""
    if issue.paused_at is not None:
        return False
    issue.paused_at = at
    return True


def resume(session: Session, issue: Issue, at: datetime) -> datetime | None:
    """Starts the clock again; the new due moment, or None when it did not move."""
    paused, issue.paused_at = issue.paused_at, None
    if paused is None or issue.due_at is None:
        return None
    unit = issue.limit_unit or LimitUnit.WORKING_DAYS
    due = shifted(calendar_for(session, at), issue.due_at, unit, paused, at)
    if due == issue.due_at:
        return None
    set_issue_due(issue, due)
    return due
