"""The demo data: the article's numbers, every state represented, valid personal data."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from app.database import Database
from app.demo import SCALES, DemoSummary, generate
from app.demo.cases import ANLE_TITLE, FLOOD_TITLE
from app.errors import UserError
from app.validation import is_valid_id_number, is_valid_mobile
from db.models import (
    ActionItem,
    AgendaItem,
    Agreement,
    AgreementParty,
    Attendance,
    Commitment,
    Compound,
    Decision,
    Dispatch,
    Evaluation,
    Issue,
    IssueEvent,
    ListEntry,
    Meeting,
    MemberRegistration,
    OrgUnit,
    PartyOrg,
    Person,
    Posting,
    ResidentUnit,
    Setting,
    WorkLog,
)
from db.models.agreements import AgreementKind, AgreementStatus, JointActivity, ListEntryStatus
from db.models.directory import ManagementMode, OrgLevel, PartyOrgKind, UnitCategory
from db.models.issues import DispatchStatus, IssueSource, IssueStatus, Satisfaction
from db.models.meetings import ActionStatus, AttendanceStatus, MeetingStatus
from db.models.secondments import (
    EvaluationPeriod,
    EvaluatorSide,
    Grade,
    LogKind,
    PostingKind,
    PostingStatus,
)

TODAY = date(2026, 11, 28)
ORGANS = (UnitCategory.PROVINCIAL_ORGAN, UnitCategory.CITY_ORGAN, UnitCategory.DISTRICT_ORGAN)
DONE = (IssueStatus.RESOLVED, IssueStatus.FOLLOWED_UP, IssueStatus.CLOSED)
MINUTES_30_PAGES = 30 * 22 * 28


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    """The street scale, generated once for the whole module."""
    database = Database(str(tmp_path_factory.mktemp("demo") / "x.db"))
    calls: list[tuple[int, int, str]] = []
    summary = generate(database, "street", today=TODAY, progress=lambda *a: calls.append(a))
    assert 0 < len(calls) <= 200
    assert calls[-1][0] == calls[-1][1]
    yield database, summary
    database.close()


@pytest.fixture
def session(demo: tuple[Database, DemoSummary]) -> Iterator[Session]:
    with demo[0].reader() as session:
        yield session


def scalar(session: Session, statement: Any) -> Any:
    return session.execute(statement).scalar_one()


def values(session: Session, column: InstrumentedAttribute[Any]) -> set[Any]:
    return set(session.execute(select(column).distinct()).scalars())


def street_id(session: Session, name: str) -> str:
    return str(scalar(session, select(OrgUnit.id).where(OrgUnit.name == name)))


def communities_of(session: Session, street: str) -> set[str]:
    zones = select(OrgUnit.id).where(OrgUnit.parent_id == street_id(session, street))
    query = select(OrgUnit.id).where(
        OrgUnit.level == OrgLevel.COMMUNITY, OrgUnit.parent_id.in_(zones)
    )
    return set(session.execute(query).scalars())


def organ_branches(session: Session, street: str) -> set[str]:
    query = (
        select(PartyOrg.id)
        .join(ResidentUnit, PartyOrg.resident_unit_id == ResidentUnit.id)
        .where(
            PartyOrg.kind == PartyOrgKind.BRANCH,
            ResidentUnit.category.in_(ORGANS),
            ResidentUnit.org_unit_id.in_(communities_of(session, street)),
        )
    )
    return set(session.execute(query).scalars())


def test_summary_matches_the_database(demo: tuple[Database, DemoSummary], session: Session) -> None:
    summary = demo[1]
    assert summary.issues == scalar(session, select(func.count()).select_from(Issue))
    assert summary.people == scalar(session, select(func.count()).select_from(Person))
    assert summary.org_units == scalar(session, select(func.count()).select_from(OrgUnit))
    assert 2500 <= summary.issues <= 4000
    kinds = scalar(session, select(Setting.value).where(Setting.key == "meeting_kinds"))
    assert kinds == ["大工委全体会议", "片区党建联盟协调议事会", "街社党建共同体议事会",
                     "社区大党委会议", "联络员会议"]  # fmt: skip


def test_org_tree_of_ninghai_road(session: Session) -> None:
    zones = session.execute(
        select(OrgUnit.name).where(OrgUnit.parent_id == street_id(session, "宁海路街道"),
                                   OrgUnit.level == OrgLevel.ZONE)
    ).scalars()  # fmt: skip
    assert set(zones) == {"南片区", "北片区", "西片区"}
    communities = communities_of(session, "宁海路街道")
    assert len(communities) == 9
    grids = session.execute(
        select(OrgUnit.parent_id, func.count())
        .where(OrgUnit.level == OrgLevel.GRID, OrgUnit.parent_id.in_(communities))
        .group_by(OrgUnit.parent_id)
    ).all()
    assert len(grids) == 9 and all(3 <= n <= 6 for _, n in grids)
    departments = select(OrgUnit.name).where(OrgUnit.level == OrgLevel.DEPARTMENT)
    assert {"城管科", "社会事业科", "平安建设科", "党建办", "民政科"} <= set(
        session.execute(departments).scalars()
    )
    assert values(session, ResidentUnit.category) == set(UnitCategory)
    assert values(session, Compound.management_mode) == set(ManagementMode)


def test_article_numbers(session: Session) -> None:
    branches = organ_branches(session, "宁海路街道")
    assert len(branches) == 247
    paired = (
        select(AgreementParty.party_org_id)
        .join(Agreement)
        .where(
            Agreement.kind == AgreementKind.BRANCH_PAIRING, AgreementParty.party_org_id.is_not(None)
        )
    )
    assert set(session.execute(paired).scalars()) == branches
    registered = select(func.count()).where(
        MemberRegistration.community_id.in_(communities_of(session, "宁海路街道"))
    )
    assert scalar(session, registered) == 6028
    assert scalar(session, select(func.count()).select_from(MemberRegistration)) == 6028
    kinds = dict(session.execute(select(Posting.kind, func.count()).group_by(Posting.kind)).all())
    assert kinds[PostingKind.CROSS] == 16
    assert kinds[PostingKind.FIRST_COMMUNITY_HEAD] == 8
    grids = select(OrgUnit.id).where(
        OrgUnit.level == OrgLevel.GRID,
        OrgUnit.parent_id.in_(communities_of(session, "建宁路街道")),
    )
    heads = select(func.count()).where(
        Posting.kind == PostingKind.FIRST_COMMUNITY_HEAD, Posting.host_org_unit_id.in_(grids)
    )
    assert scalar(session, heads) == 8
    councils = select(func.count()).where(
        Meeting.kind == "街社党建共同体议事会",
        Meeting.host_org_unit_id == street_id(session, "建宁路街道"),
    )
    assert scalar(session, councils) == 38


def test_branch_pairings_have_the_seven_joint_activities(session: Session) -> None:
    pairings = select(Agreement.id).where(Agreement.kind == AgreementKind.BRANCH_PAIRING)
    per_agreement = session.execute(
        select(Commitment.agreement_id, func.count(func.distinct(Commitment.activity)))
        .where(Commitment.agreement_id.in_(pairings), Commitment.activity != JointActivity.OTHER)
        .group_by(Commitment.agreement_id)
    ).all()
    assert len(per_agreement) == 247 and all(n == 7 for _, n in per_agreement)


@pytest.mark.parametrize(
    ("column", "enum"),
    [
        (Issue.status, IssueStatus),
        (Issue.source, IssueSource),
        (Issue.satisfaction, Satisfaction),
        (Dispatch.status, DispatchStatus),
        (Agreement.status, AgreementStatus),
        (Agreement.kind, AgreementKind),
        (ListEntry.status, ListEntryStatus),
        (Posting.status, PostingStatus),
        (Posting.kind, PostingKind),
        (WorkLog.kind, LogKind),
        (Evaluation.side, EvaluatorSide),
        (Evaluation.period, EvaluationPeriod),
        (Meeting.status, MeetingStatus),
        (Attendance.status, AttendanceStatus),
        (ActionItem.status, ActionStatus),
    ],
)
def test_every_state_appears(
    session: Session, column: InstrumentedAttribute[Any], enum: type[StrEnum]
) -> None:
    assert set(enum) <= values(session, column)


def test_every_meeting_kind_past_and_upcoming(session: Session) -> None:
    assert len(values(session, Meeting.kind)) == 5
    start_of_today = datetime(2026, 11, 27, 16, tzinfo=UTC)  # midnight in Beijing
    upcoming = session.scalars(select(Meeting).where(Meeting.starts_at >= start_of_today)).all()
    assert upcoming and all(m.status is MeetingStatus.DRAFT for m in upcoming)
    statuses = session.scalars(
        select(Attendance.status).where(Attendance.meeting_id.in_([m.id for m in upcoming]))
    ).all()
    assert statuses and all(status is None for status in statuses)
    assert scalar(session, select(func.count()).where(Attendance.person_id.is_(None))) > 0


def test_some_minutes_exceed_thirty_pages(session: Session) -> None:
    notes = session.execute(
        select(AgendaItem.meeting_id, func.sum(func.length(AgendaItem.notes))).group_by(
            AgendaItem.meeting_id
        )
    ).all()
    long = [meeting for meeting, length in notes if length >= MINUTES_30_PAGES]
    assert 2 <= len(long) <= 8


def test_article_cases_are_linked_from_action_items(session: Session) -> None:
    assert "停车" in ANLE_TITLE and "积水" in FLOOD_TITLE
    for title, compound_name in ((ANLE_TITLE, "安乐村"), (FLOOD_TITLE, "建宁路33号")):
        issue = session.scalars(select(Issue).where(Issue.title == title)).one()
        assert issue.status is IssueStatus.CLOSED
        assert issue.reopen_count == 1 and issue.satisfaction is Satisfaction.SATISFIED
        visits = sorted(issue.follow_ups, key=lambda f: f.visited_at)
        assert [v.satisfaction for v in visits] == [
            Satisfaction.DISSATISFIED,
            Satisfaction.SATISFIED,
        ]
        linked = session.scalars(
            select(Meeting.kind)
            .join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
            .join(Decision, Decision.agenda_item_id == AgendaItem.id)
            .join(ActionItem, ActionItem.decision_id == Decision.id)
            .where(ActionItem.issue_id == issue.id)
        ).all()
        assert linked and set(linked) == {"街社党建共同体议事会"}
        compound = session.get(Compound, issue.compound_id)
        assert compound is not None and compound.name == compound_name


def test_issue_rows_agree_with_their_history(session: Session) -> None:
    query = select(Issue).options(selectinload(Issue.events), selectinload(Issue.follow_ups))
    for issue in session.scalars(query).all():
        assert (issue.resolved_at is not None) == (issue.status in DONE), issue.number
        assert (issue.closed_at is not None) == (issue.status is IssueStatus.CLOSED)
        events = sorted(issue.events, key=lambda e: e.at)
        changes = [e for e in events if e.to_status is not None]
        assert changes[0].action == "register" and changes[-1].to_status is issue.status
        visits = sorted(issue.follow_ups, key=lambda f: f.visited_at)
        assert issue.satisfaction is (visits[-1].satisfaction if visits else None)
        assert issue.reopen_count == sum(e.action == "reopen" for e in events)
        local_year = (issue.reported_at + timedelta(hours=8)).year
        assert re.fullmatch(rf"MS{local_year}-\d{{6}}", issue.number), issue.number
    returned = select(func.count()).where(
        Dispatch.status == DispatchStatus.RETURNED, Dispatch.return_reason != ""
    )
    assert scalar(session, returned) > 0
    to_units = select(func.count()).where(Dispatch.resident_unit_id.is_not(None))
    assert scalar(session, to_units) > 0
    assert scalar(session, select(func.count()).where(Issue.supervised.is_(True))) > 0
    assert {"register", "accept", "dispatch", "acknowledge", "return", "resolve", "follow_up",
            "reopen", "close"} <= values(session, IssueEvent.action)  # fmt: skip


def test_personal_data_is_valid(session: Session) -> None:
    people = session.execute(select(Person.name, Person.id_number, Person.mobile)).all()
    assert all(is_valid_id_number(number) for _, number, _ in people if number)
    assert all(is_valid_mobile(mobile) for _, _, mobile in people)
    phones = session.execute(select(Issue.reporter_phone).where(Issue.reporter_phone != ""))
    assert all(is_valid_mobile(phone) for phone in phones.scalars())

    def outside_gb2312(name: str) -> bool:
        try:
            name.encode("gb2312")
        except UnicodeEncodeError:
            return True
        return False

    rare = [name for name, _, _ in people if outside_gb2312(name)]
    assert 0.01 * len(people) < len(rare) < 0.1 * len(people)
    assert all(name.encode("gbk") for name in rare)


def test_one_disagreeing_evaluation(session: Session) -> None:
    rows = session.execute(
        select(Evaluation.posting_id, Evaluation.period, Evaluation.year, Evaluation.side,
               Evaluation.grade)
    ).all()  # fmt: skip
    grades: dict[tuple[str, str, int], dict[EvaluatorSide, Grade]] = {}
    for posting, period, year, side, grade in rows:
        grades.setdefault((posting, period, year), {})[side] = grade
    assert any(
        g.get(EvaluatorSide.HOME) is Grade.EXCELLENT
        and g.get(EvaluatorSide.HOST) is Grade.BASICALLY_COMPETENT
        for g in grades.values()
    )
    soon = select(func.count()).where(
        Posting.status == PostingStatus.ACTIVE, Posting.ends_on <= date(2026, 12, 28)
    )
    assert scalar(session, soon) > 0


def test_foreign_keys_hold(demo: tuple[Database, DemoSummary]) -> None:
    with demo[0].engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_key_check")).all() == []


def test_same_seed_same_data(tmp_path: Path, demo: tuple[Database, DemoSummary]) -> None:
    database = Database(str(tmp_path / "x.db"))
    try:
        again = generate(database, "street", today=TODAY)
        assert again == demo[1]

        def first_titles(db: Database) -> list[str]:
            with db.reader() as session:
                query = select(Issue.title).order_by(Issue.reported_at, Issue.number).limit(20)
                return list(session.scalars(query))

        assert first_titles(database) == first_titles(demo[0])
    finally:
        database.close()


def test_refuses_a_database_with_org_units(demo: tuple[Database, DemoSummary]) -> None:
    with pytest.raises(UserError, match="空数据库"):
        generate(demo[0], "street", today=TODAY)


def test_refuses_an_unknown_scale(tmp_path: Path) -> None:
    database = Database(str(tmp_path / "x.db"))
    try:
        with pytest.raises(UserError, match="city"):
            generate(database, "city")
        assert SCALES == ("street", "district", "huge")
    finally:
        database.close()


def test_a_failure_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object) -> None:  # after every row has been inserted
        raise RuntimeError("disk full")

    monkeypatch.setattr("app.demo.writer._run_updates", fail)
    database = Database(str(tmp_path / "x.db"))
    try:
        with database.reader() as session:  # a new file's own: the official calendar
            settings = scalar(session, select(func.count()).select_from(Setting))
        with pytest.raises(RuntimeError):
            generate(database, "street", today=TODAY)
        with database.reader() as session:
            for model in (OrgUnit, Person, Issue, Meeting):
                assert scalar(session, select(func.count()).select_from(model)) == 0
            assert scalar(session, select(func.count()).select_from(Setting)) == settings
    finally:
        database.close()
