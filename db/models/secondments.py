"""Cadre secondments: postings, work logs and the two-way evaluation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

# the areas whose tables the foreign keys here point at
import db.models.directory  # noqa: F401
import db.models.issues  # noqa: F401
import db.models.meetings  # noqa: F401
from db.base import Entity, SoftDeleted, enum_type, exactly_one
from db.enums import PostingKind as PostingKind  # re-exported: known as the area's enum
from db.enums import PostingStatus as PostingStatus  # re-exported: known as the area's enum


class LogKind(StrEnum):
    ENTRY = "entry"  # a dated work record
    ATTENDANCE_REPORT = "attendance_report"  # 考勤: monthly, host to home unit
    DUTY_REPORT = "duty_report"  # 履职: the cadre's monthly report


class EvaluatorSide(StrEnum):
    HOME = "home"
    HOST = "host"


class EvaluationPeriod(StrEnum):
    MID_TERM = "mid_term"
    ANNUAL = "annual"
    END_OF_TERM = "end_of_term"


class Grade(StrEnum):
    EXCELLENT = "excellent"  # 优秀
    COMPETENT = "competent"  # 称职
    BASICALLY_COMPETENT = "basically_competent"  # 基本称职
    INCOMPETENT = "incompetent"  # 不称职


class Posting(Entity, SoftDeleted):
    """A cadre posted from a home unit to a host unit, org unit or grid for a term.

    ``planned_ends_on`` is the end the term was agreed with; ``ends_on`` is where it ends now,
    moved by 延期 (``extension_reason``) or 提前结束 (``early_end_reason``).
    """

    __tablename__ = "postings"
    __table_args__ = (
        CheckConstraint(exactly_one("home_unit_id", "home_org_unit_id"), name="one_home"),
        CheckConstraint(exactly_one("host_unit_id", "host_org_unit_id"), name="one_host"),
    )

    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    kind: Mapped[PostingKind] = mapped_column(enum_type(PostingKind), index=True)
    home_unit_id: Mapped[str | None] = mapped_column(ForeignKey("resident_units.id"), index=True)
    home_org_unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_units.id"))
    home_post: Mapped[str] = mapped_column(String(80), default="")
    host_unit_id: Mapped[str | None] = mapped_column(ForeignKey("resident_units.id"), index=True)
    host_org_unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    host_post: Mapped[str] = mapped_column(String(80), default="")
    starts_on: Mapped[date]
    ends_on: Mapped[date] = mapped_column(index=True)
    planned_ends_on: Mapped[date]
    mentor_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"))
    objectives: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[PostingStatus] = mapped_column(
        enum_type(PostingStatus), default=PostingStatus.PLANNED, index=True
    )
    extension_reason: Mapped[str] = mapped_column(String(200), default="")  # the latest 延期's
    early_end_reason: Mapped[str] = mapped_column(String(200), default="")

    logs: Mapped[list[WorkLog]] = relationship(back_populates="posting", cascade="all")
    evaluations: Mapped[list[Evaluation]] = relationship(back_populates="posting", cascade="all")


# one live monthly report of each kind per posting and month (work records have no period)
LIVE_REPORT = "kind != 'entry' AND deleted_at IS NULL"


class WorkLog(Entity, SoftDeleted):
    __tablename__ = "work_logs"
    __table_args__ = (
        Index(
            "ix_work_logs_report_month",
            "posting_id",
            "kind",
            "period",
            unique=True,
            sqlite_where=text(LIVE_REPORT),
            postgresql_where=text(LIVE_REPORT),
        ),
    )

    posting_id: Mapped[str] = mapped_column(ForeignKey("postings.id"), index=True)
    kind: Mapped[LogKind] = mapped_column(enum_type(LogKind), default=LogKind.ENTRY)
    logged_on: Mapped[date]
    period: Mapped[str] = mapped_column(String(7), default="")  # YYYY-MM for monthly reports
    content: Mapped[str] = mapped_column(Text, default="")
    hours: Mapped[Decimal] = mapped_column(Numeric(8, 1), default=Decimal(0))
    issue_id: Mapped[str | None] = mapped_column(ForeignKey("issues.id"))
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"))

    posting: Mapped[Posting] = relationship(back_populates="logs")


class Evaluation(Entity):
    """One side's evaluation of a posting for one period (双向评价)."""

    __tablename__ = "evaluations"
    __table_args__ = (UniqueConstraint("posting_id", "side", "period", "year"),)

    posting_id: Mapped[str] = mapped_column(ForeignKey("postings.id"), index=True)
    side: Mapped[EvaluatorSide] = mapped_column(enum_type(EvaluatorSide))
    period: Mapped[EvaluationPeriod] = mapped_column(enum_type(EvaluationPeriod))
    year: Mapped[int]
    grade: Mapped[Grade] = mapped_column(enum_type(Grade))
    score: Mapped[Decimal | None] = mapped_column(Numeric(5, 1))
    comment: Mapped[str] = mapped_column(Text, default="")
    evaluator: Mapped[str] = mapped_column(String(80), default="")
    evaluated_on: Mapped[date]

    posting: Mapped[Posting] = relationship(back_populates="evaluations")
