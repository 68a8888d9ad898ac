"""What the meeting use cases share: loading a meeting, the rules of its state, its audit."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from app import audit
from app.errors import ConflictError, not_found, refuse
from app.i18n import QT_TRANSLATE_NOOP
from app.meetings.detail import MeetingDetail, build_detail, sorted_action_items
from db.base import Entity, utcnow
from db.models.meetings import AgendaItem, Decision, Meeting, MeetingStatus

WHAT = QT_TRANSLATE_NOOP("fields", "会议")
CHILD_KEYS_SKIPPED = {"id", "meeting_id", "agenda_item_id", "decision_id"}


def live_meeting(session: Session, meeting_id: str) -> Meeting:
    """The meeting with everything under it; NotFoundError for an unknown or deleted id."""
    meeting = session.get(
        Meeting,
        meeting_id,
        options=[
            selectinload(Meeting.attendances),
            selectinload(Meeting.agenda_items)
            .selectinload(AgendaItem.decisions)
            .selectinload(Decision.action_items),
        ],
    )
    if meeting is None or meeting.deleted_at is not None:
        raise not_found(WHAT, meeting_id)
    return meeting


def get_meeting(session: Session, meeting_id: str) -> MeetingDetail:
    """The whole editor state; NotFoundError for an unknown or deleted meeting."""
    return build_detail(session, live_meeting(session, meeting_id))


def check_draft(meeting: Meeting) -> None:
    if meeting.status is MeetingStatus.FINAL:
        raise refuse(QT_TRANSLATE_NOOP("errors", "已定稿的纪要不能修改，请先退回草稿并说明理由。"))


def touch(meeting: Meeting) -> None:
    """Marks the meeting changed, so its version moves on even when only rows under it did."""
    meeting.updated_at = utcnow()


def flush(session: Session) -> None:
    """Flushes; a row another session changed meanwhile becomes the user's "changed elsewhere"."""
    try:
        session.flush()
    except StaleDataError:
        raise ConflictError.stale() from None


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


def record(
    session: Session,
    action: str,
    meeting: Meeting,
    before: dict[str, Any] | None,
    *,
    reason: str = "",
) -> None:
    """An audit entry with the whole meeting before and after (flushing first)."""
    flush(session)
    audit.append(
        session,
        action,
        Meeting.__tablename__,
        meeting.id,
        before,
        meeting_state(meeting),
        reason=reason,
    )
