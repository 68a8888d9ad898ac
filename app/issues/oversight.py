"""Keeping an eye on orders: 督办 (supervision), 催办 (reminders), 延期 (extensions), and
问题工单 — an order the rules escalate for supervision (提级督办) when it was returned or
redone too often, or sent to too many units with none leading (counts in ``rules``)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from app import audit
from app.errors import refuse
from app.i18n import QT_TRANSLATE_NOOP
from app.issues import clock
from app.issues.due import due_cn
from app.issues.limits import Limit, end_of, extended
from app.issues.rules import IssueRules, load_rules
from app.issues.store import (
    calendar_for,
    flush,
    journal,
    live_dispatch,
    live_issue,
    now_or,
    required_note,
    unit_name,
)
from app.issues.workflow import ENDED_STATUSES, OPEN_DISPATCH, WORKING_DISPATCH, Note
from db.models.issues import DispatchStatus, Issue

REASON_MAX = 200


def _check_open(issue: Issue) -> None:
    if issue.status in ENDED_STATUSES:
        raise refuse(QT_TRANSLATE_NOOP("errors", "事项已经结束，不需要督办、催办或延期。"))


def supervise(
    session: Session,
    issue_id: str,
    note: str,
    *,
    now: datetime | None = None,
) -> None:
    """督办: flags the issue with a note (required)."""
    issue = live_issue(session, issue_id)
    _check_open(issue)
    text = required_note("note", note, QT_TRANSLATE_NOOP("validation", "请填写督办意见。"))
    issue.supervised = True
    issue.supervision_note = text
    journal(session, issue, Note.SUPERVISE, now_or(now), note=text)


def end_supervision(session: Session, issue_id: str, *, now: datetime | None = None) -> None:
    issue = live_issue(session, issue_id)
    if not issue.supervised:
        return
    issue.supervised = False
    journal(session, issue, Note.UNSUPERVISE, now_or(now))


def remind(
    session: Session,
    issue_id: str,
    note: str = "",
    *,
    now: datetime | None = None,
) -> None:
    """催办: a reminder sent to the units, journalled."""
    issue = live_issue(session, issue_id)
    _check_open(issue)
    journal(session, issue, Note.REMIND, now_or(now), note=note.strip() or "催办")


def extend(
    session: Session,
    issue_id: str,
    new_deadline: date | Limit,
    reason: str,
    *,
    dispatch_id: str | None = None,
    now: datetime | None = None,
) -> None:
    """延期 on a unit's request, with the reason: allowed only before the deadline passes.
    ``new_deadline``: the new last day (due at its 24:00), or how much longer ("3个工作日").
    With ``dispatch_id`` only that unit's deadline moves, else the issue's."""
    issue = live_issue(session, issue_id)
    _check_open(issue)
    why = required_note("reason", reason, QT_TRANSLATE_NOOP("validation", "请说明延期的理由。"))
    at = now_or(now)
    row = None
    if dispatch_id is not None:
        row = live_dispatch(session, dispatch_id)
        if row.issue_id != issue.id or row.status not in OPEN_DISPATCH:
            raise refuse(QT_TRANSLATE_NOOP("errors", "只有正在办理的派单可以延期。"))
    current = row.due_at if row is not None else issue.due_at
    if current is not None and at > current:
        raise refuse(
            QT_TRANSLATE_NOOP("errors", "办理时限{day}已过，延期须在期限前申请。"),
            day=due_cn(current),
        )
    if isinstance(new_deadline, Limit):
        if current is None:
            raise refuse(QT_TRANSLATE_NOOP("errors", "这件事项没有办理时限，请直接选择新的日期。"))
        due = extended(calendar_for(session, at), current, new_deadline)
        how = f"（顺延{new_deadline}）"
    else:
        due, how = end_of(new_deadline), ""
    if current is not None and due <= current:
        raise refuse(QT_TRANSLATE_NOOP("errors", "新的期限须晚于{day}。"), day=due_cn(current))
    if row is not None:
        before = audit.snapshot(row)
        clock.set_dispatch_due(row, due)
        flush(session)
        audit.record(session, "update", row, before, reason=why)
        who = unit_name(session, row.org_unit_id, row.resident_unit_id)
    else:
        clock.set_issue_due(issue, due)
        who = ""
    journal(session, issue, Note.EXTEND, at, note=f"{who}延期至{due_cn(due)}{how}：{why}")


def escalation_reason(issue: Issue, rules: IssueRules) -> str:
    """Why the rules make this order a 问题工单 ("" when they do not)."""
    returned = sum(1 for d in issue.dispatches if d.status is DispatchStatus.RETURNED)
    if returned > rules.escalate_returns:
        return f"退单{returned}次，超过{rules.escalate_returns}次"
    if issue.reopen_count > rules.escalate_redone:
        return f"重新办理{issue.reopen_count}次，超过{rules.escalate_redone}次"
    working = [d for d in issue.dispatches if d.status in WORKING_DISPATCH]
    units = {(d.org_unit_id, d.resident_unit_id) for d in working}
    if len(units) > rules.escalate_units and not any(d.lead for d in working):
        return f"派给{len(units)}个单位且无主办单位"
    return ""


def check_escalation(session: Session, issue: Issue, at: datetime) -> bool:
    """提级督办 when the rules say so and it was not escalated yet: marked 问题工单 and put
    under supervision, journalled. True when it was escalated now."""
    if issue.escalated:
        return False
    why = escalation_reason(issue, load_rules(session))
    if not why:
        return False
    issue.escalated = True
    issue.escalated_at = at
    issue.escalation_reason = why[:REASON_MAX]
    issue.supervised = True
    issue.supervision_note = issue.supervision_note or f"问题工单：{why}"
    journal(session, issue, Note.ESCALATE, at, note=f"问题工单，提级督办：{why}")
    return True
