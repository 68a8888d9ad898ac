"""What needs doing soon: postings ending within 30 days (plan the replacement), evaluations
due, and monthly reports not in (see ``logs.missing_reports``).

When an evaluation is due, for each running or recently finished posting:

- 中期 (mid-term): once half the term has passed, for a running posting whose term is longer
  than ``MID_TERM_MIN_DAYS``, until either side has made one.
- 年度 (annual) for year Y: from ``ANNUAL_DUE`` (1 December) of Y until the end of Y+1, for a
  posting that started in or before Y and is still in post on 31 December of Y (a posting
  that ends during Y gets its 期满 evaluation instead).
- 期满 (end of term): for a running posting ending within the reminder window, and for a
  posting that finished (期满 or 提前结束) within ``END_OF_TERM_DAYS``.

An evaluation is due from each side that has not made it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.localtime import beijing_today
from app.secondments.lifecycle import FINISHED, RUNNING
from app.secondments.logs import MissingReport, missing_reports
from app.secondments.store import names_of_all
from db.models.secondments import (
    Evaluation,
    EvaluationPeriod,
    EvaluatorSide,
    Posting,
    PostingKind,
    PostingStatus,
)

ENDING_DAYS = 30
MID_TERM_MIN_DAYS = 180
END_OF_TERM_DAYS = 60
ANNUAL_DUE = (12, 1)  # month, day


@dataclass(frozen=True)
class EndingPosting:
    posting_id: str
    person_name: str
    kind: PostingKind
    status: PostingStatus
    host_name: str
    host_post: str
    ends_on: date
    days_left: int


@dataclass(frozen=True)
class DueEvaluation:
    posting_id: str
    person_name: str
    period: EvaluationPeriod
    year: int
    sides: tuple[EvaluatorSide, ...]  # the sides that have not evaluated yet
    due_from: date


@dataclass(frozen=True)
class Reminders:
    ending: list[EndingPosting]
    evaluations: list[DueEvaluation]
    reports: list[MissingReport]

    @property
    def count(self) -> int:
        return len(self.ending) + len(self.evaluations) + len(self.reports)


def ending_within(
    session: Session, days: int = ENDING_DAYS, today: date | None = None
) -> list[EndingPosting]:
    """Running postings (在岗, 延期) ending from today to ``days`` days on, soonest first."""
    now = today or beijing_today()
    postings = session.scalars(
        select(Posting)
        .where(
            Posting.deleted_at.is_(None),
            Posting.status.in_(list(RUNNING)),
            Posting.ends_on >= now,
            Posting.ends_on <= now + timedelta(days=days),
        )
        .order_by(Posting.ends_on, Posting.id)
    ).all()
    names = names_of_all(session, postings)
    return [
        EndingPosting(
            posting.id,
            names[posting.id].person,
            posting.kind,
            posting.status,
            names[posting.id].host,
            posting.host_post,
            posting.ends_on,
            (posting.ends_on - now).days,
        )
        for posting in postings
    ]


def _due(posting: Posting, now: date, window: int) -> list[tuple[EvaluationPeriod, int, date]]:
    """(period, year, due from) of the evaluations this posting owes on ``now``."""
    due: list[tuple[EvaluationPeriod, int, date]] = []
    term = (posting.ends_on - posting.starts_on).days
    running = posting.status in RUNNING
    if running and term > MID_TERM_MIN_DAYS:
        middle = posting.starts_on + timedelta(days=term // 2)
        if middle <= now:
            due.append((EvaluationPeriod.MID_TERM, middle.year, middle))
    if running or posting.status in FINISHED:
        for year in (now.year - 1, now.year):
            due_from = date(year, *ANNUAL_DUE)
            year_end = date(year, 12, 31)
            if due_from <= now and posting.starts_on <= year_end < posting.ends_on:
                due.append((EvaluationPeriod.ANNUAL, year, due_from))
    ends = posting.ends_on
    if (running and ends <= now + timedelta(days=window)) or (
        posting.status in FINISHED and now - timedelta(days=END_OF_TERM_DAYS) <= ends <= now
    ):
        due.append((EvaluationPeriod.END_OF_TERM, ends.year, min(ends, now)))
    return due


def evaluations_due(
    session: Session,
    today: date | None = None,
    window: int = ENDING_DAYS,
    posting_id: str | None = None,
) -> list[DueEvaluation]:
    """Evaluations owed now (see the module's rules), soonest due first; of one posting when
    ``posting_id`` is given. The evaluations made and the names are read once for all."""
    now = today or beijing_today()
    stmt = select(Posting).where(
        Posting.deleted_at.is_(None),
        Posting.status.in_([*RUNNING, *FINISHED]),
        Posting.starts_on <= now,
    )
    if posting_id is not None:
        stmt = stmt.where(Posting.id == posting_id)
    owing = [(p, owed) for p in session.scalars(stmt) if (owed := _due(p, now, window))]
    if not owing:
        return []
    done: dict[str, list[tuple[EvaluationPeriod, int, EvaluatorSide]]] = {}
    for row in session.execute(
        select(Evaluation.posting_id, Evaluation.period, Evaluation.year, Evaluation.side).where(
            Evaluation.posting_id.in_([p.id for p, _ in owing])
        )
    ):
        done.setdefault(row.posting_id, []).append((row.period, row.year, row.side))
    names = names_of_all(session, [p for p, _ in owing])
    result: list[DueEvaluation] = []
    for posting, owed in owing:
        for period, year, due_from in owed:
            # a mid-term or end-of-term evaluation counts whatever year it was filed under
            made = {
                side
                for p, y, side in done.get(posting.id, [])
                if p is period and (y == year or period is not EvaluationPeriod.ANNUAL)
            }
            sides = tuple(s for s in (EvaluatorSide.HOME, EvaluatorSide.HOST) if s not in made)
            if sides:
                person = names[posting.id].person
                result.append(DueEvaluation(posting.id, person, period, year, sides, due_from))
    result.sort(key=lambda d: (d.due_from, d.person_name, d.posting_id))
    return result


def reminders(
    session: Session,
    today: date | None = None,
    days: int = ENDING_DAYS,
    evaluations: list[DueEvaluation] | None = None,
) -> Reminders:
    """``evaluations``: the evaluations due, when the caller has read them already."""
    now = today or beijing_today()
    return Reminders(
        ending_within(session, days, now),
        evaluations_due(session, now, days) if evaluations is None else evaluations,
        missing_reports(session, now),
    )
