"""Directory use cases: validation at the field, optimistic locking, soft delete, audit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.access import Use
from app.database import Database
from app.directory import service
from app.directory.lists import PersonList, ResidentUnitList, org_tree, subtree_ids
from app.directory.records import OrgUnitData, PartyOrgData, PersonData, ResidentUnitData
from app.errors import ConflictError, UserError, ValidationError
from app.listing import ListQuery
from db.models.directory import Gender, OrgLevel, PartyOrgKind, UnitCategory
from db.models.security import AuditEntry

VALID_ID = "11010519491231002X"


@pytest.fixture
def street(database: Database) -> dict[str, str]:
    with database.session() as s:
        street = service.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET))
        zone = service.org_units.create(s, OrgUnitData("北片区", OrgLevel.ZONE, street.id))
        community = service.org_units.create(
            s, OrgUnitData("宁海路社区", OrgLevel.COMMUNITY, zone.id)
        )
        grid = service.org_units.create(s, OrgUnitData("第一网格", OrgLevel.GRID, community.id))
    return {"street": street.id, "zone": zone.id, "community": community.id, "grid": grid.id}


def test_create_read_update_with_audit(database: Database, street: dict[str, str]) -> None:
    data = ResidentUnitData("江苏省某某厅", UnitCategory.PROVINCIAL_ORGAN, street["community"])
    with database.session() as s:
        created = service.resident_units.create(s, data)
    with database.session() as s:
        loaded = service.resident_units.get(s, created.id)
        assert loaded.data.name == "江苏省某某厅" and loaded.version == 1
        updated = service.resident_units.update(
            s,
            created.id,
            loaded.version,
            ResidentUnitData("江苏省某某厅", data.category, address="北京西路1号"),
        )
        assert updated.version == 2
    with database.reader() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.entity_id == created.id)).all()
        assert [e.action for e in entries] == ["create", "update"]
        assert entries[1].before is not None and entries[1].before["address"] == ""
        assert entries[1].after is not None and entries[1].after["address"] == "北京西路1号"


def test_an_edit_against_an_old_version_is_refused(database: Database) -> None:
    with database.session() as s:
        unit = service.resident_units.create(s, ResidentUnitData("某高校", UnitCategory.UNIVERSITY))
    edited = ResidentUnitData("某高校", UnitCategory.UNIVERSITY, address="汉口路22号")
    with database.session() as s:
        assert service.resident_units.update(s, unit.id, 1, edited).version == 2
    with pytest.raises(ConflictError), database.session() as s:
        service.resident_units.update(s, unit.id, 1, unit.data)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (PersonData(name="  "), "name"),
        (PersonData(name="李堃", id_number="110105194912310021"), "id_number"),
        (PersonData(name="李堃", mobile="12345"), "mobile"),
        (PersonData(name="李堃", is_grid_worker=True), "org_unit_id"),
        (PersonData(name="李堃", party_org_id="x"), "is_party_member"),
    ],
)
def test_bad_input_names_its_field_and_writes_nothing(
    database: Database, data: PersonData, field: str
) -> None:
    with pytest.raises(ValidationError) as caught, database.session() as s:
        service.people.create(s, data)
    assert caught.value.field == field
    with database.reader() as s:
        assert PersonList().count(s, ListQuery()) == 0
        assert s.scalars(select(AuditEntry)).all() == []


def test_an_id_number_is_registered_once(database: Database) -> None:
    with database.session() as s:
        service.people.create(s, PersonData("王喆", Gender.MALE, id_number=VALID_ID))
    with pytest.raises(ValidationError, match="王喆") as caught, database.session() as s:
        service.people.create(s, PersonData("王玥", id_number=VALID_ID.lower()))
    assert caught.value.field == "id_number"


def test_a_grid_worker_belongs_to_a_grid(database: Database, street: dict[str, str]) -> None:
    with pytest.raises(ValidationError), database.session() as s:
        service.people.create(
            s, PersonData("张赟", is_grid_worker=True, org_unit_id=street["community"])
        )
    with database.session() as s:
        service.people.create(
            s, PersonData("张赟", is_grid_worker=True, org_unit_id=street["grid"])
        )


def test_a_party_org_belongs_to_exactly_one_owner(
    database: Database, street: dict[str, str]
) -> None:
    with pytest.raises(ValidationError) as caught, database.session() as s:
        service.party_orgs.create(s, PartyOrgData("某党支部", PartyOrgKind.BRANCH))
    assert caught.value.field == "resident_unit_id"
    with database.session() as s:
        service.party_orgs.create(
            s,
            PartyOrgData("宁海路社区党委", PartyOrgKind.COMMITTEE, org_unit_id=street["community"]),
        )


def test_delete_hides_and_restore_brings_back(database: Database) -> None:
    with database.session() as s:
        unit = service.resident_units.create(
            s, ResidentUnitData("某国企", UnitCategory.STATE_ENTERPRISE)
        )
    with database.session() as s:
        service.resident_units.delete(s, unit.id)
    with database.reader() as s:
        assert ResidentUnitList().count(s, ListQuery()) == 0
    with database.session() as s:
        service.resident_units.restore(s, unit.id)
    with database.reader() as s:
        assert ResidentUnitList().count(s, ListQuery()) == 1


def test_an_org_unit_with_children_cannot_be_deleted(
    database: Database, street: dict[str, str]
) -> None:
    with pytest.raises(UserError, match="下级"), database.session() as s:
        service.org_units.delete(s, street["zone"])


def test_an_org_unit_cannot_move_under_itself(database: Database, street: dict[str, str]) -> None:
    with pytest.raises(ValidationError) as caught, database.session() as s:
        loaded = service.org_units.get(s, street["zone"])
        service.org_units.update(
            s, street["zone"], loaded.version, OrgUnitData("北片区", OrgLevel.ZONE, street["grid"])
        )
    assert caught.value.field == "parent_id"


def test_tree_order_and_subtree(database: Database, street: dict[str, str]) -> None:
    with database.reader() as s:
        nodes = org_tree(s)
    assert [n.name for n in nodes] == ["宁海路街道", "北片区", "宁海路社区", "第一网格"]
    assert subtree_ids(nodes, street["zone"]) == {
        street["zone"],
        street["community"],
        street["grid"],
    }


def test_people_list_masks_unless_revealed_and_finds_chinese(database: Database) -> None:
    with database.session() as s:
        service.people.create(s, PersonData("欧阳玥", mobile="13912345678", id_number=VALID_ID))
        service.people.create(s, PersonData("王芳"))
    with database.reader() as s:
        source = PersonList()
        [row] = source.fetch(s, ListQuery(search="玥"), 0, 10)
        assert row.values[2] == "139****5678" and row.values[3] == "1101**********002X"
        [row] = source.fetch(s, ListQuery(search="玥", use=Use.DOCUMENT), 0, 10)
        assert row.values[3] == VALID_ID
        names = [
            r.values[0] for r in source.fetch(s, ListQuery(sort="name", descending=True), 0, 10)
        ]
        assert names == sorted(names, reverse=True)
        assert source.fetch(s, ListQuery(search="%"), 0, 10) == []  # wildcards are literal


def test_numbers_typed_in_full_width_digits_are_the_same_numbers(database: Database) -> None:
    """Before, ``１１０１…`` passed the check as digits and the same person was saved twice."""
    wide = VALID_ID.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    with database.session() as s:
        created = service.people.create(
            s, PersonData("王喆", mobile="１３９１２３４５６７８", id_number=wide)
        )
    assert (created.data.id_number, created.data.mobile) == (VALID_ID, "13912345678")
    with pytest.raises(ValidationError) as caught, database.session() as s:
        service.people.create(s, PersonData("王喆", id_number=VALID_ID))
    assert caught.value.field == "id_number"
    with database.reader() as s:
        found = PersonList().fetch(s, ListQuery(search="１３９１２３４５６７８"), 0, 10)
        assert [row.values[0] for row in found] == ["王喆"]
    with pytest.raises(ValidationError) as caught, database.session() as s:
        service.people.create(s, PersonData("李四", id_number="11010519491231002" + "²"))
    assert caught.value.field == "id_number"  # a superscript digit: judged, never a crash
