"""The two-way evaluation (双向评价): for each period (中期, 年度, 期满) of a year, one
evaluation by the home unit (派出单位) and one by the host unit (挂职单位).

A posting's evaluations are shown as pairs, side by side (``evaluation_pairs``); a pair is
flagged when the two sides disagree by the rule in ``records.is_disagreement`` (grades two or
more steps apart, or scores 15 or more points apart). ``annual_assessment`` lists every
cadre's pairs of one year, for the year-end review.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.errors import invalid
from app.i18n import QT_TRANSLATE_NOOP
from app.labels import label
from app.secondments.records import PERIOD_ORDER, EvaluationData, is_disagreement
from app.secondments.store import added, live_posting, names_of, record
from app.store import columns, fill, live
from db.base import utcnow
from db.models.secondments import (
    Evaluation,
    EvaluationPeriod,
    EvaluatorSide,
    Posting,
    PostingKind,
    PostingStatus,
)
from db.sort_key import sort_key

WHAT = QT_TRANSLATE_NOOP("fields", "评价")


@dataclass(frozen=True)
class EvaluationView:
    id: str
    version: int
    posting_id: str
    data: EvaluationData


@dataclass(frozen=True)
class EvaluationPair:
    """Both sides' evaluations of one period of one year; either may be missing."""

    period: EvaluationPeriod
    year: int
    home: EvaluationView | None
    host: EvaluationView | None

    @property
    def disagreement(self) -> bool:
        if self.home is None or self.host is None:
            return False
        home, host = self.home.data, self.host.data
        assert home.grade is not None and host.grade is not None
        return is_disagreement(home.grade, host.grade, home.score, host.score)

    @property
    def complete(self) -> bool:
        return self.home is not None and self.host is not None


@dataclass(frozen=True)
class AssessmentRow:
    """One line of the annual assessment: a cadre's pair of evaluations for one period."""

    posting_id: str
    person_name: str
    kind: PostingKind
    status: PostingStatus
    home_name: str
    host_name: str
    starts_on: date
    ends_on: date
    pair: EvaluationPair


def _view(evaluation: Evaluation) -> EvaluationView:
    return EvaluationView(
        evaluation.id,
        evaluation.version,
        evaluation.posting_id,
        EvaluationData(
            side=evaluation.side,
            period=evaluation.period,
            year=evaluation.year,
            grade=evaluation.grade,
            score=Decimal(evaluation.score) if evaluation.score is not None else None,
            comment=evaluation.comment or "",
            evaluator=evaluation.evaluator or "",
            evaluated_on=evaluation.evaluated_on,
        ),
    )


def _get(session: Session, evaluation_id: str, version: int | None = None) -> Evaluation:
    return live(session, Evaluation, evaluation_id, WHAT, version=version)


def _check(
    session: Session, posting: Posting, data: EvaluationData, evaluation_id: str | None
) -> None:
    assert data.year is not None and data.evaluated_on is not None
    if not posting.starts_on.year <= data.year <= posting.ends_on.year:
        raise invalid(
            "year",
            QT_TRANSLATE_NOOP("validation", "评价年度应在挂职期内（{first}至{last}年）。"),
            first=posting.starts_on.year,
            last=posting.ends_on.year,
        )
    if data.evaluated_on < posting.starts_on:
        raise invalid(
            "evaluated_on",
            QT_TRANSLATE_NOOP("validation", "评价日期不能早于挂职开始日期（{start}）。"),
            start=posting.starts_on.isoformat(),
        )
    clash = session.scalar(
        select(Evaluation.id).where(
            Evaluation.posting_id == posting.id,
            Evaluation.side == data.side,
            Evaluation.period == data.period,
            Evaluation.year == data.year,
            Evaluation.id != (evaluation_id or ""),
        )
    )
    if clash is not None:
        assert data.side is not None and data.period is not None
        raise invalid(
            "period",
            QT_TRANSLATE_NOOP("validation", "{side}已有{year}年的{period}评价，请打开那一份修改。"),
            side=label(data.side),
            year=data.year,
            period=label(data.period),
        )


def add_evaluation(session: Session, posting_id: str, data: EvaluationData) -> str:
    """One side's evaluation; a second one for the same side, period and year is refused at
    the ``period`` field. Returns its id."""
    posting = live_posting(session, posting_id)
    clean = data.validated()
    _check(session, posting, clean, None)
    return added(session, Evaluation(posting_id=posting.id, **columns(clean)))


def save_evaluation(
    session: Session, evaluation_id: str, version: int, data: EvaluationData
) -> EvaluationView:
    evaluation = _get(session, evaluation_id, version)
    posting = live_posting(session, evaluation.posting_id)
    clean = data.validated()
    _check(session, posting, clean, evaluation.id)
    before = audit.snapshot(evaluation)
    fill(evaluation, clean)
    if audit.snapshot(evaluation) != before:
        evaluation.updated_at = utcnow()
        record(session, "update", evaluation, before)
    return _view(evaluation)


def delete_evaluation(session: Session, evaluation_id: str) -> None:
    """Evaluations are not soft-deleted: the audit entry keeps the whole row."""
    evaluation = _get(session, evaluation_id)
    before = audit.snapshot(evaluation)
    record(session, "delete", evaluation, before)
    session.delete(evaluation)
    session.flush()


def get_evaluation(session: Session, evaluation_id: str) -> EvaluationView:
    return _view(_get(session, evaluation_id))


def _pairs(evaluations: list[Evaluation]) -> list[EvaluationPair]:
    grouped: dict[tuple[int, EvaluationPeriod], dict[EvaluatorSide, EvaluationView]] = {}
    for evaluation in evaluations:
        key = (evaluation.year, evaluation.period)
        grouped.setdefault(key, {})[evaluation.side] = _view(evaluation)
    ordered = sorted(grouped, key=lambda k: (k[0], PERIOD_ORDER.index(k[1])))
    return [
        EvaluationPair(
            period,
            year,
            grouped[(year, period)].get(EvaluatorSide.HOME),
            grouped[(year, period)].get(EvaluatorSide.HOST),
        )
        for year, period in ordered
    ]


def evaluation_pairs(session: Session, posting_id: str) -> list[EvaluationPair]:
    """A posting's evaluations, home and host side by side, in time order."""
    live_posting(session, posting_id)
    evaluations = session.scalars(
        select(Evaluation).where(Evaluation.posting_id == posting_id)
    ).all()
    return _pairs(list(evaluations))


def annual_assessment(session: Session, year: int) -> list[AssessmentRow]:
    """Every cadre's evaluations made for ``year``, a row per posting and period, by name in
    pinyin order. Disagreements are on each row's ``pair.disagreement``."""
    evaluations = session.scalars(
        select(Evaluation)
        .join(Posting, Posting.id == Evaluation.posting_id)
        .where(Evaluation.year == year, Posting.deleted_at.is_(None))
    ).all()
    by_posting: dict[str, list[Evaluation]] = {}
    for evaluation in evaluations:
        by_posting.setdefault(evaluation.posting_id, []).append(evaluation)
    rows: list[AssessmentRow] = []
    for posting_id, found in by_posting.items():
        posting = live_posting(session, posting_id)
        names = names_of(session, posting)
        for pair in _pairs(found):
            rows.append(
                AssessmentRow(
                    posting.id,
                    names.person,
                    posting.kind,
                    posting.status,
                    names.home,
                    names.host,
                    posting.starts_on,
                    posting.ends_on,
                    pair,
                )
            )
    keys = {r.posting_id: sort_key(r.person_name, person=True) for r in rows}
    rows.sort(key=lambda r: (keys[r.posting_id], r.person_name, r.posting_id,
                             PERIOD_ORDER.index(r.pair.period)))  # fmt: skip
    return rows
