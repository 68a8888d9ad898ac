"""This year's progress of commitments, reckoned in plain SQL and arithmetic, free of SQLAlchemy.

A commitment's done count is its fulfilment records held in the year; an agreement's progress
is the done counts, each capped at its commitment's yearly target, over the targets summed
(100 % when nothing is targeted). It is behind schedule when the share of the year elapsed
is ahead of the done share by more than the margin (Setting ``behind_schedule_margin``).
The agreements list, its first page read before SQLAlchemy loads (``first_page.py``) and the
commitments' progress (``progress.py``) all reckon here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from app.rows import Query, in_list

BEHIND_MARGIN_KEY = "behind_schedule_margin"
BEHIND_MARGIN_DEFAULT = 0.2

DONE_SQL = """(SELECT count(*) FROM fulfilment_records f
    WHERE f.commitment_id = c.id AND f.deleted_at IS NULL
    AND f.held_on >= :year_starts AND f.held_on <= :year_ends)"""
"""A commitment ``c``'s done count in the year (parameters: :func:`year_params`)."""

_AGREEMENTS_SQL = f"""
SELECT agreement_id, sum(target), sum(CASE WHEN done > target THEN target ELSE done END)
FROM (SELECT c.agreement_id, c.yearly_target AS target, {DONE_SQL} AS done
    FROM commitments c WHERE c.deleted_at IS NULL{{only}}) AS counted
GROUP BY agreement_id
"""


@dataclass(frozen=True)
class AgreementProgress:
    agreement_id: str
    target: int  # the sum of the yearly targets
    done: int  # the sum of the done counts, each capped at its target
    percent: int
    behind: bool


def elapsed_share(year: int, today: date) -> float:
    """How much of ``year`` has passed on ``today`` (0 before it, 1 after it)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    if today < start:
        return 0.0
    if today >= end:
        return 1.0
    return ((today - start).days + 1) / ((end - start).days + 1)


def percent(done: int, target: int) -> int:
    if target <= 0:
        return 100
    return min(100, done * 100 // target)


def is_behind(done: int, target: int, year: int, today: date, margin: float) -> bool:
    done_share = 1.0 if target <= 0 else min(1.0, done / target)
    return elapsed_share(year, today) - done_share > margin


def year_params(year: int) -> dict[str, str]:
    """The bounds of ``year`` for :data:`DONE_SQL`, as stored days."""
    return {
        "year_starts": date(year, 1, 1).isoformat(),
        "year_ends": date(year, 12, 31).isoformat(),
    }


def behind_margin(query: Query) -> float:
    """The stored margin, or the default when it was never set. A JSON value: SQLite gives a
    number (the column's numeric affinity) or JSON text, PostgreSQL the value itself."""
    rows = query("SELECT value FROM settings WHERE key = :key", {"key": BEHIND_MARGIN_KEY})
    value = rows[0][0] if rows else None
    if isinstance(value, str):
        value = json.loads(value)
    return BEHIND_MARGIN_DEFAULT if value is None else float(value)


def agreement_progress(
    query: Query, year: int, today: date, agreement_ids: list[str] | None = None
) -> dict[str, AgreementProgress]:
    """Per agreement with live commitments (of ``agreement_ids``, or all): its progress."""
    if agreement_ids == []:
        return {}
    params: dict[str, object] = dict(year_params(year))
    only = ""
    if agreement_ids is not None:
        ids, id_params = in_list("agreement", agreement_ids)
        only, params = f" AND c.agreement_id IN {ids}", params | id_params
    margin = behind_margin(query)
    result = {}
    for agreement_id, target, done_sum in query(_AGREEMENTS_SQL.format(only=only), params):
        t, d = int(target or 0), int(done_sum or 0)
        result[agreement_id] = AgreementProgress(
            agreement_id, t, d, percent(d, t), is_behind(d, t, year, today, margin)
        )
    return result
