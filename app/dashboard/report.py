"""The monthly report (工作月报): a month, the whole street or one community — the tiles'
figures, the 12345 columns per unit and per community, the three rates and the red and black
lists, the charts' figures, and the lists of overdue, supervised and escalated (问题工单)
issues."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, aliased

from app.dashboard.charts import (
    GroupRow,
    MonthRow,
    completion_by_zone,
    issues_by_category,
    issues_by_month,
    seven_rows,
)
from app.dashboard.hotline import HotlineRow, by_community, by_unit
from app.dashboard.kpis import Kpi, kpis
from app.dashboard.period import Period
from app.dashboard.rates import RateRow, community_rates, unit_rates
from app.dashboard.scope import Scope, scope_for, street_name
from app.dashboard.sql import live_issue
from app.issues.rules import IssueRules, load_rules
from app.issues.warnings import overdue_condition
from app.issues.workflow import OPEN_STATUSES
from db.models.directory import OrgLevel, OrgUnit
from db.models.issues import Issue, IssueStatus

LISTED = 100  # issues listed per section; the count says how many there are in all


@dataclass(frozen=True)
class IssueLine:
    number: str
    title: str
    community: str
    deadline: date | None
    note: str  # the supervision note


@dataclass(frozen=True)
class IssueSection:
    total: int
    lines: list[IssueLine]


@dataclass(frozen=True)
class MonthlyReport:
    period: Period
    scope_name: str  # the community's, the street's (when it is the only one) or 全街道
    by_grid: bool  # one community: its places are grids
    made_at: datetime
    kpis: list[Kpi]
    units: list[HotlineRow]
    places: list[HotlineRow]  # communities, or the grids of the one community
    months: list[MonthRow]
    categories: list[GroupRow]
    zones: list[GroupRow]
    overdue: IssueSection
    supervised: IssueSection
    unit_rates: list[RateRow]  # 三率
    place_rates: list[RateRow]
    rules: IssueRules
    escalated: IssueSection  # 问题工单 still open
    merged: int  # repeat complaints merged into an order this month (并单)

    @property
    def title(self) -> str:
        return f"{self.scope_name}{self.period.label()}工作月报"


def _issues(
    session: Session, community_id: str | None, *conditions: ColumnElement[bool]
) -> IssueSection:
    community = aliased(OrgUnit)
    where = [live_issue(), Issue.status.in_(OPEN_STATUSES), *conditions]
    if community_id:
        where.append(Issue.community_id == community_id)
    total = session.scalar(select(func.count()).select_from(Issue).where(*where)) or 0
    rows = session.execute(
        select(
            Issue.number,
            Issue.title,
            func.coalesce(community.name, ""),
            Issue.deadline,
            Issue.supervision_note,
        )
        .outerjoin(community, community.id == Issue.community_id)
        .where(*where)
        .order_by(Issue.deadline, Issue.number)
        .limit(LISTED)
    )
    return IssueSection(int(total), [IssueLine(*r) for r in rows])


def monthly_report(
    session: Session, period: Period, now: datetime, community_id: str | None = None
) -> MonthlyReport:
    scope = scope_for(session, period, now, community_id)
    pairs = seven_rows(session, scope)
    return MonthlyReport(
        period,
        scope.community_name or street_name(session) or "全街道",
        bool(community_id),
        now,
        kpis(session, scope, pairs),
        by_unit(session, scope),
        by_community(session, scope),
        issues_by_month(session, scope),
        issues_by_category(session, scope),
        completion_by_zone(scope, pairs),
        _issues(session, community_id, overdue_condition(now)),
        _issues(session, community_id, Issue.supervised.is_(True)),
        unit_rates(session, scope),
        community_rates(session, scope),
        load_rules(session),
        _issues(session, community_id, Issue.escalated.is_(True)),
        _merged(session, scope),
    )


def _merged(session: Session, scope: Scope) -> int:
    """Repeat complaints received in the period and merged into an order."""
    stmt = select(func.count()).where(
        live_issue(),
        Issue.status == IssueStatus.MERGED,
        Issue.reported_at >= scope.period.start_moment,
        Issue.reported_at < scope.period.end_moment,
    )
    if scope.community_id:
        stmt = stmt.where(Issue.community_id == scope.community_id)
    return int(session.scalar(stmt) or 0)


def community_by_name(session: Session, name: str) -> str | None:
    """The id of the live community called ``name``, else None."""
    return session.scalar(
        select(OrgUnit.id).where(
            OrgUnit.deleted_at.is_(None),
            OrgUnit.level == OrgLevel.COMMUNITY,
            OrgUnit.name == name.strip(),
        )
    )
