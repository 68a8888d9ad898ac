"""Agreements: validation, numbers, save with versions and audit, the states that follow the
dates (hypothesis), activation, termination with a reason, renewal, list filters."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import insert, select, text

from app.agreements import attachments as agreement_attachments
from app.agreements import commitments, lifecycle, service, store
from app.agreements.lifecycle import status_for
from app.agreements.lists import AgreementList
from app.agreements.records import (
    AgreementData,
    AgreementSettings,
    CommitmentData,
    FulfilmentData,
    PartyRef,
    agreement_settings,
)
from app.attachments import attachments_of
from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData, PartyOrgData, ResidentUnitData
from app.errors import ConflictError, UserError, ValidationError
from app.listing import ListQuery
from db.base import utcnow
from db.models.agreements import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    JointActivity,
    PartySide,
)
from db.models.directory import OrgLevel, PartyOrgKind, UnitCategory
from db.models.security import AuditEntry, Setting

TODAY = date(2026, 11, 28)
World = dict[str, str]


@pytest.fixture
def world(database: Database) -> World:
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET)).id
        zone = directory.org_units.create(s, OrgUnitData("颐和路片区", OrgLevel.ZONE, street)).id
        community = directory.org_units.create(
            s, OrgUnitData("颐和路社区", OrgLevel.COMMUNITY, zone)
        ).id
        other = directory.org_units.create(
            s, OrgUnitData("宁海路社区", OrgLevel.COMMUNITY, zone)
        ).id
        unit = directory.resident_units.create(
            s, ResidentUnitData("江苏省教育厅", UnitCategory.PROVINCIAL_ORGAN, community)
        ).id
        branch = directory.party_orgs.create(
            s, PartyOrgData("省教育厅办公室党支部", PartyOrgKind.BRANCH, resident_unit_id=unit)
        ).id
    return {
        "street": street,
        "zone": zone,
        "community": community,
        "other": other,
        "unit": unit,
        "branch": branch,
    }


def data(w: World, **changes: object) -> AgreementData:
    base = AgreementData(
        kind=AgreementKind.CO_BUILDING,
        number="GJ2026-NHL-001",
        title="颐和路社区与江苏省教育厅共建协议",
        parties=(
            PartyRef(PartySide.STREET_SIDE, org_unit_id=w["community"]),
            PartyRef(PartySide.PARTNER_SIDE, resident_unit_id=w["unit"]),
        ),
        signed_on=date(2026, 1, 5),
        valid_from=date(2026, 1, 1),
        valid_to=date(2027, 12, 31),
        summary="资源共享、服务共办",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_create_get_save_with_version_and_audit(database: Database, world: World) -> None:
    with database.session() as s:
        created = service.create_agreement(s, data(world))
    assert created.status is AgreementStatus.DRAFT
    assert [p.name for p in created.parties] == ["颐和路社区", "江苏省教育厅"]
    with database.session() as s:
        saved = service.save_agreement(
            s, created.id, created.version, data(world, title="新名称"), TODAY
        )
    assert saved.data.title == "新名称" and saved.version == created.version + 1
    with pytest.raises(ConflictError), database.session() as s:
        service.save_agreement(s, created.id, created.version, data(world), TODAY)
    with database.reader() as s:
        actions = s.scalars(
            select(AuditEntry.action).where(AuditEntry.entity_id == created.id)
        ).all()
    assert list(actions) == ["create", "update"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": None}, "kind"),
        ({"number": "  "}, "number"),
        ({"title": ""}, "title"),
        ({"valid_from": date(2027, 1, 1), "valid_to": date(2026, 1, 1)}, "valid_to"),
        ({"parties": ()}, "parties"),
    ],
)
def test_validation_names_the_field(
    database: Database, world: World, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as caught, database.session() as s:
        service.create_agreement(s, data(world, **changes))
    assert caught.value.field == field


def test_each_side_needs_a_party_and_more_are_allowed(database: Database, world: World) -> None:
    only_street = (PartyRef(PartySide.STREET_SIDE, org_unit_id=world["community"]),)
    with pytest.raises(ValidationError), database.session() as s:
        service.create_agreement(s, data(world, parties=only_street))
    wrong_side = (
        PartyRef(PartySide.STREET_SIDE, resident_unit_id=world["unit"]),
        PartyRef(PartySide.PARTNER_SIDE, party_org_id=world["branch"]),
    )
    with pytest.raises(ValidationError), database.session() as s:
        service.create_agreement(s, data(world, parties=wrong_side))
    many = (
        PartyRef(PartySide.STREET_SIDE, org_unit_id=world["street"]),
        PartyRef(PartySide.STREET_SIDE, org_unit_id=world["community"]),
        PartyRef(PartySide.PARTNER_SIDE, resident_unit_id=world["unit"]),
        PartyRef(PartySide.PARTNER_SIDE, party_org_id=world["branch"]),
    )
    with database.session() as s:
        assert len(service.create_agreement(s, data(world, parties=many)).parties) == 4


def test_numbers_are_unique_and_proposed(database: Database, world: World) -> None:
    with database.session() as s:
        service.create_agreement(s, data(world))
        assert store.propose_number(s, AgreementKind.CO_BUILDING, 2026, "NHL") == "GJ2026-NHL-002"
        assert store.propose_number(s, AgreementKind.BRANCH_PAIRING, 2027) == "ZB2027-001"
    with pytest.raises(ValidationError) as caught, database.session() as s:
        service.create_agreement(s, data(world))
    assert caught.value.field == "number"


dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))


@given(
    a=dates,
    b=dates,
    today=dates,
    days=st.integers(0, 365),
    current=st.sampled_from(AgreementStatus),
)
def test_status_follows_the_dates(
    a: date, b: date, today: date, days: int, current: AgreementStatus
) -> None:
    start, end = min(a, b), max(a, b)
    status = status_for(start, end, today, days, current)
    if current in (AgreementStatus.DRAFT, AgreementStatus.TERMINATED, AgreementStatus.RENEWED):
        assert status is current
    elif today > end:
        assert status is AgreementStatus.EXPIRED
    elif (end - today).days <= days:
        assert status is AgreementStatus.EXPIRING
    else:
        assert status is AgreementStatus.ACTIVE
    # applying the rule again changes nothing, and a later day never goes back
    assert status_for(start, end, today, days, status) is status
    later = status_for(start, end, today + timedelta(days=1), days, status)
    order = [AgreementStatus.ACTIVE, AgreementStatus.EXPIRING, AgreementStatus.EXPIRED]
    if status in order:
        assert order.index(later) >= order.index(status)


@given(today=dates, current=st.sampled_from(AgreementStatus))
def test_status_without_dates_stays(today: date, current: AgreementStatus) -> None:
    assert status_for(None, None, today, 30, current) is current


def test_activate_needs_dates_and_follows_them(database: Database, world: World) -> None:
    with database.session() as s:
        no_dates = service.create_agreement(
            s, data(world, number="A-1", valid_from=None, valid_to=None)
        )
        near_end = service.create_agreement(
            s, data(world, number="A-2", valid_to=TODAY + timedelta(days=10))
        )
        past = service.create_agreement(s, data(world, number="A-3", valid_to=date(2026, 6, 1)))
    with pytest.raises(ValidationError), database.session() as s:
        lifecycle.activate(s, no_dates.id, no_dates.version, today=TODAY)
    with pytest.raises(ValidationError), database.session() as s:
        lifecycle.activate(s, past.id, past.version, today=TODAY)
    with database.session() as s:
        status = lifecycle.activate(s, near_end.id, near_end.version, today=TODAY)
    assert status is AgreementStatus.EXPIRING
    with database.session() as s:  # a setting makes "expiring" a shorter window
        s.add(Setting(key="agreement_expiring_days", value=5))
        agreement = s.get(Agreement, near_end.id)
        assert agreement is not None
        agreement.status = AgreementStatus.ACTIVE
    with database.session() as s:
        assert lifecycle.refresh_statuses(s, TODAY) == 0
        assert lifecycle.refresh_statuses(s, TODAY + timedelta(days=6)) == 1
        assert lifecycle.refresh_statuses(s, TODAY + timedelta(days=11)) == 1
    with database.reader() as s:
        agreement = s.get(Agreement, near_end.id)
        assert agreement is not None and agreement.status is AgreementStatus.EXPIRED
        statuses = s.scalars(
            select(AuditEntry.action).where(AuditEntry.entity_id == near_end.id)
        ).all()
    assert list(statuses) == ["create", "activate", "status", "status"]


def test_termination_needs_a_reason_and_a_running_agreement(
    database: Database, world: World
) -> None:
    with database.session() as s:
        created = service.create_agreement(s, data(world))
        lifecycle.activate(s, created.id, created.version + 0, today=TODAY)
        version = service.get_agreement(s, created.id).version
    with pytest.raises(ValidationError) as caught, database.session() as s:
        lifecycle.terminate(s, created.id, version, "  ")
    assert caught.value.field == "reason"
    with database.session() as s:
        lifecycle.terminate(s, created.id, version, "单位搬迁出辖区")
    with database.reader() as s:
        detail = service.get_agreement(s, created.id)
        entry = s.scalars(
            select(AuditEntry).where(
                AuditEntry.entity_id == created.id, AuditEntry.action == "terminate"
            )
        ).one()
    assert detail.status is AgreementStatus.TERMINATED and detail.end_reason == "单位搬迁出辖区"
    assert entry.reason == "单位搬迁出辖区"
    with pytest.raises(UserError), database.session() as s:
        lifecycle.terminate(s, created.id, detail.version, "再次终止")


def test_an_expired_agreement_cannot_be_terminated(database: Database, world: World) -> None:
    with database.session() as s:
        created = service.create_agreement(s, data(world, valid_to=date(2026, 12, 31)))
        lifecycle.activate(s, created.id, created.version, today=TODAY)
        lifecycle.refresh_statuses(s, date(2027, 1, 1))
        version = service.get_agreement(s, created.id).version
    with pytest.raises(UserError), database.session() as s:
        lifecycle.terminate(s, created.id, version, "协商一致")


def test_renewal_copies_parties_and_commitments(database: Database, world: World) -> None:
    with database.session() as s:
        created = service.create_agreement(s, data(world, valid_to=date(2026, 12, 31)))
        partner = created.parties[1].id
        commitments.add_commitment(
            s,
            created.id,
            CommitmentData(
                JointActivity.VOLUNTEER_SERVICE,
                "每季度联合志愿服务",
                partner,
                4,
                date(2026, 12, 31),
            ),
        )
        commitments.add_commitment(
            s, created.id, CommitmentData(JointActivity.OTHER, "开放停车场", None, 1)
        )
        lifecycle.activate(s, created.id, created.version, today=TODAY)
        version = service.get_agreement(s, created.id).version
    with database.session() as s:
        successor_id = lifecycle.renew(
            s, created.id, version, date(2028, 12, 31), reason="到期续签", today=TODAY
        )
        successor = service.get_agreement(s, successor_id)
    with database.reader() as s:
        old = service.get_agreement(s, created.id)
    assert old.status is AgreementStatus.RENEWED and old.successor_id == successor.id
    assert successor.predecessor_id == created.id
    assert successor.status is AgreementStatus.ACTIVE
    assert successor.data.valid_from == date(2027, 1, 1)
    assert successor.data.number == "GJ2027-NHL-001"
    assert [p.ref for p in successor.parties] == [p.ref for p in old.parties]
    copied = [(c.data.activity, c.data.text, c.data.yearly_target) for c in successor.commitments]
    assert copied == [(c.data.activity, c.data.text, c.data.yearly_target) for c in old.commitments]
    responsible = successor.commitments[0].data.responsible_party_id
    assert responsible == successor.parties[1].id  # the successor's own party row
    assert successor.commitments[0].data.due_on == date(2028, 12, 31)
    with pytest.raises(UserError), database.session() as s:
        lifecycle.renew(s, created.id, old.version, date(2030, 1, 1), today=TODAY)


@pytest.mark.parametrize("end", ["terminate", "renew"])
def test_an_ended_agreement_refuses_edits_and_says_why(
    database: Database, world: World, end: str, tmp_path: Path
) -> None:
    """Every change is refused: the agreement, its commitments, fulfilment and attachments."""
    scan = tmp_path / "协议扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 signed")
    lesson = FulfilmentData(date(2026, 3, 1), JointActivity.PARTY_LESSON)
    with database.session() as s:
        created = service.create_agreement(s, data(world))
        commitment = commitments.add_commitment(
            s, created.id, CommitmentData(JointActivity.PARTY_LESSON, "", None, 2)
        )
        lifecycle.activate(s, created.id, created.version, today=TODAY)
        kept = commitments.record_fulfilment(s, created.id, lesson)
        removed = commitments.record_fulfilment(s, created.id, lesson)
        commitments.delete_fulfilment(s, removed, 1)
        scanned = agreement_attachments.add_attachment(s, agreement_id=created.id, source=scan)
        version = service.get_agreement(s, created.id).version
        if end == "terminate":
            lifecycle.terminate(s, created.id, version, "单位搬迁出辖区")
        else:
            lifecycle.renew(s, created.id, version, date(2029, 12, 31), today=TODAY)
        ended = service.get_agreement(s, created.id)
    steps = [
        lambda s: service.save_agreement(s, created.id, ended.version, data(world), TODAY),
        lambda s: commitments.add_commitment(
            s, created.id, CommitmentData(JointActivity.GRID_DAY, "", None, 1)
        ),
        lambda s: commitments.save_commitment(
            s, commitment, 1, CommitmentData(JointActivity.GRID_DAY, "", None, 1)
        ),
        lambda s: commitments.delete_commitment(s, commitment, 1),
        lambda s: commitments.record_fulfilment(s, created.id, lesson),
        lambda s: commitments.delete_fulfilment(s, kept, 1),
        lambda s: commitments.restore_fulfilment(s, removed),
        lambda s: agreement_attachments.add_attachment(s, agreement_id=created.id, source=scan),
        lambda s: agreement_attachments.add_attachment(s, fulfilment_id=kept, source=scan),
        lambda s: agreement_attachments.remove_attachment(s, scanned.id),
    ]
    for step in steps:
        with pytest.raises(ValidationError) as caught, database.session() as s:
            step(s)
        assert caught.value.field == "status"
        assert ("终止" if end == "terminate" else "续签") in caught.value.message.template
    with database.reader() as s:
        assert service.get_agreement(s, created.id).version == ended.version
        assert [f.id for f in commitments.fulfilments_of(s, created.id)] == [kept]
        assert attachments_of(s, agreement_id=created.id) == [scanned]


def test_delete_and_restore_are_audited(database: Database, world: World) -> None:
    with database.session() as s:
        created = service.create_agreement(s, data(world))
        service.delete_agreement(s, created.id, created.version)
    with database.reader() as s:
        assert service.count_agreements(s) == 0
    with database.session() as s:
        service.restore_agreement(s, created.id)
    with database.reader() as s:
        assert service.get_agreement(s, created.id).data.title == created.data.title
        actions = s.scalars(
            select(AuditEntry.action).where(AuditEntry.entity_id == created.id)
        ).all()
    assert list(actions) == ["create", "delete", "restore"]


def test_settings_are_validated_audited_and_move_the_states(
    database: Database, world: World
) -> None:
    with database.session() as s:
        created = service.create_agreement(s, data(world, valid_to=TODAY + timedelta(days=50)))
        lifecycle.activate(s, created.id, created.version, today=TODAY)
    with pytest.raises(ValidationError) as caught, database.session() as s:
        lifecycle.save_settings(s, AgreementSettings(expiring_days=0), TODAY)
    assert caught.value.field == "expiring_days"
    with pytest.raises(ValidationError) as caught, database.session() as s:
        lifecycle.save_settings(s, AgreementSettings(behind_percent=101), TODAY)
    assert caught.value.field == "behind_percent"
    with database.session() as s:
        assert lifecycle.save_settings(s, AgreementSettings(60, 10), TODAY) == 1
    with database.reader() as s:
        assert agreement_settings(s) == AgreementSettings(60, 10)
        assert service.get_agreement(s, created.id).status is AgreementStatus.EXPIRING
        audited = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "settings")).all()
    assert len(audited) == 2


def test_commitment_validation(database: Database, world: World) -> None:
    with database.session() as s:
        created = service.create_agreement(s, data(world))
    for bad, field in (
        (CommitmentData(None), "activity"),
        (CommitmentData(JointActivity.OTHER, " "), "text"),
        (CommitmentData(JointActivity.GRID_DAY, yearly_target=0), "yearly_target"),
        (
            CommitmentData(JointActivity.GRID_DAY, responsible_party_id="nope"),
            "responsible_party_id",
        ),
    ):
        with pytest.raises(ValidationError) as caught, database.session() as s:
            commitments.add_commitment(s, created.id, bad)
        assert caught.value.field == field


def _ids(database: Database, query: ListQuery) -> list[str]:
    source = AgreementList()
    with database.reader() as s:
        return [r.values[0] for r in source.fetch(s, query, 0, 100)]


def test_list_filters_and_search(database: Database, world: World) -> None:
    with database.session() as s:
        a = service.create_agreement(s, data(world, number="GJ-1"))
        lifecycle.activate(s, a.id, a.version, today=TODAY)
        b = service.create_agreement(
            s,
            data(
                world,
                number="ZB-1",
                kind=AgreementKind.BRANCH_PAIRING,
                title="结对共建",
                parties=(
                    PartyRef(PartySide.STREET_SIDE, org_unit_id=world["other"]),
                    PartyRef(PartySide.PARTNER_SIDE, party_org_id=world["branch"]),
                ),
                valid_to=TODAY + timedelta(days=20),
            ),
        )
        lifecycle.activate(s, b.id, b.version, today=TODAY)
    q = ListQuery
    assert _ids(database, q(filters={"kind": "branch_pairing"})) == ["ZB-1"]
    assert _ids(database, q(filters={"status": "expiring"})) == ["ZB-1"]
    assert _ids(database, q(filters={"party": world["unit"]})) == ["GJ-1"]
    assert _ids(database, q(filters={"party": world["branch"]})) == ["ZB-1"]
    assert _ids(database, q(filters={"community": world["community"]})) == ["GJ-1"]
    assert _ids(database, q(filters={"community": world["zone"]})) == ["GJ-1", "ZB-1"]
    assert _ids(database, q(filters={"expiring_within": 30, "today": TODAY})) == ["ZB-1"]
    assert _ids(database, q(filters={"expiring_within": 5, "today": TODAY})) == []
    assert _ids(database, q(search="办公室党支部")) == ["ZB-1"]  # a party's name
    assert _ids(database, q(search="教育厅")) == ["GJ-1", "ZB-1"]
    assert _ids(database, q(search="GJ-1")) == ["GJ-1"]


def test_list_shows_the_progress_of_running_agreements_behind_in_red(
    database: Database, world: World
) -> None:
    with database.session() as s:
        running = service.create_agreement(s, data(world, number="GJ-1"))
        commitment = commitments.add_commitment(
            s, running.id, CommitmentData(JointActivity.GRID_DAY, "", None, 4)
        )
        lifecycle.activate(s, running.id, running.version, today=TODAY)
        service.create_agreement(s, data(world, number="GJ-2"))  # a draft: no progress
        commitments.record_fulfilment(
            s,
            running.id,
            FulfilmentData(date(TODAY.year, 3, 1), JointActivity.GRID_DAY, commitment),
        )
    source = AgreementList()
    progress = source.column_index("progress")

    def page(today: date) -> list[tuple[str, str]]:
        query = ListQuery(filters={"today": today})
        with database.reader() as s:
            return [(r.values[progress], r.style) for r in source.fetch(s, query, 0, 10)]

    assert page(TODAY) == [("25%", "red"), ("", "")]  # November, a quarter done
    assert page(date(TODAY.year, 3, 20)) == [("25%", ""), ("", "")]  # in March, on time


def test_ten_thousand_agreements_page_through_an_index(database: Database) -> None:
    now = utcnow()
    rows = [
        {
            "id": f"id-{i:05d}",
            "kind": "co_building",
            "number": f"GJ2026-X-{i:05d}",
            "title": f"共建协议{i}",
            "status": "active",
            "summary": "",
            "end_reason": "",
            "created_at": now,
            "updated_at": now,
        }
        for i in range(10_000)
    ]
    source = AgreementList()
    query = ListQuery()
    with database.session() as s:
        s.execute(insert(Agreement.__table__), rows)
    with database.reader() as s:
        assert source.count(s, query) == 10_000
        page = source.fetch(s, query, 5_000, 50)
        assert page[0].values[0] == "GJ2026-X-05000" and len(page) == 50
        stmt = source.select_rows().order_by(Agreement.number, Agreement.id).limit(50)
        compiled = stmt.compile(s.get_bind(), compile_kwargs={"literal_binds": True})
        plan = " ".join(str(r[-1]) for r in s.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
    assert "USING INDEX" in plan and "TEMP B-TREE" not in plan.replace(
        "USE TEMP B-TREE FOR RIGHT PART OF ORDER BY", ""
    ), plan
