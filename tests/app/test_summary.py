"""The counts: one SQL text, read through SQLAlchemy or straight from the file."""

from __future__ import annotations

import sqlite3
from dataclasses import fields
from pathlib import Path

import pytest

from app import summary
from app.database import Database
from app.directory import service
from app.directory.records import OrgUnitData, ResidentUnitData
from app.issues.workflow import OPEN_STATUSES
from app.summary import Counts, DirectoryCounts, counts, directory_counts, quick_counts
from db.models.agreements import AgreementStatus
from db.models.directory import OrgLevel, UnitCategory
from db.models.secondments import PostingStatus


def test_spelt_out_codes_match_the_models() -> None:
    assert summary.OPEN_ISSUE_STATES == OPEN_STATUSES  # the home tab's tile before and after
    assert set(summary.ACTIVE_AGREEMENT_STATES) == {
        AgreementStatus.ACTIVE,
        AgreementStatus.EXPIRING,
    }
    assert set(summary.ACTIVE_POSTING_STATES) == {PostingStatus.ACTIVE, PostingStatus.EXTENDED}
    assert list(summary._COLUMNS) == [f.name for f in fields(Counts)]
    assert summary.DIRECTORY == tuple(f.name for f in fields(DirectoryCounts))


def test_quick_and_normal_counts_agree_and_skip_deleted(database: Database) -> None:
    with database.session() as s:
        street = service.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET))
        kept = service.resident_units.create(
            s, ResidentUnitData("某高校", UnitCategory.UNIVERSITY, street.id)
        )
        gone = service.resident_units.create(
            s, ResidentUnitData("某国企", UnitCategory.STATE_ENTERPRISE)
        )
        service.resident_units.delete(s, gone.id)
    with database.reader() as s:
        normal = counts(s)
    assert (normal.org_units, normal.resident_units) == (1, 1) and kept.id
    assert quick_counts(database.target) == normal
    with database.reader() as s:
        assert directory_counts(s) == DirectoryCounts(1, 1, 0)


@pytest.mark.parametrize(
    "target", ["postgresql://server/db", "/no/such/file.db", r"\\server\share\g.db"]
)
def test_quick_counts_leave_other_targets_to_the_normal_way(target: str) -> None:
    assert quick_counts(target) is None


def test_quick_counts_leave_other_schema_revisions_to_the_normal_way(database: Database) -> None:
    path = Path(database.target)
    database.close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    assert quick_counts(str(path)) is None


def test_quick_counts_on_a_damaged_file_is_none(tmp_path: Path) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(b"garbage" * 200)
    assert quick_counts(str(path)) is None
