"""The minutes (纪要) and the sign-in sheet (签到表) of a meeting, built from the database.

Rules, kept simple so staff can predict the page from the editor:

- Heading: the meeting's title followed by 纪要 (``宁海路街道北片区党建联盟协调议事会`` →
  ``宁海路街道北片区党建联盟协调议事会纪要``); a title already ending in 纪要 is kept, and a
  trailing ``（第3次）`` is dropped because the session number prints under the heading.
  The title is what staff already write the way the minutes should read.
- 出席 / 请假 / 列席: attendees of that status in the editor's order, people of one unit on
  one line (the unit they attend for, else their employer, else 街道党工委 / 社区党委 or the
  department; see ``names.Names.affiliation``); units first seen first. A unit attending as
  a whole has no names. 缺席 and unmarked attendees are not printed.
- Decisions: owners are the action items' owners (unit, department or person), each once;
  the due date is the latest of the action items' (when everything is due).
- 上次议定事项落实情况: earlier decisions brought back are numbered 1. 2. … after the item's
  notes, each with its owner, due date, where it was decided and its status (as it stood when
  the minutes were finalised; for a draft, as it stands now).
- Issuer: the host's party body (街道 → ``宁海路街道党工委``, 社区 → ``…社区党委``; a zone or
  department → its street's); dated the day of finalising (none for a draft).
- Times are Beijing time.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.localtime import to_beijing
from app.meetings.carried_views import CarriedView, read_carried
from app.meetings.documents import (
    AgendaSection,
    AttendeeGroup,
    DecisionItem,
    MinutesDocument,
    SignInRow,
    SignInSheet,
)
from app.meetings.meeting_record import (
    AttendanceRecord,
    DecisionRecord,
    MeetingRecord,
    read_meeting,
)
from app.meetings.names import Names
from app.rows import Query, session_query
from db.enums import AttendanceStatus, MeetingStatus, OrgLevel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SESSION_SUFFIX = re.compile(r"\s*[（(]第\s*\d+\s*次[）)]\s*$")


def minutes_heading(title: str) -> str:
    base = SESSION_SUFFIX.sub("", title.strip()) or title.strip()
    return base if base.endswith("纪要") else base + "纪要"


def meeting_names(query: Query, meeting: MeetingRecord) -> Names:
    """The names of everyone and every unit the meeting's documents mention."""
    actions = [a for item in meeting.agenda_items for d in item.decisions for a in d.action_items]
    return Names.read(
        query,
        [meeting.chair_id, meeting.recorder_id]
        + [a.person_id for a in meeting.attendances]
        + [a.owner_person_id for a in actions],
        [a.resident_unit_id for a in meeting.attendances] + [a.owner_unit_id for a in actions],
    )


def attendee_groups(
    names: Names, attendances: tuple[AttendanceRecord, ...], status: AttendanceStatus
) -> tuple[AttendeeGroup, ...]:
    """One group per unit, in the order units first appear; names in the editor's order."""
    order: list[str] = []
    people: dict[str, list[tuple[str, str]]] = {}
    unit_reasons: dict[str, str] = {}
    for attendance in attendances:
        if attendance.status is not status:
            continue
        unit = names.affiliation(attendance.person_id, attendance.resident_unit_id)
        if unit not in people:
            order.append(unit)
            people[unit] = []
        reason = attendance.reason or ""
        if attendance.person_id:
            people[unit].append((names.person(attendance.person_id), reason))
        else:
            unit_reasons.setdefault(unit, reason)
    groups = []
    for unit in order:
        listed = people[unit]
        leave = status is AttendanceStatus.LEAVE
        groups.append(
            AttendeeGroup(
                unit=unit,
                names=tuple(name for name, _ in listed),
                reasons=tuple(reason for _, reason in listed) if leave else (),
                unit_reason=unit_reasons.get(unit, "") if leave and not listed else "",
            )
        )
    return tuple(groups)


def _decision(names: Names, decision: DecisionRecord) -> DecisionItem:
    actions = decision.action_items
    owners: list[str] = []
    for action in actions:
        owner = names.owner(action.owner_person_id, action.owner_unit_id, action.owner_org_unit_id)
        if owner and owner not in owners:
            owners.append(owner)
    dues = [a.due_on for a in actions if a.due_on is not None]
    return DecisionItem(decision.text, tuple(owners), max(dues) if dues else None)


def _with_carried(notes: str, views: list[CarriedView]) -> str:
    """The notes, then each earlier decision brought back and how it stands (1. 2. …)."""
    lines = [f"{n}.{view.line()}" for n, view in enumerate(views, start=1)]
    return "\n".join(part for part in (notes.strip(), *lines) if part)


def _issuer(names: Names, host_id: str | None) -> str:
    level = names.org_level(host_id)
    if level in (OrgLevel.STREET, OrgLevel.COMMUNITY):
        return names.body(host_id)
    return names.body(names.ancestor(host_id, OrgLevel.STREET))


def minutes_document(session: Session, meeting_id: str) -> MinutesDocument:
    """What the minutes print; NotFoundError for an unknown or deleted meeting."""
    return read_minutes(session_query(session), meeting_id)


def read_minutes(query: Query, meeting_id: str) -> MinutesDocument:
    """:func:`minutes_document`, read through ``query`` (a session's or a bare connection's)."""
    meeting = read_meeting(query, meeting_id)
    names = meeting_names(query, meeting)
    attendances = meeting.attendances
    finalised = meeting.finalised_at if meeting.status is MeetingStatus.FINAL else None
    earlier = read_carried(query, [item.id for item in meeting.agenda_items])
    return MinutesDocument(
        heading=minutes_heading(meeting.title),
        session_no=meeting.session_no,
        starts_at=to_beijing(meeting.starts_at),
        ends_at=to_beijing(meeting.ends_at) if meeting.ends_at else None,
        place=meeting.place,
        chair=names.person(meeting.chair_id),
        recorder=names.person(meeting.recorder_id),
        opening=meeting.summary,
        sections=tuple(
            AgendaSection(
                item.title,
                _with_carried(item.notes, earlier.get(item.id, [])),
                tuple(_decision(names, d) for d in item.decisions),
            )
            for item in meeting.agenda_items
        ),
        present=attendee_groups(names, attendances, AttendanceStatus.PRESENT),
        on_leave=attendee_groups(names, attendances, AttendanceStatus.LEAVE),
        observers=attendee_groups(names, attendances, AttendanceStatus.OBSERVER),
        issuer=_issuer(names, meeting.host_org_unit_id),
        issued_on=to_beijing(finalised).date() if finalised else None,
        draft=meeting.status is not MeetingStatus.FINAL,
        copy_to=meeting.copy_to,
        printed_by=meeting.printed_by,
    )


def minutes_file_name(document: MinutesDocument) -> str:
    """The file name to suggest: heading, 草稿 for a draft, and the meeting's date."""
    draft = " 草稿" if document.draft else ""
    return f"{document.heading}{draft} {document.starts_at:%Y-%m-%d}.pdf"


def signin_sheet(session: Session, meeting_id: str) -> SignInSheet:
    """Every expected attendee (whatever their status) with unit and post, in order."""
    query = session_query(session)
    meeting = read_meeting(query, meeting_id)
    names = meeting_names(query, meeting)
    return SignInSheet(
        heading=meeting.title,
        starts_at=to_beijing(meeting.starts_at),
        place=meeting.place,
        rows=tuple(
            SignInRow(
                names.person(a.person_id),
                names.affiliation(a.person_id, a.resident_unit_id),
                names.post(a.person_id),
            )
            for a in meeting.attendances
        ),
    )
