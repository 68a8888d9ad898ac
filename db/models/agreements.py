"""Co-building agreements, their commitments and fulfilment, the three lists, in-service members."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

# the areas whose tables the foreign keys here point at
import db.models.directory  # noqa: F401
from db.base import Entity, SoftDeleted, at_most_one, enum_type, exactly_one
from db.enums import AgreementKind as AgreementKind  # re-exported: known as the area's enum
from db.enums import AgreementStatus as AgreementStatus  # re-exported: known as the area's enum


class PartySide(StrEnum):
    STREET_SIDE = "street_side"  # the street or a community
    PARTNER_SIDE = "partner_side"  # resident units or party branches


class JointActivity(StrEnum):
    """七个共: the seven joint activities of a branch pairing, or free text."""

    PARTY_LESSON = "party_lesson"  # 共上一堂主题党课
    THEMED_EVENT = "themed_event"  # 共办一场主题活动
    HELP_FAMILY = "help_family"  # 共帮一户困难家庭
    VOLUNTEER_SERVICE = "volunteer_service"  # 共同开展一次志愿服务
    GRID_DAY = "grid_day"  # 共做一日网格员
    PARTY_SITE = "party_site"  # 共建一个规范化党建阵地
    GOVERNANCE_PROBLEM = "governance_problem"  # 共同解决一个社区治理难题
    OTHER = "other"


class ListKind(StrEnum):
    """三张清单."""

    NEED = "need"  # 需求清单
    RESOURCE = "resource"  # 资源清单
    PROJECT = "project"  # 项目清单


class ListEntryStatus(StrEnum):
    OPEN = "open"
    CLAIMED = "claimed"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class Agreement(Entity, SoftDeleted):
    __tablename__ = "agreements"

    kind: Mapped[AgreementKind] = mapped_column(enum_type(AgreementKind), index=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    signed_on: Mapped[date | None]
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None] = mapped_column(index=True)
    status: Mapped[AgreementStatus] = mapped_column(
        enum_type(AgreementStatus), default=AgreementStatus.DRAFT, index=True
    )
    summary: Mapped[str] = mapped_column(Text, default="")
    end_reason: Mapped[str] = mapped_column(String(200), default="")
    predecessor_id: Mapped[str | None] = mapped_column(ForeignKey("agreements.id"))

    parties: Mapped[list[AgreementParty]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan"
    )
    commitments: Mapped[list[Commitment]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan"
    )


class AgreementParty(Entity):
    """One signatory: an org unit on the street side; a resident unit or branch on the other."""

    __tablename__ = "agreement_parties"
    __table_args__ = (
        CheckConstraint(
            exactly_one("org_unit_id", "resident_unit_id", "party_org_id"), name="one_party"
        ),
    )

    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreements.id"), index=True)
    side: Mapped[PartySide] = mapped_column(enum_type(PartySide))
    org_unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    resident_unit_id: Mapped[str | None] = mapped_column(
        ForeignKey("resident_units.id"), index=True
    )
    party_org_id: Mapped[str | None] = mapped_column(ForeignKey("party_orgs.id"), index=True)

    agreement: Mapped[Agreement] = relationship(back_populates="parties")


class Commitment(Entity, SoftDeleted):
    __tablename__ = "commitments"

    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreements.id"), index=True)
    activity: Mapped[JointActivity] = mapped_column(enum_type(JointActivity))
    text: Mapped[str] = mapped_column(String(200), default="")
    responsible_party_id: Mapped[str | None] = mapped_column(ForeignKey("agreement_parties.id"))
    yearly_target: Mapped[int] = mapped_column(default=1)
    due_on: Mapped[date | None]

    agreement: Mapped[Agreement] = relationship(back_populates="commitments")


class FulfilmentRecord(Entity, SoftDeleted):
    """One activity actually held under an agreement, counted towards a commitment."""

    __tablename__ = "fulfilment_records"

    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreements.id"), index=True)
    commitment_id: Mapped[str | None] = mapped_column(ForeignKey("commitments.id"), index=True)
    held_on: Mapped[date] = mapped_column(index=True)
    activity: Mapped[JointActivity] = mapped_column(enum_type(JointActivity))
    participants: Mapped[int] = mapped_column(default=0)
    hours: Mapped[Decimal] = mapped_column(Numeric(8, 1), default=Decimal(0))
    place: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class ListEntry(Entity, SoftDeleted):
    """An entry of the needs, resources or projects list, claimable by the other side."""

    __tablename__ = "list_entries"
    __table_args__ = (
        CheckConstraint(
            "(raised_by_org_unit_id IS NULL) <> (raised_by_unit_id IS NULL)", name="one_owner"
        ),
        CheckConstraint(
            at_most_one("claimed_by_org_unit_id", "claimed_by_unit_id"), name="one_claimer"
        ),
    )

    list_kind: Mapped[ListKind] = mapped_column(enum_type(ListKind), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(40), default="", index=True)
    raised_by_org_unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_units.id"))
    raised_by_unit_id: Mapped[str | None] = mapped_column(ForeignKey("resident_units.id"))
    raised_on: Mapped[date]
    status: Mapped[ListEntryStatus] = mapped_column(
        enum_type(ListEntryStatus), default=ListEntryStatus.OPEN, index=True
    )
    claimed_by_org_unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_units.id"))
    claimed_by_unit_id: Mapped[str | None] = mapped_column(ForeignKey("resident_units.id"))
    claimed_on: Mapped[date | None]
    started_on: Mapped[date | None]
    done_on: Mapped[date | None]


class MemberRegistration(Entity, SoftDeleted):
    """在职党员到社区报到: an in-service party member registered with a home community."""

    __tablename__ = "member_registrations"
    __table_args__ = (UniqueConstraint("person_id", "community_id"),)

    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    community_id: Mapped[str] = mapped_column(ForeignKey("org_units.id"), index=True)
    employer_unit_id: Mapped[str | None] = mapped_column(
        ForeignKey("resident_units.id"), index=True
    )
    registered_on: Mapped[date]

    services: Mapped[list[ServiceRecord]] = relationship(
        back_populates="registration", cascade="all, delete-orphan"
    )


class ServiceRecord(Entity):
    __tablename__ = "service_records"

    registration_id: Mapped[str] = mapped_column(ForeignKey("member_registrations.id"), index=True)
    served_on: Mapped[date]
    activity: Mapped[str] = mapped_column(String(200))
    hours: Mapped[Decimal] = mapped_column(Numeric(8, 1), default=Decimal(0))

    registration: Mapped[MemberRegistration] = relationship(back_populates="services")
