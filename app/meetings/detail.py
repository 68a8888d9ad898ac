"""A meeting as the editor shows it: the saved content plus the names that go with the ids.

``MeetingDetail.content()`` gives back exactly what ``service.save_meeting`` takes, with the
ids of the rows, so an unchanged editor saves an unchanged meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.localtime import to_beijing
from app.meetings.carried_views import carried
from app.meetings.names import Names
from app.meetings.records import (
    ActionItemData,
    AgendaItemData,
    AttendanceCounts,
    AttendeeData,
    DecisionData,
    MeetingContent,
    MeetingData,
    attendance_counts,
)
from db.models.issues import Issue, IssueStatus
from db.models.meetings import (
    ActionItem,
    ActionStatus,
    AttendanceStatus,
    Decision,
    Meeting,
    MeetingStatus,
)


@dataclass(frozen=True)
class AttendeeView:
    id: str
    person_id: str | None
    resident_unit_id: str | None
    status: AttendanceStatus | None
    reason: str
    position: int
    name: str  # the person's name; "" when a unit attends as a whole
    unit: str  # the unit they are listed under (see names.Names.affiliation)
    post: str

    @property
    def label(self) -> str:
        """``王喆（鼓楼区人民政府 科长）``, or the unit's name when it attends as a whole."""
        if not self.name:
            return self.unit
        detail = " ".join(part for part in (self.unit, self.post) if part)
        return f"{self.name}（{detail}）" if detail else self.name

    def data(self) -> AttendeeData:
        return AttendeeData(
            self.person_id, self.resident_unit_id, self.status, self.reason, self.position, self.id
        )


@dataclass(frozen=True)
class ActionItemView:
    id: str
    description: str
    owner_person_id: str | None
    owner_unit_id: str | None
    owner_org_unit_id: str | None
    due_on: date | None
    status: ActionStatus
    issue_id: str | None
    owner: str  # the owner's name as printed: unit, department or person; "" when none
    issue_number: str | None  # MS2026-000123 when tracked as an issue
    issue_status: IssueStatus | None

    def data(self) -> ActionItemData:
        return ActionItemData(
            self.description,
            self.owner_person_id,
            self.owner_unit_id,
            self.owner_org_unit_id,
            self.due_on,
            self.status,
            self.issue_id,
            self.id,
        )


@dataclass(frozen=True)
class DecisionView:
    id: str
    text: str
    position: int
    action_items: tuple[ActionItemView, ...]

    def data(self) -> DecisionData:
        return DecisionData(
            self.text, self.position, tuple(a.data() for a in self.action_items), self.id
        )


@dataclass(frozen=True)
class AgendaItemView:
    id: str
    title: str
    notes: str
    position: int
    decisions: tuple[DecisionView, ...]
    carried: tuple[str, ...] = ()  # earlier decisions brought back, as the minutes print them

    def data(self) -> AgendaItemData:
        return AgendaItemData(
            self.title, self.notes, self.position, tuple(d.data() for d in self.decisions), self.id
        )


@dataclass(frozen=True)
class MeetingDetail:
    """The whole editor state of one meeting; times are in Beijing time."""

    id: str
    version: int  # pass back to save_meeting, finalise, reopen
    data: MeetingData
    status: MeetingStatus
    attendees: tuple[AttendeeView, ...]
    agenda: tuple[AgendaItemView, ...]
    host_name: str
    chair_name: str
    recorder_name: str
    previous_id: str | None  # the meeting this one was duplicated from
    created_at: datetime
    updated_at: datetime
    finalised_at: datetime | None
    exported_at: datetime | None
    printed_at: datetime | None

    @property
    def is_final(self) -> bool:
        """A final meeting is read-only until reopened with a reason."""
        return self.status is MeetingStatus.FINAL

    @property
    def counts(self) -> AttendanceCounts:
        return attendance_counts([a.data() for a in self.attendees])

    @property
    def present_count(self) -> int:
        return self.counts.present

    @property
    def expected_count(self) -> int:
        return self.counts.expected

    def content(self) -> MeetingContent:
        return MeetingContent(
            self.data,
            tuple(a.data() for a in self.attendees),
            tuple(item.data() for item in self.agenda),
        )


def _beijing(moment: datetime | None) -> datetime | None:
    return to_beijing(moment) if moment is not None else None


def sorted_action_items(decision: Decision) -> list[ActionItem]:
    """Action items have no position column: they keep the order they were created in."""
    return sorted(decision.action_items, key=lambda a: (a.created_at, a.id))


def build_detail(session: Session, meeting: Meeting) -> MeetingDetail:
    actions = [
        action
        for item in meeting.agenda_items
        for decision in item.decisions
        for action in decision.action_items
    ]
    names = Names(
        session,
        person_ids=[meeting.chair_id, meeting.recorder_id]
        + [a.person_id for a in meeting.attendances]
        + [a.owner_person_id for a in actions],
        unit_ids=[a.resident_unit_id for a in meeting.attendances]
        + [a.owner_unit_id for a in actions],
    )
    issue_ids = {a.issue_id for a in actions if a.issue_id}
    issues = {
        row.id: (row.number, row.status)
        for row in session.execute(
            select(Issue.id, Issue.number, Issue.status).where(Issue.id.in_(issue_ids))
        )
    }

    def action_view(action: ActionItem) -> ActionItemView:
        number, status = issues.get(action.issue_id or "", (None, None))
        return ActionItemView(
            action.id,
            action.description,
            action.owner_person_id,
            action.owner_unit_id,
            action.owner_org_unit_id,
            action.due_on,
            action.status,
            action.issue_id,
            names.owner(action.owner_person_id, action.owner_unit_id, action.owner_org_unit_id),
            number,
            status,
        )

    starts_at = _beijing(meeting.starts_at)
    earlier = carried(session, [item.id for item in meeting.agenda_items])
    return MeetingDetail(
        id=meeting.id,
        version=meeting.version,
        data=MeetingData(
            kind=meeting.kind,
            title=meeting.title,
            session_no=meeting.session_no,
            starts_at=starts_at,
            ends_at=_beijing(meeting.ends_at),
            place=meeting.place or "",
            host_org_unit_id=meeting.host_org_unit_id,
            chair_id=meeting.chair_id,
            recorder_id=meeting.recorder_id,
            summary=meeting.summary or "",
            copy_to=meeting.copy_to or "",
            printed_by=meeting.printed_by or "",
        ),
        status=meeting.status,
        attendees=tuple(
            AttendeeView(
                a.id,
                a.person_id,
                a.resident_unit_id,
                a.status,
                a.reason or "",
                a.position,
                names.person(a.person_id),
                names.affiliation(a.person_id, a.resident_unit_id),
                names.post(a.person_id),
            )
            for a in meeting.attendances
        ),
        agenda=tuple(
            AgendaItemView(
                item.id,
                item.title,
                item.notes or "",
                item.position,
                tuple(
                    DecisionView(
                        d.id,
                        d.text,
                        d.position,
                        tuple(action_view(a) for a in sorted_action_items(d)),
                    )
                    for d in item.decisions
                ),
                tuple(f"{n}.{v.line()}" for n, v in enumerate(earlier.get(item.id, []), start=1)),
            )
            for item in meeting.agenda_items
        ),
        host_name=names.org_unit(meeting.host_org_unit_id),
        chair_name=names.person(meeting.chair_id),
        recorder_name=names.person(meeting.recorder_id),
        previous_id=meeting.previous_id,
        created_at=to_beijing(meeting.created_at),
        updated_at=to_beijing(meeting.updated_at),
        finalised_at=_beijing(meeting.finalised_at),
        exported_at=_beijing(meeting.exported_at),
        printed_at=_beijing(meeting.printed_at),
    )
