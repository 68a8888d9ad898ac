"""Decisions that come back: the open action items of earlier meetings of the same kind (and
host) are offered to the next one as its agenda item "上次议定事项落实情况", and its minutes print
how each stands — as it stood when they were finalised.

The seed article's 议事会 fixed 安乐村's parking and 建宁路33号's flooding through exactly such
follow-ups: a decision left open is on the table again until it is done.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.localtime import cn_date, to_beijing
from app.meetings.names import Names
from app.meetings.store import (
    check_draft,
    flush,
    live_meeting,
    meeting_state,
    record,
    refuse,
    touch,
)
from db.models.issues import Issue, IssueStatus
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
STATUS_WORDS = {
    ActionStatus.OPEN: "未开始",
    ActionStatus.IN_PROGRESS: "推进中",
    ActionStatus.DONE: "已完成",
    ActionStatus.CANCELLED: "已取消",
}


@dataclass(frozen=True)
class CarriedView:
    """An earlier decision's action item, and how it stands."""

    action_item_id: str
    text: str  # the work to do (the decision's text when the item has none of its own)
    owner: str
    due_on: date | None
    status: ActionStatus  # now, or when the minutes were finalised
    meeting_title: str  # where it was decided
    meeting_day: date
    issue_number: str  # the 民生事项 tracking it ("" when none)
    issue_status: IssueStatus | None

    def line(self) -> str:
        """How the minutes print it: the work, who and by when, where it was decided, status."""
        who = f"（责任单位：{self.owner}" if self.owner else "（"
        due = f"，{cn_date(self.due_on)}前" if self.due_on else ""
        where = f"{self.meeting_title}（{cn_date(self.meeting_day)}）议定"
        issue = f"，民生事项{self.issue_number}" if self.issue_number else ""
        head = f"{who}{due}）" if self.owner or self.due_on else ""
        return f"{self.text}{head}——{STATUS_WORDS[self.status]}。{where}{issue}。"


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
    return _views(session, _open_earlier(session, meeting), {})


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


def carried(session: Session, agenda_item_ids: Sequence[str]) -> dict[str, list[CarriedView]]:
    """The carried action items under each of these agenda items, in order."""
    if not agenda_item_ids:
        return {}
    rows = session.execute(
        select(CarriedAction.agenda_item_id, CarriedAction.status_when_final, ActionItem)
        .join(ActionItem, ActionItem.id == CarriedAction.action_item_id)
        .where(CarriedAction.agenda_item_id.in_(list(agenda_item_ids)))
        .order_by(CarriedAction.agenda_item_id, CarriedAction.position)
    ).all()
    found: dict[str, list[CarriedView]] = {}
    for item_id, frozen, action in rows:
        view = _views(session, [action], {action.id: frozen} if frozen else {})
        found.setdefault(item_id, []).extend(view)
    return found


def _views(
    session: Session, actions: list[ActionItem], frozen: dict[str, ActionStatus]
) -> list[CarriedView]:
    names = Names(session, [a.owner_person_id for a in actions], [a.owner_unit_id for a in actions])
    issues = {
        i.id: i
        for i in session.scalars(select(Issue).where(Issue.id.in_([a.issue_id for a in actions])))
    }
    views = []
    for action in actions:
        meeting = action.decision.agenda_item.meeting
        issue = issues.get(action.issue_id or "")
        views.append(
            CarriedView(
                action_item_id=action.id,
                text=action.description or action.decision.text,
                owner=names.owner(
                    action.owner_person_id, action.owner_unit_id, action.owner_org_unit_id
                ),
                due_on=action.due_on,
                status=frozen.get(action.id, action.status),
                meeting_title=meeting.title,
                meeting_day=to_beijing(meeting.starts_at).date(),
                issue_number=issue.number if issue else "",
                issue_status=issue.status if issue else None,
            )
        )
    return views


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
