"""Joint-meeting use cases for the meetings tab, the CLI and tests.

One session per user action, opened by the caller (``with database.session() as s: …``);
every function takes and returns plain data (ids, dataclasses), never ORM objects. Each
change is audited with the whole meeting before and after. Edits are checked against the
version the editor read (``ConflictError`` when someone saved in between); a final (定稿)
meeting is read-only until ``reopen`` with a reason. Tracking — action item status, turning a
decision into an issue, exported/printed times — stays possible on a final meeting.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import invalid
from app.i18n import QT_TRANSLATE_NOOP
from app.meetings.carried import carry_open_decisions, open_decisions
from app.meetings.detail import (
    ActionItemView,
    AgendaItemView,
    AttendeeView,
    DecisionView,
    MeetingDetail,
    build_detail,
)
from app.meetings.kinds import DEFAULT_KINDS, meeting_kinds, set_meeting_kinds
from app.meetings.lifecycle import (
    check_held,
    delete_meeting,
    finalise,
    finalise_problems,
    mark_exported,
    mark_printed,
    reopen,
    restore_meeting,
)
from app.meetings.names import Names
from app.meetings.records import (
    ActionItemData,
    AgendaItemData,
    AttendanceCounts,
    AttendeeData,
    DecisionData,
    IncompleteMinutesError,
    MeetingContent,
    MeetingData,
    Missing,
    as_aware,
    attendance_counts,
)
from app.meetings.schedule import default_due_on, propose_next_start
from app.meetings.store import (
    added,
    check_draft,
    get_meeting,
    live_meeting,
    meeting_state,
    record,
    touch,
)
from app.meetings.tracking import decision_to_issue, set_action_status
from app.meetings.upcoming import MeetingSummary, upcoming
from app.store import fill, flush, live
from db.base import utcnow
from db.models.directory import OrgUnit, Person, ResidentUnit
from db.models.issues import Issue
from db.models.meetings import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    MeetingStatus,
)

__all__ = [
    "DEFAULT_KINDS",
    "ActionItemData",
    "ActionItemView",
    "AgendaItemData",
    "AgendaItemView",
    "AttendanceCounts",
    "AttendeeData",
    "AttendeeView",
    "DecisionData",
    "DecisionView",
    "IncompleteMinutesError",
    "MeetingContent",
    "MeetingData",
    "MeetingDetail",
    "MeetingSummary",
    "Missing",
    "add_unit_representatives",
    "attendance_counts",
    "check_held",
    "carry_open_decisions",
    "create_meeting",
    "default_due_on",
    "decision_to_issue",
    "delete_meeting",
    "describe_attendees",
    "describe_owner",
    "duplicate_meeting",
    "finalise",
    "finalise_problems",
    "get_meeting",
    "mark_exported",
    "mark_printed",
    "meeting_kinds",
    "propose_next_start",
    "open_decisions",
    "reopen",
    "restore_meeting",
    "save_meeting",
    "set_action_status",
    "set_meeting_kinds",
    "upcoming",
]


# --- reading ----------------------------------------------------------------------------------


def describe_attendees(session: Session, attendees: Sequence[AttendeeData]) -> list[AttendeeView]:
    """Names, units and posts for attendees picked in the editor but not saved yet."""
    names = Names(
        session, [a.person_id for a in attendees], [a.resident_unit_id for a in attendees]
    )
    return [
        AttendeeView(
            a.id or "",
            a.person_id,
            a.resident_unit_id,
            a.status,
            a.reason,
            a.position,
            names.person(a.person_id),
            names.affiliation(a.person_id, a.resident_unit_id),
            names.post(a.person_id),
        )
        for a in attendees
    ]


def describe_owner(session: Session, action: ActionItemData) -> str:
    """An action item's owner as printed (unit, department or person); "" when none."""
    names = Names(session, [action.owner_person_id], [action.owner_unit_id])
    return names.owner(action.owner_person_id, action.owner_unit_id, action.owner_org_unit_id)


# --- creating and saving ----------------------------------------------------------------------


def _who(names: Names) -> Callable[[AttendeeData], str]:
    def who(attendee: AttendeeData) -> str:
        found = names.person(attendee.person_id) or names.unit(attendee.resident_unit_id)
        return found or QT_TRANSLATE_NOOP("fields", "参会人")

    return who


def _validated(
    session: Session, content: MeetingContent, current_kind: str | None
) -> MeetingContent:
    attendees = content.attendees
    names = Names(
        session, [a.person_id for a in attendees], [a.resident_unit_id for a in attendees]
    )
    clean = content.validated(_who(names))
    kind = clean.meeting.kind
    if kind != current_kind and kind not in meeting_kinds(session):
        raise invalid(
            "kind",
            QT_TRANSLATE_NOOP("validation", "会议类型“{kind}”不在设置的类型中，请从列表中选择。"),
            kind=kind,
        )
    _check_references(session, clean)
    return clean


def _check_references(session: Session, content: MeetingContent) -> None:
    """Every picked id must exist (the pickers offer live records; this catches stale ones)."""
    m = content.meeting
    people: list[tuple[str, str | None]] = [
        ("chair_id", m.chair_id),
        ("recorder_id", m.recorder_id),
    ]
    units: list[tuple[str, str | None]] = []
    org_units: list[tuple[str, str | None]] = [("host_org_unit_id", m.host_org_unit_id)]
    issues: list[tuple[str, str | None]] = []
    for i, a in enumerate(content.attendees):
        people.append((f"attendees[{i}].person_id", a.person_id))
        units.append((f"attendees[{i}].resident_unit_id", a.resident_unit_id))
    for i, item in enumerate(content.agenda):
        for j, decision in enumerate(item.decisions):
            for k, action in enumerate(decision.action_items):
                path = f"agenda[{i}].decisions[{j}].action_items[{k}]"
                people.append((f"{path}.owner_person_id", action.owner_person_id))
                units.append((f"{path}.owner_unit_id", action.owner_unit_id))
                org_units.append((f"{path}.owner_org_unit_id", action.owner_org_unit_id))
                issues.append((f"{path}.issue_id", action.issue_id))
    for model, refs in (
        (Person, people),
        (ResidentUnit, units),
        (OrgUnit, org_units),
        (Issue, issues),
    ):
        wanted = {ref for _, ref in refs if ref}
        if not wanted:
            continue
        found = set(session.scalars(select(model.id).where(model.id.in_(wanted))))
        for field, ref in refs:
            if ref and ref not in found:
                raise invalid(
                    field,
                    QT_TRANSLATE_NOOP(
                        "validation", "所选的记录已不存在（可能已被清除），请重新选择。"
                    ),
                )


def create_meeting(session: Session, content: MeetingContent | MeetingData) -> str:
    """A new draft meeting; returns its id."""
    if isinstance(content, MeetingData):
        content = MeetingContent(content)
    clean = _validated(session, content, None)
    meeting = Meeting(status=MeetingStatus.DRAFT)
    _apply(meeting, clean)
    return added(session, meeting)


def save_meeting(
    session: Session, meeting_id: str, version: int, content: MeetingContent
) -> MeetingDetail:
    """Stores the editor's state as a whole: basics, attendees, agenda, decisions, actions.

    Rows with an id of this meeting are updated, rows without one are added, rows left out are
    deleted. Saving what was read changes nothing (no new version, no audit entry).
    """
    meeting = live_meeting(session, meeting_id, version)
    check_draft(meeting)
    clean = _validated(session, content, meeting.kind)
    before = meeting_state(meeting)
    _apply(meeting, clean)
    if meeting_state(meeting) != before:
        touch(meeting)
        record(session, "update", meeting, before)
    else:
        flush(session)
    return build_detail(session, meeting)


def _apply(meeting: Meeting, content: MeetingContent) -> None:
    m = content.meeting
    fill(meeting, m, leave={"starts_at", "ends_at"})
    assert m.starts_at is not None  # validated
    # stored as read back (UTC), so an unchanged time compares equal in the audit state
    meeting.starts_at = m.starts_at.astimezone(UTC)
    meeting.ends_at = m.ends_at.astimezone(UTC) if m.ends_at else None

    old_attendances = {a.id: a for a in meeting.attendances}
    attendances = []
    for a in content.attendees:
        attendance = old_attendances.pop(a.id or "", None) or Attendance()
        fill(attendance, a, leave={"id"})
        attendances.append(attendance)
    meeting.attendances = attendances

    clock = _Clock()
    old_items = {item.id: item for item in meeting.agenda_items}
    items = []
    for data in content.agenda:
        item = old_items.pop(data.id or "", None) or AgendaItem()
        item.title, item.notes, item.position = data.title, data.notes, data.position
        item.decisions = _decisions(item, data.decisions, clock)
        items.append(item)
    meeting.agenda_items = items


class _Clock:
    """Creation times one microsecond apart: action items keep the order they were given in."""

    def __init__(self) -> None:
        self.now = utcnow()

    def next(self) -> datetime:
        self.now += timedelta(microseconds=1)
        return self.now


def _decisions(item: AgendaItem, data: Sequence[DecisionData], clock: _Clock) -> list[Decision]:
    old = {d.id: d for d in item.decisions}
    decisions = []
    for d in data:
        decision = old.pop(d.id or "", None) or Decision()
        decision.text, decision.position = d.text, d.position
        old_actions = {a.id: a for a in decision.action_items}
        actions = []
        for a in d.action_items:
            action = old_actions.pop(a.id or "", None)
            if action is None:
                action = ActionItem(created_at=clock.next())
            fill(action, a, leave={"id"})
            actions.append(action)
        decision.action_items = actions
        decisions.append(decision)
    return decisions


# --- helpers for the editor ---------------------------------------------------------------------


def add_unit_representatives(
    session: Session, resident_unit_id: str, existing: Sequence[AttendeeData] = ()
) -> list[AttendeeData]:
    """A whole unit's representatives at once: one row per live person employed there, each
    attending for the unit, after ``existing`` (the editor's list) and leaving out who is
    already in it. A unit with no people on record attends as a whole (one row, the unit)."""
    live(session, ResidentUnit, resident_unit_id, QT_TRANSLATE_NOOP("fields", "驻区单位"))
    people = session.scalars(
        select(Person.id)
        .where(Person.employer_unit_id == resident_unit_id, Person.deleted_at.is_(None))
        .order_by(Person.name, Person.id)
    ).all()
    taken = {a.key for a in existing} | {a.person_id for a in existing if a.person_id}
    position = max((a.position for a in existing), default=-1) + 1
    wanted = [AttendeeData(person_id=p, resident_unit_id=resident_unit_id) for p in people]
    if not people:
        wanted = [AttendeeData(resident_unit_id=resident_unit_id)]
    added = []
    for attendee in wanted:
        if attendee.key in taken or attendee.person_id in taken:
            continue
        added.append(replace(attendee, position=position))
        position += 1
    return added


def duplicate_meeting(session: Session, meeting_id: str, starts_at: datetime) -> str:
    """The next session of a meeting as a draft: same kind, title, host, chair, recorder,
    place and attendees (unmarked), the agenda titles (no notes, no decisions), the session
    number plus one (also in a title that says 第N次), linked to this one. Returns its id."""
    source = live_meeting(session, meeting_id)
    starts = as_aware(starts_at)
    title, session_no = source.title, source.session_no
    if session_no is not None:
        title = title.replace(f"第{session_no}次", f"第{session_no + 1}次")
        session_no += 1
    live_people = _live_ids(
        session,
        Person,
        [source.chair_id, source.recorder_id] + [a.person_id for a in source.attendances],
    )
    live_units = _live_ids(session, ResidentUnit, [a.resident_unit_id for a in source.attendances])
    ends_at = starts + (source.ends_at - source.starts_at) if source.ends_at else None
    meeting = Meeting(
        kind=source.kind,
        title=title,
        session_no=session_no,
        starts_at=starts,
        ends_at=ends_at,
        place=source.place,
        host_org_unit_id=source.host_org_unit_id,
        chair_id=source.chair_id if source.chair_id in live_people else None,
        recorder_id=source.recorder_id if source.recorder_id in live_people else None,
        status=MeetingStatus.DRAFT,
        summary="",
        copy_to=source.copy_to,
        printed_by=source.printed_by,
        previous_id=source.id,
    )
    kept = [
        a
        for a in source.attendances
        if (a.person_id is None or a.person_id in live_people)
        and (a.resident_unit_id is None or a.resident_unit_id in live_units)
    ]
    meeting.attendances = [
        Attendance(
            person_id=a.person_id,
            resident_unit_id=a.resident_unit_id,
            status=None,
            reason="",
            position=i,
        )
        for i, a in enumerate(kept)
    ]
    meeting.agenda_items = [
        AgendaItem(title=item.title, notes="", position=i)
        for i, item in enumerate(source.agenda_items)
    ]
    session.add(meeting)
    record(session, "duplicate", meeting, None, reason=source.id)
    return meeting.id


def _live_ids(
    session: Session, model: type[Person] | type[ResidentUnit], ids: Sequence[str | None]
) -> set[str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return set()
    return set(
        session.scalars(select(model.id).where(model.id.in_(wanted), model.deleted_at.is_(None)))
    )
