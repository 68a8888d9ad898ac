"""Directory: the org-unit tree, resident units, party organisations, people, compounds."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, event, text
from sqlalchemy.orm import InstrumentedAttribute, Mapped, MappedColumn, mapped_column, relationship

from db.base import Entity, SoftDeleted, enum_type
from db.enums import OrgLevel as OrgLevel  # re-exported: known as the area's enum
from db.enums import UnitCategory as UnitCategory  # re-exported: known as the area's enum
from db.sort_key import KEY_LENGTH, key_default, sort_key


class PartyOrgKind(StrEnum):
    COMMITTEE = "committee"  # 党委
    GENERAL_BRANCH = "general_branch"  # 党总支
    BRANCH = "branch"  # 党支部


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"


class ManagementMode(StrEnum):
    """The "1+3+X" compound management modes."""

    MARKET = "market"  # 市场化
    FALLBACK = "fallback"  # 兜底式
    SELF_MANAGED = "self_managed"  # 自管型


def name_key_column(*, person: bool = False) -> MappedColumn[Any]:
    """``name_key``: the pinyin sort key of ``name`` (db.sort_key), which the lists order by.
    A row written by plain SQL, past the ORM and the default, gets "" and sorts first."""
    return mapped_column(
        String(KEY_LENGTH),
        default=key_default(person=person),
        server_default=text("''"),
        index=True,
    )


def keep_sort_key(name: InstrumentedAttribute[str], *, person: bool = False) -> None:
    """Sets ``name_key`` whenever the ORM sets ``name`` (Core inserts use the default)."""

    def on_set(target: Any, value: str, _old: Any, _initiator: Any) -> str:
        target.name_key = sort_key(value, person=person)
        return value

    event.listen(name, "set", on_set, retval=True)


class OrgUnit(Entity, SoftDeleted):
    """A node of 街道 → 片区 → 社区 → 网格, or a department that takes dispatched issues."""

    __tablename__ = "org_units"

    parent_id: Mapped[str | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    level: Mapped[OrgLevel] = mapped_column(enum_type(OrgLevel))
    name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = name_key_column()
    code: Mapped[str | None] = mapped_column(String(30))
    position: Mapped[int] = mapped_column(default=0)

    parent: Mapped[OrgUnit | None] = relationship(remote_side="OrgUnit.id")


class ResidentUnit(Entity, SoftDeleted):
    """驻区单位: an organ, university, company or social organisation located in the street."""

    __tablename__ = "resident_units"
    __table_args__ = (Index("ix_resident_units_category_name", "category", "name"),)

    name: Mapped[str] = mapped_column(String(120), index=True)
    name_key: Mapped[str] = name_key_column()
    category: Mapped[UnitCategory] = mapped_column(enum_type(UnitCategory))
    org_unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    contact_name: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(30), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    org_unit: Mapped[OrgUnit | None] = relationship()


class PartyOrg(Entity, SoftDeleted):
    """党委 / 党总支 / 党支部, belonging to a resident unit or to an org unit."""

    __tablename__ = "party_orgs"
    __table_args__ = (
        CheckConstraint("(resident_unit_id IS NULL) <> (org_unit_id IS NULL)", name="one_owner"),
    )

    name: Mapped[str] = mapped_column(String(120), index=True)
    name_key: Mapped[str] = name_key_column()
    kind: Mapped[PartyOrgKind] = mapped_column(enum_type(PartyOrgKind))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("party_orgs.id"), index=True)
    resident_unit_id: Mapped[str | None] = mapped_column(
        ForeignKey("resident_units.id"), index=True
    )
    org_unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    secretary_id: Mapped[str | None] = mapped_column(ForeignKey("people.id", use_alter=True))
    member_count: Mapped[int] = mapped_column(default=0)

    resident_unit: Mapped[ResidentUnit | None] = relationship()
    org_unit: Mapped[OrgUnit | None] = relationship()


class Person(Entity, SoftDeleted):
    __tablename__ = "people"

    name: Mapped[str] = mapped_column(String(50), index=True)
    name_key: Mapped[str] = name_key_column(person=True)
    gender: Mapped[Gender | None] = mapped_column(enum_type(Gender))
    mobile: Mapped[str] = mapped_column(String(20), default="")
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    employer_unit_id: Mapped[str | None] = mapped_column(
        ForeignKey("resident_units.id"), index=True
    )
    org_unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    post: Mapped[str] = mapped_column(String(80), default="")
    is_party_member: Mapped[bool] = mapped_column(default=False)
    party_org_id: Mapped[str | None] = mapped_column(ForeignKey("party_orgs.id"), index=True)
    is_grid_worker: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(Text, default="")

    employer_unit: Mapped[ResidentUnit | None] = relationship()
    org_unit: Mapped[OrgUnit | None] = relationship()
    party_org: Mapped[PartyOrg | None] = relationship(foreign_keys=[party_org_id])


class Compound(Entity, SoftDeleted):
    """小区: a residential compound in a community, with its management mode."""

    __tablename__ = "compounds"

    name: Mapped[str] = mapped_column(String(100), index=True)
    community_id: Mapped[str] = mapped_column(ForeignKey("org_units.id"), index=True)
    grid_id: Mapped[str | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    management_mode: Mapped[ManagementMode] = mapped_column(enum_type(ManagementMode))
    households: Mapped[int] = mapped_column(default=0)

    community: Mapped[OrgUnit] = relationship(foreign_keys=[community_id])
    grid: Mapped[OrgUnit | None] = relationship(foreign_keys=[grid_id])


for _named in (OrgUnit.name, ResidentUnit.name, PartyOrg.name):
    keep_sort_key(_named)
keep_sort_key(Person.name, person=True)
