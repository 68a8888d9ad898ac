"""Names sort in pinyin order in the directory's lists, the pickers and the org tree; the key
follows a rename, reads surnames as surnames and numbers as numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.database import Database
from app.directory import service
from app.directory.choices import person_choices
from app.directory.lists import PersonList, ResidentUnitList, org_tree
from app.directory.records import OrgUnitData, PersonData, ResidentUnitData
from app.listing import ListQuery
from db.models.directory import OrgLevel, UnitCategory
from db.sort_key import sort_key

PEOPLE = ["张伟", "安娜", "王喆", "曾明", "李堃", "单田芳", "Alice"]
IN_PINYIN_ORDER = ["Alice", "安娜", "李堃", "单田芳", "王喆", "曾明", "张伟"]


def _names(database: Database, source: object, query: ListQuery) -> list[str]:
    with database.reader() as s:
        rows = source.fetch(s, query, 0, 100)  # type: ignore[attr-defined]
    return [row.values[0] for row in rows]


def test_people_sort_by_pinyin_with_surnames_read_as_surnames(database: Database) -> None:
    with database.session() as s:
        ids = {name: service.people.create(s, PersonData(name)).id for name in PEOPLE}
    assert _names(database, PersonList(), ListQuery(sort="name")) == IN_PINYIN_ORDER
    descending = ListQuery(sort="name", descending=True)
    assert _names(database, PersonList(), descending) == IN_PINYIN_ORDER[::-1]
    with database.reader() as s:
        assert [c.label for c in person_choices(s, "")] == IN_PINYIN_ORDER

    with database.session() as s:  # a rename moves the person
        loaded = service.people.get(s, ids["张伟"])
        service.people.update(s, ids["张伟"], loaded.version, PersonData("艾伟"))
    first = _names(database, PersonList(), ListQuery(sort="name"))[:3]
    assert first == ["艾伟", "Alice", "安娜"]  # ai4, alice, an1


def test_units_sort_numbers_as_numbers_and_the_tree_by_pinyin(database: Database) -> None:
    with database.session() as s:
        street = service.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET)).id
        for name in ("颐和路社区", "北京西路社区", "江苏路社区"):
            service.org_units.create(s, OrgUnitData(name, OrgLevel.COMMUNITY, street))
        for name in ("10号楼物业", "9号楼物业", "东南大学", "河海大学"):
            service.resident_units.create(
                s, ResidentUnitData(name, UnitCategory.PRIVATE_ENTERPRISE, street)
            )
        tree = org_tree(s)
    assert [n.name for n in tree] == ["宁海路街道", "北京西路社区", "江苏路社区", "颐和路社区"]
    assert _names(database, ResidentUnitList(), ListQuery(sort="name")) == [
        "9号楼物业", "10号楼物业", "东南大学", "河海大学",
    ]  # fmt: skip


@given(st.text(min_size=1, max_size=30))
def test_every_key_is_plain_ascii_and_bounded(name: str) -> None:
    key = sort_key(name, person=True)
    assert key == sort_key(name, person=True) and len(key) <= 300
    assert key == "" or (key.isascii() and key.isalnum() and key == key.lower())


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("曾国藩", "zeng1guo2fan1"),
        ("中国银行", "zhong1guo2yin2hang2"),
        ("9号楼", "00000009hao4lou2"),
        ("Café 3A座（南）", "cafe00000003azuo4nan2"),
        ("第十二网格", "di400000012wang3ge2"),  # counted: 第二 before 第十
        ("二十三号楼", "00000023hao4lou2"),
        ("统一战线", "tong3yi1zhan4xian4"),  # a 一 that counts nothing
    ],
)
def test_keys(name: str, key: str) -> None:
    assert sort_key(name, person=name == "曾国藩") == key
