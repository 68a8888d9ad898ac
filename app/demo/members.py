"""In-service party members of the organ branches and their registration with communities.

For 宁海路街道 the numbers are the article's: 247 organ branches, each paired with one of the
nine communities, and 6,028 members registered (在职党员到社区报到).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from random import Random

from app.demo.clock import local_time
from app.demo.dice import pick
from app.demo.plan import NINGHAI, REGISTERED_MEMBERS_NINGHAI
from app.demo.staff import add_person
from app.demo.world import Branch, Community, Context, Street
from db.models.directory import PartyOrgKind

ORGAN_POSTS = (
    ("一级科员", 6),
    ("四级主任科员", 6),
    ("二级主任科员", 4),
    ("一级主任科员", 3),
    ("副处长", 3),
    ("处长", 2),
    ("四级调研员", 2),
    ("二级调研员", 1),
    ("科员", 4),
)
SERVICES = (
    "网格巡逻",
    "党员轮值",
    "共做一日网格员",
    "垃圾分类督导",
    "文明交通劝导",
    "助老服务：陪老人就医",
    "困难家庭走访慰问",
    "社区环境整治志愿服务",
    "政策宣讲进楼栋",
    "青少年课业辅导",
    "反诈宣传",
    "老旧小区停车秩序引导",
    "防汛值守",
    "党群服务中心值班",
)
PART_TIME_GRID_WORKERS = 20  # of the district's 204 (scaled to the street)


def build_members(ctx: Context, *, every_street: bool) -> None:
    """Members, registrations and service for 宁海路; other streets only when ``every_street``."""
    rng = ctx.rng("members")
    for street in ctx.world.streets:
        branches = [b for unit in ctx.world.units if unit.street is street for b in unit.branches]
        if not branches or not (street.name == NINGHAI or every_street):
            continue
        _pair(rng, street, branches)
        if street.name == NINGHAI:
            sizes = _sizes(rng, len(branches), REGISTERED_MEMBERS_NINGHAI)
        else:
            sizes = [rng.randint(6, 16) for _ in branches]
        for branch, size in zip(branches, sizes, strict=True):
            _branch_members(ctx, rng, street, branch, size)
        _part_time_grid_workers(ctx, rng, street)
    _member_counts(ctx, rng)


def _pair(rng: Random, street: Street, branches: list[Branch]) -> None:
    """Pairs every organ branch with a community: its own, a neighbour in the zone, or any."""
    by_zone: dict[str, list[Community]] = defaultdict(list)
    for community in street.communities:
        by_zone[community.zone_id].append(community)
    for branch in branches:
        home = branch.unit.community
        draw = rng.random()
        if draw < 0.45:
            branch.paired_community = home
        elif draw < 0.85:
            branch.paired_community = rng.choice(by_zone[home.zone_id])
        else:
            branch.paired_community = rng.choice(street.communities)


def _sizes(rng: Random, parts: int, total: int) -> list[int]:
    sizes = [rng.randint(12, 38) for _ in range(parts)]
    while (difference := total - sum(sizes)) != 0:
        index = rng.randrange(parts)
        step = 1 if difference > 0 else -1
        if 8 <= sizes[index] + step <= 45:
            sizes[index] += step
    return sizes


def _registered_on(ctx: Context, rng: Random) -> date:
    """Most registered in the last year's drive, the rest earlier in the history."""
    if rng.random() < 0.7:
        return ctx.today - timedelta(days=rng.randint(30, 330))
    return ctx.history_start + timedelta(days=rng.randint(0, 360))


def _branch_members(ctx: Context, rng: Random, street: Street, branch: Branch, size: int) -> None:
    for index in range(size):
        member = add_person(
            ctx,
            post=rng.choice(("处长", "副处长")) if index == 0 else pick(rng, ORGAN_POSTS),
            ages=(23, 59),
            employer_unit_id=branch.unit.id,
            party_org_id=branch.id,
        )
        branch.members.append(member)
        paired = branch.paired_community
        community = paired if paired and rng.random() < 0.75 else rng.choice(street.communities)
        registered = _registered_on(ctx, rng)
        registration = ctx.rows.add(
            "member_registrations",
            local_time(registered, rng.randint(540, 1020)),
            person_id=member.id,
            community_id=community.id,
            employer_unit_id=branch.unit.id,
            registered_on=registered,
        )
        if rng.random() < 0.65:
            _services(ctx, rng, registration, registered)
    if branch.members:  # a division head leads the branch
        ctx.rows.update_later("party_orgs", branch.id, secretary_id=branch.members[0].id)


def _services(ctx: Context, rng: Random, registration: str, registered: date) -> None:
    span = (ctx.today - registered).days - 1
    if span <= 0:
        return
    for _ in range(rng.choices((1, 2, 3, 4, 5, 6), (30, 25, 18, 12, 9, 6))[0]):
        served = registered + timedelta(days=rng.randint(1, span))
        ctx.rows.add(
            "service_records",
            local_time(served, rng.randint(1000, 1300)),
            registration_id=registration,
            served_on=served,
            activity=rng.choice(SERVICES),
            hours=Decimal(rng.randint(2, 8)) / 2,
        )


def _part_time_grid_workers(ctx: Context, rng: Random, street: Street) -> None:
    units = [u for u in ctx.world.units if u.street is street and u.committee_id]
    for unit in rng.sample(units, min(PART_TIME_GRID_WORKERS, len(units))):
        grid = rng.choice(unit.community.grids)
        worker = add_person(
            ctx,
            post="兼职网格员",
            ages=(26, 55),
            employer_unit_id=unit.id,
            org_unit_id=grid.id,
            party_org_id=unit.committee_id,
            grid_worker=True,
            note=f"{unit.name}选派的兼职网格员",
        )
        grid.workers.append(worker)


def _member_counts(ctx: Context, rng: Random) -> None:
    """Branch sizes include a few members not (yet) registered; parents sum their children."""
    for unit in ctx.world.units:
        if not unit.branches:
            continue
        totals: dict[str, int] = defaultdict(int)
        for branch in unit.branches:
            row = ctx.rows.get(branch.id)
            members = len(branch.members)
            row["member_count"] = members + rng.randint(0, 5) if members else rng.randint(8, 30)
            parent = row["parent_id"]
            totals[parent] += row["member_count"]
            if parent != unit.committee_id:
                totals[str(unit.committee_id)] += row["member_count"]
        for party_id, total in totals.items():
            parent_row = ctx.rows.get(party_id)
            extra = len(unit.leaders) if parent_row["kind"] is PartyOrgKind.COMMITTEE else 0
            parent_row["member_count"] = total + extra
