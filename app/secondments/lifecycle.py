"""A posting's lifecycle as a state machine: which step it allows in which state.

The dates move a posting 待到岗 planned → 在岗 active → 期满 ended (``status_for_dates``; run
each day by ``app.daily``, as the system). Two steps change the term with a reason: 延期
extend (在岗 or 延期 → 延期, 期满 once the new end has passed) and 提前结束 end early (→ final).
Before the term starts its dates are edited directly; once it has started its start date stays
with a running posting and its end moves only by those two steps. The table is the single
rule the use cases, the buttons and the tests read; ``PostingDetail.actions`` carries what it
allows now.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.localtime import beijing_today
from app.secondments.store import record
from db.models.secondments import Posting, PostingStatus

S = PostingStatus

RUNNING = (S.ACTIVE, S.EXTENDED)
"""在岗: what a running posting is; the others are before or after the term."""

FINISHED = (S.ENDED, S.ENDED_EARLY)

DATED = (S.PLANNED, *RUNNING)
"""States the calendar moves on."""


class Action(StrEnum):
    EXTEND = "extend"  # 延期
    END_EARLY = "end_early"  # 提前结束
    EDIT_DATES = "edit_dates"  # both dates edited in the editor (before the term starts)
    ASSESS = "assess"  # the end-of-term assessment form (挂职鉴定表): once the term started


# action → {status before: status after}; ``None`` after: decided by the dates.
TRANSITIONS: dict[Action, dict[PostingStatus, PostingStatus | None]] = {
    Action.EXTEND: {S.ACTIVE: None, S.EXTENDED: None},
    Action.END_EARLY: {S.ACTIVE: S.ENDED_EARLY, S.EXTENDED: S.ENDED_EARLY},
    Action.EDIT_DATES: {S.PLANNED: None},
    Action.ASSESS: {s: s for s in S if s is not S.PLANNED},
}

# Why a step is refused, by the state that refuses it.
REFUSALS: dict[Action, dict[PostingStatus, str]] = {
    Action.EXTEND: {
        S.PLANNED: QT_TRANSLATE_NOOP("errors", "这项挂职还没有开始，请直接在编辑中修改结束日期。"),
        **dict.fromkeys(
            FINISHED,
            QT_TRANSLATE_NOOP("errors", "这项挂职已经结束，不能延期；请新建一项挂职。"),
        ),
    },
    Action.END_EARLY: {
        S.PLANNED: QT_TRANSLATE_NOOP("errors", "这项挂职还没有开始；不再派出请直接删除。"),
        **dict.fromkeys(FINISHED, QT_TRANSLATE_NOOP("errors", "这项挂职已经结束了。")),
    },
}


def allowed_actions(status: PostingStatus) -> frozenset[Action]:
    """What the lifecycle allows a posting in ``status``."""
    return frozenset(action for action, moves in TRANSITIONS.items() if status in moves)


def check(action: Action, status: PostingStatus) -> None:
    """Raises the reason when ``action`` is not allowed in ``status``."""
    if status not in TRANSITIONS[action]:
        raise UserError(Message("errors", REFUSALS[action][status]))


def is_running(status: PostingStatus) -> bool:
    """在岗 (running or extended)."""
    return status in RUNNING


def status_for_dates(
    status: PostingStatus, starts_on: date, ends_on: date, today: date
) -> PostingStatus:
    """The status a posting has on ``today``: dates move 待到岗 → 在岗 → 期满, and a 延期
    posting is 期满 once its new end has passed; 提前结束 is final."""
    if status is S.ENDED_EARLY:
        return status
    if today > ends_on:
        return S.ENDED
    if status is S.EXTENDED:
        return status
    if today < starts_on:
        return S.PLANNED
    return S.ACTIVE


def refresh_statuses(session: Session, today: date | None = None) -> int:
    """Moves every live posting's stored status on to what its dates say today (待到岗 →
    在岗 → 期满); each change is audited. Returns how many changed."""
    now = today or beijing_today()
    changed = 0
    postings = session.scalars(
        select(Posting).where(
            Posting.deleted_at.is_(None),
            Posting.status.in_(DATED),
        )
    ).all()
    for posting in postings:
        status = status_for_dates(posting.status, posting.starts_on, posting.ends_on, now)
        if status is not posting.status:
            before = audit.snapshot(posting)
            posting.status = status
            record(session, "status", posting, before)
            changed += 1
    return changed
