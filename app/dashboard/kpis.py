"""The home tab's tiles (and the monthly report's first table): one figure each, read in SQL.

A tile that counts records counts them with the list it opens (its ListSource and filters),
so the number on the tile is the number of rows the user then sees."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from app.agreements.lists import AgreementList
from app.agreements.matrix import MatrixRow
from app.agreements.records import expiring_days
from app.dashboard.charts import seven_rows
from app.dashboard.scope import SECONDMENTS, Link, Scope
from app.dashboard.sql import by_resolved, count_where, live_issue, share
from app.issues.lists import IssueList
from app.listing import ListQuery, ListSource
from app.localtime import local_day
from app.meetings.lists import MeetingList
from app.portable_sql import days_between
from app.secondments.lists import PostingList
from app.secondments.reminders import DueEvaluation, evaluations_due
from db.models.agreements import AgreementStatus
from db.models.issues import Issue, Satisfaction
from db.models.meetings import ActionItem, ActionStatus, AgendaItem, Decision, Meeting

SOURCES: dict[str, type[ListSource]] = {
    "issues": IssueList,
    "meetings": MeetingList,
    "agreements": AgreementList,
    "secondments": PostingList,
}


class Attention(StrEnum):
    """Whether a tile's figure asks for action: most do not, and are not coloured."""

    NONE = ""
    WARNING = "warning"  # something to plan for: agreements about to end, evaluations due
    ALERT = "alert"  # something already late: overdue issues


# a tile needs attention when its figure is above zero
ATTENTION = {
    "overdue": Attention.ALERT,
    "expiring_agreements": Attention.WARNING,
    "evaluations_due": Attention.WARNING,
}


@dataclass(frozen=True)
class Kpi:
    key: str
    value: int | float | None  # a count, days, or a share 0..1; None: nothing to measure
    link: Link

    @property
    def attention(self) -> Attention:
        if self.key in ATTENTION and isinstance(self.value, int) and self.value > 0:
            return ATTENTION[self.key]
        return Attention.NONE


def list_count(session: Session, link: Link, now: datetime) -> int:
    """How many rows the list of ``link`` shows when judged at ``now`` (超期, 即将到期: the
    lists' ``now`` and ``today`` filters, left out of the link so that the list opened later
    judges at its own moment)."""
    filters = {**link.filters, "now": now, "today": local_day(now)}
    return SOURCES[link.area]().count(session, ListQuery(filters=filters))


def _resolved_in_period(scope: Scope) -> list[ColumnElement[bool]]:
    conditions = [
        live_issue(),
        Issue.resolved_at >= scope.period.start_moment,
        Issue.resolved_at < scope.period.end_moment,
    ]
    if scope.community_id:
        conditions.append(Issue.community_id == scope.community_id)
    return conditions


def _resolution(session: Session, scope: Scope) -> tuple[int, float | None, float | None]:
    """Resolved in the period: how many, their mean days from report to resolution, and the
    share of the rated ones that were satisfied or basically satisfied."""
    pleased = Issue.satisfaction.in_((Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED))
    resolved, days, rated, satisfied = session.execute(
        by_resolved(
            select(
                func.count(),
                func.avg(days_between(Issue.reported_at, Issue.resolved_at)),
                count_where(Issue.satisfaction.is_not(None)),
                count_where(pleased),
            ).where(*_resolved_in_period(scope))
        )
    ).one()
    return int(resolved), None if days is None else float(days), share(satisfied, rated)


def open_actions(scope: Scope) -> Select[int]:
    """Counts the meetings' action items not yet done, of the scope's hosts."""
    stmt = (
        select(func.count())
        .select_from(ActionItem)
        .join(Decision, Decision.id == ActionItem.decision_id)
        .join(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(
            Meeting.deleted_at.is_(None),
            ActionItem.status.in_((ActionStatus.OPEN, ActionStatus.IN_PROGRESS)),
        )
    )
    if scope.host_ids:
        stmt = stmt.where(Meeting.host_org_unit_id.in_(scope.host_ids))
    return stmt


def seven_completion(rows: list[MatrixRow]) -> float | None:
    """The share of the 七个共 cells done over the branch pairings."""
    return share(sum(r.completion for r in rows), 7 * len(rows))


def kpis(
    session: Session,
    scope: Scope,
    pairs: list[MatrixRow] | None = None,
    due: list[DueEvaluation] | None = None,
) -> list[Kpi]:
    """The tiles, in the order shown; ``pairs``: the 七个共 matrix, ``due``: the evaluations
    due, if already read."""
    pairs = seven_rows(session, scope) if pairs is None else pairs
    due = evaluations_due(session, local_day(scope.now)) if due is None else due
    resolved, days, satisfaction = _resolution(session, scope)
    counted = {
        "open_issues": scope.open_issues(),
        "overdue": scope.issues(overdue=True),
        "meetings": scope.meetings_held(),
        "active_agreements": scope.agreements(status=AgreementStatus.ACTIVE.value),
        "expiring_agreements": scope.agreements(expiring_within=expiring_days(session)),
        "active_postings": Link(SECONDMENTS, {"active": True}),
    }
    figures = {k: Kpi(k, list_count(session, link, scope.now), link) for k, link in counted.items()}
    resolved_link = scope.resolved_issues()
    more = [
        Kpi("resolved", resolved, resolved_link),
        Kpi("resolve_days", days, resolved_link),
        Kpi("satisfaction", satisfaction, resolved_link),
        Kpi("open_actions", int(session.scalar(open_actions(scope)) or 0), scope.meetings()),
        Kpi("seven", seven_completion(pairs), scope.agreements(kind="branch_pairing")),
        Kpi("evaluations_due", len(due), Link(SECONDMENTS, {"active": True})),
    ]
    figures.update({k.key: k for k in more})
    return [figures[key] for key in KPI_ORDER]


KPI_ORDER = (
    "open_issues",
    "overdue",
    "resolved",
    "resolve_days",
    "satisfaction",
    "meetings",
    "open_actions",
    "active_agreements",
    "expiring_agreements",
    "seven",
    "active_postings",
    "evaluations_due",
)
