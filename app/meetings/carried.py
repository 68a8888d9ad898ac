"""Decisions that come back: the open action items of earlier meetings of the same kind (and
host) are offered to the next one as its agenda item "上次议定事项落实情况", and its minutes print
how each stands — as it stood when they were finalised.

The seed article's 议事会 fixed 安乐村's parking and 建宁路33号's flooding through exactly such
follow-ups: a decision left open is on the table again until it is done.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import refuse
from app.i18n import QT_TRANSLATE_NOOP
from app.meetings.carried_views import CarriedView, views_of
from app.meetings.store import check_draft, live_meeting, meeting_state, record, touch
from app.store import flush
from db.models.meetings import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    CarriedAction,
    Decision,
    Meeting,
)

TITLE = "上次议定事项落实情况"
OPEN = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


def _open_earlier(session: Session, meeting: Meeting) -> list[ActionItem]:
    """Open action items of earlier live meetings of the same kind and host, oldest first."""
    stmt = (
        select(ActionItem)
        .join(Decision, Decision.id == ActionItem.decision_id)
        .join(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(
            Meeting.deleted_at.is_(None),
            Meeting.id != meeting.id,
            Meeting.kind == meeting.kind,
            Meeting.starts_at < meeting.starts_at,
            ActionItem.status.in_(OPEN),
        )
        .order_by(Meeting.starts_at, AgendaItem.position, Decision.position, ActionItem.created_at)
    )
    if meeting.host_org_unit_id is None:
        stmt = stmt.where(Meeting.host_org_unit_id.is_(None))
    else:
        stmt = stmt.where(Meeting.host_org_unit_id == meeting.host_org_unit_id)
    return list(session.scalars(stmt))


def open_decisions(session: Session, meeting_id: str) -> list[CarriedView]:
    """What "上次议定事项落实情况" would bring to this meeting (nothing once it has it)."""
    meeting = live_meeting(session, meeting_id)
    if _follow_up_item(session, meeting) is not None:
        return []
    return views_of(session, _open_earlier(session, meeting), {})


def _follow_up_item(session: Session, meeting: Meeting) -> AgendaItem | None:
    """The meeting's agenda item that carries earlier decisions, if it has one."""
    ids = [item.id for item in meeting.agenda_items]
    if not ids:
        return None
    carrying = session.scalar(
        select(CarriedAction.agenda_item_id).where(CarriedAction.agenda_item_id.in_(ids)).limit(1)
    )
    return next((item for item in meeting.agenda_items if item.id == carrying), None)


def carry_open_decisions(session: Session, meeting_id: str) -> str | None:
    """Adds "上次议定事项落实情况" first on the agenda (or fills an empty one a copied meeting
    brought along) with the earlier meetings' open action items. Returns the agenda item's id,
    or None when nothing is open."""
    meeting = live_meeting(session, meeting_id)
    check_draft(meeting)
    if _follow_up_item(session, meeting) is not None:
        raise refuse(QT_TRANSLATE_NOOP("errors", "议程中已有“上次议定事项落实情况”。"))
    actions = _open_earlier(session, meeting)
    if not actions:
        return None
    before = meeting_state(meeting)
    item = next((i for i in meeting.agenda_items if i.title == TITLE and not i.decisions), None)
    if item is None:
        for other in meeting.agenda_items:
            other.position += 1
        item = AgendaItem(title=TITLE, notes="", position=0)
        meeting.agenda_items.insert(0, item)
    flush(session)
    session.add_all(
        CarriedAction(agenda_item_id=item.id, action_item_id=a.id, position=n)
        for n, a in enumerate(actions)
    )
    touch(meeting)
    flush(session)
    record(session, "update", meeting, before, reason=TITLE)
    return item.id


def freeze(session: Session, meeting: Meeting) -> None:
    """At finalisation: the carried items' status as the minutes print it from now on."""
    ids = [item.id for item in meeting.agenda_items]
    if not ids:
        return
    rows = session.execute(
        select(CarriedAction, ActionItem.status)
        .join(ActionItem, ActionItem.id == CarriedAction.action_item_id)
        .where(CarriedAction.agenda_item_id.in_(ids))
    ).all()
    for row, status in rows:
        row.status_when_final = status  # saved with the meeting's own change
