"""A street office with one community site and records in every exchange state (delivered,
sent, not sent, in conflict): for the lists' tests and their pictures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from app.database import Database
from app.exchange.enrolment import add_community_site, enrol
from db.models.meetings import Meeting
from tests.app.exchange_world import (
    NOON,
    World,
    build_street,
    edit_title,
    new_issue,
    receive,
    send,
)

EAST = "东湖社区"


@dataclass(frozen=True)
class Stated:
    """Issue and meeting ids by the state they show at the street."""

    world: World
    issues: dict[str, str]  # state name → issue id
    meetings: dict[str, str]


def _meeting(database: Database, world: World, title: str, days: int) -> str:
    with database.session() as session:
        meeting = Meeting(
            kind="大党委会议",
            title=title,
            starts_at=NOON + timedelta(days=days),
            host_org_unit_id=world.units[EAST],
        )
        session.add(meeting)
        session.flush()
        return meeting.id


def stated_street(folder: Path) -> Stated:
    world = build_street(folder, (EAST, "西岭社区"))
    with world.street.session() as session:
        enrolment = add_community_site(session, EAST)
    east = Database(str(folder / "east.db"))
    with east.session() as session:
        enrol(session, enrolment.data, enrolment.passphrase)
    world.sites[EAST] = east
    issues = {"delivered": new_issue(world.street, world, EAST, "楼道堆物影响通行")}
    meetings = {"delivered": _meeting(world.street, world, "三月大党委会议", 0)}
    issues["conflict"] = new_issue(world.street, world, EAST, "小区路灯不亮")
    receive(east, send(world.street, EAST))
    edit_title(east, world, issues["conflict"], "小区路灯不亮（物业已报修）", EAST)
    edit_title(world.street, world, issues["conflict"], "小区路灯不亮，居民再次反映", EAST)
    receive(world.street, send(east, "街道"))  # acknowledges the first package; a conflict
    issues["sent"] = new_issue(world.street, world, EAST, "垃圾分类桶站异味")
    meetings["sent"] = _meeting(world.street, world, "共建项目推进会", 7)
    send(world.street, EAST)  # written, not yet imported there
    issues["unsent"] = new_issue(world.street, world, EAST, "健身器材损坏")
    meetings["unsent"] = _meeting(world.street, world, "四月大党委会议", 30)
    return Stated(world, issues, meetings)
