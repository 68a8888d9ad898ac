"""Where an issue came from: the meeting, agenda item, decision and action item whose
decision raised it (``ActionItem.issue_id``). Read here, in the issues area, so that it needs
nothing of the meetings area's code: the meetings area registers issues, not the reverse."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.localtime import to_beijing
from db.models.meetings import ActionItem, AgendaItem, Decision, Meeting


@dataclass(frozen=True)
class IssueOrigin:
    """Where an issue came from: the meeting, agenda item, decision and action item."""

    meeting_id: str
    meeting_title: str
    meeting_kind: str
    starts_at: datetime  # Beijing time
    agenda_item_id: str
    agenda_title: str
    decision_id: str
    decision_text: str
    action_item_id: str


def meeting_for_issue(session: Session, issue_id: str) -> IssueOrigin | None:
    """The (earliest, live) meeting whose decision raised the issue, or None."""
    row = session.execute(
        select(
            Meeting.id,
            Meeting.title,
            Meeting.kind,
            Meeting.starts_at,
            AgendaItem.id,
            AgendaItem.title,
            Decision.id,
            Decision.text,
            ActionItem.id,
        )
        .join(Decision, Decision.id == ActionItem.decision_id)
        .join(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(ActionItem.issue_id == issue_id, Meeting.deleted_at.is_(None))
        .order_by(Meeting.starts_at, ActionItem.id)
        .limit(1)
    ).first()
    if row is None:
        return None
    return IssueOrigin(
        row[0], row[1], row[2], to_beijing(row[3]), row[4], row[5], row[6], row[7], row[8]
    )
