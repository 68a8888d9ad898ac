"""Following decisions up: action item status, and decisions that become 民生事项 issues.

A decision turned into an issue is linked both ways through its action item
(``ActionItem.issue_id``): the meeting shows the issue's number and status, and
``meeting_for_issue`` tells the issue which meeting and decision raised it. These steps are
allowed on a final meeting — they track the work, they do not change the minutes — and they
move the meeting's version on, so an editor opened before them reloads instead of overwriting.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.errors import not_found, refuse
from app.i18n import QT_TRANSLATE_NOOP
from app.issues.records import IssueData
from app.issues.steps import register
from app.localtime import cn_date, to_beijing
from app.meetings.detail import sorted_action_items
from app.meetings.names import Names
from app.meetings.store import WHAT, touch
from app.store import flush, stored
from db.base import utcnow
from db.models.directory import OrgLevel, ResidentUnit
from db.models.issues import Issue, IssueSource
from db.models.meetings import ActionItem, ActionStatus, Decision, Meeting

TITLE_MAX = 200


def _action(session: Session, action_item_id: str) -> ActionItem:
    action = stored(session, ActionItem, action_item_id, QT_TRANSLATE_NOOP("fields", "工作事项"))
    _live_meeting_of(action.decision)
    return action


def _live_meeting_of(decision: Decision) -> Meeting:
    meeting = decision.agenda_item.meeting
    if meeting.deleted_at is not None:
        raise not_found(WHAT, meeting.id)
    return meeting


def set_action_status(session: Session, action_item_id: str, status: ActionStatus) -> None:
    """Marks an action item's progress (also on a final meeting)."""
    action = _action(session, action_item_id)
    if action.status is status:
        return
    before = audit.snapshot(action)
    action.status = status
    touch(action.decision.agenda_item.meeting)
    flush(session)
    audit.record(session, "update", action, before)


def _issue_title(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= TITLE_MAX else flat[: TITLE_MAX - 1] + "…"


def _community(
    session: Session,
    names: Names,
    meeting: Meeting,
    action: ActionItem,
) -> str | None:
    """The community the issue belongs to: the host's, else the owner's, else none."""
    candidates = [meeting.host_org_unit_id, action.owner_org_unit_id]
    if action.owner_unit_id:
        candidates.append(
            session.scalar(
                select(ResidentUnit.org_unit_id).where(ResidentUnit.id == action.owner_unit_id)
            )
        )
    for org_unit_id in candidates:
        found = names.ancestor(org_unit_id, OrgLevel.COMMUNITY)
        if found:
            return found
    return None


def decision_to_issue(
    session: Session,
    *,
    decision_id: str | None = None,
    action_item_id: str | None = None,
    category_id: str | None = None,
    community_id: str | None = None,
    now: datetime | None = None,
) -> str:
    """Registers a 民生事项 (source 会议, status 登记) for a decision through the issues area's
    register step and links it to the action item — the one given, or the decision's first
    one without an issue (one is added when the decision has none). The issue belongs to the
    meeting's community (else the owner's) unless ``community_id`` says otherwise, and to
    ``category_id``. Returns the issue's id. Pass exactly one of the two ids."""
    if (decision_id is None) == (action_item_id is None):
        raise ValueError("pass exactly one of decision_id and action_item_id")
    created = False
    if action_item_id is not None:
        action = _action(session, action_item_id)
        decision = action.decision
    else:
        found = session.get(Decision, decision_id)
        if found is None:
            raise not_found(QT_TRANSLATE_NOOP("fields", "议定事项"), decision_id or "")
        decision = found
        actions = sorted_action_items(decision)
        free = [a for a in actions if a.issue_id is None]
        if actions and not free:
            action = actions[0]
        elif free:
            action = free[0]
        else:
            action = ActionItem(description=decision.text, status=ActionStatus.OPEN)
            decision.action_items.append(action)
            created = True
    meeting = _live_meeting_of(decision)
    if action.issue_id is not None:
        number = session.scalar(select(Issue.number).where(Issue.id == action.issue_id))
        raise refuse(
            QT_TRANSLATE_NOOP("errors", "这项议定事项已转为民生事项{number}。"), number=number
        )
    at = now or utcnow()
    names = Names(session, [action.owner_person_id], [action.owner_unit_id])
    owner = names.owner(action.owner_person_id, action.owner_unit_id, action.owner_org_unit_id)
    origin = f"{meeting.title}（{cn_date(to_beijing(meeting.starts_at).date())}）"
    lines = [f"{origin}议定事项：{decision.text}"]
    if action.description and action.description != decision.text:
        lines.append(f"工作要求：{action.description}")
    if owner:
        lines.append(f"责任单位：{owner}")
    if action.due_on:
        lines.append(f"完成时限：{cn_date(action.due_on)}")

    data = IssueData(
        title=_issue_title(decision.text),
        source=IssueSource.MEETING,
        description="\n".join(lines),
        category_id=category_id,
        community_id=community_id or _community(session, names, meeting, action),
    )
    # the issues area's own step: numbered, journalled under the signed-in user, due when the
    # category's limit runs out
    issue_id = register(session, data, reported_at=at, note=f"由{origin}议定事项转为民生事项")
    before = None if created else audit.snapshot(action)
    action.issue_id = issue_id
    touch(meeting)
    flush(session)
    audit.record(session, "create" if created else "update", action, before)
    return issue_id
