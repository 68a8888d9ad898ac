"""民生事项: residents' issues, call-ins to units, the journal, follow-up visits."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

# the areas whose tables the foreign keys here point at
import db.models.directory  # noqa: F401
import db.models.security  # noqa: F401
from db.base import Entity, SoftDeleted, enum_type
from db.enums import IssueStatus as IssueStatus  # re-exported: known as the area's enum
from db.enums import Satisfaction as Satisfaction  # re-exported: known as the area's enum


class IssueSource(StrEnum):
    GRID_VISIT = "grid_visit"  # 网格走访
    ONLINE = "online"  # 线上
    PHONE = "phone"  # 来电
    VISIT = "visit"  # 来访
    MEETING = "meeting"  # 会议


class Priority(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"


class DispatchStatus(StrEnum):
    DISPATCHED = "dispatched"
    ACKNOWLEDGED = "acknowledged"  # 报到
    DONE = "done"
    OBJECTED = "objected"  # 异议: the unit says it is not its remit; the street reviews it
    RETURNED = "returned"  # 退单 (an objection the street accepted)


class IssueLinkKind(StrEnum):
    DUPLICATE_OF = "duplicate_of"
    RELATED_TO = "related_to"


class LimitUnit(StrEnum):
    """How a time limit is counted."""

    HOURS = "hours"  # clock hours, nights and holidays included (the 2 h and 24 h tiers)
    WORKING_DAYS = "working_days"  # days of the official calendar's working week
    CALENDAR_DAYS = "calendar_days"  # every day counts (the 7 d and 15 d tiers)


class HolidayOrigin(StrEnum):
    """Where a day of the holiday calendar came from."""

    OFFICIAL = "official"  # shipped with the application from the State Council's notice
    IMPORTED = "imported"  # read from a holiday file
    EDITED = "edited"  # set by hand in the calendar screen


class IssueCategory(Entity, SoftDeleted):
    """A category with its time limit: an amount of hours, working days or calendar days."""

    __tablename__ = "issue_categories"

    name: Mapped[str] = mapped_column(String(40), unique=True)
    limit_amount: Mapped[int] = mapped_column(default=3)
    limit_unit: Mapped[LimitUnit] = mapped_column(
        enum_type(LimitUnit), default=LimitUnit.WORKING_DAYS
    )
    position: Mapped[int] = mapped_column(default=0)


class Issue(Entity, SoftDeleted):
    __tablename__ = "issues"
    __table_args__ = (
        # the list filters by these and shows the newest first
        Index("ix_issues_status_reported_at", "status", "reported_at"),
        Index("ix_issues_community_status_reported_at", "community_id", "status", "reported_at"),
        Index("ix_issues_category_reported_at", "category_id", "reported_at"),
        # the dashboard's figures read these alone, without the rows (migration 0003)
        Index(
            "ix_issues_reported_figures",
            *("reported_at", "community_id", "grid_id", "category_id", "status", "deadline"),
            *("resolved_at", "satisfaction", "deleted_at"),
        ),
        Index(
            "ix_issues_resolved_figures",
            *("resolved_at", "community_id", "status", "reported_at", "satisfaction", "deleted_at"),
        ),
        Index("ix_issues_status_deadline", "status", "deadline", "community_id", "deleted_at"),
        Index(
            "ix_issues_supervised_deadline",
            *("supervised", "deadline", "number", "status", "community_id", "deleted_at"),
        ),
        # overdue to the minute (the 2-hour tier), and the 问题工单 list
        Index("ix_issues_status_due_at", "status", "due_at", "community_id", "deleted_at"),
        Index("ix_issues_escalated_due_at", "escalated", "due_at", "status", "deleted_at"),
    )

    number: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[IssueSource] = mapped_column(enum_type(IssueSource))
    category_id: Mapped[str | None] = mapped_column(ForeignKey("issue_categories.id"), index=True)
    community_id: Mapped[str | None] = mapped_column(ForeignKey("org_units.id"))
    grid_id: Mapped[str | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    compound_id: Mapped[str | None] = mapped_column(ForeignKey("compounds.id"), index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    reporter_name: Mapped[str] = mapped_column(String(50), default="")
    reporter_phone: Mapped[str] = mapped_column(String(20), default="")
    entered_by: Mapped[str] = mapped_column(String(50), default="")  # 代录: the staff member
    reported_at: Mapped[datetime] = mapped_column(index=True)
    status: Mapped[IssueStatus] = mapped_column(
        enum_type(IssueStatus), default=IssueStatus.REGISTERED
    )
    # the limit the deadline was counted with (the category's when registered)
    limit_amount: Mapped[int | None]
    limit_unit: Mapped[LimitUnit | None] = mapped_column(enum_type(LimitUnit))
    due_at: Mapped[datetime | None]  # the due moment; ``deadline`` is its (Beijing) day
    deadline: Mapped[date | None] = mapped_column(index=True)
    paused_at: Mapped[datetime | None]  # the clock stopped (an objection under review)
    priority: Mapped[Priority] = mapped_column(enum_type(Priority), default=Priority.NORMAL)
    supervised: Mapped[bool] = mapped_column(default=False, index=True)
    supervision_note: Mapped[str] = mapped_column(String(200), default="")
    satisfaction: Mapped[Satisfaction | None] = mapped_column(enum_type(Satisfaction))
    reopen_count: Mapped[int] = mapped_column(default=0)
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    # 并单: this complaint is kept on that order (status MERGED) until unmerged
    merged_into_id: Mapped[str | None] = mapped_column(ForeignKey("issues.id"), index=True)
    # 问题工单: escalated for supervision (提级督办) by the escalation rules
    escalated: Mapped[bool] = mapped_column(default=False)
    escalated_at: Mapped[datetime | None]
    escalation_reason: Mapped[str] = mapped_column(String(200), default="")

    dispatches: Mapped[list[Dispatch]] = relationship(back_populates="issue", cascade="all")
    events: Mapped[list[IssueEvent]] = relationship(
        back_populates="issue", cascade="all", order_by="IssueEvent.at"
    )
    follow_ups: Mapped[list[FollowUp]] = relationship(
        back_populates="issue", cascade="all", foreign_keys="FollowUp.issue_id"
    )


class Dispatch(Entity):
    """派单 / 吹哨: the issue sent to one department or resident unit, with its own deadline."""

    __tablename__ = "dispatches"
    __table_args__ = (
        CheckConstraint("(org_unit_id IS NULL) <> (resident_unit_id IS NULL)", name="one_unit"),
        Index("ix_dispatches_dispatched_at", "dispatched_at"),
    )

    issue_id: Mapped[str] = mapped_column(ForeignKey("issues.id"), index=True)
    org_unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    resident_unit_id: Mapped[str | None] = mapped_column(
        ForeignKey("resident_units.id"), index=True
    )
    status: Mapped[DispatchStatus] = mapped_column(
        enum_type(DispatchStatus), default=DispatchStatus.DISPATCHED
    )
    lead: Mapped[bool] = mapped_column(default=False)  # 主办 (首接负责); else 协办
    dispatched_at: Mapped[datetime]
    due_at: Mapped[datetime | None]  # the due moment; ``due_on`` is its (Beijing) day
    due_on: Mapped[date | None]
    acknowledged_at: Mapped[datetime | None]
    result: Mapped[str] = mapped_column(Text, default="")
    completed_at: Mapped[datetime | None]
    objected_at: Mapped[datetime | None]
    objection_reason: Mapped[str] = mapped_column(String(200), default="")
    reviewed_at: Mapped[datetime | None]
    review_note: Mapped[str] = mapped_column(String(200), default="")
    returned_at: Mapped[datetime | None]
    return_reason: Mapped[str] = mapped_column(String(200), default="")

    issue: Mapped[Issue] = relationship(back_populates="dispatches")


class IssueEvent(Entity):
    """The journal: every step of an issue, with who and when."""

    __tablename__ = "issue_events"

    issue_id: Mapped[str] = mapped_column(ForeignKey("issues.id"), index=True)
    at: Mapped[datetime]
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[IssueStatus | None] = mapped_column(enum_type(IssueStatus))
    to_status: Mapped[IssueStatus | None] = mapped_column(enum_type(IssueStatus))
    note: Mapped[str] = mapped_column(Text, default="")

    issue: Mapped[Issue] = relationship(back_populates="events")


class FollowUp(Entity):
    """回访: the resident asked whether the problem is solved."""

    __tablename__ = "follow_ups"

    issue_id: Mapped[str] = mapped_column(ForeignKey("issues.id"), index=True)
    visited_at: Mapped[datetime]
    visited_by: Mapped[str] = mapped_column(String(50), default="")
    satisfaction: Mapped[Satisfaction] = mapped_column(enum_type(Satisfaction))
    comment: Mapped[str] = mapped_column(Text, default="")
    # 并单: the merged complaint whose reporter was called (None: the order's own reporter)
    complainant_id: Mapped[str | None] = mapped_column(ForeignKey("issues.id"))

    issue: Mapped[Issue] = relationship(back_populates="follow_ups", foreign_keys=[issue_id])


class IssueLink(Entity):
    __tablename__ = "issue_links"
    __table_args__ = (UniqueConstraint("issue_id", "other_id"),)

    issue_id: Mapped[str] = mapped_column(ForeignKey("issues.id"), index=True)
    other_id: Mapped[str] = mapped_column(ForeignKey("issues.id"), index=True)
    kind: Mapped[IssueLinkKind] = mapped_column(enum_type(IssueLinkKind))


class Holiday(Entity):
    """A day that departs from the Monday–Friday week: a holiday, or a weekend made a workday."""

    __tablename__ = "holidays"

    day: Mapped[date] = mapped_column(unique=True)
    is_workday: Mapped[bool] = mapped_column(default=False)
    name: Mapped[str] = mapped_column(String(40), default="")
    origin: Mapped[HolidayOrigin] = mapped_column(
        enum_type(HolidayOrigin), default=HolidayOrigin.EDITED
    )
    source: Mapped[str] = mapped_column(String(120), default="")  # the notice, or the file
