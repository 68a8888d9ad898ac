"""The 12345 hotline's monthly columns, per dispatch target unit and per community:
派单 (dispatched), 按期办结 (closed on time), 超期办结 (closed late), 未办结 (open), 办结率,
按期办结率, 不满意件数 and 不满意率 (of those with a recorded satisfaction).

A unit's row counts the dispatches it received in the period (returned ones left out), closed
when the unit reported it done, on time when that was on or before the dispatch's due day. A
community's row counts the issues received in the period (rejected ones left out), closed
when resolved, on time against the issue's deadline. Days are Beijing days."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.dashboard.charts import NO_NAME
from app.dashboard.scope import Scope
from app.dashboard.sql import by_reported, count_where, live_issue, received_issue, share
from app.portable_sql import beijing_date
from db.models.directory import OrgUnit, ResidentUnit
from db.models.issues import Dispatch, DispatchStatus, Issue, Satisfaction


@dataclass(frozen=True)
class HotlineRow:
    name: str
    dispatched: int
    on_time: int
    late: int
    open: int
    dissatisfied: int
    rated: int

    @property
    def closure_rate(self) -> float | None:
        return share(self.on_time + self.late, self.dispatched)

    @property
    def on_time_rate(self) -> float | None:
        return share(self.on_time, self.dispatched)

    @property
    def dissatisfied_rate(self) -> float | None:
        return share(self.dissatisfied, self.rated)


def _columns(done_at: Any, due: Any) -> tuple[ColumnElement[int], ...]:
    closed = done_at.is_not(None)
    in_time = or_(due.is_(None), beijing_date(done_at) <= due)
    return (
        func.count(),
        count_where(and_(closed, in_time)),
        count_where(and_(closed, ~in_time)),
        count_where(~closed),
        count_where(Issue.satisfaction == Satisfaction.DISSATISFIED),
        count_where(Issue.satisfaction.is_not(None)),
    )


HOTLINE_FIELDS = ("dispatched", "on_time", "late", "open", "dissatisfied", "rated")


def total(rows: list[HotlineRow], name: str) -> HotlineRow:
    """The 合计 row."""
    sums = [sum(getattr(r, f) for r in rows) for f in HOTLINE_FIELDS]
    return HotlineRow(name, *sums)


def per_unit(
    session: Session, scope: Scope, *figures: ColumnElement[int]
) -> list[tuple[str, list[int]]]:
    """(name, figures) per unit that received dispatches in the period (returned ones left
    out): the 12345 columns and the three rates count the same orders."""
    org, parent, unit = aliased(OrgUnit), aliased(OrgUnit), aliased(ResidentUnit)
    name = func.coalesce(func.coalesce(parent.name, "") + org.name, unit.name)
    stmt = (
        # one name per group: max() says so to PostgreSQL, which checks it
        select(func.max(name), *figures)
        .join(Issue, Issue.id == Dispatch.issue_id)
        .outerjoin(org, org.id == Dispatch.org_unit_id)
        .outerjoin(parent, parent.id == org.parent_id)
        .outerjoin(unit, unit.id == Dispatch.resident_unit_id)
        .where(
            live_issue(),
            Dispatch.status != DispatchStatus.RETURNED,
            Dispatch.dispatched_at >= scope.period.start_moment,
            Dispatch.dispatched_at < scope.period.end_moment,
        )
        .group_by(Dispatch.org_unit_id, Dispatch.resident_unit_id)
    )
    if scope.community_id:
        stmt = stmt.where(Issue.community_id == scope.community_id)
    return [(r[0] or NO_NAME, [int(v) for v in r[1:]]) for r in session.execute(stmt)]


def per_place(
    session: Session, scope: Scope, *figures: ColumnElement[int]
) -> list[tuple[str, list[int]]]:
    """(name, figures) per community (per grid within one community) of the orders received
    in the period, in the tree's order."""
    column = Issue.grid_id if scope.community_id else Issue.community_id
    place = aliased(OrgUnit)
    stmt = (
        select(func.max(place.name), func.max(place.position), *figures)
        .outerjoin(place, place.id == column)
        .where(
            received_issue(),
            Issue.reported_at >= scope.period.start_moment,
            Issue.reported_at < scope.period.end_moment,
        )
        .group_by(column)
    )
    if scope.community_id:
        stmt = stmt.where(Issue.community_id == scope.community_id)
    found = sorted(
        session.execute(by_reported(stmt)), key=lambda r: (r[0] is None, r[1] or 0, r[0] or "")
    )
    return [(r[0] or NO_NAME, [int(v) for v in r[2:]]) for r in found]


def by_unit(session: Session, scope: Scope) -> list[HotlineRow]:
    """Per unit that received dispatches in the period, most dispatches first."""
    found = per_unit(session, scope, *_columns(Dispatch.completed_at, Dispatch.due_on))
    rows = [HotlineRow(name, *figures) for name, figures in found]
    return sorted(rows, key=lambda r: (-r.dispatched, r.name))


def by_community(session: Session, scope: Scope) -> list[HotlineRow]:
    """Per community (per grid within one community), in the tree's order."""
    found = per_place(session, scope, *_columns(Issue.resolved_at, Issue.deadline))
    return [HotlineRow(name, *figures) for name, figures in found]
