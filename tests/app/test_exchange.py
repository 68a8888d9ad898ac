"""Offline exchange: enrolment, packages both ways, idempotent and order-proof imports,
refusals, and conflicts kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import UserError
from app.exchange.conflicts import EDITED, open_conflicts, resolve
from app.exchange.sites import set_state
from app.issues.records import IssueData
from app.issues.steps import update_facts
from db.models.exchange import Conflict, SiteState
from db.models.issues import Issue
from tests.app.exchange_world import (
    World,
    edited_on_both_sides,
    enrol_all,
    new_issue,
    people_names,
    receive,
    send,
)


def _version(session, issue_id: str) -> int:  # type: ignore[no-untyped-def]
    return int(session.scalar(select(Issue.version).where(Issue.id == issue_id)))


def _issues(database) -> dict[str, tuple[str, int]]:  # type: ignore[no-untyped-def]
    with database.reader() as session:
        return {i.id: (i.title, i.version) for i in session.scalars(select(Issue))}


def test_a_community_holds_its_own_issues_and_people_only(world: World, tmp_path: Path) -> None:
    ours = new_issue(world.street, world, "东湖社区", "楼道堆物")
    theirs = new_issue(world.street, world, "西岭社区", "路灯不亮")
    enrol_all(world, tmp_path)
    east = world.sites["东湖社区"]
    assert set(_issues(east)) == {ours}
    assert people_names(east) == {"东湖居民"}
    assert theirs in _issues(world.sites["西岭社区"])


def test_a_round_trip_carries_changes_both_ways(world: World, tmp_path: Path) -> None:
    issue = new_issue(world.street, world, "东湖社区", "楼道堆物")
    enrol_all(world, tmp_path)
    east = world.sites["东湖社区"]
    made_there = new_issue(east, world, "东湖社区", "井盖松动")
    with east.session() as session:
        update_facts(
            session,
            issue,
            _version(session, issue),
            IssueData(title="楼道堆物（已清理一半）", community_id=world.units["东湖社区"]),
        )
    package = send(east, "街道")
    result = receive(world.street, package)
    assert result.applied > 0 and result.conflicts == 0 and not result.mismatches
    street_issues = _issues(world.street)
    assert street_issues[issue][0] == "楼道堆物（已清理一半）"
    assert made_there in street_issues
    with world.street.reader() as session:
        number = session.scalar(select(Issue.number).where(Issue.id == made_there))
    assert number is not None and number.startswith("MSA-")
    again = receive(world.street, package)
    assert (again.applied, again.conflicts) == (0, 0)
    assert _issues(world.street) == street_issues
    back = send(world.street, "东湖社区")
    receive(east, back)
    assert _issues(east) == {k: v for k, v in street_issues.items() if k in _issues(east)}


def test_packages_out_of_order_wait_for_the_gap(world: World, tmp_path: Path) -> None:
    enrol_all(world, tmp_path)
    east = world.sites["东湖社区"]
    new_issue(east, world, "东湖社区", "一")
    first = send(east, "街道")
    new_issue(east, world, "东湖社区", "二")
    second = send(east, "街道")
    waiting = receive(world.street, second)
    assert waiting.waiting and waiting.missing is not None
    assert {t for t, _ in _issues(world.street).values()} == set()
    filled = receive(world.street, first)
    assert filled.missing is None
    assert {t for t, _ in _issues(world.street).values()} == {"一", "二"}


def test_a_changed_byte_is_refused_and_nothing_is_written(world: World, tmp_path: Path) -> None:
    enrol_all(world, tmp_path)
    east = world.sites["东湖社区"]
    new_issue(east, world, "东湖社区", "一")
    package = bytearray(send(east, "街道"))
    package[-20] ^= 1
    with pytest.raises(UserError, match="校验失败"):
        receive(world.street, bytes(package))
    assert _issues(world.street) == {}


def test_packages_for_another_site_or_from_a_revoked_one_are_refused(
    world: World, tmp_path: Path
) -> None:
    enrol_all(world, tmp_path)
    east, west = world.sites["东湖社区"], world.sites["西岭社区"]
    to_east = send(world.street, "东湖社区")
    with pytest.raises(UserError, match="另一个站点"):
        receive(west, to_east)
    new_issue(east, world, "东湖社区", "一")
    package = send(east, "街道")
    with world.street.session() as session:
        set_state(session, "东湖社区", SiteState.REVOKED)
    with pytest.raises(UserError, match="吊销"):
        receive(world.street, package)


def test_edits_on_both_sides_are_kept_as_a_conflict(world: World, tmp_path: Path) -> None:
    issue = edited_on_both_sides(world, tmp_path, ("社区的说法", "街道的说法"))
    east = world.sites["东湖社区"]
    receive(world.street, send(east, "街道"))
    receive(east, send(world.street, "东湖社区"))
    assert _issues(east)[issue] == _issues(world.street)[issue]
    for database in (east, world.street):
        with database.reader() as session:
            conflicts = session.scalars(select(Conflict)).all()
        assert len(conflicts) == 1
        titles = {conflicts[0].winner["title"], conflicts[0].loser["title"]}  # type: ignore[index]
        assert titles == {"社区的说法", "街道的说法"}


def test_a_resolution_travels_and_closes_the_conflict_on_both_sides(
    world: World, tmp_path: Path
) -> None:
    issue = edited_on_both_sides(world, tmp_path, ("社区的说法", "街道的说法"))
    east = world.sites["东湖社区"]
    receive(world.street, send(east, "街道"))
    with world.street.session() as session:
        [view] = open_conflicts(session)
        assert {f.name for f in view.fields} == {"title"}
        resolve(session, view.id, EDITED, {"title": "两边合并的说法"})
    receive(east, send(world.street, "东湖社区"))
    assert _issues(east)[issue] == _issues(world.street)[issue]
    assert _issues(east)[issue][0] == "两边合并的说法"
    for database in (east, world.street):
        with database.reader() as session:
            assert open_conflicts(session) == []
