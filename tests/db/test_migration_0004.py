"""Migration 0004's data step: planned ends and reasons read back, duplicate reports set aside."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData, PersonData, ResidentUnitData
from app.secondments import logs, service
from app.secondments.records import PostingData, WorkLogData
from db.migrate import downgrade, upgrade
from db.models.directory import OrgLevel, UnitCategory
from db.models.secondments import LogKind, Posting, PostingKind, WorkLog
from db.models.security import AuditEntry

TODAY = date(2026, 11, 28)


def _postings(database: Database) -> dict[str, str]:
    """Three postings at head: extended then ended early, plain, and one to age by hand."""
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("建宁路街道", OrgLevel.STREET)).id
        organ = directory.resident_units.create(
            s, ResidentUnitData("某厅", UnitCategory.PROVINCIAL_ORGAN)
        ).id
        ids = {}
        for name in ("changed", "plain", "legacy"):
            person = directory.people.create(s, PersonData(name)).id
            ids[name] = service.create_posting(
                s,
                PostingData(
                    person_id=person,
                    kind=PostingKind.CROSS,
                    home_unit_id=organ,
                    host_org_unit_id=street,
                    host_post="副主任（挂职）",
                    starts_on=date(2026, 1, 1),
                    ends_on=date(2026, 12, 31),
                ),
                TODAY,
            )
        version = service.get_posting(s, ids["changed"]).version
        detail = service.extend(s, ids["changed"], version, date(2027, 6, 30), "项目收尾", TODAY)
        service.end_early(s, ids["changed"], detail.version, TODAY, "调任", TODAY)
        report = WorkLogData(LogKind.DUTY_REPORT, date(2026, 4, 2), "2026-03", "初稿")
        logs.add_log(s, ids["plain"], report)
    return ids


def test_upgrade_reads_back_planned_ends_and_sets_duplicate_reports_aside(
    tmp_path: Path,
) -> None:
    path = tmp_path / "older.db"
    database = Database(str(path))
    ids = _postings(database)
    downgrade(database.engine, "0003")
    database.engine.dispose()
    with sqlite3.connect(path) as connection:  # what 0003 held; a twin report made it in
        rows = connection.execute(
            "SELECT id, ends_on, end_reason FROM postings ORDER BY id"
        ).fetchall()
        assert (ids["changed"], str(TODAY), "调任") in rows
        connection.execute(
            "UPDATE postings SET status = 'extended', ends_on = '2027-03-31', end_reason = '老数据'"
            " WHERE id = ?",
            (ids["legacy"],),
        )
        connection.execute(
            "INSERT INTO work_logs (id, posting_id, kind, logged_on, period, content, hours,"
            " created_at, updated_at, version) SELECT 'twin', posting_id, kind, logged_on, period,"
            " '改稿', hours, created_at, '2099-01-01 00:00:00', 1 FROM work_logs"
        )
    connection.close()

    upgrade(database.engine)
    with database.reader() as s:
        changed, plain, legacy = (s.get(Posting, ids[name]) for name in ids)
        assert changed is not None and plain is not None and legacy is not None
        assert (changed.planned_ends_on, changed.ends_on) == (date(2026, 12, 31), TODAY)
        assert (changed.extension_reason, changed.early_end_reason) == ("项目收尾", "调任")
        assert (plain.planned_ends_on, plain.extension_reason) == (date(2026, 12, 31), "")
        # no audit entry to read back: the end as it stands, the reason to the status's step
        assert (legacy.planned_ends_on, legacy.extension_reason) == (date(2027, 3, 31), "老数据")
        reports = s.scalars(select(WorkLog).order_by(WorkLog.deleted_at)).all()
        assert [(r.content, r.deleted_at is None) for r in reports] == [
            ("改稿", True),  # the one saved last stays
            ("初稿", False),
        ]
        last = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity_id == reports[1].id)
            .order_by(AuditEntry.at.desc())
        ).first()
        assert last is not None and last.action == "delete" and "重复" in last.reason
    database.close()
