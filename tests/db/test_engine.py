"""SQLite connections: pragmas on every connection, unsafe locations refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.engine import make_engine
from db.errors import DatabaseError
from db.migrate import open_database
from db.models.directory import OrgLevel, OrgUnit, Person, ResidentUnit, UnitCategory
from db.paths import is_network_path


def test_every_connection_gets_the_safety_pragmas(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "p.db"))
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    engine.dispose()


@pytest.mark.parametrize("path", [r"\\server\share\gongjian.db", "//server/share/gongjian.db"])
def test_a_network_share_is_refused_with_the_postgresql_hint(path: str) -> None:
    assert is_network_path(Path(path))
    with pytest.raises(DatabaseError, match="PostgreSQL"):
        make_engine(path)


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="文件夹不存在"):
        make_engine(str(tmp_path / "no" / "such" / "x.db"))


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    engine = open_database(str(tmp_path / "fk.db"))
    with Session(engine) as session:
        session.add(Person(name="王喆", employer_unit_id="no-such-unit"))
        with pytest.raises(IntegrityError):
            session.commit()
    engine.dispose()


def test_a_concurrent_edit_raises_instead_of_overwriting(tmp_path: Path) -> None:
    engine = open_database(str(tmp_path / "v.db"))
    with Session(engine) as session:
        street = OrgUnit(name="宁海路街道", level=OrgLevel.STREET)
        unit = ResidentUnit(name="某省级机关", category=UnitCategory.PROVINCIAL_ORGAN)
        session.add_all([street, unit])
        session.commit()
        unit_id = unit.id
    with Session(engine, expire_on_commit=False) as first, Session(engine) as second:
        mine = first.get(ResidentUnit, unit_id)
        first.commit()  # read, then shown in an editor: its read transaction is over
        theirs = second.get(ResidentUnit, unit_id)
        assert mine is not None and theirs is not None
        theirs.address = "北京西路1号"
        second.commit()
        mine.address = "北京西路2号"
        with pytest.raises(StaleDataError):
            first.commit()
    with Session(engine) as session:
        saved = session.get(ResidentUnit, unit_id)
        assert saved is not None and saved.address == "北京西路1号" and saved.version == 2
    engine.dispose()


def test_timestamps_are_utc_aware(tmp_path: Path) -> None:
    engine = open_database(str(tmp_path / "t.db"))
    with Session(engine) as session:
        session.add(OrgUnit(name="宁海路街道", level=OrgLevel.STREET))
        session.commit()
    with Session(engine) as session:
        unit = session.query(OrgUnit).one()
        assert unit.created_at.utcoffset() is not None
        assert unit.created_at.utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    engine.dispose()


def test_a_server_url_without_its_driver_says_what_to_install() -> None:
    with pytest.raises(DatabaseError, match=r"gongjian\[postgres\]"):
        make_engine("postgresql+nosuchdriver://user@server/gongjian")
