"""The shared office server: the migrations, the demo street, every list with its search and
filters, the dashboard and the monthly report, the Excel exports and the data check, all on
PostgreSQL. SQL that only SQLite understands (instr, group_concat, likely, loose GROUP BY)
fails here.

Runs when ``GONGJIAN_TEST_POSTGRES`` names a server URL whose user may create databases (CI
starts one: see .ci/run); skipped otherwise.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app import demo
from app.access import Use
from app.dashboard.board import board
from app.dashboard.period import month_of
from app.dashboard.report import monthly_report
from app.dashboard.scope import scope_for
from app.database import Database
from app.excel.exporting import export_list
from app.excel.lists import EXPORT_LISTS, list_source
from app.exports.pdf.report import render_report
from app.listing import ListQuery
from app.maintenance import check_database

SERVER = os.environ.get("GONGJIAN_TEST_POSTGRES", "")
TODAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, 2, 0, tzinfo=UTC)

pytestmark = pytest.mark.skipif(not SERVER, reason="set GONGJIAN_TEST_POSTGRES to a server URL")


@pytest.fixture(scope="module")
def street() -> Iterator[Database]:
    name = f"gongjian_test_{uuid.uuid4().hex[:8]}"
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    database = Database(url)
    demo.generate(database, "street", today=TODAY)
    yield database
    database.close()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.mark.parametrize("key", sorted(EXPORT_LISTS))
def test_every_list_pages_searches_and_exports(street: Database, key: str, tmp_path: Path) -> None:
    _title, source = list_source(key)
    query = ListQuery(sort=source.default_sort, descending=source.default_descending)
    with street.reader() as session:
        total = source.count(session, query)
        page = source.fetch(session, query, 0, 50)
        assert total > 0 and len(page) == min(50, total)
        for column in source.columns:  # every column sorts
            if column.sortable:
                source.fetch(session, ListQuery(sort=column.key), 0, 5)
        for needle in ("宁海路", "水"):  # 3+ and 1-2 characters
            searched = ListQuery(search=needle, sort=source.default_sort)
            assert source.count(session, searched) <= total
    assert export_list(street, source, query, tmp_path / f"{key}.xlsx") == total


def test_the_issue_filters_match_what_sqlite_would_find(street: Database) -> None:
    _title, source = list_source("issues")
    with street.reader() as session:
        overdue = source.count(session, ListQuery(filters={"overdue": True, "now": NOW}))
        searched = source.count(session, ListQuery(search="积水"))
        numbered = source.count(session, ListQuery(search="MS2026-000001"))
    assert overdue > 0 and searched > 0 and numbered == 1


def test_the_dashboard_and_the_monthly_report(street: Database) -> None:
    period = month_of(date(2026, 10, 1))
    with street.reader() as session:
        figures = board(session, scope_for(session, period, NOW))
        report = monthly_report(session, period, NOW)
    assert {kpi.key for kpi in figures.kpis} >= {"open_issues", "overdue", "seven"}
    assert render_report(report).startswith(b"%PDF")


def test_the_data_check_passes(street: Database) -> None:
    assert check_database(street.target) == []


def test_imports_plan_first_and_write_at_the_end(street: Database, tmp_path: Path) -> None:
    """Each importable list's export imported again (every row a duplicate), then new people
    and members who are not yet people: the bulk INSERTs and the deferred writes."""
    from openpyxl import Workbook

    from app.excel.importing import Action, import_file
    from app.excel.kinds import IMPORT_KINDS
    from app.validation import id_check_char

    for key, kind in IMPORT_KINDS.items():
        if key == "party-orgs":
            continue  # the demo's secretaries share names: the file names them ambiguously
        title, source = list_source(key)
        path = tmp_path / f"{key}.xlsx"
        query = ListQuery(sort=source.default_sort, use=Use.DOCUMENT)
        rows = export_list(street, source, query, path, title)
        report = import_file(street, kind, path)
        assert (report.problems, report.count(Action.SKIP)) == ([], rows), key
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "身份证号", "报到社区", "报到日期"])
    for n in range(40):
        first17 = f"32010219700101{n:03d}"
        sheet.append([f"新党员{n}", first17 + id_check_char(first17), "宁海路社区", "2026-03-01"])
    book.save(tmp_path / "new.xlsx")
    report = import_file(street, IMPORT_KINDS["members"], tmp_path / "new.xlsx")
    assert report.count(Action.CREATE) == 40 and "其中 40 人" in str(report.note)


def test_every_meeting_reads_its_minutes_sign_in_sheet_and_detail(street: Database) -> None:
    """The meeting reader is plain SQL shared with the minutes command's sqlite3 path."""
    from sqlalchemy import select

    from app.meetings import service as meetings
    from app.meetings.minutes import minutes_document, signin_sheet
    from db.models.meetings import Meeting

    with street.reader() as s:
        ids = s.scalars(select(Meeting.id).where(Meeting.deleted_at.is_(None))).all()
        assert ids
        for meeting_id in ids:
            document = minutes_document(s, meeting_id)
            sheet = signin_sheet(s, meeting_id)
            detail = meetings.get_meeting(s, meeting_id)
            assert document.heading and detail.id == meeting_id
            assert len(sheet.rows) == len(detail.attendees)
