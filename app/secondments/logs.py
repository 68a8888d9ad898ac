"""Work logs of a posting: dated work records (工作记录), and two monthly reports — the host
unit's attendance report to the home unit (考勤) and the cadre's duty report (履职).

A month's reports are due once the month is over, by the ``REPORT_GRACE_DAYS``-th day of the
next month; ``missing_reports`` lists those not in for running postings (在岗, 延期), which the
tab and the reminders show as a warning. One live report of each kind per month and posting:
checked here with a clear message, and held by a unique index (``ix_work_logs_report_month``)
when two offices add the same report at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import audit
from app.directory.choices import Choice
from app.errors import ValidationError, invalid, refuse
from app.i18n import QT_TRANSLATE_NOOP
from app.listing import contains
from app.localtime import beijing_today, to_beijing
from app.secondments.lifecycle import RUNNING
from app.secondments.records import WorkLogData, month_start
from app.secondments.store import AUDIT, live_posting, record
from app.store import columns, fill, live, stored
from db.base import utcnow
from db.models.directory import Person
from db.models.issues import Issue
from db.models.meetings import Meeting
from db.models.secondments import LogKind, Posting, WorkLog

REPORT_GRACE_DAYS = 5
REPORT_KINDS = (LogKind.ATTENDANCE_REPORT, LogKind.DUTY_REPORT)
WHAT = QT_TRANSLATE_NOOP("fields", "工作记录")


@dataclass(frozen=True)
class WorkLogView:
    id: str
    version: int
    posting_id: str
    data: WorkLogData
    issue_title: str
    meeting_title: str


@dataclass(frozen=True)
class MonthReport:
    """One month of a posting: its reports (None: not in) and its work records' totals."""

    period: str  # YYYY-MM
    attendance: WorkLogView | None
    duty: WorkLogView | None
    entries: int
    hours: Decimal
    due_on: date  # when the reports are due (the month is over plus the grace days)


@dataclass(frozen=True)
class MissingReport:
    posting_id: str
    person_name: str
    period: str
    kind: LogKind
    due_on: date


def months(first: date, last: date) -> list[str]:
    """The months from ``first``'s to ``last``'s as ``YYYY-MM``."""
    found: list[str] = []
    month = date(first.year, first.month, 1)
    while month <= last:
        found.append(f"{month:%Y-%m}")
        month = (month + timedelta(days=32)).replace(day=1)
    return found


def report_due_on(period: str) -> date:
    """A month's reports are due on the ``REPORT_GRACE_DAYS``-th of the next month."""
    following = (month_start(period) + timedelta(days=32)).replace(day=1)
    return following + timedelta(days=REPORT_GRACE_DAYS - 1)


def _view(session: Session, log: WorkLog) -> WorkLogView:
    issue = (
        session.scalar(select(Issue.title).where(Issue.id == log.issue_id)) if log.issue_id else ""
    )
    meeting = (
        session.scalar(select(Meeting.title).where(Meeting.id == log.meeting_id))
        if log.meeting_id
        else ""
    )
    return WorkLogView(
        log.id,
        log.version,
        log.posting_id,
        WorkLogData(
            kind=log.kind,
            logged_on=log.logged_on,
            period=log.period or "",
            content=log.content or "",
            hours=Decimal(log.hours or 0),
            issue_id=log.issue_id,
            meeting_id=log.meeting_id,
        ),
        issue or "",
        meeting or "",
    )


def _live_log(session: Session, log_id: str, version: int | None = None) -> WorkLog:
    return live(session, WorkLog, log_id, WHAT, version=version)


def _has_twin(
    session: Session, posting_id: str, kind: LogKind, period: str, log_id: str | None
) -> bool:
    """Whether another live report of this kind is in for this posting and month. The
    posting's row is locked first (PostgreSQL; SQLite's writers are serialised already), so
    two offices adding the same report check one after the other."""
    session.execute(select(Posting.id).where(Posting.id == posting_id).with_for_update())
    twin = session.scalar(
        select(WorkLog.id).where(
            WorkLog.posting_id == posting_id,
            WorkLog.kind == kind,
            WorkLog.period == period,
            WorkLog.deleted_at.is_(None),
            WorkLog.id != (log_id or ""),
        )
    )
    return twin is not None


def _taken(period: str) -> ValidationError:
    return invalid(
        "period",
        QT_TRANSLATE_NOOP("validation", "{period}的这份月度报告已经登记过了。"),
        period=period,
    )


def _record_log(session: Session, action: str, log: WorkLog, before: dict[str, Any] | None) -> None:
    """Audits ``log``; a report another office added for the same month meanwhile (the
    unique index refuses it at the flush) is "already registered"."""
    try:
        record(session, action, log, before)
    except IntegrityError:
        if log.kind is LogKind.ENTRY:
            raise
        raise _taken(log.period) from None


def _check(session: Session, posting: Posting, data: WorkLogData, log_id: str | None) -> None:
    assert data.logged_on is not None
    if data.kind is LogKind.ENTRY:
        if not posting.starts_on <= data.logged_on <= posting.ends_on:
            raise invalid(
                "logged_on",
                QT_TRANSLATE_NOOP("validation", "工作记录的日期应在挂职期内（{start}至{end}）。"),
                start=posting.starts_on.isoformat(),
                end=posting.ends_on.isoformat(),
            )
    else:
        if data.period not in months(posting.starts_on, posting.ends_on):
            raise invalid(
                "period",
                QT_TRANSLATE_NOOP("validation", "{period}不在挂职期内（{start}至{end}）。"),
                period=data.period,
                start=posting.starts_on.isoformat(),
                end=posting.ends_on.isoformat(),
            )
        if _has_twin(session, posting.id, data.kind, data.period, log_id):
            raise _taken(data.period)
    for field, model, ref in (
        ("issue_id", Issue, data.issue_id),
        ("meeting_id", Meeting, data.meeting_id),
    ):
        if ref is not None and session.scalar(select(model.id).where(model.id == ref)) is None:
            raise invalid(
                field,
                QT_TRANSLATE_NOOP("validation", "所选的记录已不存在（可能已被删除），请重新选择。"),
            )


def add_log(session: Session, posting_id: str, data: WorkLogData) -> str:
    """A new work record or monthly report; returns its id."""
    posting = live_posting(session, posting_id)
    clean = data.validated()
    _check(session, posting, clean, None)
    log = WorkLog(posting_id=posting.id, **columns(clean))
    session.add(log)
    _record_log(session, "create", log, None)
    return log.id


def save_log(session: Session, log_id: str, version: int, data: WorkLogData) -> WorkLogView:
    log = _live_log(session, log_id, version)
    clean = data.validated()
    _check(session, live_posting(session, log.posting_id), clean, log.id)
    before = audit.snapshot(log)
    fill(log, clean)
    if audit.snapshot(log) != before:
        log.updated_at = utcnow()
        _record_log(session, "update", log, before)
    return _view(session, log)


def delete_log(session: Session, log_id: str) -> None:
    AUDIT.soft_delete(session, _live_log(session, log_id))


def restore_log(session: Session, log_id: str) -> None:
    log = stored(session, WorkLog, log_id, WHAT)
    if (
        log.deleted_at is not None
        and log.kind is not LogKind.ENTRY
        and _has_twin(session, log.posting_id, log.kind, log.period, log.id)
    ):
        raise refuse(
            QT_TRANSLATE_NOOP(
                "errors", "{period}的这份月度报告已另有一份，不能恢复；需要时请先删除那一份。"
            ),
            period=log.period,
        )
    AUDIT.restore(session, log)


def get_log(session: Session, log_id: str) -> WorkLogView:
    return _view(session, _live_log(session, log_id))


def posting_logs(
    session: Session, posting_id: str, kinds: tuple[LogKind, ...] | None = None
) -> list[WorkLogView]:
    """A posting's live logs, newest first."""
    live_posting(session, posting_id)
    stmt = select(WorkLog).where(WorkLog.posting_id == posting_id, WorkLog.deleted_at.is_(None))
    if kinds is not None:
        stmt = stmt.where(WorkLog.kind.in_(list(kinds)))
    stmt = stmt.order_by(WorkLog.logged_on.desc(), WorkLog.created_at.desc(), WorkLog.id)
    return [_view(session, log) for log in session.scalars(stmt)]


def monthly_reports(
    session: Session, posting_id: str, today: date | None = None
) -> list[MonthReport]:
    """Every month of the term up to today's, newest first, with its reports and totals."""
    posting = live_posting(session, posting_id)
    now = today or beijing_today()
    last = min(posting.ends_on, now)
    if last < posting.starts_on:
        return []
    logs = posting_logs(session, posting_id)
    result: list[MonthReport] = []
    for period in reversed(months(posting.starts_on, last)):
        reports = {
            log.data.kind: log
            for log in logs
            if log.data.kind in REPORT_KINDS and log.data.period == period
        }
        entries = [
            log
            for log in logs
            if log.data.kind is LogKind.ENTRY
            and log.data.logged_on is not None
            and f"{log.data.logged_on:%Y-%m}" == period
        ]
        result.append(
            MonthReport(
                period,
                reports.get(LogKind.ATTENDANCE_REPORT),
                reports.get(LogKind.DUTY_REPORT),
                len(entries),
                sum((log.data.hours for log in entries), Decimal(0)),
                report_due_on(period),
            )
        )
    return result


def missing_reports(
    session: Session, today: date | None = None, posting_id: str | None = None
) -> list[MissingReport]:
    """Monthly reports overdue for running postings: each month of the term that is over and
    past its grace days, without a report of each kind. Oldest first."""
    now = today or beijing_today()
    stmt = (
        select(Posting, Person.name)
        .join(Person, Person.id == Posting.person_id)
        .where(Posting.deleted_at.is_(None), Posting.status.in_(list(RUNNING)))
        .order_by(Person.name, Posting.id)
    )
    if posting_id is not None:
        stmt = stmt.where(Posting.id == posting_id)
    rows = session.execute(stmt).all()
    if not rows:
        return []
    have = {
        (row.posting_id, row.kind, row.period)
        for row in session.execute(
            select(WorkLog.posting_id, WorkLog.kind, WorkLog.period).where(
                WorkLog.posting_id.in_([p.id for p, _ in rows]),
                WorkLog.kind.in_(list(REPORT_KINDS)),
                WorkLog.deleted_at.is_(None),
            )
        )
    }
    missing: list[MissingReport] = []
    for posting, name in rows:
        for period in months(posting.starts_on, min(posting.ends_on, now)):
            due = report_due_on(period)
            if due >= now:
                continue
            for kind in REPORT_KINDS:
                if (posting.id, kind, period) not in have:
                    missing.append(MissingReport(posting.id, name, period, kind, due))
    missing.sort(key=lambda m: (m.period, m.person_name, m.kind.value))
    return missing


LOOKUP_LIMIT = 50


def meeting_choices(session: Session, text: str, limit: int = LOOKUP_LIMIT) -> list[Choice]:
    """Live meetings whose title contains ``text``, newest first, as ``2026-03-12 标题``."""
    stmt = select(Meeting.id, Meeting.starts_at, Meeting.title).where(Meeting.deleted_at.is_(None))
    if text.strip():
        stmt = stmt.where(contains(Meeting.title, text.strip()))
    stmt = stmt.order_by(Meeting.starts_at.desc(), Meeting.id).limit(limit)
    return [
        Choice(row.id, f"{to_beijing(row.starts_at):%Y-%m-%d} {row.title}")
        for row in session.execute(stmt)
    ]


def meeting_choice(session: Session, meeting_id: str | None) -> Choice | None:
    if meeting_id is None:
        return None
    row = session.execute(
        select(Meeting.starts_at, Meeting.title).where(Meeting.id == meeting_id)
    ).first()
    return Choice(meeting_id, f"{to_beijing(row.starts_at):%Y-%m-%d} {row.title}") if row else None


def issue_choices(session: Session, text: str, limit: int = LOOKUP_LIMIT) -> list[Choice]:
    """Live issues whose number or title contains ``text``, newest first, as ``编号 标题``."""
    stmt = select(Issue.id, Issue.number, Issue.title).where(Issue.deleted_at.is_(None))
    if text.strip():
        stmt = stmt.where(
            or_(contains(Issue.title, text.strip()), contains(Issue.number, text.strip()))
        )
    stmt = stmt.order_by(Issue.reported_at.desc(), Issue.id).limit(limit)
    return [Choice(row.id, f"{row.number} {row.title}") for row in session.execute(stmt)]


def issue_choice(session: Session, issue_id: str | None) -> Choice | None:
    if issue_id is None:
        return None
    row = session.execute(select(Issue.number, Issue.title).where(Issue.id == issue_id)).first()
    return Choice(issue_id, f"{row.number} {row.title}") if row else None
