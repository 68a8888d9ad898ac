"""SQL pieces the dashboard's figures share: Beijing dates of stored UTC times, month buckets,
rates. Written for SQLite and PostgreSQL, the two databases the app opens (what they spell
differently is in app.portable_sql)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, and_, case, func, literal
from sqlalchemy.sql.selectable import HasHints

from app.issues.lists import unindexed
from app.localtime import BEIJING
from db.models.issues import Issue, IssueStatus

S = TypeVar("S", bound=HasHints)
REPORTED_INDEX = "ix_issues_reported_figures"  # the covering indexes of db.models.issues
RESOLVED_INDEX = "ix_issues_resolved_figures"


def midnight(day: date) -> datetime:
    """Beijing midnight at the start of ``day``."""
    return datetime.combine(day, time(), BEIJING)


def month_bucket(column: Any, months: list[date], end: date) -> ColumnElement[int]:
    """The index in ``months`` of the month ``column`` falls in (NULL outside them), from the
    Beijing month boundaries, so an index on ``column`` serves the range."""
    bounds = [*months[1:], end]
    return case(
        *((column < midnight(bound), literal(i)) for i, bound in enumerate(bounds)),
        else_=None,
    )


def count_where(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def share(part: int, whole: int) -> float | None:
    """``part`` ÷ ``whole``, None when there is nothing to divide."""
    return part / whole if whole else None


def live_issue() -> ColumnElement[bool]:
    """Not deleted, written so that the planner walks the figures' covering indexes (which end
    in ``deleted_at``) rather than the ``deleted_at`` index every live row matches."""
    condition: ColumnElement[bool] = unindexed(Issue.deleted_at).is_(None)
    return condition


def received_issue() -> ColumnElement[bool]:
    """A live order the figures count as received: not rejected, and not a repeat complaint
    merged into another order (并单: the order is counted, once)."""
    return and_(live_issue(), Issue.status.not_in((IssueStatus.REJECTED, IssueStatus.MERGED)))


def by_reported(stmt: S) -> S:
    """On SQLite, read issues through the index by ``reported_at`` that holds every column the
    figures need (the planner, misled by the other indexes, may pick a slower one)."""
    return stmt.with_hint(Issue, f"INDEXED BY {REPORTED_INDEX}", "sqlite")


def by_resolved(stmt: S) -> S:
    """The same through the index by ``resolved_at``."""
    return stmt.with_hint(Issue, f"INDEXED BY {RESOLVED_INDEX}", "sqlite")
