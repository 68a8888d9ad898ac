"""Joint meetings: attendance, agenda items, decisions (议定事项) and their action items."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

# the areas whose tables the foreign keys here point at
import db.models.directory  # noqa: F401
import db.models.issues  # noqa: F401
from db.base import Entity, SoftDeleted, at_most_one, enum_type
from db.enums import ActionStatus as ActionStatus  # re-exported: known as the area's enum
from db.enums import AttendanceStatus as AttendanceStatus  # re-exported: known as the area's enum
from db.enums import MeetingStatus as MeetingStatus  # re-exported: known as the area's enum


class Meeting(Entity, SoftDeleted):
    __tablename__ = "meetings"

    kind: Mapped[str] = mapped_column(String(40), index=True)  # from the editable kind list
    title: Mapped[str] = mapped_column(String(200))
    session_no: Mapped[int | None]
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime | None]
    place: Mapped[str] = mapped_column(String(200), default="")
    host_org_unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    chair_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"))
    recorder_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"))
    status: Mapped[MeetingStatus] = mapped_column(
        enum_type(MeetingStatus), default=MeetingStatus.DRAFT, index=True
    )
    summary: Mapped[str] = mapped_column(Text, default="")  # the opening paragraph
    # 版记 of the minutes: 抄送 (who else receives them) and the 印发机关; none when both empty
    copy_to: Mapped[str] = mapped_column(String(500), default="", server_default="")
    printed_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    previous_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"))
    finalised_at: Mapped[datetime | None]
    exported_at: Mapped[datetime | None]
    printed_at: Mapped[datetime | None]

    attendances: Mapped[list[Attendance]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="Attendance.position"
    )
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position"
    )


class Attendance(Entity):
    """An expected attendee (a person, or a unit as a whole) and, on the day, their status."""

    __tablename__ = "attendances"
    __table_args__ = (
        CheckConstraint("person_id IS NOT NULL OR resident_unit_id IS NOT NULL", name="who"),
    )

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), index=True)
    resident_unit_id: Mapped[str | None] = mapped_column(ForeignKey("resident_units.id"))
    status: Mapped[AttendanceStatus | None] = mapped_column(enum_type(AttendanceStatus))
    reason: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(default=0)

    meeting: Mapped[Meeting] = relationship(back_populates="attendances")


class AgendaItem(Entity):
    __tablename__ = "agenda_items"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="agenda_item", cascade="all, delete-orphan", order_by="Decision.position"
    )


class Decision(Entity):
    """议定事项: what the meeting decided under one agenda item."""

    __tablename__ = "decisions"

    agenda_item_id: Mapped[str] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text)

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="decisions")
    action_items: Mapped[list[ActionItem]] = relationship(
        back_populates="decision", cascade="all, delete-orphan"
    )


class ActionItem(Entity):
    """Who does what by when; optionally tracked as a 民生事项 issue."""

    __tablename__ = "action_items"
    __table_args__ = (
        CheckConstraint(
            at_most_one("owner_person_id", "owner_unit_id", "owner_org_unit_id"), name="one_owner"
        ),
    )

    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    owner_person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"))
    owner_unit_id: Mapped[str | None] = mapped_column(ForeignKey("resident_units.id"))
    owner_org_unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_units.id"))
    due_on: Mapped[date | None]
    status: Mapped[ActionStatus] = mapped_column(
        enum_type(ActionStatus), default=ActionStatus.OPEN, index=True
    )
    issue_id: Mapped[str | None] = mapped_column(ForeignKey("issues.id"), index=True)

    decision: Mapped[Decision] = relationship(back_populates="action_items")


class CarriedAction(Entity):
    """An earlier meeting's open action item, brought back under this meeting's agenda item
    "上次议定事项落实情况"; its status is kept as it stood when the minutes were finalised."""

    __tablename__ = "carried_actions"

    agenda_item_id: Mapped[str] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    action_item_id: Mapped[str] = mapped_column(
        ForeignKey("action_items.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    status_when_final: Mapped[ActionStatus | None] = mapped_column(enum_type(ActionStatus))
