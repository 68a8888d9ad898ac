"""In-service party members (在职党员到社区报到): a member registers with the community where
they live (one registration per person and community), their service is recorded, and the
registrations are counted per employer unit, per community and for a street."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app import audit
from app.agreements.store import (
    REGISTRATION,
    added,
    live_registration,
    record,
    restore,
    soft_delete,
)
from app.directory.subtree import in_subtree
from app.errors import invalid
from app.i18n import QT_TRANSLATE_NOOP
from app.store import columns, stored
from app.validation import check_required
from db.base import new_id, utcnow
from db.models.agreements import MemberRegistration, ServiceRecord
from db.models.directory import OrgLevel, OrgUnit, Person, ResidentUnit

SERVICE = QT_TRANSLATE_NOOP("fields", "服务记录")


@dataclass(frozen=True)
class RegistrationData:
    person_id: str | None = None
    community_id: str | None = None
    employer_unit_id: str | None = None
    registered_on: date | None = None

    def validated(self) -> RegistrationData:
        if self.person_id is None:
            raise invalid("person_id", QT_TRANSLATE_NOOP("validation", "请选择党员。"))
        if self.community_id is None:
            raise invalid("community_id", QT_TRANSLATE_NOOP("validation", "请选择报到社区。"))
        if self.registered_on is None:
            raise invalid("registered_on", QT_TRANSLATE_NOOP("validation", "请填写报到日期。"))
        return self


@dataclass(frozen=True)
class ServiceData:
    served_on: date | None = None
    activity: str = ""
    hours: Decimal = field(default_factory=lambda: Decimal(0))

    def validated(self) -> ServiceData:
        if self.served_on is None:
            raise invalid("served_on", QT_TRANSLATE_NOOP("validation", "请填写服务日期。"))
        activity = check_required(
            "activity", self.activity, QT_TRANSLATE_NOOP("fields", "服务内容"), 200
        )
        if self.hours < 0 or self.hours > Decimal(24):
            raise invalid("hours", QT_TRANSLATE_NOOP("validation", "服务时长应在0到24小时之间。"))
        return ServiceData(self.served_on, activity, self.hours)


def register_member(session: Session, data: RegistrationData) -> str:
    """Registers a member; one removed earlier from the same community comes back, with the
    new date and unit and its earlier service records (a person registers once per
    community)."""
    clean = data.validated()
    existing = session.scalar(
        select(MemberRegistration).where(
            MemberRegistration.person_id == clean.person_id,
            MemberRegistration.community_id == clean.community_id,
        )
    )
    if existing is not None and existing.deleted_at is None:
        raise invalid("community_id", QT_TRANSLATE_NOOP("validation", "这名党员已在该社区报到。"))
    assert clean.person_id and clean.community_id and clean.registered_on
    if existing is not None:
        before = audit.snapshot(existing)
        existing.deleted_at = None
        existing.employer_unit_id = clean.employer_unit_id
        existing.registered_on = clean.registered_on
        record(session, "restore", existing, before)
        return existing.id
    return added(session, MemberRegistration(**columns(clean)))


def register_new_members(session: Session, records: Sequence[RegistrationData]) -> None:
    """``register_member`` for people who have no registration at all yet (an import adds
    them to the directory in the same transaction): no earlier one to bring back, so the
    registrations are written with one INSERT, each audited."""
    now = utcnow()
    rows = [
        {
            "id": new_id(),
            "created_at": now,
            "updated_at": now,
            "version": 1,
            **columns(clean),
        }
        for clean in (data.validated() for data in records)
    ]
    if rows:
        session.execute(insert(cast(Table, MemberRegistration.__table__)), rows)
    audit.record_many(session, "create", MemberRegistration, rows)


def add_service(session: Session, registration_id: str, data: ServiceData) -> str:
    registration = live_registration(session, registration_id)
    clean = data.validated()
    assert clean.served_on is not None
    if clean.served_on < registration.registered_on:
        raise invalid("served_on", QT_TRANSLATE_NOOP("validation", "服务日期不能早于报到日期。"))
    return added(session, ServiceRecord(registration_id=registration.id, **columns(clean)))


def remove_registration(session: Session, registration_id: str, version: int) -> None:
    """Removes a registration made by mistake or of a member who moved away; it no longer
    counts, and ``restore_registration`` brings it back with its service records."""
    soft_delete(session, live_registration(session, registration_id), version)


def restore_registration(session: Session, registration_id: str) -> None:
    restore(session, stored(session, MemberRegistration, registration_id, REGISTRATION))


def remove_service(session: Session, service_id: str) -> ServiceData:
    """Deletes a service record (audited with what it said); returns its data, which
    ``add_service`` records again to undo the removal."""
    service = stored(session, ServiceRecord, service_id, SERVICE)
    live_registration(session, service.registration_id)
    data = ServiceData(service.served_on, service.activity, service.hours)
    before = audit.snapshot(service)
    record(session, "purge", service, before)  # service records have no deleted mark
    session.delete(service)
    return data


@dataclass(frozen=True)
class MemberCount:
    id: str | None  # the unit or community; None for members without an employer unit
    name: str
    members: int
    services: int
    hours: Decimal


def _counts(
    session: Session,
    key: InstrumentedAttribute[Any],
    by: type[ResidentUnit] | type[OrgUnit],
    street_id: str | None,
) -> list[MemberCount]:
    """Registrations per ``key`` (most first), named after the ``by`` row it refers to."""
    name = func.max(by.name)
    services = (
        select(
            ServiceRecord.registration_id.label("rid"),
            func.count().label("n"),
            func.sum(ServiceRecord.hours).label("h"),
        )
        .group_by(ServiceRecord.registration_id)
        .subquery()
    )
    stmt = (
        select(
            key,
            name,
            func.count(MemberRegistration.id),
            func.coalesce(func.sum(services.c.n), 0),
            func.coalesce(func.sum(services.c.h), 0),
        )
        .select_from(MemberRegistration)
        .outerjoin(services, services.c.rid == MemberRegistration.id)
        .outerjoin(by, by.id == key)
        .where(MemberRegistration.deleted_at.is_(None))
        .group_by(key)
        .order_by(func.count(MemberRegistration.id).desc(), name)
    )
    if street_id is not None:
        stmt = stmt.where(in_subtree(MemberRegistration.community_id, street_id))
    return [
        MemberCount(r[0], r[1] or "", int(r[2]), int(r[3]), Decimal(str(r[4])))
        for r in session.execute(stmt)
    ]


def counts_by_unit(session: Session, street_id: str | None = None) -> list[MemberCount]:
    """Registrations per employer unit (most first), within a street when given."""
    return _counts(session, MemberRegistration.employer_unit_id, ResidentUnit, street_id)


def counts_by_community(session: Session, street_id: str | None = None) -> list[MemberCount]:
    return _counts(session, MemberRegistration.community_id, OrgUnit, street_id)


def street_total(session: Session, street_id: str) -> int:
    """How many members registered with the street's communities (宁海路: 6,028)."""
    return int(
        session.scalar(
            select(func.count()).where(
                MemberRegistration.deleted_at.is_(None),
                in_subtree(MemberRegistration.community_id, street_id),
            )
        )
        or 0
    )


@dataclass(frozen=True)
class ServiceView:
    id: str
    served_on: date
    activity: str
    hours: Decimal


def services_of(session: Session, registration_id: str) -> list[ServiceView]:
    """A member's service records, latest first."""
    rows = session.execute(
        select(
            ServiceRecord.id, ServiceRecord.served_on, ServiceRecord.activity, ServiceRecord.hours
        )
        .where(ServiceRecord.registration_id == registration_id)
        .order_by(ServiceRecord.served_on.desc(), ServiceRecord.id)
    )
    return [ServiceView(r[0], r[1], r[2], Decimal(str(r[3]))) for r in rows]


def street_totals(session: Session) -> list[tuple[str, int]]:
    """(street name, members registered with its communities) for every street that has any."""
    streets = session.execute(
        select(OrgUnit.id, OrgUnit.name)
        .where(OrgUnit.level == OrgLevel.STREET, OrgUnit.deleted_at.is_(None))
        .order_by(OrgUnit.position, OrgUnit.name)
    ).all()
    totals = [(name, street_total(session, street_id)) for street_id, name in streets]
    return [(name, count) for name, count in totals if count]


def employer_of(session: Session, person_id: str) -> str | None:
    """The resident unit the person works at, as the directory has it: what a registration
    proposes as the employer unit."""
    return session.scalar(select(Person.employer_unit_id).where(Person.id == person_id))


def person_of(session: Session, registration_id: str) -> str:
    """The person a registration is of (to open them in the directory)."""
    return live_registration(session, registration_id).person_id
