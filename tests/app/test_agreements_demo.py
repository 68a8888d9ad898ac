"""The agreement area on the street demo: the 七个共 matrix of 宁海路's 247 pairings, the
6,028 registered members, match suggestions, reminders and the CLI on real-sized data."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import func, select

from app import demo
from app.agreements import claims, members, reminders
from app.agreements.lifecycle import refresh_statuses
from app.agreements.matrix import SEVEN, CellState, record_fulfilment_for_cell, seven_matrix
from app.cli import main
from app.database import Database
from db.models.agreements import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    FulfilmentRecord,
    JointActivity,
)
from db.models.directory import OrgLevel, OrgUnit

TODAY = date(2026, 11, 28)
NINGHAI = "宁海路街道"


@pytest.fixture(scope="module")
def street(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("agreements-demo") / "demo.db"
    database = Database(str(path))
    demo.generate(database, "street", today=TODAY)
    yield database
    database.close()


def _street_id(database: Database) -> str:
    with database.reader() as s:
        street_id = s.scalar(
            select(OrgUnit.id).where(OrgUnit.name == NINGHAI, OrgUnit.level == OrgLevel.STREET)
        )
    assert street_id is not None
    return street_id


def test_matrix_has_the_247_pairs_of_ninghai(street: Database) -> None:
    with street.reader() as s:
        rows = seven_matrix(s, 2026)
        pairings = s.scalar(
            select(func.count()).where(Agreement.kind == AgreementKind.BRANCH_PAIRING)
        )
    assert len(rows) == pairings == 247
    with street.reader() as s:
        assert len(seven_matrix(s, 2026, street_id=_street_id(street))) == 247
        assert seven_matrix(s, 2025) == []  # the pairings are for this year
    assert all(len(r.cells) == 7 for r in rows)
    completions = [r.completion for r in rows]
    assert completions == sorted(completions, reverse=True)
    assert 7 in completions and min(completions) <= 2  # a full top and a bottom group


def test_matrix_cells_agree_with_the_fulfilment_records(street: Database) -> None:
    with street.reader() as s:
        rows = seven_matrix(s, 2026)
        latest = {
            (a, act): d
            for a, act, d in s.execute(
                select(
                    FulfilmentRecord.agreement_id,
                    FulfilmentRecord.activity,
                    func.max(FulfilmentRecord.held_on),
                )
                .where(FulfilmentRecord.held_on >= date(2026, 1, 1))
                .group_by(FulfilmentRecord.agreement_id, FulfilmentRecord.activity)
            )
        }
    done_cells = 0
    for row in rows:
        for cell in row.cells:
            expected = latest.get((row.agreement_id, cell.activity))
            if expected is None:
                assert cell.state is CellState.PLANNED  # the demo commits to all seven
            else:
                assert cell.state is CellState.DONE and cell.last_on == expected
                done_cells += 1
    assert done_cells == sum(r.completion for r in rows)


def test_matrix_filters_by_zone_and_community(street: Database) -> None:
    with street.reader() as s:
        rows = seven_matrix(s, 2026, sort="community")
        zone_id = rows[0].zone_id
        community_id = rows[0].community_id
        assert zone_id is not None
        by_zone = seven_matrix(s, 2026, zone_id=zone_id)
        by_community = seven_matrix(s, 2026, community_id=community_id)
    assert by_zone and all(r.zone_id == zone_id for r in by_zone)
    assert by_community and all(r.community_id == community_id for r in by_community)
    assert len(by_community) <= len(by_zone) < len(rows)


def test_recording_a_cell_fills_it(street: Database) -> None:
    with street.reader() as s:
        row = next(
            r for r in seven_matrix(s, 2026) if any(c.state is CellState.PLANNED for c in r.cells)
        )
        cell = next(c for c in row.cells if c.state is CellState.PLANNED)
        record_fulfilment_for_cell(s, row.agreement_id, cell.activity, date(2026, 11, 20))
        after = next(r for r in seven_matrix(s, 2026) if r.agreement_id == row.agreement_id)
        s.rollback()  # leave the module's demo as it was
    index = SEVEN.index(cell.activity)
    assert after.cells[index].state is CellState.DONE
    assert after.cells[index].last_on == date(2026, 11, 20)
    assert after.completion == row.completion + 1


def test_ninghai_has_6028_registered_members(street: Database) -> None:
    street_id = _street_id(street)
    with street.reader() as s:
        assert members.street_total(s, street_id) == 6028
        by_community = members.counts_by_community(s, street_id)
        by_unit = members.counts_by_unit(s, street_id)
    assert sum(c.members for c in by_community) == 6028
    assert sum(c.members for c in by_unit) == 6028
    assert by_community[0].members >= by_community[-1].members


def test_demo_has_agreements_in_every_status_and_they_agree_with_the_dates(
    street: Database,
) -> None:
    with street.reader() as s:
        statuses = set(s.scalars(select(Agreement.status).distinct()))
        assert statuses == set(AgreementStatus)
        assert refresh_statuses(s, TODAY) == 0  # the demo's states follow its dates
        s.rollback()


def test_suggested_matches_share_category_and_zone(street: Database) -> None:
    with street.reader() as s:
        matches = claims.suggest_matches(s)
    for m in matches:
        assert m.category and m.zone_name


def test_reminders_on_the_demo(street: Database) -> None:
    with street.reader() as s:
        found = reminders.reminders(s, TODAY)
    assert found.expiring and all(0 <= e.days_left <= 30 for e in found.expiring)
    assert found.behind  # late in November, the bottom group of pairings is behind
    assert all(c.activity in JointActivity for c in found.behind)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    return code, capsys.readouterr().out


def test_cli_lists_filters_and_prints_json(
    street: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    target = street.location
    code, out = run(capsys, "--db", target, "agreements", "list", "--json")
    assert code == 0
    everything = json.loads(out)
    with street.reader() as s:
        assert len(everything) == s.scalar(select(func.count()).select_from(Agreement))
    code, out = run(capsys, "--db", target, "agreements", "list", "--json", "--status", "expired")
    expired = json.loads(out)
    assert expired and {a["status"] for a in expired} == {"expired"}
    code, out = run(capsys, "--db", target, "agreements", "list", "--expiring-days", "30")
    assert code == 0 and "共" in out and "即将到期" in out


def test_list_entry_and_member_lists_page_and_filter(street: Database) -> None:
    from app.agreements.entry_list import ListEntryList
    from app.agreements.member_list import MemberList
    from app.listing import ListQuery
    from db.models.agreements import ListEntry, ListEntryStatus, MemberRegistration

    entries, registrations = ListEntryList(), MemberList()
    street_id = _street_id(street)
    with street.reader() as s:
        total = s.scalar(select(func.count()).select_from(ListEntry))
        assert entries.count(s, ListQuery()) == total
        needs = entries.fetch(s, ListQuery(filters={"list_kind": "need", "open_only": True}), 0, 50)
        kind, status = entries.column_index("list_kind"), entries.column_index("status")
        assert all(r.values[kind] == "need" for r in needs)
        assert all(r.values[status] is ListEntryStatus.OPEN for r in needs)
        everyone = s.scalar(select(func.count()).select_from(MemberRegistration))
        assert registrations.count(s, ListQuery()) == everyone
        assert registrations.count(s, ListQuery(filters={"community": street_id})) == 6028
        page = registrations.fetch(s, ListQuery(sort="services", descending=True), 0, 5)
        assert page[0].values[registrations.column_index("services")] >= 1


def test_fulfilments_of_a_pairing(street: Database) -> None:
    from app.agreements.commitments import fulfilments_of
    from app.agreements.service import get_agreement

    with street.reader() as s:
        row = seven_matrix(s, 2026)[0]  # the most complete pair
        records = fulfilments_of(s, row.agreement_id, 2026)
        detail = get_agreement(s, row.agreement_id)
    assert {r.data.activity for r in records} == set(SEVEN)
    assert len(detail.commitments) == 7 and len(detail.parties) == 2
