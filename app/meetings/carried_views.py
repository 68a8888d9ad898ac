"""How earlier decisions brought back to a meeting read: each action item with its owner, due
date, where it was decided and its status — now, or as it stood when the minutes were
finalised. Read by the meeting's detail and its minutes; ``carried`` holds the use cases."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.localtime import cn_date, to_beijing
from app.meetings.names import Names
from db.models.issues import Issue, IssueStatus
from db.models.meetings import ActionItem, ActionStatus, CarriedAction

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
        view = views_of(session, [action], {action.id: frozen} if frozen else {})
        found.setdefault(item_id, []).extend(view)
    return found


def views_of(
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
