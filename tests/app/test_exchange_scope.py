"""Records that enter a community's scope after their own change was sent go to it whole; a
record that leaves the scope is sent a last time and then no more, and is never deleted."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from app.issues.dispatching import dispatch
from app.issues.records import DispatchTarget
from app.issues.steps import accept
from db.models.directory import Person
from db.models.issues import Issue, IssueEvent
from db.models.meetings import Attendance, Meeting
from tests.app.exchange_world import NOON, World, edit_title, enrol_all, new_issue, receive, send


def _issue_events(database, issue: str) -> int:  # type: ignore[no-untyped-def]
    with database.reader() as session:
        stmt = select(func.count()).where(IssueEvent.issue_id == issue)
        return int(session.scalar(stmt) or 0)


def _title(database, issue: str) -> str | None:  # type: ignore[no-untyped-def]
    with database.reader() as session:
        return session.scalar(select(Issue.title).where(Issue.id == issue))


def _round(world: World, community: str = "东湖社区") -> None:
    """One package from the street to the community, imported there."""
    receive(world.sites[community], send(world.street, community))


def test_an_issue_dispatched_to_a_community_later_goes_with_its_journal(
    world: World, tmp_path: Path
) -> None:
    enrol_all(world, tmp_path)
    issue = new_issue(world.street, world, "西岭社区", "河道漂浮物")
    with world.street.session() as session:
        accept(session, issue, now=NOON)
    _round(world)
    east = world.sites["东湖社区"]
    assert _title(east, issue) is None  # another community's issue: not sent
    with world.street.session() as session:
        dispatch(session, issue, [DispatchTarget(org_unit_id=world.units["东湖社区"])], now=NOON)
    _round(world)
    assert _title(east, issue) == "河道漂浮物"
    events = _issue_events(world.street, issue)
    assert events >= 3 and _issue_events(east, issue) == events  # registered … dispatched
    again = receive(east, send(world.street, "东湖社区"))
    assert again.applied == 0  # sent once, not again


def test_a_meeting_that_adds_a_communitys_person_goes_to_it_whole(
    world: World, tmp_path: Path
) -> None:
    enrol_all(world, tmp_path)
    with world.street.session() as session:
        west = session.scalar(select(Person).where(Person.name == "西岭居民"))
        meeting = Meeting(kind="联席会议", title="河道治理联席会", starts_at=NOON)
        meeting.attendances.append(Attendance(person_id=west.id if west else None))
        session.add(meeting)
        session.flush()
        meeting_id = meeting.id
    _round(world)
    east = world.sites["东湖社区"]
    with east.reader() as session:
        assert session.get(Meeting, meeting_id) is None
    with world.street.session() as session:
        ours = session.scalar(select(Person.id).where(Person.name == "东湖居民"))
        session.add(Attendance(meeting_id=meeting_id, person_id=ours, position=1))
    _round(world)
    with east.reader() as session:
        held = session.get(Meeting, meeting_id)
        assert held is not None and held.title == "河道治理联席会"
        attendees = session.scalars(
            select(Attendance.person_id).where(Attendance.meeting_id == meeting_id)
        ).all()
        assert len(attendees) == 2
        other = session.scalar(select(Person).where(Person.name == "西岭居民"))
        assert other is not None and other.mobile == ""  # another community's person: masked


def test_a_person_moving_into_a_community_arrives_with_their_data(
    world: World, tmp_path: Path
) -> None:
    enrol_all(world, tmp_path)
    with world.street.session() as session:
        person = session.scalar(select(Person).where(Person.name == "西岭居民"))
        assert person is not None
        person.org_unit_id = world.units["东湖社区"]
        moved = person.id
    _round(world)
    with world.sites["东湖社区"].reader() as session:
        arrived = session.get(Person, moved)
        assert arrived is not None and arrived.mobile == "13800000001"


def test_a_record_that_leaves_the_scope_is_sent_a_last_time_and_kept(
    world: World, tmp_path: Path
) -> None:
    issue = new_issue(world.street, world, "东湖社区", "楼道堆物")
    enrol_all(world, tmp_path)
    east = world.sites["东湖社区"]
    edit_title(world.street, world, issue, "楼道堆物（转西岭社区）", "西岭社区")
    _round(world)
    with east.reader() as session:
        left = session.get(Issue, issue)
        assert left is not None and left.community_id == world.units["西岭社区"]
    edit_title(world.street, world, issue, "楼道堆物（西岭已受理）", "西岭社区")
    _round(world)
    assert _title(east, issue) == "楼道堆物（转西岭社区）"  # kept as it left, not updated
    assert _issue_events(east, issue) > 0  # its journal stays too
    receive(world.street, send(east, "街道"))
    assert _title(world.street, issue) == "楼道堆物（西岭已受理）"


def test_a_person_moving_out_leaves_without_their_new_phone(world: World, tmp_path: Path) -> None:
    enrol_all(world, tmp_path)
    with world.street.session() as session:
        person = session.scalar(select(Person).where(Person.name == "东湖居民"))
        assert person is not None
        person.org_unit_id = world.units["西岭社区"]
        person.mobile = "13900000009"
        moved = person.id
    _round(world)
    with world.sites["东湖社区"].reader() as session:
        gone = session.get(Person, moved)
        assert gone is not None and gone.org_unit_id == world.units["西岭社区"]
        assert gone.mobile == ""  # now another community's resident: no personal data
