"""Progress per commitment and agreement, "behind schedule", fulfilment validation, the
three lists with two-way claiming, match suggestions, members and reminders — on a small
database with figures computed by hand."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.agreements import claims, commitments, lifecycle, members, progress, reminders, service
from app.agreements.claims import ListEntryData
from app.agreements.members import RegistrationData, ServiceData
from app.agreements.records import AgreementData, CommitmentData, FulfilmentData, PartyRef
from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData, PersonData, ResidentUnitData
from app.errors import UserError, ValidationError
from db.models.agreements import (
    AgreementKind,
    JointActivity,
    ListEntryStatus,
    ListKind,
    PartySide,
)
from db.models.directory import OrgLevel, UnitCategory
from db.models.security import Setting

TODAY = date(2026, 7, 2)  # day 183 of 365: the year is 50.1 % gone
World = dict[str, str]


@pytest.fixture
def world(database: Database) -> World:
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET)).id
        zone = directory.org_units.create(s, OrgUnitData("颐和路片区", OrgLevel.ZONE, street)).id
        zone2 = directory.org_units.create(s, OrgUnitData("山西路片区", OrgLevel.ZONE, street)).id
        community = directory.org_units.create(
            s, OrgUnitData("颐和路社区", OrgLevel.COMMUNITY, zone)
        ).id
        far = directory.org_units.create(s, OrgUnitData("山西路社区", OrgLevel.COMMUNITY, zone2)).id
        unit = directory.resident_units.create(
            s, ResidentUnitData("江苏省教育厅", UnitCategory.PROVINCIAL_ORGAN, community)
        ).id
        far_unit = directory.resident_units.create(
            s, ResidentUnitData("南京师范大学", UnitCategory.UNIVERSITY, far)
        ).id
        agreement = service.create_agreement(
            s,
            AgreementData(
                kind=AgreementKind.CO_BUILDING,
                number="GJ2026-NHL-001",
                title="共建协议",
                parties=(
                    PartyRef(PartySide.STREET_SIDE, org_unit_id=community),
                    PartyRef(PartySide.PARTNER_SIDE, resident_unit_id=unit),
                ),
                signed_on=date(2026, 1, 2),
                valid_from=date(2026, 1, 1),
                valid_to=date(2027, 12, 31),
            ),
        )
        lifecycle.activate(s, agreement.id, agreement.version, today=TODAY)
        volunteer = commitments.add_commitment(
            s, agreement.id, CommitmentData(JointActivity.VOLUNTEER_SERVICE, yearly_target=4)
        )
        lesson = commitments.add_commitment(
            s, agreement.id, CommitmentData(JointActivity.PARTY_LESSON)
        )
        grid = commitments.add_commitment(
            s, agreement.id, CommitmentData(JointActivity.GRID_DAY, yearly_target=12)
        )
    return {
        "street": street,
        "zone": zone,
        "community": community,
        "far": far,
        "unit": unit,
        "far_unit": far_unit,
        "agreement": agreement.id,
        "volunteer": volunteer,
        "lesson": lesson,
        "grid": grid,
    }


def fulfil(
    database: Database, w: World, commitment: str, activity: JointActivity, *days: date
) -> None:
    with database.session() as s:
        for day in days:
            commitments.record_fulfilment(
                s,
                w["agreement"],
                FulfilmentData(day, activity, commitment, 12, Decimal("2.5"), "社区党群服务中心"),
            )


def test_progress_and_behind_schedule_by_hand(database: Database, world: World) -> None:
    fulfil(
        database,
        world,
        world["volunteer"],
        JointActivity.VOLUNTEER_SERVICE,
        date(2026, 3, 1),
        date(2026, 5, 1),
    )  # 2 of 4: 50 %
    fulfil(
        database,
        world,
        world["lesson"],
        JointActivity.PARTY_LESSON,
        date(2026, 2, 1),
        date(2026, 4, 1),
        date(2025, 12, 1),
    )  # 2 this year of 1: 100 %
    fulfil(
        database,
        world,
        world["grid"],
        JointActivity.GRID_DAY,
        *(date(2026, m, 10) for m in (1, 2, 3)),
    )  # 3 of 12: 25 %
    with database.reader() as s:
        rows = {
            p.commitment_id: p
            for p in progress.commitment_progress(s, 2026, TODAY, agreement_id=world["agreement"])
        }
        whole = progress.agreement_progress(s, 2026, TODAY)[world["agreement"]]
    assert (rows[world["volunteer"]].done, rows[world["volunteer"]].percent) == (2, 50)
    assert (rows[world["lesson"]].done, rows[world["lesson"]].percent) == (2, 100)
    assert (rows[world["grid"]].done, rows[world["grid"]].percent) == (3, 25)
    # elapsed 183/365 = 0.501: grid is 0.251 behind (> 0.2), volunteer 0.001 (not)
    assert [rows[world[k]].behind for k in ("volunteer", "lesson", "grid")] == [False, False, True]
    # agreement: capped done 2 + 1 + 3 = 6 of 4 + 1 + 12 = 17 → 35 %, 0.501 - 0.353 ≤ 0.2
    assert (whole.done, whole.target, whole.percent, whole.behind) == (6, 17, 35, False)
    with database.session() as s:
        s.add(Setting(key="behind_schedule_margin", value=0.1))
    with database.reader() as s:
        assert progress.agreement_progress(s, 2026, TODAY)[world["agreement"]].behind
        behind = progress.behind_commitments(s, 2026, TODAY)
    assert {c.commitment_id for c in behind} == {world["grid"]}


@given(
    done=st.integers(0, 30),
    target=st.integers(1, 30),
    day=st.dates(date(2025, 12, 1), date(2027, 1, 31)),
)
def test_percent_and_behind_rules(done: int, target: int, day: date) -> None:
    assert 0 <= progress.percent(done, target) <= 100
    assert (progress.percent(done, target) == 100) == (done >= target)
    share = progress.elapsed_share(2026, day)
    assert 0 <= share <= 1
    if done >= target or day < date(2026, 1, 1):
        assert not progress.is_behind(done, target, 2026, day, 0.2)


def test_fulfilment_is_validated(database: Database, world: World) -> None:
    with pytest.raises(ValidationError) as caught, database.session() as s:
        commitments.record_fulfilment(
            s, world["agreement"], FulfilmentData(None, JointActivity.OTHER)
        )
    assert caught.value.field == "held_on"
    with pytest.raises(ValidationError) as caught, database.session() as s:
        commitments.record_fulfilment(
            s, world["agreement"], FulfilmentData(TODAY, JointActivity.OTHER, participants=-1)
        )
    assert caught.value.field == "participants"


def test_claiming_a_need_steps_through_with_dates(database: Database, world: World) -> None:
    with database.session() as s:
        need = claims.create_entry(
            s,
            ListEntryData(
                ListKind.NEED,
                "老旧小区加装电梯协调",
                "",
                "治理",
                raised_by_org_unit_id=world["community"],
                raised_on=date(2026, 5, 1),
            ),
        )

    def version() -> int:
        with database.reader() as s:
            return claims.live_entry(s, need).version

    with pytest.raises(ValidationError), database.session() as s:  # the same side cannot claim
        claims.claim(s, need, version(), TODAY, org_unit_id=world["far"])
    with pytest.raises(UserError), database.session() as s:  # not claimed yet
        claims.start(s, need, version(), TODAY)
    with pytest.raises(ValidationError), database.session() as s:  # before it was raised
        claims.claim(s, need, version(), date(2026, 4, 1), unit_id=world["unit"])
    with database.session() as s:
        claims.claim(s, need, version(), date(2026, 6, 1), unit_id=world["unit"])
    with pytest.raises(ValidationError), database.session() as s:
        claims.start(s, need, version(), date(2026, 5, 20))
    with database.session() as s:
        claims.start(s, need, version(), date(2026, 6, 5))
        claims.finish(s, need, claims.live_entry(s, need).version, date(2026, 6, 30))
    with database.reader() as s:
        entry = claims.live_entry(s, need)
        assert entry.status is ListEntryStatus.DONE and entry.claimed_by_unit_id == world["unit"]
        assert (entry.claimed_on, entry.started_on, entry.done_on) == (
            date(2026, 6, 1),
            date(2026, 6, 5),
            date(2026, 6, 30),
        )
    with pytest.raises(UserError), database.session() as s:
        claims.cancel(s, need, version(), "不再需要")


def test_a_community_claims_a_resource_and_can_release_it(database: Database, world: World) -> None:
    with database.session() as s:
        resource = claims.create_entry(
            s,
            ListEntryData(
                ListKind.RESOURCE,
                "开放职工食堂",
                "",
                "助餐",
                raised_by_unit_id=world["unit"],
                raised_on=date(2026, 5, 1),
            ),
        )
        claims.claim(
            s,
            resource,
            claims.live_entry(s, resource).version,
            TODAY,
            org_unit_id=world["community"],
        )
    with pytest.raises(ValidationError), database.session() as s:
        claims.release(s, resource, claims.live_entry(s, resource).version, " ")
    with database.session() as s:
        claims.release(s, resource, claims.live_entry(s, resource).version, "场地调整")
        entry = claims.live_entry(s, resource)
        assert entry.status is ListEntryStatus.OPEN and entry.claimed_by_org_unit_id is None
    with pytest.raises(ValidationError), database.session() as s:  # a need is a community's
        claims.create_entry(
            s, ListEntryData(ListKind.NEED, "x", raised_by_unit_id=world["unit"], raised_on=TODAY)
        )


def test_matches_pair_open_needs_and_resources_by_category_and_zone(
    database: Database, world: World
) -> None:
    def entry(kind: ListKind, title: str, category: str, **owner: str) -> str:
        with database.session() as s:
            return claims.create_entry(
                s,
                ListEntryData(kind, title, "", category, raised_on=date(2026, 5, 1), **owner),  # type: ignore[arg-type]
            )

    need = entry(ListKind.NEED, "老人助餐", "助餐", raised_by_org_unit_id=world["community"])
    entry(ListKind.NEED, "停车难", "停车", raised_by_org_unit_id=world["community"])
    near = entry(ListKind.RESOURCE, "职工食堂", "助餐", raised_by_unit_id=world["unit"])
    entry(ListKind.RESOURCE, "高校食堂", "助餐", raised_by_unit_id=world["far_unit"])  # other zone
    entry(ListKind.RESOURCE, "会议室", "场地", raised_by_unit_id=world["unit"])
    with database.reader() as s:
        matches = claims.suggest_matches(s)
    assert [(m.need_id, m.resource_id, m.zone_name) for m in matches] == [
        (need, near, "颐和路片区")
    ]


def test_members_register_once_and_are_counted(database: Database, world: World) -> None:
    with database.session() as s:
        people = [
            directory.people.create(s, PersonData(n, is_party_member=True)).id
            for n in ("王磊", "李静", "张伟")
        ]
        ids = [
            members.register_member(s, RegistrationData(p, c, world["unit"], date(2026, 3, 1)))
            for p, c in zip(
                people, (world["community"], world["community"], world["far"]), strict=True
            )
        ]
        members.add_service(s, ids[0], ServiceData(date(2026, 4, 1), "环境整治", Decimal(2)))
        members.add_service(s, ids[0], ServiceData(date(2026, 5, 1), "敬老助残", Decimal("1.5")))
    with pytest.raises(ValidationError), database.session() as s:
        members.register_member(s, RegistrationData(people[0], world["community"], None, TODAY))
    with pytest.raises(ValidationError), database.session() as s:
        members.add_service(s, ids[0], ServiceData(date(2026, 1, 1), "早于报到", Decimal(1)))
    with database.reader() as s:
        assert members.street_total(s, world["street"]) == 3
        assert members.street_total(s, world["zone"]) == 2
        by_community = members.counts_by_community(s)
        by_unit = members.counts_by_unit(s, world["street"])
    assert [(c.name, c.members, c.services, c.hours) for c in by_community] == [
        ("颐和路社区", 2, 2, Decimal("3.5")),
        ("山西路社区", 1, 0, Decimal(0)),
    ]
    assert [(c.name, c.members) for c in by_unit] == [("江苏省教育厅", 3)]


def test_reminders(database: Database, world: World) -> None:
    with database.session() as s:
        claims.create_entry(
            s,
            ListEntryData(
                ListKind.NEED,
                "旧需求",
                "",
                "治理",
                raised_by_org_unit_id=world["community"],
                raised_on=TODAY - timedelta(days=31),
            ),
        )
        claims.create_entry(
            s,
            ListEntryData(
                ListKind.NEED,
                "新需求",
                "",
                "治理",
                raised_by_org_unit_id=world["community"],
                raised_on=TODAY - timedelta(days=30),
            ),
        )
    with database.reader() as s:
        found = reminders.reminders(s, TODAY)
        assert [n.title for n in found.unclaimed] == ["旧需求"]
        assert found.expiring == []  # ends 2027-12-31
        assert {c.activity for c in found.behind} == {
            JointActivity.VOLUNTEER_SERVICE,
            JointActivity.PARTY_LESSON,
            JointActivity.GRID_DAY,
        }  # nothing done by July
        late = reminders.reminders(s, date(2027, 12, 10))
    assert [e.days_left for e in late.expiring] == [21]
