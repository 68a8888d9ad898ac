"""A street office and three community centres, thirty simulated days of random edits on
every side, packages carried in random order with duplicates and one lost package sent again
later. At the end every community holds exactly the records its scope says, the same field
by field as the street's copy, and every planted conflict is kept.

Property-based: hypothesis draws the seed of each run; ``@seed`` makes the runs replay.
"""

from __future__ import annotations

import random
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.database import Database
from app.errors import UserError
from app.exchange.codec import encoded, exchanged_tables, is_local_setting
from app.exchange.exporting import export_package
from app.exchange.importing import import_package
from app.exchange.scope import community_scope, masked_values
from app.issues.dispatching import dispatch
from app.issues.records import DispatchTarget, IssueData
from app.issues.steps import accept, resolve, update_facts
from db.models.agreements import (
    Agreement,
    AgreementKind,
    AgreementParty,
    FulfilmentRecord,
    JointActivity,
    PartySide,
)
from db.models.exchange import Conflict
from db.models.issues import Issue
from db.models.meetings import Meeting
from tests.app.exchange_world import NOON, World, build_street, edit_title, enrol_all, new_issue

DAYS = 30
PLANTED_DAY = 10


@dataclass
class Post:
    """Packages in transit: (receiver's database, package), one of them held back (lost)."""

    rng: random.Random
    bags: list[tuple[str, bytes]] = field(default_factory=list)
    lost: list[tuple[str, bytes]] = field(default_factory=list)

    def send(self, receiver: str, data: bytes) -> None:
        if not self.lost and self.rng.random() < 0.1:
            self.lost.append((receiver, data))
        else:
            self.bags.append((receiver, data))
            if self.rng.random() < 0.2:
                self.bags.append((receiver, data))  # carried twice

    def deliver_some(self, world: World) -> None:
        self.rng.shuffle(self.bags)
        keep = self.bags[: len(self.bags) // 3]
        for receiver, data in self.bags[len(self.bags) // 3 :]:
            _import(_database(world, receiver), data)
        self.bags = keep


def _database(world: World, name: str) -> Database:
    return world.street if name == "street" else world.sites[name]


def _import(database: Database, data: bytes) -> None:
    with database.session() as session:
        import_package(session, data)


def _export(database: Database, to: str) -> bytes:
    with database.session() as session:
        return export_package(session, to).data


def _set_up_agreements(world: World) -> dict[str, str]:
    agreements = {}
    with world.street.session() as session:
        for index, (name, unit) in enumerate(world.units.items()):
            agreement = Agreement(
                kind=AgreementKind.BRANCH_PAIRING, number=f"GJ-{index}", title=f"{name}结对共建"
            )
            agreement.parties.append(AgreementParty(side=PartySide.STREET_SIDE, org_unit_id=unit))
            session.add(agreement)
            session.flush()
            agreements[name] = agreement.id
    return agreements


def _scoped_issue(
    database: Database, rng: random.Random, community: str | None, world: World
) -> Issue | None:
    with database.reader() as session:
        query = select(Issue).where(Issue.deleted_at.is_(None))
        if community is not None:
            query = query.where(Issue.community_id == world.units[community])
        issues = session.scalars(query.order_by(Issue.number)).all()
    return rng.choice(issues) if issues else None


def _act(world: World, site: str, rng: random.Random, day: int, agreements: dict[str, str]) -> None:
    """One thing staff do on ``site`` (a community's name, or street)."""
    database = _database(world, site)
    community = site if site != "street" else rng.choice(list(world.units))
    at = NOON + timedelta(days=day)
    what = rng.choice(("register", "edit", "accept", "dispatch", "resolve", "meeting", "fulfil"))
    if what == "register":
        new_issue(database, world, community, f"{site}第{day}天登记{rng.randint(1, 999)}")
        return
    if what == "meeting":
        with database.session() as session:
            session.add(
                Meeting(
                    kind="大党委会议",
                    title=f"{community}{day}日例会",
                    starts_at=at,
                    host_org_unit_id=world.units[community],
                )
            )
        return
    if what == "fulfil":
        with database.session() as session:
            session.add(
                FulfilmentRecord(
                    agreement_id=agreements[community],
                    held_on=date(2026, 3, 1) + timedelta(days=day),
                    activity=JointActivity.GRID_DAY,
                    participants=rng.randint(1, 30),
                    hours=Decimal("2.5"),
                )
            )
        return
    issue = _scoped_issue(database, rng, None if site == "street" else site, world)
    if issue is None:
        return
    try:
        with database.session() as session:
            if what == "edit":
                data = IssueData(
                    title=f"{site}改{day}-{rng.randint(1, 99)}",
                    community_id=issue.community_id,
                    category_id=issue.category_id,
                )
                update_facts(session, issue.id, issue.version, data, now=at)
            elif what == "accept":
                accept(session, issue.id, now=at)
            elif what == "dispatch" and site == "street":
                dispatch(session, issue.id, [DispatchTarget(org_unit_id=world.department)], now=at)
            elif what == "resolve":
                resolve(session, issue.id, "已处理", now=at)
    except UserError:
        pass  # not a step this issue's status allows: staff would not be offered it


def _plant_conflict(world: World, community: str) -> tuple[str, set[str]]:
    """The street and the community edit one issue before they exchange again."""
    issue = new_issue(world.street, world, community, "两边都要改的事项")
    _import(world.sites[community], _export(world.street, community))
    titles = {f"{name}的改法" for name in ("street", community)}
    for name in ("street", community):
        edit_title(_database(world, name), world, issue, f"{name}的改法", community)
    return issue, titles


def _settle(world: World, post: Post) -> None:
    """The end of the month: every bag delivered, the lost package found, rounds until quiet."""
    for receiver, data in [*post.bags, *post.lost]:
        _import(_database(world, receiver), data)
    post.bags, post.lost = [], []
    for _ in range(3):
        for database in world.sites.values():
            _import(world.street, _export(database, "street"))
        for name in world.sites:
            _import(world.sites[name], _export(world.street, name))


def _comparable(table: Any, values: dict[str, Any]) -> dict[str, Any]:
    # accounts are each site's own (journal entries keep their text)
    return {k: v for k, v in values.items() if not k.endswith("user_id")}


def _check_community(world: World, name: str) -> None:
    tables = exchanged_tables()
    with world.street.reader() as street, world.sites[name].reader() as site:
        scope = community_scope(street.connection(), world.units[name])
        for table_name, table in tables.items():
            held = scope.full.get(table_name, set()) | scope.masked.get(table_name, set())
            theirs = {
                row["id"]: row
                for row in site.connection().execute(select(table)).mappings()
                if not (table_name == "settings" and is_local_setting(row))
            }
            ours = {
                row["id"]: row
                for row in street.connection().execute(select(table)).mappings()
                if row["id"] in held
            }
            assert set(theirs) == set(ours), (name, table_name)
            for record_id, row in ours.items():
                expected = encoded(table, row)
                if scope.is_masked(table_name, record_id):
                    expected = masked_values(table_name, expected)
                assert _comparable(table, encoded(table, theirs[record_id])) == _comparable(
                    table, expected
                ), (name, table_name, record_id)
                assert theirs[record_id]["version"] == row["version"]


def _kept_titles(database: Database, issue: str) -> set[str]:
    with database.reader() as session:
        current = session.scalar(select(Issue.title).where(Issue.id == issue))
        conflicts = session.scalars(select(Conflict).where(Conflict.record_id == issue)).all()
    kept = {current or ""}
    for conflict in conflicts:
        kept |= {(conflict.winner or {}).get("title", ""), (conflict.loser or {}).get("title", "")}
    return kept


@seed(20260317)
# no shrinking: a failing run is replayed from its seed, printed by hypothesis
@settings(
    max_examples=2,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(run_seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_a_month_of_offline_work_converges(run_seed: int) -> None:
    rng = random.Random(run_seed)
    with tempfile.TemporaryDirectory(prefix="exchange-sim-") as folder:
        world = build_street(Path(folder))
        try:
            agreements = _set_up_agreements(world)
            for name in world.units:
                new_issue(world.street, world, name, f"{name}月初的事项")
            enrol_all(world, Path(folder))
            post = Post(rng)
            planted: tuple[str, set[str]] | None = None
            for day in range(DAYS):
                if day == PLANTED_DAY:
                    planted = _plant_conflict(world, "东湖社区")
                for site in ("street", *world.sites):
                    for _ in range(rng.randint(0, 1) + (site == "street")):
                        _act(world, site, rng, day, agreements)
                for name in world.sites:
                    if rng.random() < 0.5:
                        post.send("street", _export(world.sites[name], "street"))
                    if rng.random() < 0.5:
                        post.send(name, _export(world.street, name))
                post.deliver_some(world)
            _settle(world, post)
            for name in world.sites:
                _check_community(world, name)
            assert planted is not None
            issue, titles = planted
            assert titles <= _kept_titles(world.street, issue)
        finally:
            world.close()
