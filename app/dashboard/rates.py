"""三率: 响应率, 解决率 and 满意率 per unit and per community for a period, their weighted score,
and the red and black lists (红黑榜) — the office's weights and minimum samples from
``app.issues.rules``; a unit or community with too few orders is shown but never ranked.

Per unit (a dispatch target), of the orders it received in the period (an accepted objection
takes one off it): 响应 — it reported (报到) within 24 hours of the dispatch; 解决 — it reported
its result; 满意 — of those whose resident was called, 满意 or 基本满意.
Per community, of the orders received in the period (rejected ones and repeats merged into
another order left out): 响应 — a unit reported within 24 hours of its dispatch; 解决 —
resolved; 满意 — as above.
Score = (weight × rate summed) ÷ 100, in percentage points. Days are Beijing days.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, select
from sqlalchemy.orm import Session, aliased

from app.dashboard.hotline import per_place, per_unit
from app.dashboard.scope import Scope
from app.dashboard.sql import count_where, share
from app.issues.rules import IssueRules
from app.portable_sql import days_between
from db.models.issues import Dispatch, DispatchStatus, Issue, Satisfaction

RESPONSE_DAYS = 1  # 24 hours to 报到
PLEASED = (Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED)


@dataclass(frozen=True)
class RateRow:
    name: str
    received: int
    responded: int
    resolved: int
    rated: int
    satisfied: int

    @property
    def response_rate(self) -> float | None:
        return share(self.responded, self.received)

    @property
    def resolution_rate(self) -> float | None:
        return share(self.resolved, self.received)

    @property
    def satisfaction_rate(self) -> float | None:
        return share(self.satisfied, self.rated)

    def ranked(self, rules: IssueRules) -> bool:
        """Enough orders and follow-ups for one case not to make the ranking."""
        return self.received >= rules.min_samples and self.rated >= rules.min_rated

    def score(self, rules: IssueRules) -> float | None:
        rates = (self.response_rate, self.resolution_rate, self.satisfaction_rate)
        if not self.ranked(rules) or any(r is None for r in rates):
            return None
        weighted = sum(w * (r or 0.0) for w, r in zip(rules.weights, rates, strict=True))
        return 100 * weighted / sum(rules.weights)


def _responded(dispatch: Any) -> ColumnElement[bool]:
    """``dispatch``: the Dispatch class or an alias of it."""
    return and_(
        dispatch.acknowledged_at.is_not(None),
        days_between(dispatch.dispatched_at, dispatch.acknowledged_at) <= RESPONSE_DAYS,
    )


def unit_rates(session: Session, scope: Scope) -> list[RateRow]:
    """Per unit that received orders in the period, most orders first."""
    found = per_unit(
        session,
        scope,
        func.count(),
        count_where(_responded(Dispatch)),
        count_where(Dispatch.status == DispatchStatus.DONE),
        count_where(Issue.satisfaction.is_not(None)),
        count_where(Issue.satisfaction.in_(PLEASED)),
    )
    rows = [RateRow(name, *figures) for name, figures in found]
    return sorted(rows, key=lambda r: (-r.received, r.name))


def community_rates(session: Session, scope: Scope) -> list[RateRow]:
    """Per community (per grid within one community), in the tree's order."""
    answered = aliased(Dispatch)
    responded = exists(
        select(answered.id).where(answered.issue_id == Issue.id, _responded(answered))
    )
    found = per_place(
        session,
        scope,
        func.count(),
        count_where(responded),
        count_where(Issue.resolved_at.is_not(None)),
        count_where(Issue.satisfaction.is_not(None)),
        count_where(Issue.satisfaction.in_(PLEASED)),
    )
    return [RateRow(name, *figures) for name, figures in found]


@dataclass(frozen=True)
class Ranking:
    """红黑榜: the best (red) and the worst (black) by score, and who is not ranked."""

    red: list[tuple[RateRow, float]]
    black: list[tuple[RateRow, float]]
    unranked: list[RateRow]  # too few orders or follow-ups in the period


def ranking(rows: list[RateRow], rules: IssueRules) -> Ranking:
    """The top and bottom ``rules.list_size``; with fewer ranked than two lists' worth, the
    better half is red and the rest black, so no one stands on both."""
    scored = ranked(rows, rules)
    size = min(rules.list_size, len(scored) // 2 + len(scored) % 2)
    red = scored[:size]
    black = list(reversed(scored[size:]))[: rules.list_size]
    return Ranking(red, black, [r for r in rows if r.score(rules) is None])


def ranked(rows: list[RateRow], rules: IssueRules) -> list[tuple[RateRow, float]]:
    """The rows with enough samples, best score first."""
    scored = ((r, s) for r in rows if (s := r.score(rules)) is not None)
    return sorted(scored, key=lambda pair: (-pair[1], pair[0].name))


def rates_rule(rules: IssueRules) -> str:
    """The rule in words, printed and shown above the figures."""
    w = rules.weights
    return (
        f"得分＝响应率×{w[0]}%＋解决率×{w[1]}%＋满意率×{w[2]}%；"
        f"不足{rules.min_samples}件或回访不足{rules.min_rated}件的不排名"
    )
