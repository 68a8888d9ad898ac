"""The three lists (三张清单): needs raised by communities, resources offered by resident
units, joint projects — and their two-way claims (双向认领) in every state.
"""

from __future__ import annotations

from datetime import date, timedelta
from random import Random
from typing import Any

from app.demo.clock import local_time
from app.demo.dice import pick
from app.demo.world import Community, Context, Street, Unit
from db.models.agreements import ListEntryStatus, ListKind

NEEDS = (
    ("为老服务", "独居老人定期探访志愿者", "辖区独居老人较多，需要志愿者每周上门探访。"),
    ("停车", "夜间错时停车泊位", "老旧小区车位严重不足，希望驻区单位开放内部停车场。"),
    ("教育", "困难家庭子女课业辅导", "需要有教学经验的党员志愿者周末辅导。"),
    ("党建阵地", "社区党群服务中心设施更新", "活动室桌椅、投影设备老化，需要支持更新。"),
    ("法律", "居民法律咨询服务", "居民邻里纠纷、物业纠纷较多，需要法律志愿者。"),
    ("医疗", "社区义诊和健康讲座", "老年居民希望定期开展义诊和健康讲座。"),
    ("环境", "背街小巷环境整治志愿者", "需要党员志愿者参与环境整治和垃圾分类督导。"),
    ("文化", "社区文化活动场地", "居民合唱队、书画班缺少固定活动场地。"),
)
RESOURCES = (
    ("停车", "内部停车场夜间错时开放", "可于工作日18:00至次日7:30开放车位。"),
    ("法律", "法律援助志愿服务", "单位法律顾问每月到社区坐诊一次。"),
    ("医疗", "职工医务室义诊", "可每季度组织医务人员到社区义诊。"),
    ("为老服务", "职工食堂为老助餐", "可为周边老人提供午餐助餐服务。"),
    ("党建阵地", "会议室和党员活动室开放", "周末可向社区开放会议室。"),
    ("教育", "青年党员志愿服务队", "青年党员可参与课业辅导和科普活动。"),
    ("文化", "专家讲堂", "可安排教授、专家到社区开设讲堂。"),
)
PROJECTS = (
    ("党建阵地", "“红色网格”共建项目", "驻区单位与网格党支部共建网格党群服务站。"),
    ("文化", "“院士讲堂”进社区", "联合驻区高校每季度开设讲堂。"),
    ("治理", "老旧小区停车秩序共治", "街道、社区、驻区单位共同治理停车难。"),
    ("为老服务", "“幸福食堂”助餐项目", "整合驻区单位食堂资源建设社区助餐点。"),
    ("创新", "硅巷党建联盟", "探索建立硅巷党建联席会议制度。"),
)
STATES = (
    (ListEntryStatus.OPEN, 25),
    (ListEntryStatus.CLAIMED, 20),
    (ListEntryStatus.IN_PROGRESS, 20),
    (ListEntryStatus.DONE, 25),
    (ListEntryStatus.CANCELLED, 10),
)
STEPS = (
    ListEntryStatus.OPEN,
    ListEntryStatus.CLAIMED,
    ListEntryStatus.IN_PROGRESS,
    ListEntryStatus.DONE,
)


def build_lists(ctx: Context) -> None:
    rng = ctx.rng("lists")
    for street in ctx.world.streets:
        units = [u for u in ctx.world.units if u.street is street]
        if not units:
            continue
        for community in street.communities:
            for category, title, text in rng.sample(NEEDS, rng.randint(2, 5)):
                _entry(ctx, rng, ListKind.NEED, category, title, text, community, rng.choice(units))
        for unit in units:
            if rng.random() < 0.35:
                category, title, text = rng.choice(RESOURCES)
                _entry(ctx, rng, ListKind.RESOURCE, category, title, text, unit, None)
        for category, title, text in rng.sample(PROJECTS, rng.randint(2, 4)):
            owner: Street | Unit = street if rng.random() < 0.6 else rng.choice(units)
            _entry(ctx, rng, ListKind.PROJECT, category, title, text, owner, rng.choice(units))


def _entry(
    ctx: Context,
    rng: Random,
    kind: ListKind,
    category: str,
    title: str,
    text: str,
    raised_by: Community | Street | Unit,
    claimer: Unit | None,
) -> None:
    raised = ctx.history_start + timedelta(days=rng.randint(0, 700))
    wanted = pick(rng, STATES)
    dates = _dates(rng, raised, ctx.today)
    reached = STEPS.index(wanted) if wanted in STEPS else rng.randint(0, 1)
    while reached and dates[reached - 1] is None:  # too recent to have got that far
        reached -= 1
    status = wanted if wanted is ListEntryStatus.CANCELLED else STEPS[reached]
    values: dict[str, Any] = {}
    if isinstance(raised_by, Unit):
        values["raised_by_unit_id"] = raised_by.id
        claim = {"claimed_by_org_unit_id": raised_by.community.id}
        name = raised_by.name
    else:
        values["raised_by_org_unit_id"] = raised_by.id
        claim = {"claimed_by_unit_id": claimer.id} if claimer else {}
        name = raised_by.name
    if reached >= 1 and claim:
        values.update(claim, claimed_on=dates[0])
    if reached >= 2:
        values["started_on"] = dates[1]
    if reached >= 3:
        values["done_on"] = dates[2]
    ctx.rows.add(
        "list_entries",
        local_time(raised, 10 * 60),
        list_kind=kind,
        title=title,
        description=f"{name}：{text}",
        category=category,
        raised_on=raised,
        status=status,
        **values,
    )


def _dates(rng: Random, raised: date, today: date) -> list[date | None]:
    """Claim, start and completion days, None where they would lie in the future."""
    days: list[date | None] = []
    current = raised
    for low, high in ((3, 40), (2, 20), (10, 90)):
        current = current + timedelta(days=rng.randint(low, high))
        days.append(current if current < today else None)
    return days
