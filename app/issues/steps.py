"""The steps of an issue's closed loop, each checked against ``workflow.TRANSITIONS`` and
journalled (an ``IssueEvent`` with the action, the status before and after, the note, who and
when) and audited. One session per step, opened by the caller; ``now`` is for tests and
imports (default: the current time)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.errors import refuse
from app.i18n import QT_TRANSLATE_NOOP
from app.issues.clock import category_limit, set_issue_due, start_clock
from app.issues.limits import Limit, due_moment
from app.issues.numbering import allocate_issue_number
from app.issues.oversight import check_escalation
from app.issues.records import IssueData
from app.issues.store import (
    calendar_for,
    journal,
    live_issue,
    now_or,
    required_note,
    step,
    unit_name,
)
from app.issues.workflow import ENDED_STATUSES, OPEN_DISPATCH, Action, Note, check
from app.localtime import local_day
from app.store import columns
from db.models.issues import (
    DispatchStatus,
    FollowUp,
    Issue,
    IssueStatus,
    LimitUnit,
    Satisfaction,
)

S = IssueStatus
REOPEN_LIMIT = Limit(5, LimitUnit.WORKING_DAYS)  # a reopened issue gets this much time more
SATISFACTION_ORDER = (
    Satisfaction.DISSATISFIED,
    Satisfaction.BASICALLY_SATISFIED,
    Satisfaction.SATISFIED,
)


def register(
    session: Session,
    data: IssueData,
    *,
    reported_at: datetime | None = None,
    note: str = "",
) -> str:
    """登记: a new issue with the next number; it is due when its category's limit, counted
    on the calendar from the moment it was reported, runs out. Returns the id."""
    data = data.cleaned()
    at = now_or(reported_at)
    issue = Issue(
        number=allocate_issue_number(session, local_day(at).year),
        reported_at=at,
        status=S.REGISTERED,
        **columns(data),
    )
    session.add(issue)
    start_clock(session, issue, at, category_limit(session, data.category_id))
    if data.entered_by and not note:
        note = f"{data.entered_by}代{data.reporter_name or '反映人'}登记"
    journal(session, issue, Note.REGISTER, at, to=S.REGISTERED, note=note, new=True)
    return issue.id


def update_facts(
    session: Session,
    issue_id: str,
    version: int,
    data: IssueData,
    *,
    now: datetime | None = None,
) -> None:
    """Saves the editor's facts (not once archived, rejected or merged); the deadline stays."""
    issue = live_issue(session, issue_id, version)
    if issue.status in ENDED_STATUSES:
        raise refuse(QT_TRANSLATE_NOOP("errors", "已归档、不予受理或已并单的事项不能修改。"))
    before = audit.snapshot(issue)
    for key, value in columns(data.cleaned()).items():
        setattr(issue, key, value)
    journal(session, issue, Note.EDIT, now_or(now), before=before)


def accept(
    session: Session,
    issue_id: str,
    *,
    note: str = "",
    version: int | None = None,
    now: datetime | None = None,
) -> None:
    """受理."""
    issue = live_issue(session, issue_id, version)
    step(session, issue, Action.ACCEPT, now_or(now), note.strip())


def reject(
    session: Session,
    issue_id: str,
    reason: str,
    *,
    version: int | None = None,
    now: datetime | None = None,
) -> None:
    """不予受理, with the reason (required)."""
    issue = live_issue(session, issue_id, version)
    check(Action.REJECT, issue.status)
    why = required_note("reason", reason, QT_TRANSLATE_NOOP("validation", "请说明不予受理的理由。"))
    step(session, issue, Action.REJECT, now_or(now), why)


def resolve(
    session: Session,
    issue_id: str,
    result: str,
    *,
    version: int | None = None,
    now: datetime | None = None,
) -> None:
    """办结: the problem is solved; units still working on it are marked done with it."""
    issue = live_issue(session, issue_id, version)
    check(Action.RESOLVE, issue.status)
    if pending := [d for d in issue.dispatches if d.status is DispatchStatus.OBJECTED]:
        raise refuse(
            QT_TRANSLATE_NOOP("errors", "{unit}的异议还在审核，请先审核再办结。"),
            unit=unit_name(session, pending[0].org_unit_id, pending[0].resident_unit_id),
        )
    text = required_note("result", result, QT_TRANSLATE_NOOP("validation", "请填写办理结果。"))
    at = now_or(now)
    for row in issue.dispatches:
        if row.status in OPEN_DISPATCH:
            row.status = DispatchStatus.DONE
            row.acknowledged_at = row.acknowledged_at or at
            row.result = row.result or text
            row.completed_at = at
    issue.resolved_at = at
    step(session, issue, Action.RESOLVE, at, text)


def follow_up(
    session: Session,
    issue_id: str,
    satisfaction: Satisfaction,
    *,
    comment: str = "",
    visited_by: str = "",
    complainant_id: str | None = None,
    units_at_fault: bool = True,
    version: int | None = None,
    now: datetime | None = None,
) -> str:
    """回访 with a complainant's satisfaction: the order's own reporter, or (``complainant_id``)
    the reporter of a complaint merged into it — every one of them is called. The order's
    satisfaction is the lowest of the complainants' latest. 不满意 for reasons the units
    control (``units_at_fault``): back to 办理中 at once, counted in ``reopen_count``, with a
    new deadline. Returns the follow-up's id."""
    issue = live_issue(session, issue_id, version)
    check(Action.FOLLOW_UP, issue.status)
    satisfaction = Satisfaction(satisfaction)  # a plain string from a widget is fine too
    who = _complainant(session, issue, complainant_id)
    at = now_or(now)
    visit = FollowUp(
        visited_at=at,
        visited_by=visited_by.strip()[:50],
        satisfaction=satisfaction,
        comment=comment.strip(),
        complainant_id=complainant_id,
    )
    issue.follow_ups.append(visit)
    issue.satisfaction = _lowest_latest(issue)
    label = {
        Satisfaction.SATISFIED: "满意",
        Satisfaction.BASICALLY_SATISFIED: "基本满意",
        Satisfaction.DISSATISFIED: "不满意",
    }[satisfaction]
    text = f"回访{who}：{label}" + (f"，{comment.strip()}" if comment.strip() else "")
    step(session, issue, Action.FOLLOW_UP, at, text)
    if satisfaction is Satisfaction.DISSATISFIED and units_at_fault:
        _reopen(session, issue, at, "回访不满意，重新办理")
    return visit.id


def _complainant(session: Session, issue: Issue, complainant_id: str | None) -> str:
    """Whom the call was to ("" for the order's own reporter); refuses anyone else."""
    if complainant_id is None:
        return issue.reporter_name
    merged = session.get(Issue, complainant_id)
    if merged is None or merged.merged_into_id != issue.id:
        raise refuse(QT_TRANSLATE_NOOP("errors", "这位反映人的诉求没有并入本工单。"))
    return merged.reporter_name or merged.number


def _lowest_latest(issue: Issue) -> Satisfaction:
    latest: dict[str | None, FollowUp] = {}
    for visit in sorted(issue.follow_ups, key=lambda f: f.visited_at):
        latest[visit.complainant_id] = visit
    return min((v.satisfaction for v in latest.values()), key=SATISFACTION_ORDER.index)


def waiting_for_call(session: Session, issue: Issue) -> list[Issue]:
    """The merged complaints whose reporter has not been called since the order was resolved."""
    called = {
        f.complainant_id
        for f in issue.follow_ups
        if issue.resolved_at is not None and f.visited_at >= issue.resolved_at
    }
    merged = session.scalars(
        select(Issue).where(Issue.merged_into_id == issue.id, Issue.deleted_at.is_(None))
    ).all()
    return [m for m in merged if m.id not in called]


def _reopen(session: Session, issue: Issue, at: datetime, why: str) -> None:
    check(Action.REOPEN, issue.status)
    issue.reopen_count += 1
    issue.resolved_at = None
    set_issue_due(issue, due_moment(calendar_for(session, at), at, REOPEN_LIMIT))
    step(session, issue, Action.REOPEN, at, why)
    check_escalation(session, issue, at)


def reopen(
    session: Session,
    issue_id: str,
    reason: str,
    *,
    version: int | None = None,
    now: datetime | None = None,
) -> None:
    """Back to 办理中 after a follow-up, with a reason."""
    issue = live_issue(session, issue_id, version)
    check(Action.REOPEN, issue.status)
    why = required_note("reason", reason, QT_TRANSLATE_NOOP("validation", "请说明重新办理的理由。"))
    _reopen(session, issue, now_or(now), why)


def close(
    session: Session,
    issue_id: str,
    *,
    note: str = "",
    version: int | None = None,
    now: datetime | None = None,
) -> None:
    """归档. After a 不满意 not of the units' making the note (why it closes) is required;
    every complainant of a merged order must have been called first."""
    issue = live_issue(session, issue_id, version)
    check(Action.CLOSE, issue.status)
    if waiting := waiting_for_call(session, issue):
        raise refuse(
            QT_TRANSLATE_NOOP("errors", "还有{n}位并单的反映人没有回访：{names}。"),
            n=len(waiting),
            names="、".join(m.reporter_name or m.number for m in waiting),
        )
    text = note.strip()
    if issue.satisfaction is Satisfaction.DISSATISFIED:
        text = required_note(
            "note", note, QT_TRANSLATE_NOOP("validation", "回访不满意，请说明归档的理由。")
        )
    at = now_or(now)
    issue.closed_at = at
    step(session, issue, Action.CLOSE, at, text or "办结归档")
