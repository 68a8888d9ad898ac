"""Migration 0008: every named row of an older file gets its pinyin sort key."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import select

from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData, PartyOrgData, PersonData, ResidentUnitData
from db.migrate import downgrade, upgrade
from db.models.directory import (
    OrgLevel,
    OrgUnit,
    PartyOrg,
    PartyOrgKind,
    Person,
    ResidentUnit,
    UnitCategory,
)


def test_upgrade_computes_the_keys_of_existing_names(tmp_path: Path) -> None:
    path = tmp_path / "older.db"
    database = Database(str(path))
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET)).id
        unit = directory.resident_units.create(
            s, ResidentUnitData("中国银行南京分行", UnitCategory.STATE_ENTERPRISE, street)
        ).id
        directory.party_orgs.create(s, PartyOrgData("银行党支部", PartyOrgKind.BRANCH, unit))
        directory.people.create(s, PersonData("曾晓明"))
    downgrade(database.engine, "0004")
    database.engine.dispose()
    with sqlite3.connect(path) as connection:  # a name typed while 0004 was current
        connection.execute("UPDATE people SET name = '单雄信'")
        assert "name_key" not in {row[1] for row in connection.execute("PRAGMA table_info(people)")}
    connection.close()

    upgrade(database.engine)
    with database.reader() as s:
        assert s.scalars(select(OrgUnit.name_key)).all() == ["ning2hai3lu4jie1dao4"]
        assert s.scalars(select(ResidentUnit.name_key)).all() == [
            "zhong1guo2yin2hang2nan2jing1fen1hang2"  # 行 in 银行 reads háng
        ]
        assert s.scalars(select(PartyOrg.name_key)).all() == ["yin2hang2dang3zhi1bu4"]
        assert s.scalars(select(Person.name_key)).all() == ["shan4xiong2xin4"]  # a surname
    database.close()
