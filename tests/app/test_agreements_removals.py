"""Undoing mistakes in the three lists and the in-service members: a list entry raised by
mistake is deleted (not once claimed), a registration is removed and restored, a service
record is deleted; each audited, and what is removed no longer counts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.agreements import claims, members
from app.agreements.claims import ListEntryData
from app.agreements.members import RegistrationData, ServiceData
from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData, PersonData, ResidentUnitData
from app.errors import ConflictError, NotFoundError, UserError
from db.models.agreements import ListEntryStatus, ListKind
from db.models.directory import OrgLevel, UnitCategory
from db.models.security import AuditEntry

World = dict[str, str]


@pytest.fixture
def world(database: Database) -> World:
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET)).id
        community = directory.org_units.create(
            s, OrgUnitData("颐和路社区", OrgLevel.COMMUNITY, street)
        ).id
        unit = directory.resident_units.create(
            s, ResidentUnitData("江苏省教育厅", UnitCategory.PROVINCIAL_ORGAN, community)
        ).id
        person = directory.people.create(s, PersonData("王喆", is_party_member=True)).id
        need = claims.create_entry(
            s,
            ListEntryData(
                ListKind.NEED,
                "社区义诊",
                raised_by_org_unit_id=community,
                raised_on=date(2026, 1, 5),
            ),
        )
        registration = members.register_member(
            s, RegistrationData(person, community, unit, date(2026, 3, 1))
        )
    return {
        "street": street,
        "community": community,
        "unit": unit,
        "person": person,
        "need": need,
        "registration": registration,
    }


def _actions(database: Database, entity_id: str) -> list[str]:
    with database.reader() as s:
        return list(
            s.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.entity_id == entity_id)
                .order_by(AuditEntry.at, AuditEntry.id)
            )
        )


def test_an_open_entry_is_deleted_and_restored_and_stops_counting(
    database: Database, world: World
) -> None:
    with database.session() as s:
        claims.delete_entry(s, world["need"], 1)
    with database.reader() as s:
        assert claims.unclaimed_needs(s, date(2026, 12, 1), 30) == []
        with pytest.raises(NotFoundError):
            claims.entry_detail(s, world["need"])
    with database.session() as s:
        claims.restore_entry(s, world["need"])
    with database.reader() as s:
        assert [n[0] for n in claims.unclaimed_needs(s, date(2026, 12, 1), 30)] == [world["need"]]
    assert _actions(database, world["need"]) == ["create", "delete", "restore"]


def test_a_claimed_entry_is_not_deleted_and_a_stale_version_is_refused(
    database: Database, world: World
) -> None:
    with database.session() as s:
        claims.claim(s, world["need"], 1, date(2026, 2, 1), unit_id=world["unit"])
    with pytest.raises(UserError) as refused, database.session() as s:
        claims.delete_entry(s, world["need"], 2)
    assert "退回认领或取消" in refused.value.message.template
    with pytest.raises(ConflictError), database.session() as s:
        claims.release(s, world["need"], 1, "原因")


def test_a_step_is_taken_back_only_while_it_is_the_last(database: Database, world: World) -> None:
    need, S = world["need"], ListEntryStatus
    with database.session() as s:
        claims.claim(s, need, 1, date(2026, 2, 1), unit_id=world["unit"])
        claims.start(s, need, 2, date(2026, 2, 3))
    with pytest.raises(UserError, match="不能撤销"), database.session() as s:
        claims.step_back(s, need, S.CLAIMED)  # moved on since: the start comes first
    with database.session() as s:
        claims.step_back(s, need, S.IN_PROGRESS)
        claims.step_back(s, need, S.CLAIMED)
    with database.reader() as s:
        detail = claims.entry_detail(s, need)
    assert (detail.status, detail.claimed_by, detail.claimed_on) == (S.OPEN, "", None)
    assert _actions(database, need) == ["create", "claim", "start", "undo", "undo"]
    with pytest.raises(UserError, match="不能撤销"), database.session() as s:
        claims.step_back(s, need, S.OPEN)  # there is no step that leads to 待认领


def test_a_registration_is_removed_restored_and_registered_again(
    database: Database, world: World
) -> None:
    registration = world["registration"]
    with database.session() as s:
        members.add_service(s, registration, ServiceData(date(2026, 4, 1), "反诈宣传", Decimal(2)))
        members.remove_registration(s, registration, 1)
    with database.reader() as s:
        assert members.street_total(s, world["street"]) == 0
        assert members.counts_by_community(s) == []
    with pytest.raises(NotFoundError), database.session() as s:
        members.add_service(s, registration, ServiceData(date(2026, 5, 1), "义诊", Decimal(1)))

    with database.session() as s:
        members.restore_registration(s, registration)
    with database.reader() as s:
        assert members.street_total(s, world["street"]) == 1
        assert [c.services for c in members.counts_by_community(s)] == [1]

    with database.session() as s:
        members.remove_registration(s, registration, 3)
        again = members.register_member(
            s, RegistrationData(world["person"], world["community"], None, date(2026, 9, 1))
        )
    assert again == registration  # one registration per person and community
    with database.reader() as s:
        assert members.street_total(s, world["street"]) == 1
        assert [s_.activity for s_ in members.services_of(s, registration)] == ["反诈宣传"]
    assert _actions(database, registration) == [
        "create",
        "delete",
        "restore",
        "delete",
        "restore",
    ]


def test_a_service_record_is_deleted_with_what_it_said_in_the_audit(
    database: Database, world: World
) -> None:
    data = ServiceData(date(2026, 4, 1), "反诈宣传", Decimal("1.5"))
    with database.session() as s:
        service_id = members.add_service(s, world["registration"], data)
    with database.session() as s:
        assert members.remove_service(s, service_id) == data
    with database.reader() as s:
        assert members.services_of(s, world["registration"]) == []
        purged = s.scalar(
            select(AuditEntry).where(
                AuditEntry.entity_id == service_id, AuditEntry.action == "purge"
            )
        )
        assert purged is not None and purged.before is not None
        assert purged.before["activity"] == "反诈宣传" and purged.after is None
    with pytest.raises(NotFoundError), database.session() as s:
        members.remove_service(s, service_id)
