"""A meeting with everything its printed documents show, read with plain SQL.

The minutes and the sign-in sheet are built from this record, whether a window's session or
the ``gongjian minutes`` command's bare sqlite3 connection reads it (see ``app.rows``): one
reader, so the two cannot print differently. Lists are in the editor's order; action items,
which have no position, in the order they were created.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.errors import not_found
from app.i18n import QT_TRANSLATE_NOOP
from app.rows import Query, day, utc
from db.enums import AttendanceStatus, MeetingStatus

WHAT = QT_TRANSLATE_NOOP("fields", "会议")


@dataclass(frozen=True)
class ActionRecord:
    owner_person_id: str | None
    owner_unit_id: str | None
    owner_org_unit_id: str | None
    due_on: date | None


@dataclass(frozen=True)
class DecisionRecord:
    text: str
    action_items: tuple[ActionRecord, ...]


@dataclass(frozen=True)
class AgendaRecord:
    id: str
    title: str
    notes: str
    decisions: tuple[DecisionRecord, ...]


@dataclass(frozen=True)
class AttendanceRecord:
    person_id: str | None
    resident_unit_id: str | None
    status: AttendanceStatus | None
    reason: str


@dataclass(frozen=True)
class MeetingRecord:
    title: str
    session_no: int | None
    starts_at: datetime  # UTC
    ends_at: datetime | None
    place: str
    summary: str
    chair_id: str | None
    recorder_id: str | None
    host_org_unit_id: str | None
    status: MeetingStatus
    finalised_at: datetime | None
    copy_to: str
    printed_by: str
    attendances: tuple[AttendanceRecord, ...]
    agenda_items: tuple[AgendaRecord, ...]


MEETING = (
    "SELECT title, session_no, starts_at, ends_at, place, summary, chair_id, recorder_id,"
    " host_org_unit_id, status, finalised_at, copy_to, printed_by"
    " FROM meetings WHERE id = :id AND deleted_at IS NULL"
)
ATTENDANCES = (
    "SELECT person_id, resident_unit_id, status, reason FROM attendances"
    " WHERE meeting_id = :id ORDER BY position"
)
AGENDA_ITEMS = "SELECT id, title, notes FROM agenda_items WHERE meeting_id = :id ORDER BY position"
DECISIONS = (
    "SELECT d.id, d.agenda_item_id, d.text FROM decisions d"
    " JOIN agenda_items g ON g.id = d.agenda_item_id WHERE g.meeting_id = :id ORDER BY d.position"
)
ACTION_ITEMS = (
    "SELECT a.decision_id, a.owner_person_id, a.owner_unit_id, a.owner_org_unit_id, a.due_on"
    " FROM action_items a JOIN decisions d ON d.id = a.decision_id"
    " JOIN agenda_items g ON g.id = d.agenda_item_id WHERE g.meeting_id = :id"
    " ORDER BY a.created_at, a.id"
)


def read_meeting(query: Query, meeting_id: str) -> MeetingRecord:
    """The meeting; NotFoundError for an unknown or deleted id."""
    params = {"id": meeting_id}
    found = query(MEETING, params)
    if not found:
        raise not_found(WHAT, meeting_id)
    (title, session_no, starts_at, ends_at, place, summary, chair_id, recorder_id, host_id,
     status, finalised_at, copy_to, printed_by) = found[0]  # fmt: skip
    actions: dict[str, list[ActionRecord]] = {}
    for decision_id, person_id, unit_id, org_unit_id, due_on in query(ACTION_ITEMS, params):
        action = ActionRecord(person_id, unit_id, org_unit_id, day(due_on))
        actions.setdefault(decision_id, []).append(action)
    decisions: dict[str, list[DecisionRecord]] = {}
    for decision_id, item_id, text in query(DECISIONS, params):
        decision = DecisionRecord(text, tuple(actions.get(decision_id, ())))
        decisions.setdefault(item_id, []).append(decision)
    starts = utc(starts_at)
    assert starts is not None
    return MeetingRecord(
        title=title,
        session_no=session_no,
        starts_at=starts,
        ends_at=utc(ends_at),
        place=place or "",
        summary=summary or "",
        chair_id=chair_id,
        recorder_id=recorder_id,
        host_org_unit_id=host_id,
        status=MeetingStatus(status),
        finalised_at=utc(finalised_at),
        copy_to=copy_to or "",
        printed_by=printed_by or "",
        attendances=tuple(
            AttendanceRecord(
                person_id, unit_id, AttendanceStatus(state) if state else None, why or ""
            )
            for person_id, unit_id, state, why in query(ATTENDANCES, params)
        ),
        agenda_items=tuple(
            AgendaRecord(item_id, heading, notes or "", tuple(decisions.get(item_id, ())))
            for item_id, heading, notes in query(AGENDA_ITEMS, params)
        ),
    )
