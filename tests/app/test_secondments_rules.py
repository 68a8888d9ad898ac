"""Property tests of the secondment date and state rules."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData, PersonData, ResidentUnitData
from app.errors import UserError, ValidationError
from app.secondments import service
from app.secondments.lifecycle import status_for_dates
from app.secondments.logs import months, report_due_on
from app.secondments.records import (
    GRADE_ORDER,
    PostingData,
    is_disagreement,
)
from db.models.directory import OrgLevel, UnitCategory
from db.models.secondments import Grade, PostingKind, PostingStatus

days = st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 12, 31))
scores = st.none() | st.decimals(min_value=0, max_value=100, places=1)
ORDER = [PostingStatus.PLANNED, PostingStatus.ACTIVE, PostingStatus.ENDED]


@given(days, days, st.lists(days, min_size=2, max_size=6))
def test_status_never_goes_back_as_days_pass(a: date, b: date, todays: list[date]) -> None:
    starts, ends = min(a, b), max(a, b)
    seen = [status_for_dates(PostingStatus.PLANNED, starts, ends, t) for t in sorted(todays)]
    assert [ORDER.index(s) for s in seen] == sorted(ORDER.index(s) for s in seen)
    for today, status in zip(sorted(todays), seen, strict=True):
        assert (status is PostingStatus.PLANNED) == (today < starts)
        assert (status is PostingStatus.ENDED) == (today > ends)


@given(days, days, days)
def test_ended_early_is_final_and_extended_ends_with_its_term(a: date, b: date, t: date) -> None:
    starts, ends = min(a, b), max(a, b)
    assert status_for_dates(PostingStatus.ENDED_EARLY, starts, ends, t) is PostingStatus.ENDED_EARLY
    extended = status_for_dates(PostingStatus.EXTENDED, starts, ends, t)
    assert extended is (PostingStatus.ENDED if t > ends else PostingStatus.EXTENDED)


@given(days, days)
def test_a_term_is_valid_exactly_when_it_does_not_end_before_it_starts(a: date, b: date) -> None:
    data = PostingData(
        person_id="p",
        kind=PostingKind.CROSS,
        home_unit_id="u",
        host_org_unit_id="o",
        host_post="副科长",
        starts_on=a,
        ends_on=b,
    )
    if a <= b:
        assert data.validated().starts_on == a
    else:
        with pytest.raises(ValidationError) as error:
            data.validated()
        assert error.value.field == "ends_on"


@given(st.sampled_from(GRADE_ORDER), st.sampled_from(GRADE_ORDER), scores, scores)
def test_disagreement_rule(
    home: Grade, host: Grade, s1: Decimal | None, s2: Decimal | None
) -> None:
    flagged = is_disagreement(home, host, s1, s2)
    assert flagged == is_disagreement(host, home, s2, s1)  # symmetric
    steps = abs(GRADE_ORDER.index(home) - GRADE_ORDER.index(host))
    far_scores = s1 is not None and s2 is not None and abs(s1 - s2) >= 15
    assert flagged == (steps >= 2 or far_scores)


@given(days, days)
def test_months_cover_the_term(a: date, b: date) -> None:
    first, last = min(a, b), max(a, b)
    found = months(first, last)
    assert found[0] == f"{first:%Y-%m}" and found[-1] == f"{last:%Y-%m}"
    assert len(found) == (last.year - first.year) * 12 + last.month - first.month + 1
    assert len(set(found)) == len(found) == len(sorted(found))
    for period in found:
        due = report_due_on(period)
        assert due > date(int(period[:4]), int(period[5:]), 28) and due.day == 5


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, dict[str, str]]]:
    database = Database(str(Path(tmp_path_factory.mktemp("rules")) / "rules.db"))
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("建宁路街道", OrgLevel.STREET)).id
        organ = directory.resident_units.create(
            s, ResidentUnitData("某厅", UnitCategory.PROVINCIAL_ORGAN)
        ).id
        person = directory.people.create(s, PersonData("王喆")).id
    yield database, {"street": street, "organ": organ, "person": person}
    database.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    starts=days,
    length=st.integers(min_value=1, max_value=900),
    new_end_offset=st.integers(min_value=-400, max_value=400),
    stop_offset=st.integers(min_value=-30, max_value=930),
    today_offset=st.integers(min_value=0, max_value=900),
)
def test_extend_and_end_early_keep_the_dates_in_order(
    shared: tuple[Database, dict[str, str]],
    starts: date,
    length: int,
    new_end_offset: int,
    stop_offset: int,
    today_offset: int,
) -> None:
    database, w = shared
    ends = starts + timedelta(days=length)
    today = starts + timedelta(days=today_offset)
    data = PostingData(
        person_id=w["person"],
        kind=PostingKind.CROSS,
        home_unit_id=w["organ"],
        host_org_unit_id=w["street"],
        host_post="挂职",
        starts_on=starts,
        ends_on=ends,
    )
    with database.session() as s:
        posting_id = service.create_posting(s, data, today)
        detail = service.get_posting(s, posting_id)
        new_end = ends + timedelta(days=new_end_offset)
        try:
            extended = service.extend(s, posting_id, detail.version, new_end, "工作需要", today)
        except (ValidationError, UserError):
            assert new_end <= ends or detail.status is not PostingStatus.ACTIVE
        else:
            assert new_end > ends and detail.status is PostingStatus.ACTIVE
            assert extended.ends_on == new_end
            assert extended.status in (PostingStatus.EXTENDED, PostingStatus.ENDED)
            detail = extended
        stop = starts + timedelta(days=stop_offset)
        try:
            early = service.end_early(s, posting_id, detail.version, stop, "调整", today)
        except (ValidationError, UserError):
            assert (
                detail.is_finished or not detail.starts_on <= stop < detail.ends_on or stop > today
            )
        else:
            assert early.status is PostingStatus.ENDED_EARLY
            assert early.starts_on <= early.ends_on == stop <= today
        final = service.get_posting(s, posting_id)
        assert final.starts_on <= final.ends_on
        replace(final.data).validated()  # what is stored always passes the editor's checks
