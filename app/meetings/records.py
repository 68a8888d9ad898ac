"""What the meeting editor shows and saves: plain dataclasses, validated here.

A meeting is edited as a whole: its basics (``MeetingData``), the expected attendees and the
agenda with decisions and action items (``MeetingContent``). Every row may carry the ``id`` it
was read with, so a save keeps the identity of rows that stay (an action item turned into an
issue keeps its link); rows without an id are new, rows left out are deleted.

Errors name the field the UI highlights; rows of the lists are addressed as
``attendees[2].reason`` or ``agenda[0].decisions[1].action_items[0].owner_person_id``
(indexes into the lists as given).

Times: aware datetimes are kept as they are; a naive one (what a date-time widget hands over)
is read as Beijing time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TypeVar

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.localtime import BEIJING
from app.validation import check_length, check_required
from db.enums import ActionStatus, AttendanceStatus

CONTEXT = "validation"
TITLE_MAX = 200
PLACE_MAX = 200
COPY_TO_MAX = 500
REASON_MAX = 200
KIND_MAX = 40
SESSION_NO_MAX = 9999


def _error(field_name: str, template: str, **params: object) -> ValidationError:
    return ValidationError(field_name, Message(CONTEXT, template, **params))


def as_aware(moment: datetime) -> datetime:
    """The moment as an aware datetime; naive values are Beijing wall-clock time."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=BEIJING)


@dataclass(frozen=True)
class MeetingData:
    """The basics of a meeting. ``MeetingData()`` is the empty form of a new meeting."""

    kind: str = ""
    title: str = ""
    session_no: int | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    place: str = ""
    host_org_unit_id: str | None = None
    chair_id: str | None = None
    recorder_id: str | None = None
    summary: str = ""  # the opening paragraph of the minutes
    copy_to: str = ""  # 版记: 抄送
    printed_by: str = ""  # 版记: 印发机关

    def validated(self) -> MeetingData:
        """Checks that need no database; the kind list and references are checked on save."""
        kind = self.kind.strip()
        if not kind:
            raise _error("kind", QT_TRANSLATE_NOOP("validation", "请选择会议类型。"))
        title = check_required(
            "title", self.title, QT_TRANSLATE_NOOP("fields", "会议名称"), TITLE_MAX
        )
        if self.session_no is not None and not 1 <= self.session_no <= SESSION_NO_MAX:
            raise _error(
                "session_no",
                QT_TRANSLATE_NOOP("validation", "届次应在1到{max}之间。"),
                max=SESSION_NO_MAX,
            )
        if self.starts_at is None:
            raise _error("starts_at", QT_TRANSLATE_NOOP("validation", "请填写会议开始时间。"))
        starts_at = as_aware(self.starts_at)
        ends_at = as_aware(self.ends_at) if self.ends_at is not None else None
        if ends_at is not None and ends_at <= starts_at:
            raise _error("ends_at", QT_TRANSLATE_NOOP("validation", "会议结束时间应晚于开始时间。"))
        return replace(
            self,
            kind=kind,
            title=title,
            starts_at=starts_at,
            ends_at=ends_at,
            place=check_length("place", self.place, QT_TRANSLATE_NOOP("fields", "地点"), PLACE_MAX),
            summary=self.summary.strip(),
            copy_to=check_length(
                "copy_to",
                self.copy_to,
                QT_TRANSLATE_NOOP("fields", "抄送"),
                COPY_TO_MAX,
            ),
            printed_by=check_length(
                "printed_by",
                self.printed_by,
                QT_TRANSLATE_NOOP("fields", "印发机关"),
                PLACE_MAX,
            ),
        )


@dataclass(frozen=True)
class AttendeeData:
    """An expected attendee: a person, a unit as a whole, or a person for a unit.

    ``status`` is None until the day (not yet marked); ``reason`` is required for 请假.
    """

    person_id: str | None = None
    resident_unit_id: str | None = None
    status: AttendanceStatus | None = None
    reason: str = ""
    position: int = 0
    id: str | None = None

    @property
    def key(self) -> tuple[str | None, str | None]:
        """Who: the same key twice in one meeting is the same attendee listed twice."""
        return (self.person_id, self.resident_unit_id if self.person_id is None else None)

    def validated(self, path: str, who: str) -> AttendeeData:
        if self.person_id is None and self.resident_unit_id is None:
            raise _error(
                f"{path}.person_id",
                QT_TRANSLATE_NOOP("validation", "请为参会名单的每一行选择人员或单位。"),
            )
        reason = self.reason.strip()
        if self.status is AttendanceStatus.LEAVE and not reason:
            raise _error(
                f"{path}.reason",
                QT_TRANSLATE_NOOP("validation", "{name}请假，请填写请假理由。"),
                name=who,
            )
        if len(reason) > REASON_MAX:
            raise _error(
                f"{path}.reason",
                QT_TRANSLATE_NOOP("validation", "{name}的理由最多{max}个字，现在是{n}个。"),
                name=who,
                max=REASON_MAX,
                n=len(reason),
            )
        return replace(self, reason=reason)


@dataclass(frozen=True)
class ActionItemData:
    """Who does what by when. One owner at most: a person, a resident unit or an org unit."""

    description: str = ""
    owner_person_id: str | None = None
    owner_unit_id: str | None = None
    owner_org_unit_id: str | None = None
    due_on: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    issue_id: str | None = None  # the 民生事项 tracking it (see service.decision_to_issue)
    id: str | None = None

    @property
    def has_owner(self) -> bool:
        return any((self.owner_person_id, self.owner_unit_id, self.owner_org_unit_id))

    def validated(self, path: str) -> ActionItemData:
        owners = [self.owner_person_id, self.owner_unit_id, self.owner_org_unit_id]
        if sum(owner is not None for owner in owners) > 1:
            raise _error(
                f"{path}.owner_person_id",
                QT_TRANSLATE_NOOP(
                    "validation", "每项工作只选一个责任方：单位、部门或个人，三者选一。"
                ),
            )
        return replace(self, description=self.description.strip())


@dataclass(frozen=True)
class DecisionData:
    """议定事项: what was decided under one agenda item, with its action items."""

    text: str = ""
    position: int = 0
    action_items: Sequence[ActionItemData] = ()
    id: str | None = None

    def validated(self, path: str, label: Message) -> DecisionData:
        text = self.text.strip()
        if not text:
            raise _error(
                f"{path}.text", QT_TRANSLATE_NOOP("validation", "请填写{label}。"), label=label
            )
        items = tuple(
            item.validated(f"{path}.action_items[{index}]")
            for index, item in enumerate(self.action_items)
        )
        return replace(self, text=text, action_items=items)


@dataclass(frozen=True)
class AgendaItemData:
    """One agenda item (议题) with its discussion notes and decisions."""

    title: str = ""
    notes: str = ""
    position: int = 0
    decisions: Sequence[DecisionData] = ()
    id: str | None = None

    def validated(self, path: str, number: int) -> AgendaItemData:
        title = check_required(
            f"{path}.title",
            self.title,
            Message("fields", QT_TRANSLATE_NOOP("fields", "第{n}项议题的标题"), n=number),
            TITLE_MAX,
        )
        decisions = tuple(
            decision.validated(
                f"{path}.decisions[{index}]",
                Message(
                    "fields",
                    QT_TRANSLATE_NOOP("fields", "第{n}项议题的第{m}条议定事项"),
                    n=number,
                    m=index + 1,
                ),
            )
            for index, decision in enumerate(self.decisions)
        )
        return replace(
            self, title=title, notes=self.notes.strip(), decisions=tuple(renumbered(decisions))
        )


@dataclass(frozen=True)
class MeetingContent:
    """Everything the editor saves at once: the basics, the attendees and the agenda."""

    meeting: MeetingData
    attendees: Sequence[AttendeeData] = ()
    agenda: Sequence[AgendaItemData] = ()

    def validated(self, who: Callable[[AttendeeData], str]) -> MeetingContent:
        """``who(attendee)`` names an attendee in messages (the service reads the names)."""
        meeting = self.meeting.validated()
        attendees: list[AttendeeData] = []
        seen: set[tuple[str | None, str | None]] = set()
        for index, attendee in enumerate(self.attendees):
            path = f"attendees[{index}]"
            clean = attendee.validated(path, who(attendee))
            if clean.key in seen:
                raise _error(
                    f"{path}.person_id",
                    QT_TRANSLATE_NOOP("validation", "“{name}”在参会名单中出现了两次。"),
                    name=who(attendee),
                )
            seen.add(clean.key)
            attendees.append(clean)
        agenda = tuple(
            item.validated(f"agenda[{index}]", index + 1) for index, item in enumerate(self.agenda)
        )
        return MeetingContent(meeting, tuple(renumbered(attendees)), tuple(renumbered(agenda)))


P = TypeVar("P", AttendeeData, AgendaItemData, DecisionData)


def renumbered(items: Sequence[P]) -> list[P]:
    """The items with positions 0, 1, 2… in their order."""
    return [replace(item, position=position) for position, item in enumerate(items)]


@dataclass(frozen=True)
class AttendanceCounts:
    """应到 (expected: everyone listed but 列席 observers) and the day's marks."""

    expected: int = 0
    present: int = 0
    leave: int = 0
    observer: int = 0
    absent: int = 0
    unmarked: int = 0


def attendance_counts(attendees: Sequence[AttendeeData]) -> AttendanceCounts:
    """Counts for the editor's "出席 12 / 应到 15" while attendance is being ticked."""
    statuses = [a.status for a in attendees]
    return AttendanceCounts(
        expected=sum(s is not AttendanceStatus.OBSERVER for s in statuses),
        present=statuses.count(AttendanceStatus.PRESENT),
        leave=statuses.count(AttendanceStatus.LEAVE),
        observer=statuses.count(AttendanceStatus.OBSERVER),
        absent=statuses.count(AttendanceStatus.ABSENT),
        unmarked=statuses.count(None),
    )


@dataclass(frozen=True)
class Missing:
    """One thing finalising found missing: the field to highlight and what to fill in."""

    field: str
    what: Message


class IncompleteMinutesError(ValidationError):
    """Finalising refused; ``missing`` lists every gap, the message names them all."""

    def __init__(self, missing: Sequence[Missing]) -> None:
        parts = {f"p{i}": m.what for i, m in enumerate(missing)}
        joined = Message(CONTEXT, "；".join(f"{{{key}}}" for key in parts), **parts)
        super().__init__(
            missing[0].field,
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP("validation", "定稿前请补全：{missing}。"),
                missing=joined,
            ),
        )
        self.missing = tuple(missing)


__all__ = [
    "ActionItemData",
    "AgendaItemData",
    "AttendanceCounts",
    "AttendeeData",
    "DecisionData",
    "IncompleteMinutesError",
    "MeetingContent",
    "MeetingData",
    "Missing",
    "attendance_counts",
]
