"""The closed loop of an issue as a state machine: which step may follow which.

登记 registered → 受理 accepted (or 不予受理 rejected) → 派单 dispatched → 办理中 in progress →
办结 resolved → 回访 followed up → 归档 closed. A dissatisfied follow-up (the units' fault)
reopens the issue to 办理中. Steps on one unit's dispatch (报到, its result, 退单) keep the
issue where the loop says. The table is the single rule the use cases, the UI's buttons and
the tests read; a step that is not in it is refused with the allowed next steps named.
"""

from __future__ import annotations

from enum import StrEnum

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.labels import label
from db.models.issues import IssueStatus

S = IssueStatus


class Action(StrEnum):
    """A step of the loop, stored as ``IssueEvent.action``."""

    ACCEPT = "accept"  # 受理
    REJECT = "reject"  # 不予受理
    DISPATCH = "dispatch"  # 派单 / 吹哨 (also a re-dispatch)
    ACKNOWLEDGE = "acknowledge"  # 报到 (one unit)
    COMPLETE = "complete"  # a unit reports its result
    RETURN = "return"  # 退单 (one unit, with a reason)
    RESOLVE = "resolve"  # 办结
    FOLLOW_UP = "follow_up"  # 回访
    REOPEN = "reopen"  # back to work after a dissatisfied follow-up
    CLOSE = "close"  # 归档


# Steps that never change the status and are allowed while the issue is open.
class Note(StrEnum):
    REGISTER = "register"
    EDIT = "edit"
    SUPERVISE = "supervise"  # 督办
    UNSUPERVISE = "unsupervise"
    REMIND = "remind"  # 催办
    EXTEND = "extend"  # deadline extended on request, with a reason


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
    # DISPATCHED → DISPATCHED, or ACCEPTED when no unit is left to do it
    Action.RETURN: {S.DISPATCHED: None, S.IN_PROGRESS: S.IN_PROGRESS},
    Action.RESOLVE: {S.IN_PROGRESS: S.RESOLVED},
    # FOLLOWED_UP, then at once IN_PROGRESS (a REOPEN step) when 不满意 for the units' fault
    Action.FOLLOW_UP: {S.RESOLVED: S.FOLLOWED_UP},
    Action.REOPEN: {S.FOLLOWED_UP: S.IN_PROGRESS},
    Action.CLOSE: {S.FOLLOWED_UP: S.CLOSED},
}

OPEN_STATUSES = (S.REGISTERED, S.ACCEPTED, S.DISPATCHED, S.IN_PROGRESS)
"""Being handled: deadlines run and warnings apply."""

ACTION_LABELS: dict[str, str] = {
    Action.ACCEPT: QT_TRANSLATE_NOOP("issue_actions", "受理"),
    Action.REJECT: QT_TRANSLATE_NOOP("issue_actions", "不予受理"),
    Action.DISPATCH: QT_TRANSLATE_NOOP("issue_actions", "派单"),
    Action.ACKNOWLEDGE: QT_TRANSLATE_NOOP("issue_actions", "报到"),
    Action.COMPLETE: QT_TRANSLATE_NOOP("issue_actions", "反馈结果"),
    Action.RETURN: QT_TRANSLATE_NOOP("issue_actions", "退单"),
    Action.RESOLVE: QT_TRANSLATE_NOOP("issue_actions", "办结"),
    Action.FOLLOW_UP: QT_TRANSLATE_NOOP("issue_actions", "回访"),
    Action.REOPEN: QT_TRANSLATE_NOOP("issue_actions", "重新办理"),
    Action.CLOSE: QT_TRANSLATE_NOOP("issue_actions", "归档"),
    Note.REGISTER: QT_TRANSLATE_NOOP("issue_actions", "登记"),
    Note.EDIT: QT_TRANSLATE_NOOP("issue_actions", "修改"),
    Note.SUPERVISE: QT_TRANSLATE_NOOP("issue_actions", "督办"),
    Note.UNSUPERVISE: QT_TRANSLATE_NOOP("issue_actions", "取消督办"),
    Note.REMIND: QT_TRANSLATE_NOOP("issue_actions", "催办"),
    Note.EXTEND: QT_TRANSLATE_NOOP("issue_actions", "延期"),
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
