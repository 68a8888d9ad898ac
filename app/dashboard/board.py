"""Everything the home tab shows for one scope, read in one session."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.dashboard.charts import (
    GroupRow,
    MonthRow,
    completion_by_zone,
    issues_by_category,
    issues_by_month,
    issues_by_place,
    meetings_by_month,
    seven_rows,
)
from app.dashboard.kpis import Kpi, kpis
from app.dashboard.rates import RateRow, community_rates, unit_rates
from app.dashboard.reminders import ReminderLine, reminders
from app.dashboard.scope import Scope, street_name
from app.issues.rules import IssueRules, load_rules
from app.localtime import local_day
from app.secondments.reminders import evaluations_due
from app.summary import DirectoryCounts, directory_counts
from db.models.directory import OrgLevel, OrgUnit


@dataclass(frozen=True)
class Board:
    scope: Scope
    kpis: list[Kpi]
    issue_months: list[MonthRow]
    categories: list[GroupRow]
    places: list[GroupRow]  # communities, or the grids of the one chosen
    meetings: list[GroupRow]
    zones: list[GroupRow]
    reminders: list[ReminderLine]
    directory: DirectoryCounts
    street: str  # the street's name when there is only one, else ""
    unit_rates: list[RateRow]  # 三率 per unit that received orders
    place_rates: list[RateRow]  # … per community, or per grid of the one chosen
    rules: IssueRules  # the weights and minimum samples they are ranked by

    def kpi(self, key: str) -> Kpi:
        return next(k for k in self.kpis if k.key == key)


def board(session: Session, scope: Scope) -> Board:
    pairs = seven_rows(session, scope)
    due = evaluations_due(session, local_day(scope.now))
    return Board(
        scope,
        kpis(session, scope, pairs, due),
        issues_by_month(session, scope),
        issues_by_category(session, scope),
        issues_by_place(session, scope),
        meetings_by_month(session, scope),
        completion_by_zone(scope, pairs),
        reminders(session, scope, due),
        directory_counts(session),
        street_name(session),
        unit_rates(session, scope),
        community_rates(session, scope),
        load_rules(session),
    )


def communities(session: Session) -> list[tuple[str, str]]:
    """(id, name) of every live community, in the tree's order, for the community filter."""
    rows = session.execute(
        select(OrgUnit.id, OrgUnit.name)
        .where(OrgUnit.deleted_at.is_(None), OrgUnit.level == OrgLevel.COMMUNITY)
        .order_by(OrgUnit.position, OrgUnit.name)
    )
    return [(i, n) for i, n in rows]
