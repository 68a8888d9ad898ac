"""What the meeting use cases share: loading a meeting, the rules of its state, its audit."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session, selectinload

from app import audit
from app.errors import refuse
from app.i18n import QT_TRANSLATE_NOOP
from app.meetings.detail import MeetingDetail, build_detail, sorted_action_items
from app.store import Audit, live
from db.base import Entity, utcnow
from db.models.meetings import AgendaItem, Decision, Meeting, MeetingStatus

WHAT = QT_TRANSLATE_NOOP("fields", "会议")
CHILD_KEYS_SKIPPED = {"id", "meeting_id", "agenda_item_id", "decision_id"}
EVERYTHING_UNDER = (
    selectinload(Meeting.attendances),
    selectinload(Meeting.agenda_items)
    .selectinload(AgendaItem.decisions)
    .selectinload(Decision.action_items),
)


def live_meeting(session: Session, meeting_id: str, version: int | None = None) -> Meeting:
    """The meeting with everything under it; NotFoundError for an unknown or deleted id,
    ConflictError when it changed since the user read ``version``."""
    return live(session, Meeting, meeting_id, WHAT, version=version, options=EVERYTHING_UNDER)


def get_meeting(session: Session, meeting_id: str) -> MeetingDetail:
    """The whole editor state; NotFoundError for an unknown or deleted meeting."""
    return build_detail(session, live_meeting(session, meeting_id))


def check_draft(meeting: Meeting) -> None:
    if meeting.status is MeetingStatus.FINAL:
        raise refuse(QT_TRANSLATE_NOOP("errors", "已定稿的纪要不能修改，请先退回草稿并说明理由。"))


def touch(meeting: Meeting) -> None:
    """Marks the meeting changed, so its version moves on even when only rows under it did."""
    meeting.updated_at = utcnow()


def _child(obj: Entity) -> dict[str, Any]:
    return {k: v for k, v in audit.snapshot(obj).items() if k not in CHILD_KEYS_SKIPPED}


def meeting_state(meeting: Meeting) -> dict[str, Any]:
    """The meeting and everything under it as JSON-friendly data (for the audit log)."""
    return {
        **audit.snapshot(meeting),
        "attendees": [_child(a) for a in meeting.attendances],
        "agenda": [
            {
                **_child(item),
                "decisions": [
                    {
                        **_child(decision),
                        "action_items": [_child(a) for a in sorted_action_items(decision)],
                    }
                    for decision in item.decisions
                ],
            }
            for item in meeting.agenda_items
        ],
    }


AUDIT = Audit(meeting_state)  # an entry keeps the whole meeting before and after
record = AUDIT.record
added = AUDIT.added
