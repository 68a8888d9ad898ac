"""Progress of commitments for a year, per commitment and per agreement: done count ÷ yearly
target (capped at 100 %), and "behind schedule" (see ``reckoning.py``, where it is reckoned).
Counted in SQL, one query per question."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.agreements.lifecycle import RUNNING
from app.agreements.reckoning import (
    DONE_SQL,
    AgreementProgress,
    behind_margin,
    elapsed_share,
    is_behind,
    percent,
    year_params,
)
from app.agreements.reckoning import agreement_progress as reckoned_progress
from app.rows import in_list, session_query
from db.models.agreements import JointActivity

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_COMMITMENTS_SQL = f"""
SELECT c.id, c.agreement_id, a.number, a.title, c.activity, c.text, c.yearly_target,
    {DONE_SQL}
FROM commitments c
JOIN agreements a ON a.id = c.agreement_id
WHERE c.deleted_at IS NULL AND a.deleted_at IS NULL AND {{which}}
ORDER BY a.number, c.created_at, c.id
"""


@dataclass(frozen=True)
class CommitmentProgress:
    commitment_id: str
    agreement_id: str
    agreement_number: str
    agreement_title: str
    activity: JointActivity
    text: str
    target: int
    done: int
    percent: int  # 0..100
    behind: bool


def commitment_progress(
    session: Session,
    year: int,
    today: date,
    *,
    agreement_id: str | None = None,
    only_behind: bool = False,
) -> list[CommitmentProgress]:
    """Each live commitment of one agreement (or of every running agreement) for ``year``."""
    params: dict[str, object] = dict(year_params(year))
    if agreement_id is not None:
        which, params = "c.agreement_id = :agreement", params | {"agreement": agreement_id}
    else:
        running, running_params = in_list("running", [status.value for status in RUNNING])
        which, params = f"a.status IN {running}", params | running_params
    query = session_query(session)
    margin = behind_margin(query)
    result = []
    for row in query(_COMMITMENTS_SQL.format(which=which), params):
        count, target = int(row[7]), int(row[6])
        behind = is_behind(count, target, year, today, margin)
        if only_behind and not behind:
            continue
        result.append(
            CommitmentProgress(
                row[0],
                row[1],
                row[2],
                row[3],
                JointActivity(row[4]),
                row[5],
                target,
                count,
                percent(count, target),
                behind,
            )
        )
    return result


def agreement_progress(
    session: Session, year: int, today: date, agreement_ids: list[str] | None = None
) -> dict[str, AgreementProgress]:
    """Per agreement: capped done counts over targets, summed in SQL."""
    return reckoned_progress(session_query(session), year, today, agreement_ids)


def behind_commitments(session: Session, year: int, today: date) -> list[CommitmentProgress]:
    """Commitments of running agreements that are behind schedule."""
    return commitment_progress(session, year, today, only_behind=True)


__all__ = [
    "AgreementProgress",
    "CommitmentProgress",
    "agreement_progress",
    "behind_commitments",
    "commitment_progress",
    "elapsed_share",
    "is_behind",
    "percent",
]
