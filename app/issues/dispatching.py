"""派单 / 吹哨 and what each unit does with its order: 报到, its result, an objection.

首接负责制: one unit leads (主办), the others assist (协办). Unless told otherwise, the first
unit an issue is sent to leads; the street may hand the lead to another unit. A unit that
says the order is not its remit raises an objection (异议) with its reason; the street reviews
it — accepted, the unit is off the order (退单) and, when no unit is left, the issue goes back
for re-dispatch; refused, the unit goes on with it. While the lead's objection is reviewed
the issue's clock stands still, and its deadline moves on by that time afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy.orm import Session

from app.errors import refuse
from app.i18n import QT_TRANSLATE_NOOP
from app.issues import clock
from app.issues.due import due_cn
from app.issues.limits import Limit, due_moment, end_of, parse_due, shifted
from app.issues.oversight import check_escalation
from app.issues.records import DispatchTarget
from app.issues.store import (
    calendar_for,
    journal,
    live_dispatch,
    live_issue,
    now_or,
    required_note,
    step,
    unit_name,
)
from app.issues.workflow import (
    UNIT_STEPS,
    WORKING_DISPATCH,
    Action,
    Note,
    action_label,
    check,
)
from app.labels import label
from db.models.issues import Dispatch, DispatchStatus, Issue, IssueStatus, LimitUnit

S = IssueStatus


def current_lead(issue: Issue) -> Dispatch | None:
    return next((d for d in issue.dispatches if d.lead and d.status in WORKING_DISPATCH), None)


def _due(session: Session, issue: Issue, target: DispatchTarget, at: datetime) -> datetime:
    """The target's own limit or day, else the issue's due moment (or, when that has passed,
    the issue's limit counted again from now)."""
    calendar = calendar_for(session, at)
    if target.limit is not None:
        return due_moment(calendar, at, target.limit)
    if target.due_on is not None:
        return end_of(target.due_on)
    if issue.due_at is not None and issue.due_at > at:
        return issue.due_at
    return due_moment(calendar, at, clock.issue_limit(issue))


def typed_due(session: Session, issue_id: str, typed: str, now: datetime) -> datetime:
    """The due moment a dispatch made now would get from what was typed as its limit (the
    editor's preview); ValidationError on ``due`` when it cannot be read."""
    issue = live_issue(session, issue_id)
    wanted = parse_due(typed)
    target = DispatchTarget(
        limit=wanted if isinstance(wanted, Limit) else None,
        due_on=wanted if isinstance(wanted, date) else None,
    )
    return _due(session, issue, target, now)


def dispatch(
    session: Session,
    issue_id: str,
    targets: Sequence[DispatchTarget],
    *,
    note: str = "",
    version: int | None = None,
    now: datetime | None = None,
) -> list[str]:
    """派单 / 吹哨 to one or more units at once, each with its own due moment; also a
    re-dispatch after a 退单 or a reopening. The target marked ``lead`` leads; with none
    marked and no unit leading yet, the first one does. Returns the new dispatches' ids."""
    issue = live_issue(session, issue_id, version)
    check(Action.DISPATCH, issue.status)
    if not targets:
        raise refuse(QT_TRANSLATE_NOOP("errors", "请选择至少一个承办单位。"))
    at = now_or(now)
    busy = {
        (d.org_unit_id, d.resident_unit_id)
        for d in issue.dispatches
        if d.status in WORKING_DISPATCH
    }
    lead = current_lead(issue)
    wanted_leads = [t for t in targets if t.lead]
    if len(wanted_leads) > 1:
        raise refuse(QT_TRANSLATE_NOOP("errors", "只能有一个主办单位。"))
    if wanted_leads and lead is not None:
        raise refuse(
            QT_TRANSLATE_NOOP("errors", "{unit}已是主办单位；要更换，请在派单列表中设为主办。"),
            unit=unit_name(session, lead.org_unit_id, lead.resident_unit_id),
        )
    leader = wanted_leads[0] if wanted_leads else (targets[0] if lead is None else None)
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
        due = _due(session, issue, target, at)
        if due <= at:
            raise refuse(QT_TRANSLATE_NOOP("errors", "办理时限不能早于现在。"))
        row = Dispatch(
            org_unit_id=target.org_unit_id,
            resident_unit_id=target.resident_unit_id,
            dispatched_at=at,
            lead=target is leader,
        )
        clock.set_dispatch_due(row, due)
        rows.append(row)
        role = "主办" if row.lead else "协办"
        names.append(f"{name}（{role}，{due_cn(due)}前）")
    issue.dispatches.extend(rows)
    text = "派至" + "、".join(names) + (f"：{note.strip()}" if note.strip() else "")
    step(session, issue, Action.DISPATCH, at, text)
    check_escalation(session, issue, at)
    return [row.id for row in rows]


def _unit_step(session: Session, dispatch_id: str, action: Action) -> tuple[Issue, Dispatch, str]:
    """The dispatch, its issue and unit's name, when the step is allowed (``UNIT_STEPS``)."""
    row = live_dispatch(session, dispatch_id)
    issue = live_issue(session, row.issue_id)
    check(action, issue.status)
    name = unit_name(session, row.org_unit_id, row.resident_unit_id)
    if action not in UNIT_STEPS.get(row.status, ()):
        raise refuse(
            QT_TRANSLATE_NOOP("errors", "{unit}的派单{state}，不能再{action}。"),
            unit=name,
            state=label(row.status),
            action=action_label(action),
        )
    return issue, row, name


def set_lead(session: Session, dispatch_id: str, *, now: datetime | None = None) -> None:
    """This unit leads from now on (the one that led before assists)."""
    row = live_dispatch(session, dispatch_id)
    issue = live_issue(session, row.issue_id)
    name = unit_name(session, row.org_unit_id, row.resident_unit_id)
    if row.status not in WORKING_DISPATCH:
        raise refuse(
            QT_TRANSLATE_NOOP("errors", "{unit}的派单{state}，不能设为主办。"),
            unit=name,
            state=label(row.status),
        )
    if row.lead:
        return
    for other in issue.dispatches:
        other.lead = other is row
    journal(session, issue, Note.LEAD, now_or(now), note=f"主办单位改为{name}")
    check_escalation(session, issue, now_or(now))


def acknowledge(session: Session, dispatch_id: str, *, now: datetime | None = None) -> None:
    """报到: the unit has taken the order; the issue is then 办理中."""
    issue, row, name = _unit_step(session, dispatch_id, Action.ACKNOWLEDGE)
    at = now_or(now)
    row.status = DispatchStatus.ACKNOWLEDGED
    row.acknowledged_at = at
    step(session, issue, Action.ACKNOWLEDGE, at, f"{name}已报到")


def complete(
    session: Session,
    dispatch_id: str,
    result: str,
    *,
    now: datetime | None = None,
) -> None:
    """A unit's result (报到 implied when it had not reported yet)."""
    issue, row, name = _unit_step(session, dispatch_id, Action.COMPLETE)
    text = required_note("result", result, QT_TRANSLATE_NOOP("validation", "请填写办理结果。"))
    at = now_or(now)
    row.acknowledged_at = row.acknowledged_at or at
    row.status = DispatchStatus.DONE
    row.result = text
    row.completed_at = at
    step(session, issue, Action.COMPLETE, at, f"{name}：{text}")


def object_to(
    session: Session,
    dispatch_id: str,
    reason: str,
    *,
    now: datetime | None = None,
) -> None:
    """异议: the unit says the order is not its remit (reason required); the street reviews it.
    The lead's objection stops the issue's clock until then."""
    issue, row, name = _unit_step(session, dispatch_id, Action.OBJECT)
    why = required_note("reason", reason, QT_TRANSLATE_NOOP("validation", "请说明异议的理由。"))
    at = now_or(now)
    row.status = DispatchStatus.OBJECTED
    row.objected_at = at
    row.objection_reason = why
    paused = row.lead and clock.pause(issue, at)
    text = f"{name}提出异议：{why}" + ("（计时暂停，待审核）" if paused else "")
    step(session, issue, Action.OBJECT, at, text)


def review_objection(
    session: Session,
    dispatch_id: str,
    accepted: bool,
    note: str = "",
    *,
    now: datetime | None = None,
) -> None:
    """The street's review of an objection. Accepted: 退单 (the unit is off the order; when
    no unit is left on a dispatched issue, it goes back to 受理 for re-dispatch). Refused
    (the reason required): the unit goes on with it. Either way the clock runs again."""
    action = Action.RETURN if accepted else Action.KEEP
    issue, row, name = _unit_step(session, dispatch_id, action)
    if accepted:
        text = " ".join(note.split()) or row.objection_reason
    else:
        text = required_note(
            "note", note, QT_TRANSLATE_NOOP("validation", "请说明驳回异议的理由。")
        )
    at = now_or(now)
    row.reviewed_at, row.review_note = at, text
    paused_at = issue.paused_at if row.lead else None
    moved = clock.resume(session, issue, at) if row.lead else None
    to = issue.status
    if accepted:
        row.status = DispatchStatus.RETURNED
        row.returned_at = at
        row.return_reason = row.objection_reason
        left = [d for d in issue.dispatches if d is not row and d.status in WORKING_DISPATCH]
        if issue.status is S.DISPATCHED and not left:
            to = S.ACCEPTED
        words = f"同意{name}退单：{text}"
    else:
        row.status = (
            DispatchStatus.ACKNOWLEDGED if row.acknowledged_at else DispatchStatus.DISPATCHED
        )
        if paused_at is not None and row.due_at is not None:
            unit = issue.limit_unit or LimitUnit.WORKING_DAYS
            clock.set_dispatch_due(
                row, shifted(calendar_for(session, at), row.due_at, unit, paused_at, at)
            )
        words = f"驳回{name}的异议：{text}"
    if moved is not None:
        words += f"（计时恢复，办理时限顺延至{due_cn(moved)}）"
    elif paused_at is not None:
        words += "（计时恢复）"
    step(session, issue, action, at, words, to=to)
    if accepted:
        check_escalation(session, issue, at)


def pending_objections(issue: Issue) -> list[Dispatch]:
    return [d for d in issue.dispatches if d.status is DispatchStatus.OBJECTED]
