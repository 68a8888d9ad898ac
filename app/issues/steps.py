"""The steps of an issue's closed loop, each checked against ``workflow.TRANSITIONS`` and
journalled (an ``IssueEvent`` with the action, the status before and after, the note, who and
when) and audited. One session per step, opened by the caller; ``now`` is for tests and
imports (default: the current time)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.i18n import QT_TRANSLATE_NOOP
from app.issues.numbering import allocate_issue_number
from app.issues.records import DispatchTarget, IssueData
from app.issues.store import (
    calendar_for,
    flush,
    journal,
    limit_days,
    live_dispatch,
    live_issue,
    local_day,
    now_or,
    refuse,
    required_note,
)
from app.issues.workflow import Action, Note, action_label, check
from app.labels import label
from app.meetings.tracking import cn_date
from db.models.directory import OrgUnit, ResidentUnit
from db.models.issues import (
    Dispatch,
    DispatchStatus,
    FollowUp,
    Issue,
    IssueStatus,
    Satisfaction,
)

S = IssueStatus
REOPEN_WORKING_DAYS = 5  # a reopened issue gets this many working days more
OPEN_DISPATCH = (DispatchStatus.DISPATCHED, DispatchStatus.ACKNOWLEDGED)


def register(
    session: Session,
    data: IssueData,
    *,
    reported_at: datetime | None = None,
    note: str = "",
) -> str:
    """登记: a new issue with the next number; its deadline counts the category's working
    days from the day it was reported. Returns the id."""
    data = data.cleaned()
    at = now_or(reported_at)
    issue = Issue(
        number=allocate_issue_number(session, local_day(at).year),
        reported_at=at,
        status=S.REGISTERED,
        **_facts(data),
    )
    session.add(issue)
    flush(session)
    issue.deadline = calendar_for(session, at).add(local_day(at), limit_days(session, issue))
    journal(session, issue, Note.REGISTER, at, to=S.REGISTERED, note=note, new=True)
    return issue.id


def _facts(data: IssueData) -> dict[str, object]:
    return {
        "title": data.title,
        "source": data.source,
        "description": data.description,
        "category_id": data.category_id,
        "community_id": data.community_id,
        "grid_id": data.grid_id,
        "compound_id": data.compound_id,
        "address": data.address,
        "reporter_name": data.reporter_name,
        "reporter_phone": data.reporter_phone,
        "priority": data.priority,
    }


def update_facts(
    session: Session,
    issue_id: str,
    version: int,
    data: IssueData,
    *,
    now: datetime | None = None,
) -> None:
    """Saves the editor's facts (any status but 归档); the deadline stays as it is."""
    issue = live_issue(session, issue_id, version)
    if issue.status in (S.CLOSED, S.REJECTED):
        raise refuse(QT_TRANSLATE_NOOP("errors", "已归档或不予受理的事项不能修改。"))
    before = audit.snapshot(issue)
    for key, value in _facts(data.cleaned()).items():
        setattr(issue, key, value)
    journal(session, issue, Note.EDIT, now_or(now), before=before)


def _step(
    session: Session,
    issue: Issue,
    action: Action,
    at: datetime,
    note: str = "",
    to: IssueStatus | None = None,
) -> None:
    after = check(action, issue.status)
    journal(session, issue, action, at, to=to or after or issue.status, note=note)


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
    _step(session, issue, Action.ACCEPT, now_or(now), note.strip())


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
    _step(session, issue, Action.REJECT, now_or(now), why)


def unit_name(session: Session, org_unit_id: str | None, resident_unit_id: str | None) -> str:
    if org_unit_id is not None:
        return session.scalar(select(OrgUnit.name).where(OrgUnit.id == org_unit_id)) or ""
    return (
        session.scalar(select(ResidentUnit.name).where(ResidentUnit.id == resident_unit_id)) or ""
    )


def dispatch(
    session: Session,
    issue_id: str,
    targets: Sequence[DispatchTarget],
    *,
    note: str = "",
    version: int | None = None,
    now: datetime | None = None,
) -> list[str]:
    """派单 / 吹哨 to one or more units at once, each with its own deadline; also a
    re-dispatch after a 退单 or a reopening. Returns the new dispatches' ids."""
    issue = live_issue(session, issue_id, version)
    check(Action.DISPATCH, issue.status)
    if not targets:
        raise refuse(QT_TRANSLATE_NOOP("errors", "请选择至少一个承办单位。"))
    at = now_or(now)
    today = local_day(at)
    calendar = calendar_for(session, at)
    default_due = issue.deadline
    if default_due is None or default_due < today:
        default_due = calendar.add(today, limit_days(session, issue))
    busy = {
        (d.org_unit_id, d.resident_unit_id) for d in issue.dispatches if d.status in OPEN_DISPATCH
    }
    names: list[str] = []
    rows: list[Dispatch] = []
    for target in targets:
        if (target.org_unit_id is None) == (target.resident_unit_id is None):
            raise refuse(QT_TRANSLATE_NOOP("errors", "每个承办单位须是部门或驻区单位之一。"))
        key = (target.org_unit_id, target.resident_unit_id)
        name = unit_name(session, *key)
        if not name:
            raise refuse(QT_TRANSLATE_NOOP("errors", "找不到承办单位。"))
        if key in busy:
            raise refuse(
                QT_TRANSLATE_NOOP("errors", "{unit}正在办理这件事项，不必重复派单。"), unit=name
            )
        busy.add(key)
        due = target.due_on or default_due
        if due < today:
            raise refuse(QT_TRANSLATE_NOOP("errors", "办理时限不能早于今天。"))
        rows.append(
            Dispatch(
                org_unit_id=target.org_unit_id,
                resident_unit_id=target.resident_unit_id,
                dispatched_at=at,
                due_on=due,
            )
        )
        names.append(f"{name}（{cn_date(due)}前）")
    issue.dispatches.extend(rows)
    text = "派至" + "、".join(names) + (f"：{note.strip()}" if note.strip() else "")
    _step(session, issue, Action.DISPATCH, at, text)
    return [row.id for row in rows]


def _unit_step(
    session: Session, dispatch_id: str, action: Action, allowed: Sequence[DispatchStatus]
) -> tuple[Issue, Dispatch, str]:
    row = live_dispatch(session, dispatch_id)
    issue = live_issue(session, row.issue_id)
    check(action, issue.status)
    name = unit_name(session, row.org_unit_id, row.resident_unit_id)
    if row.status not in allowed:
        raise refuse(
            QT_TRANSLATE_NOOP("errors", "{unit}的派单{state}，不能再{action}。"),
            unit=name,
            state=label(row.status),
            action=action_label(action),
        )
    return issue, row, name


def acknowledge(session: Session, dispatch_id: str, *, now: datetime | None = None) -> None:
    """报到: the unit has taken the order; the issue is then 办理中."""
    issue, row, name = _unit_step(
        session, dispatch_id, Action.ACKNOWLEDGE, (DispatchStatus.DISPATCHED,)
    )
    at = now_or(now)
    row.status = DispatchStatus.ACKNOWLEDGED
    row.acknowledged_at = at
    _step(session, issue, Action.ACKNOWLEDGE, at, f"{name}已报到")


def complete(
    session: Session,
    dispatch_id: str,
    result: str,
    *,
    now: datetime | None = None,
) -> None:
    """A unit's result (报到 implied when it had not reported yet)."""
    issue, row, name = _unit_step(session, dispatch_id, Action.COMPLETE, OPEN_DISPATCH)
    text = required_note("result", result, QT_TRANSLATE_NOOP("validation", "请填写办理结果。"))
    at = now_or(now)
    row.acknowledged_at = row.acknowledged_at or at
    row.status = DispatchStatus.DONE
    row.result = text
    row.completed_at = at
    _step(session, issue, Action.COMPLETE, at, f"{name}：{text}")


def return_dispatch(
    session: Session,
    dispatch_id: str,
    reason: str,
    *,
    now: datetime | None = None,
) -> None:
    """退单 with a reason. When no other unit is left working on it, a dispatched issue goes
    back to 受理 for the street to re-dispatch."""
    issue, row, name = _unit_step(session, dispatch_id, Action.RETURN, OPEN_DISPATCH)
    why = required_note("reason", reason, QT_TRANSLATE_NOOP("validation", "请说明退单的理由。"))
    at = now_or(now)
    row.status = DispatchStatus.RETURNED
    row.returned_at = at
    row.return_reason = why
    to = issue.status
    others = [d for d in issue.dispatches if d is not row and d.status in OPEN_DISPATCH]
    if issue.status is S.DISPATCHED and not others:
        to = S.ACCEPTED
    _step(session, issue, Action.RETURN, at, f"{name}退单：{why}", to=to)


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
    text = required_note("result", result, QT_TRANSLATE_NOOP("validation", "请填写办理结果。"))
    at = now_or(now)
    for row in issue.dispatches:
        if row.status in OPEN_DISPATCH:
            row.status = DispatchStatus.DONE
            row.acknowledged_at = row.acknowledged_at or at
            row.result = row.result or text
            row.completed_at = at
    issue.resolved_at = at
    _step(session, issue, Action.RESOLVE, at, text)


def follow_up(
    session: Session,
    issue_id: str,
    satisfaction: Satisfaction,
    *,
    comment: str = "",
    visited_by: str = "",
    units_at_fault: bool = True,
    version: int | None = None,
    now: datetime | None = None,
) -> str:
    """回访 with the resident's satisfaction. 满意 / 基本满意: the issue may be closed.
    不满意 for reasons the units control (``units_at_fault``): back to 办理中 at once, counted
    in ``reopen_count``, with a new deadline. Returns the follow-up's id."""
    issue = live_issue(session, issue_id, version)
    check(Action.FOLLOW_UP, issue.status)
    satisfaction = Satisfaction(satisfaction)  # a plain string from a widget is fine too
    at = now_or(now)
    visit = FollowUp(
        visited_at=at,
        visited_by=visited_by.strip()[:50],
        satisfaction=satisfaction,
        comment=comment.strip(),
    )
    issue.follow_ups.append(visit)
    issue.satisfaction = satisfaction
    label = {
        Satisfaction.SATISFIED: "满意",
        Satisfaction.BASICALLY_SATISFIED: "基本满意",
        Satisfaction.DISSATISFIED: "不满意",
    }[satisfaction]
    text = f"回访：{label}" + (f"，{comment.strip()}" if comment.strip() else "")
    _step(session, issue, Action.FOLLOW_UP, at, text)
    if satisfaction is Satisfaction.DISSATISFIED and units_at_fault:
        _reopen(session, issue, at, "回访不满意，重新办理")
    return visit.id


def _reopen(session: Session, issue: Issue, at: datetime, why: str) -> None:
    check(Action.REOPEN, issue.status)
    issue.reopen_count += 1
    issue.resolved_at = None
    issue.deadline = calendar_for(session, at).add(local_day(at), REOPEN_WORKING_DAYS)
    _step(session, issue, Action.REOPEN, at, why)


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
    """归档. After a 不满意 not of the units' making the note (why it closes) is required."""
    issue = live_issue(session, issue_id, version)
    check(Action.CLOSE, issue.status)
    text = note.strip()
    if issue.satisfaction is Satisfaction.DISSATISFIED:
        text = required_note(
            "note", note, QT_TRANSLATE_NOOP("validation", "回访不满意，请说明归档的理由。")
        )
    at = now_or(now)
    issue.closed_at = at
    _step(session, issue, Action.CLOSE, at, text or "办结归档")


def _check_open(issue: Issue) -> None:
    if issue.status in (S.CLOSED, S.REJECTED):
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
    new_deadline: date,
    reason: str,
    *,
    dispatch_id: str | None = None,
    now: datetime | None = None,
) -> None:
    """延期 on a unit's request, with the reason: allowed only before the deadline passes.
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
    current = row.due_on if row is not None else issue.deadline
    if current is not None and local_day(at) > current:
        raise refuse(
            QT_TRANSLATE_NOOP("errors", "办理时限{day}已过，延期须在期限前申请。"),
            day=cn_date(current),
        )
    if current is not None and new_deadline <= current:
        raise refuse(QT_TRANSLATE_NOOP("errors", "新的期限须晚于{day}。"), day=cn_date(current))
    if row is not None:
        before = audit.snapshot(row)
        row.due_on = new_deadline
        flush(session)
        audit.record(session, "update", row, before, reason=why)
        who = unit_name(session, row.org_unit_id, row.resident_unit_id)
    else:
        issue.deadline = new_deadline
        who = ""
    text = f"{who}延期至{cn_date(new_deadline)}：{why}"
    journal(session, issue, Note.EXTEND, at, note=text)
