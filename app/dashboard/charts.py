"""The home tab's charts (and the monthly report's): each a few rows aggregated in SQL.

A bar knows the list it stands for (``Link``), so clicking it opens those records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, and_, bindparam, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.agreements.matrix import MatrixRow, seven_matrix
from app.dashboard.period import month_start, next_month
from app.dashboard.scope import Link, Scope
from app.dashboard.sql import (
    by_reported,
    by_resolved,
    count_where,
    midnight,
    month_bucket,
    received_issue,
    share,
)
from app.issues.workflow import OPEN_STATUSES
from app.localtime import local_day
from app.portable_sql import beijing_date
from db.models.directory import OrgUnit
from db.models.issues import Issue, IssueCategory, Satisfaction
from db.models.meetings import Meeting

NO_NAME = "（未填）"


@dataclass(frozen=True)
class MonthRow:
    month: date  # its first day
    received: int
    resolved: int
    overdue: int  # received that month and past their deadline: resolved late or still open
    link: Link  # the issues received that month


@dataclass(frozen=True)
class GroupRow:
    """One bar: a category, community, grid or zone."""

    name: str
    count: int
    share: float | None  # satisfaction (communities) or completion (zones); None elsewhere
    link: Link


def count_step(top: float) -> int:
    """A whole step of 1, 2 or 5 × 10ⁿ that marks 0 to ``top`` with at most five steps: an
    axis of counts shows no fractions (0.5 件) however small its counts."""
    step = 1
    while top / step > 5:
        for factor in (2, 5 / 2, 2):
            step = round(step * factor)
            if top / step <= 5:
                break
    return step


def _live_issues(scope: Scope) -> list[ColumnElement[bool]]:
    conditions = [received_issue()]
    if scope.community_id:
        conditions.append(Issue.community_id == scope.community_id)
    return conditions


def late_condition(now_day: date) -> ColumnElement[bool]:
    """The issue ran past its deadline: resolved after it, or still open after it."""
    return and_(
        Issue.deadline.is_not(None),
        or_(
            and_(Issue.resolved_at.is_not(None), beijing_date(Issue.resolved_at) > Issue.deadline),
            and_(Issue.status.in_(OPEN_STATUSES), Issue.deadline < now_day),
        ),
    )


def _per_month(
    session: Session, column: Any, months: list[date], scope: Scope, *extra: ColumnElement[Any]
) -> list[tuple[int, ...]]:
    """``count(*)`` and ``extra`` over the issues whose ``column`` falls in each month: one
    query per month, each a range of the covering index (cheaper than bucketing every row)."""
    start: BindParameter[datetime] = bindparam("start")
    end: BindParameter[datetime] = bindparam("end")
    stmt = select(func.count(), *extra).where(*_live_issues(scope), column >= start, column < end)
    stmt = by_reported(stmt) if column is Issue.reported_at else by_resolved(stmt)
    return [
        tuple(int(v) for v in session.execute(stmt, {"start": midnight(first),
                                                     "end": midnight(next_month(first))}).one())
        for first in months
    ]  # fmt: skip


def issues_by_month(session: Session, scope: Scope) -> list[MonthRow]:
    """Received, resolved and overdue issues per month of the trend, up to this month (a month
    still to come has nothing to show, not a fall to zero)."""
    today = local_day(scope.now)
    months = [m for m in scope.period.trend_months() if m <= today] or [month_start(today)]
    late = count_where(late_condition(today))
    received = _per_month(session, Issue.reported_at, months, scope, late)
    resolved = _per_month(session, Issue.resolved_at, months, scope)
    return [
        MonthRow(
            first,
            got,
            done,
            over,
            scope.issues(reported_from=first, reported_before=next_month(first)),
        )
        for first, (got, over), (done,) in zip(months, received, resolved, strict=True)
    ]


def _received_in_period(scope: Scope) -> list[ColumnElement[bool]]:
    return [
        *_live_issues(scope),
        Issue.reported_at >= scope.period.start_moment,
        Issue.reported_at < scope.period.end_moment,
    ]


def issues_by_category(session: Session, scope: Scope) -> list[GroupRow]:
    """Issues received in the period per category, most first."""
    count = func.count().label("n")
    rows = session.execute(
        by_reported(
            select(Issue.category_id, func.max(IssueCategory.name), count)
            .outerjoin(IssueCategory, IssueCategory.id == Issue.category_id)
            .where(*_received_in_period(scope))
            .group_by(Issue.category_id)
            .order_by(count.desc())
        )
    )
    return [
        GroupRow(name or NO_NAME, n, None, scope.issues_reported(category_id=key))
        for key, name, n in rows
    ]


def issues_by_place(session: Session, scope: Scope) -> list[GroupRow]:
    """Issues received in the period per community (per grid within one community), with the
    share of the rated ones that were satisfied or basically satisfied, in the tree's order."""
    column = Issue.grid_id if scope.community_id else Issue.community_id
    place = aliased(OrgUnit)
    pleased = Issue.satisfaction.in_((Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED))
    stmt = (
        select(
            column,
            func.max(place.name),
            func.max(place.position),
            func.count(),
            count_where(Issue.satisfaction.is_not(None)),
            count_where(pleased),
        )
        .outerjoin(place, place.id == column)
        .where(*_received_in_period(scope))
        .group_by(column)
    )
    rows = session.execute(by_reported(stmt))
    key = "grid_id" if scope.community_id else "community_id"
    found = sorted(rows, key=lambda r: (r[1] is None, r[2] or 0, r[1] or ""))
    return [
        GroupRow(name or NO_NAME, n, share(pleased_n, rated), scope.issues_reported(**{key: id_}))
        for id_, name, _position, n, rated, pleased_n in found
    ]


def meetings_by_month(session: Session, scope: Scope) -> list[GroupRow]:
    """Meetings held per month of the trend (drafts included: a meeting planned is counted)."""
    months = scope.period.trend_months()
    end = next_month(months[-1])
    bucket = month_bucket(Meeting.starts_at, months, end).label("bucket")
    stmt = (
        select(bucket, func.count())
        .where(
            Meeting.deleted_at.is_(None),
            Meeting.starts_at >= midnight(months[0]),
            Meeting.starts_at < midnight(end),
        )
        .group_by(bucket)
    )
    if scope.host_ids:
        stmt = stmt.where(Meeting.host_org_unit_id.in_(scope.host_ids))
    counts = {int(b): int(n) for b, n in session.execute(stmt) if b is not None}
    return [
        GroupRow(
            f"{first.month}月",
            counts.get(i, 0),
            None,
            scope.meetings(starts_from=first, starts_before=next_month(first)),
        )
        for i, first in enumerate(months)
    ]


def seven_rows(session: Session, scope: Scope) -> list[MatrixRow]:
    """The 七个共 matrix of the branch pairings in scope, for the year the period ends in."""
    year = scope.period.last_day.year
    return seven_matrix(session, year, community_id=scope.community_id, sort="community")


def completion_by_zone(scope: Scope, rows: list[MatrixRow]) -> list[GroupRow]:
    """七个共 completion per zone (片区): done cells over seven per pairing. ``count`` is the
    number of pairings."""
    zones: dict[str, list[int]] = {}
    for row in rows:
        zones.setdefault(row.zone_name or NO_NAME, []).append(row.completion)
    link = scope.agreements(kind="branch_pairing")
    return [
        GroupRow(name, len(done), share(sum(done), 7 * len(done)), link)
        for name, done in zones.items()
    ]
