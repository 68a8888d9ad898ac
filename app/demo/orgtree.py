"""The org-unit tree (街道 → 片区 → 社区 → 网格, plus departments) and the compounds."""

from __future__ import annotations

from random import Random

from app.demo.plan import JIANNING, STREETS
from app.demo.world import Community, CompoundRef, Context, Grid, Street
from db.models.directory import ManagementMode, OrgLevel, PartyOrgKind

DEPARTMENTS = (
    "党建办",
    "城管科",
    "社会事业科",
    "平安建设科",
    "民政科",
    "社区建设科",
    "物业管理办公室",
    "网格化服务管理中心",
)
GRID_NAMES = ("第一网格", "第二网格", "第三网格", "第四网格", "第五网格", "第六网格")
COMPOUND_WORDS = (
    "颐和 琅琊 西桥 宁海 牌楼 古平岗 金陵 紫竹 银杏 梧桐 清凉 石城 虎踞 龙蟠 秀山 天妃 "
    "郑和 大庆 静海 南秀 青岛 高云 马台 汉口 随家仓 宁夏 西康 珞珈 天竺 牯岭 普陀 灵隐 "
    "赤壁 莫干 厦门 江苏 山西 云南 百步坡 铁路北 三步两桥 察哈尔 凤凰 龙江 草场门 华侨 "
    "五台 童家 宝塔 金川 惠民 绣球 幕府 燕江 小市 老虎山 汉中 清江"
).split()
COMPOUND_SUFFIXES = ("新村", "小区", "花园", "苑", "公寓", "大院", "里", "新寓")
# 建宁路街道: 47 old compounds, nearly 80% without a property company.
OLD_TOWN_MODES = ((ManagementMode.FALLBACK, 0.55), (ManagementMode.SELF_MANAGED, 0.25))
TOWN_MODES = ((ManagementMode.FALLBACK, 0.22), (ManagementMode.SELF_MANAGED, 0.13))
ARTICLE_COMPOUNDS = {"天妃宫社区": ("安乐村",), "建宁路社区": ("建宁路33号",)}
JIANNING_OLD_COMPOUNDS = 47


def _mode(rng: Random, old_town: bool) -> ManagementMode:
    draw = rng.random()
    for mode, share in OLD_TOWN_MODES if old_town else TOWN_MODES:
        if draw < share:
            return mode
        draw -= share
    return ManagementMode.MARKET


def _org_unit(
    ctx: Context, parent: str | None, level: OrgLevel, name: str, code: str, position: int
) -> str:
    return ctx.rows.add(
        "org_units",
        ctx.setup_time,
        parent_id=parent,
        level=level,
        name=name,
        code=code,
        position=position,
    )


def add_party_org(
    ctx: Context, name: str, kind: PartyOrgKind, parent: str | None, members: int, **owner: str
) -> str:
    """A party organisation of an org unit or a resident unit (``org_unit_id=`` or
    ``resident_unit_id=``)."""
    return ctx.rows.add(
        "party_orgs",
        ctx.setup_time,
        name=name,
        kind=kind,
        parent_id=parent,
        member_count=members,
        **owner,
    )


def build_streets(ctx: Context, names: tuple[str, ...]) -> None:
    """Adds every street of the scale with its zones, communities, grids and departments."""
    rng = ctx.rng("orgtree")
    for position, name in enumerate(names):
        plan = STREETS[name]
        street_id = _org_unit(ctx, None, OrgLevel.STREET, name, plan.code, position)
        street = Street(street_id, name, plan.code, full=True)
        street.party_org_id = add_party_org(
            ctx,
            f"{name}党工委",
            PartyOrgKind.COMMITTEE,
            None,
            rng.randint(40, 90),
            org_unit_id=street_id,
        )
        ctx.world.streets.append(street)
        for index, department in enumerate(DEPARTMENTS):
            code = f"{plan.code}-D{index + 1:02d}"
            street.departments[department] = _org_unit(
                ctx, street_id, OrgLevel.DEPARTMENT, department, code, 100 + index
            )
        number = 0
        for zone_index, (zone_name, communities) in enumerate(plan.zones):
            zone_code = f"{plan.code}-Z{zone_index + 1}"
            zone_id = _org_unit(ctx, street_id, OrgLevel.ZONE, zone_name, zone_code, zone_index)
            street.zones.append((zone_id, zone_name))
            for community_name in communities:
                number += 1
                _community(ctx, rng, street, zone_id, zone_name, community_name, number)
        _compounds(ctx, rng, street, plan.old_town)


def _community(
    ctx: Context, rng: Random, street: Street, zone_id: str, zone: str, name: str, number: int
) -> None:
    plan = STREETS[street.name]
    code = f"{plan.code}-{number:02d}"
    community_id = _org_unit(ctx, zone_id, OrgLevel.COMMUNITY, name, code, number)
    roads = tuple(rng.sample(plan.roads, k=min(3, len(plan.roads))))
    community = Community(community_id, name, code, street, zone_id, zone, roads)
    community.party_org_id = add_party_org(
        ctx,
        f"{name}党委",
        PartyOrgKind.COMMITTEE,
        street.party_org_id,
        rng.randint(120, 480),
        org_unit_id=community_id,
    )
    for index in range(rng.randint(3, 6)):
        grid_name = GRID_NAMES[index]
        grid_id = _org_unit(
            ctx, community_id, OrgLevel.GRID, grid_name, f"{code}-{index + 1:02d}", index
        )
        grid = Grid(grid_id, grid_name, community)
        community.grids.append(grid)
        grid.party_org_id = add_party_org(
            ctx,
            f"{name}{grid_name}党支部",
            PartyOrgKind.BRANCH,
            community.party_org_id,
            rng.randint(8, 40),
            org_unit_id=grid_id,
        )
    street.communities.append(community)


def _compounds(ctx: Context, rng: Random, street: Street, old_town: bool) -> None:
    taken = {cp.name for c in ctx.world.communities for cp in c.compounds}
    if street.name == JIANNING:
        counts = _split(rng, JIANNING_OLD_COMPOUNDS, len(street.communities))
    else:
        counts = [rng.randint(7, 12) if old_town else rng.randint(3, 6) for _ in street.communities]
    for community, count in zip(street.communities, counts, strict=True):
        names = list(ARTICLE_COMPOUNDS.get(community.name, ()))
        while len(names) < count:
            name = _compound_name(rng, community)
            if name not in taken and name not in names:
                names.append(name)
        taken.update(names)
        for name in names:
            mode = ManagementMode.FALLBACK if name == "安乐村" else _mode(rng, old_town)
            grid = rng.choice(community.grids)
            is_address = name.endswith("号")
            address = (
                name if is_address else f"{rng.choice(community.roads)}{rng.randint(1, 260)}号"
            )
            households = {
                ManagementMode.MARKET: (300, 1800),
                ManagementMode.FALLBACK: (60, 620),
                ManagementMode.SELF_MANAGED: (40, 320),
            }[mode]
            compound_id = ctx.rows.add(
                "compounds",
                ctx.setup_time,
                name=name,
                community_id=community.id,
                grid_id=grid.id,
                address=f"南京市鼓楼区{address}",
                management_mode=mode,
                households=rng.randint(*households),
            )
            community.compounds.append(
                CompoundRef(compound_id, name, community, grid, address, mode)
            )


def _compound_name(rng: Random, community: Community) -> str:
    if rng.random() < 0.2:
        return f"{rng.choice(community.roads)}{rng.randint(2, 180)}号"
    return rng.choice(COMPOUND_WORDS) + rng.choice(COMPOUND_SUFFIXES)


def _split(rng: Random, total: int, parts: int) -> list[int]:
    """``total`` split into ``parts`` positive counts of roughly equal size."""
    counts = [total // parts] * parts
    for index in rng.sample(range(parts), total % parts):
        counts[index] += 1
    return counts
