"""The closed loop of an issue as a state machine: which step may follow which.

登记 registered → 受理 accepted (or 不予受理 rejected) → 派单 dispatched → 办理中 in progress →
办结 resolved → 回访 followed up → 归档 closed. A dissatisfied follow-up (the units' fault)
reopens the issue to 办理中. Steps on one unit's dispatch (报到, its result, an objection and
its review) keep the issue where the loop says. A repeat complaint not yet dispatched may be
merged into another order (并单) and unmerged again. The table is the single rule the use
cases, the UI's buttons and the tests read; a step that is not in it is refused with the
allowed next steps named.
"""

from __future__ import annotations

from enum import StrEnum

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.labels import label
from db.models.issues import DispatchStatus, IssueStatus

S = IssueStatus


class Action(StrEnum):
    """A step of the loop, stored as ``IssueEvent.action``."""

    ACCEPT = "accept"  # 受理
    REJECT = "reject"  # 不予受理
    DISPATCH = "dispatch"  # 派单 / 吹哨 (also a re-dispatch)
    ACKNOWLEDGE = "acknowledge"  # 报到 (one unit)
    COMPLETE = "complete"  # a unit reports its result
    OBJECT = "object"  # 异议 (one unit: not its remit, with a reason); the street reviews it
    RETURN = "return"  # 退单: the street accepts a unit's objection
    KEEP = "keep"  # the street refuses an objection: the unit goes on with it
    RESOLVE = "resolve"  # 办结
    FOLLOW_UP = "follow_up"  # 回访
    REOPEN = "reopen"  # back to work after a dissatisfied follow-up
    CLOSE = "close"  # 归档
    MERGE = "merge"  # 并单: this repeat complaint is kept on another order
    UNMERGE = "unmerge"  # 撤销并单: back to the status it had


# Steps that never change the status and are allowed while the issue is open.
class Note(StrEnum):
    REGISTER = "register"
    EDIT = "edit"
    SUPERVISE = "supervise"  # 督办
    UNSUPERVISE = "unsupervise"
    REMIND = "remind"  # 催办
    EXTEND = "extend"  # deadline extended on request, with a reason
    MERGED_IN = "merged_in"  # a repeat complaint was merged into this order
    MERGED_OUT = "merged_out"  # … and unmerged again
    LEAD = "lead"  # the lead unit (主办) changed
    ESCALATE = "escalate"  # 问题工单: escalated for supervision by the rules


# action → {status before: status after}; ``None`` after: decided by the step (see docs).
TRANSITIONS: dict[Action, dict[IssueStatus, IssueStatus | None]] = {
    Action.ACCEPT: {S.REGISTERED: S.ACCEPTED},
    Action.REJECT: {S.REGISTERED: S.REJECTED},
    Action.DISPATCH: {
        S.ACCEPTED: S.DISPATCHED,
        S.DISPATCHED: S.DISPATCHED,
        S.IN_PROGRESS: S.IN_PROGRESS,
    },
    Action.ACKNOWLEDGE: {S.DISPATCHED: S.IN_PROGRESS, S.IN_PROGRESS: S.IN_PROGRESS},
    Action.COMPLETE: {S.DISPATCHED: S.IN_PROGRESS, S.IN_PROGRESS: S.IN_PROGRESS},
    Action.OBJECT: {S.DISPATCHED: S.DISPATCHED, S.IN_PROGRESS: S.IN_PROGRESS},
    # DISPATCHED → DISPATCHED, or ACCEPTED when no unit is left to do it
    Action.RETURN: {S.DISPATCHED: None, S.IN_PROGRESS: S.IN_PROGRESS},
    Action.KEEP: {S.DISPATCHED: S.DISPATCHED, S.IN_PROGRESS: S.IN_PROGRESS},
    Action.RESOLVE: {S.IN_PROGRESS: S.RESOLVED},
    # FOLLOWED_UP, then at once IN_PROGRESS (a REOPEN step) when 不满意 for the units' fault;
    # a merged order's further complainants are called after the first
    Action.FOLLOW_UP: {S.RESOLVED: S.FOLLOWED_UP, S.FOLLOWED_UP: S.FOLLOWED_UP},
    Action.REOPEN: {S.FOLLOWED_UP: S.IN_PROGRESS},
    Action.CLOSE: {S.FOLLOWED_UP: S.CLOSED},
    Action.MERGE: {S.REGISTERED: S.MERGED, S.ACCEPTED: S.MERGED},
    Action.UNMERGE: {S.MERGED: None},  # the status it had before
}

OPEN_STATUSES = (S.REGISTERED, S.ACCEPTED, S.DISPATCHED, S.IN_PROGRESS)
"""Being handled: deadlines run and warnings apply."""

ENDED_STATUSES = (S.CLOSED, S.REJECTED, S.MERGED)
"""No longer an order of its own: not edited, supervised or reminded."""

OPEN_DISPATCH = (DispatchStatus.DISPATCHED, DispatchStatus.ACKNOWLEDGED)
"""A unit working on its order."""

WORKING_DISPATCH = (*OPEN_DISPATCH, DispatchStatus.OBJECTED)
"""A unit still on the order (its objection, if any, not yet reviewed)."""

UNIT_STEPS: dict[DispatchStatus, tuple[Action, ...]] = {
    DispatchStatus.DISPATCHED: (Action.ACKNOWLEDGE, Action.COMPLETE, Action.OBJECT),
    DispatchStatus.ACKNOWLEDGED: (Action.COMPLETE, Action.OBJECT),
    DispatchStatus.OBJECTED: (Action.RETURN, Action.KEEP),
}
"""What one unit's order allows in each of its states (the issue's status must allow it too)."""


def unit_steps(status: DispatchStatus, issue_status: IssueStatus) -> tuple[str, ...]:
    """The steps a dispatch in ``status`` allows now, with "lead" (设为主办) for a unit still
    on the order."""
    steps = [a.value for a in UNIT_STEPS.get(status, ()) if issue_status in TRANSITIONS[a]]
    if status in WORKING_DISPATCH and issue_status in OPEN_STATUSES:
        steps.append(Note.LEAD.value)
    return tuple(steps)


ACTION_LABELS: dict[str, str] = {
    Action.ACCEPT: QT_TRANSLATE_NOOP("issue_actions", "受理"),
    Action.REJECT: QT_TRANSLATE_NOOP("issue_actions", "不予受理"),
    Action.DISPATCH: QT_TRANSLATE_NOOP("issue_actions", "派单"),
    Action.ACKNOWLEDGE: QT_TRANSLATE_NOOP("issue_actions", "报到"),
    Action.COMPLETE: QT_TRANSLATE_NOOP("issue_actions", "反馈结果"),
    Action.OBJECT: QT_TRANSLATE_NOOP("issue_actions", "提出异议"),
    Action.RETURN: QT_TRANSLATE_NOOP("issue_actions", "同意退单"),
    Action.KEEP: QT_TRANSLATE_NOOP("issue_actions", "驳回异议"),
    Action.RESOLVE: QT_TRANSLATE_NOOP("issue_actions", "办结"),
    Action.FOLLOW_UP: QT_TRANSLATE_NOOP("issue_actions", "回访"),
    Action.REOPEN: QT_TRANSLATE_NOOP("issue_actions", "重新办理"),
    Action.CLOSE: QT_TRANSLATE_NOOP("issue_actions", "归档"),
    Action.MERGE: QT_TRANSLATE_NOOP("issue_actions", "并单"),
    Action.UNMERGE: QT_TRANSLATE_NOOP("issue_actions", "撤销并单"),
    Note.REGISTER: QT_TRANSLATE_NOOP("issue_actions", "登记"),
    Note.EDIT: QT_TRANSLATE_NOOP("issue_actions", "修改"),
    Note.SUPERVISE: QT_TRANSLATE_NOOP("issue_actions", "督办"),
    Note.UNSUPERVISE: QT_TRANSLATE_NOOP("issue_actions", "取消督办"),
    Note.REMIND: QT_TRANSLATE_NOOP("issue_actions", "催办"),
    Note.EXTEND: QT_TRANSLATE_NOOP("issue_actions", "延期"),
    Note.MERGED_IN: QT_TRANSLATE_NOOP("issue_actions", "并入重复诉求"),
    Note.MERGED_OUT: QT_TRANSLATE_NOOP("issue_actions", "移出重复诉求"),
    Note.LEAD: QT_TRANSLATE_NOOP("issue_actions", "变更主办单位"),
    Note.ESCALATE: QT_TRANSLATE_NOOP("issue_actions", "提级督办"),
}


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


def allowed_actions(status: IssueStatus) -> list[Action]:
    """The steps the loop allows from ``status``, in the loop's order."""
    return [action for action, moves in TRANSITIONS.items() if status in moves]


class IllegalTransitionError(UserError):
    """A step the loop does not allow now; the message names the allowed next steps."""

    def __init__(self, action: Action, status: IssueStatus) -> None:
        allowed = allowed_actions(status)
        if allowed:
            message = Message(
                "errors",
                QT_TRANSLATE_NOOP(
                    "errors", "事项现在是“{status}”，不能{action}。可以做的下一步：{allowed}。"
                ),
                status=label(status),
                action=action_label(action),
                allowed="、".join(action_label(a) for a in allowed),
            )
        else:
            message = Message(
                "errors",
                QT_TRANSLATE_NOOP("errors", "事项现在是“{status}”，不能{action}，流程已经结束。"),
                status=label(status),
                action=action_label(action),
            )
        super().__init__(message)
        self.action = action
        self.status = status
        self.allowed = tuple(allowed)


def check(action: Action, status: IssueStatus) -> IssueStatus | None:
    """The status after ``action`` (None: the step decides); raises when not allowed."""
    moves = TRANSITIONS[action]
    if status not in moves:
        raise IllegalTransitionError(action, status)
    return moves[status]
