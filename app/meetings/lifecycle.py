"""The minutes' lifecycle: 草稿 draft → 定稿 final → (reopened with a reason) draft; the
exported and printed times; soft delete and restore. Re-exported by ``service``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from app.errors import invalid, refuse
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.localtime import to_beijing
from app.meetings.carried import freeze as freeze_carried
from app.meetings.detail import MeetingDetail, build_detail
from app.meetings.records import REASON_MAX, IncompleteMinutesError, Missing
from app.meetings.store import AUDIT, WHAT, live_meeting, meeting_state, record, touch
from app.store import stored
from app.validation import check_reason
from db.base import utcnow
from db.models.meetings import AttendanceStatus, Meeting, MeetingStatus

SHORT_TEXT = 16  # characters of a decision quoted in a message
NAMES_IN_MESSAGE = 3


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHORT_TEXT else text[: SHORT_TEXT - 1] + "…"


def _named(names: list[str]) -> str:
    shown = "、".join(names[:NAMES_IN_MESSAGE])
    return shown if len(names) <= NAMES_IN_MESSAGE else f"{shown}等{len(names)}人"


def finalise_problems(session: Session, meeting_id: str) -> list[Missing]:
    """What finalising would ask for, in the editor's order (empty: ready to finalise)."""
    return _problems(session, live_meeting(session, meeting_id))


def _problems(session: Session, meeting: Meeting) -> list[Missing]:
    detail = build_detail(session, meeting)
    missing: list[Missing] = []

    def need(field: str, template: str, **params: object) -> None:
        missing.append(Missing(field, Message("fields", template, **params)))

    if not detail.data.title.strip():
        need("title", QT_TRANSLATE_NOOP("fields", "会议名称"))
    if detail.data.starts_at is None:
        need("starts_at", QT_TRANSLATE_NOOP("fields", "会议时间"))
    if not detail.chair_name:
        need("chair_id", QT_TRANSLATE_NOOP("fields", "主持人"))
    if not detail.recorder_name:
        need("recorder_id", QT_TRANSLATE_NOOP("fields", "记录人"))
    statuses = [a.status for a in detail.attendees]
    if AttendanceStatus.PRESENT not in statuses:
        need("attendees", QT_TRANSLATE_NOOP("fields", "出席人员"))
    unmarked = [i for i, a in enumerate(detail.attendees) if a.status is None]
    if unmarked:
        need(
            f"attendees[{unmarked[0]}].status",
            QT_TRANSLATE_NOOP("fields", "{names}的出席情况"),
            names=_named([detail.attendees[i].label for i in unmarked]),
        )
    for i, a in enumerate(detail.attendees):
        if a.status is AttendanceStatus.LEAVE and not a.reason.strip():
            need(
                f"attendees[{i}].reason",
                QT_TRANSLATE_NOOP("fields", "{name}的请假理由"),
                name=a.label,
            )
    for i, item in enumerate(detail.agenda):
        for j, decision in enumerate(item.decisions):
            actions = decision.action_items
            if not actions or not all(a.owner for a in actions):
                k = next((k for k, a in enumerate(actions) if not a.owner), 0)
                need(
                    f"agenda[{i}].decisions[{j}].action_items[{k}].owner_unit_id",
                    QT_TRANSLATE_NOOP("fields", "议定事项“{text}”的责任单位"),
                    text=_short(decision.text),
                )
    return missing


def check_held(session: Session, meeting_id: str, now: datetime | None = None) -> None:
    """Minutes record a meeting that took place: a meeting that has not started yet cannot
    be finalised (its minutes would be dated before it was held). ``ValidationError`` at
    ``starts_at`` naming the start."""
    _check_held(live_meeting(session, meeting_id), now or utcnow())


def _check_held(meeting: Meeting, now: datetime) -> None:
    if meeting.starts_at > now:
        raise invalid(
            "starts_at",
            QT_TRANSLATE_NOOP(
                "validation",
                "会议定于{time}召开，还没有开始，纪要不能定稿。"
                "请在会议开始后再定稿；如会议时间填错了，请先改正会议时间。",
            ),
            time=to_beijing(meeting.starts_at).strftime("%Y-%m-%d %H:%M"),
        )


def finalise(
    session: Session, meeting_id: str, version: int, now: datetime | None = None
) -> MeetingDetail:
    """定稿: refuses a meeting not yet held (``check_held``), checks everything the minutes
    need and names all that is missing at once (``IncompleteMinutesError``); then the
    meeting is final and read-only."""
    meeting = live_meeting(session, meeting_id, version)
    if meeting.status is MeetingStatus.FINAL:
        raise refuse(QT_TRANSLATE_NOOP("errors", "这份纪要已经定稿了。"))
    _check_held(meeting, now or utcnow())
    missing = _problems(session, meeting)
    if missing:
        raise IncompleteMinutesError(missing)
    before = meeting_state(meeting)
    freeze_carried(session, meeting)  # the minutes print how earlier decisions stood today
    meeting.status = MeetingStatus.FINAL
    meeting.finalised_at = utcnow()
    touch(meeting)
    record(session, "finalise", meeting, before)
    return build_detail(session, meeting)


def reopen(session: Session, meeting_id: str, version: int, reason: str) -> MeetingDetail:
    """Back to draft; the reason (required) goes into the audit log."""
    meeting = live_meeting(session, meeting_id, version)
    missing = Message("validation", QT_TRANSLATE_NOOP("validation", "请说明退回草稿的理由。"))
    why = check_reason("reason", reason, missing, REASON_MAX)
    if meeting.status is not MeetingStatus.FINAL:
        raise refuse(QT_TRANSLATE_NOOP("errors", "这份纪要还是草稿，不需要退回。"))
    before = meeting_state(meeting)
    meeting.status = MeetingStatus.DRAFT
    meeting.finalised_at = None
    touch(meeting)
    record(session, "reopen", meeting, before, reason=why)
    return build_detail(session, meeting)


def _mark(session: Session, meeting_id: str, column: str, now: datetime | None) -> datetime:
    """Records a time without a new version: an open editor stays valid after printing."""
    meeting = live_meeting(session, meeting_id)
    at = now or utcnow()
    session.execute(
        update(Meeting)
        .where(Meeting.id == meeting.id)
        .values({column: at})
        .execution_options(synchronize_session=False)
    )
    session.expire(meeting, [column])
    return to_beijing(at)


def mark_exported(session: Session, meeting_id: str, now: datetime | None = None) -> datetime:
    """The minutes were saved as PDF; returns the time recorded (Beijing time)."""
    return _mark(session, meeting_id, "exported_at", now)


def mark_printed(session: Session, meeting_id: str, now: datetime | None = None) -> datetime:
    """The minutes were printed; returns the time recorded (Beijing time)."""
    return _mark(session, meeting_id, "printed_at", now)


def delete_meeting(session: Session, meeting_id: str) -> None:
    """Soft delete (a draft only); issues raised by it keep their history."""
    meeting = live_meeting(session, meeting_id)
    if meeting.status is MeetingStatus.FINAL:
        raise refuse(QT_TRANSLATE_NOOP("errors", "已定稿的纪要不能删除，请先退回草稿并说明理由。"))
    AUDIT.soft_delete(session, meeting)


def restore_meeting(session: Session, meeting_id: str) -> None:
    AUDIT.restore(session, stored(session, Meeting, meeting_id, WHAT))
