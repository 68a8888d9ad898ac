"""What the secondment forms print: the two-way evaluation form (双向评价表) of one period and
the end-of-term assessment (挂职鉴定表) of a posting.

Plain data in the words of the printed page, so the PDF layout needs no database and tests can
build forms by hand. Grades are printed as a row of boxes with the given one filled in.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.exports.pdf.text import plain_number
from app.labels import label
from app.localtime import beijing_today
from app.secondments.evaluations import EvaluationPair, EvaluationView, evaluation_pairs
from app.secondments.logs import posting_logs
from app.secondments.records import GRADE_ORDER
from app.secondments.service import PostingDetail, get_posting
from db.models.directory import Person
from db.models.secondments import EvaluationPeriod, LogKind

GRADE_LABELS: tuple[str, ...] = tuple(label(g) for g in GRADE_ORDER)
HALF_MONTH = 15  # days: a part month this long counts as a month served


@dataclass(frozen=True)
class PostingFacts:
    """The head of every form: who, from where, to where, for how long."""

    person_name: str
    gender: str
    kind: str
    home_name: str
    home_post: str
    host_name: str
    host_post: str
    starts_on: date
    planned_ends_on: date  # the term as agreed …
    ends_on: date  # … and where it ends now (延期, 提前结束)
    status: str
    extension_reason: str  # the latest 延期's; "" when never extended
    early_end_reason: str  # "" unless ended early
    term_changed: bool
    mentor_name: str  # 结对培养 only
    objectives: str


@dataclass(frozen=True)
class Opinion:
    """One side's evaluation as printed; blank fields leave room to write by hand."""

    side: str  # 派出单位 / 挂职单位
    grade: str = ""  # one of GRADE_LABELS, or ""
    score: str = ""
    comment: str = ""
    evaluator: str = ""
    evaluated_on: date | None = None


@dataclass(frozen=True)
class EvaluationForm:
    facts: PostingFacts
    period: str  # 2026年度 / 2026年中期 / 期满
    home: Opinion
    host: Opinion
    disagreement: bool


@dataclass(frozen=True)
class AssessmentForm:
    facts: PostingFacts
    months: int  # months served up to the end of the term (or today): see service_months
    entries: int
    hours: Decimal
    attendance_reports: int
    duty_reports: int
    home: Opinion  # the end-of-term evaluations (blank when not made yet)
    host: Opinion


def _facts(session: Session, detail: PostingDetail) -> PostingFacts:
    gender = session.scalar(select(Person.gender).where(Person.id == detail.data.person_id))
    return PostingFacts(
        person_name=detail.person_name,
        gender=label(gender) if gender is not None else "",
        kind=label(detail.kind),
        home_name=detail.home_name,
        home_post=detail.data.home_post,
        host_name=detail.host_name,
        host_post=detail.data.host_post,
        starts_on=detail.starts_on,
        planned_ends_on=detail.planned_ends_on,
        ends_on=detail.ends_on,
        status=label(detail.status),
        extension_reason=detail.extension_reason,
        early_end_reason=detail.early_end_reason,
        term_changed=detail.term_changed,
        mentor_name=detail.mentor_name,
        objectives=detail.data.objectives,
    )


def _opinion(side: str, view: EvaluationView | None) -> Opinion:
    if view is None:
        return Opinion(side)
    data = view.data
    assert data.grade is not None
    return Opinion(
        side,
        label(data.grade),
        plain_number(data.score) if data.score is not None else "",
        data.comment,
        data.evaluator,
        data.evaluated_on,
    )


def service_months(first: date, last: date) -> int:
    """Months served from ``first`` to ``last`` (both days served), to the nearest month:
    2025-09-01 to 2026-08-31 is 12, not the 13 calendar months it touches; 15 days or more
    of a month count as one."""
    if last < first:
        return 0
    end = last + timedelta(days=1)
    whole = (end.year - first.year) * 12 + end.month - first.month
    if end.day < first.day:
        whole -= 1
    anniversary = _add_months(first, whole)
    return whole + (1 if (end - anniversary).days >= HALF_MONTH else 0)


def _add_months(day: date, count: int) -> date:
    year, month = divmod(day.month - 1 + count, 12)
    year += day.year
    month += 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def period_title(period: EvaluationPeriod, year: int) -> str:
    if period is EvaluationPeriod.ANNUAL:
        return f"{year}年度"
    if period is EvaluationPeriod.MID_TERM:
        return f"{year}年中期"
    return "挂职期满"


def evaluation_form(
    session: Session, posting_id: str, period: EvaluationPeriod, year: int
) -> EvaluationForm:
    """The 双向评价表 of one period: both sides' evaluations, blank where one is missing."""
    detail = get_posting(session, posting_id)
    pair = next(
        (p for p in evaluation_pairs(session, posting_id) if (p.period, p.year) == (period, year)),
        EvaluationPair(period, year, None, None),
    )
    return EvaluationForm(
        _facts(session, detail),
        period_title(period, year),
        _opinion("派出单位", pair.home),
        _opinion("挂职单位", pair.host),
        pair.disagreement,
    )


def assessment_form(session: Session, posting_id: str, today: date | None = None) -> AssessmentForm:
    """The 挂职鉴定表: the term, the work on record and the end-of-term evaluations."""
    detail = get_posting(session, posting_id)
    last = min(detail.ends_on, today or beijing_today())
    logs = posting_logs(session, posting_id)
    entries = [log for log in logs if log.data.kind is LogKind.ENTRY]
    end_of_term = next(
        (
            p
            for p in reversed(evaluation_pairs(session, posting_id))
            if p.period is EvaluationPeriod.END_OF_TERM
        ),
        EvaluationPair(EvaluationPeriod.END_OF_TERM, detail.ends_on.year, None, None),
    )
    return AssessmentForm(
        _facts(session, detail),
        service_months(detail.starts_on, last),
        len(entries),
        sum((log.data.hours for log in entries), Decimal(0)),
        sum(log.data.kind is LogKind.ATTENDANCE_REPORT for log in logs),
        sum(log.data.kind is LogKind.DUTY_REPORT for log in logs),
        _opinion("派出单位", end_of_term.home),
        _opinion("挂职单位", end_of_term.host),
    )
