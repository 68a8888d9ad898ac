"""What the dashboard looks at: a period and the whole street or one community, and the
filters of each area's list that show the same records (the tiles' and bars' links)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.dashboard.period import Period
from app.directory.subtree import subtree_select
from app.issues.workflow import OPEN_STATUSES
from db.models.directory import OrgLevel, OrgUnit
from db.models.issues import IssueStatus

ISSUES, MEETINGS, AGREEMENTS, SECONDMENTS = "issues", "meetings", "agreements", "secondments"
CLAIMS_VIEW = "lists"  # the agreements tab's 三张清单 (needs, resources, projects)
RESOLVED_STATUSES = (IssueStatus.RESOLVED, IssueStatus.FOLLOWED_UP, IssueStatus.CLOSED)


@dataclass(frozen=True)
class Link:
    """A list to open: the area ("issues", "meetings", "agreements", "secondments") and the
    filters of its ListSource, or one of the area's other views by name."""

    area: str
    filters: Mapping[str, Any] = field(default_factory=dict)
    view: str = ""


@dataclass(frozen=True)
class Scope:
    period: Period
    now: datetime  # overdue and reminders are judged at this moment
    community_id: str | None = None  # None: the whole street
    community_name: str = ""
    host_ids: tuple[str, ...] = ()  # the community and the grids below it (meeting hosts)

    def issues(self, **filters: Any) -> Link:
        if self.community_id:
            filters["community_id"] = self.community_id
        return Link(ISSUES, filters)

    def issues_reported(self, **filters: Any) -> Link:
        """Issues received in the period."""
        start, end = self.period.start, self.period.end
        return self.issues(reported_from=start, reported_before=end, **filters)

    def open_issues(self) -> Link:
        return self.issues(status=[s.value for s in OPEN_STATUSES])

    def resolved_issues(self) -> Link:
        return self.issues(status=[s.value for s in RESOLVED_STATUSES])

    def meetings(self, **filters: Any) -> Link:
        if self.host_ids:
            filters["host_org_unit_ids"] = self.host_ids
        return Link(MEETINGS, filters)

    def meetings_held(self) -> Link:
        return self.meetings(starts_from=self.period.start, starts_before=self.period.end)

    def agreements(self, **filters: Any) -> Link:
        if self.community_id:
            filters["community"] = self.community_id
        return Link(AGREEMENTS, filters)


def scope_for(
    session: Session, period: Period, now: datetime, community_id: str | None = None
) -> Scope:
    """The scope with the community's name and subtree read once."""
    if community_id is None:
        return Scope(period, now)
    name = session.scalar(select(OrgUnit.name).where(OrgUnit.id == community_id)) or ""
    hosts = tuple(session.scalars(subtree_select(community_id)))
    return Scope(period, now, community_id, name, hosts)


def street_name(session: Session) -> str:
    """The street's name when the database holds exactly one (the usual case: a title an
    official signs names the street), else ""."""
    names = session.scalars(
        select(OrgUnit.name)
        .where(OrgUnit.deleted_at.is_(None), OrgUnit.level == OrgLevel.STREET)
        .limit(2)
    ).all()
    return names[0] if len(names) == 1 else ""
