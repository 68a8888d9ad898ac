"""Co-building agreements: branch pairings with the seven joint activities, co-building and
two-way service agreements with resident units, their commitments and fulfilment.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from random import Random

from app.demo.clock import local_time
from app.demo.dice import pick
from app.demo.plan import NINGHAI
from app.demo.world import Branch, Context, Unit
from db.models.agreements import AgreementKind, AgreementStatus, JointActivity, PartySide
from db.models.directory import UnitCategory

SEVEN = (
    (JointActivity.PARTY_LESSON, "共上一堂主题党课"),
    (JointActivity.THEMED_EVENT, "共办一场主题活动"),
    (JointActivity.HELP_FAMILY, "共帮一户困难家庭"),
    (JointActivity.VOLUNTEER_SERVICE, "共同开展一次志愿服务"),
    (JointActivity.GRID_DAY, "共做一日网格员"),
    (JointActivity.PARTY_SITE, "共建一个规范化党建阵地"),
    (JointActivity.GOVERNANCE_PROBLEM, "共同解决一个社区治理难题"),
)
UNIT_COMMITMENTS = (
    (JointActivity.OTHER, "开放内部停车场夜间错时停车", 1),
    (JointActivity.VOLUNTEER_SERVICE, "每季度开展一次联合志愿服务", 4),
    (JointActivity.PARTY_LESSON, "每年共上一堂主题党课", 1),
    (JointActivity.OTHER, "向社区开放会议室作为党员活动场地", 2),
    (JointActivity.HELP_FAMILY, "结对帮扶辖区困难家庭", 1),
    (JointActivity.THEMED_EVENT, "联合举办主题党日活动", 2),
    (JointActivity.OTHER, "开放职工食堂为社区老人助餐", 1),
    (JointActivity.GRID_DAY, "选派兼职网格员参与网格巡查", 12),
    (JointActivity.OTHER, "为社区居民提供法律咨询和义诊", 4),
    (JointActivity.GOVERNANCE_PROBLEM, "共同解决一个社区治理难题", 1),
)
END_REASONS = ("单位搬迁出辖区", "单位机构改革，协议终止", "双方协商一致提前终止")
ACTIVITY_NOTES = {
    JointActivity.PARTY_LESSON: "围绕党史学习教育共上主题党课",
    JointActivity.THEMED_EVENT: "联合开展主题党日活动",
    JointActivity.HELP_FAMILY: "走访慰问结对困难家庭，送去生活物资",
    JointActivity.VOLUNTEER_SERVICE: "开展社区环境整治志愿服务",
    JointActivity.GRID_DAY: "党员跟随网格员巡查网格，登记问题",
    JointActivity.PARTY_SITE: "共同完善社区党群服务阵地设施",
    JointActivity.GOVERNANCE_PROBLEM: "共同协调解决小区停车秩序问题",
    JointActivity.OTHER: "按协议开展共建服务",
}
# Scenario weights for unit agreements: most active, every other status represented.
SCENARIOS = (
    (AgreementStatus.ACTIVE, 55),
    (AgreementStatus.EXPIRING, 8),
    (AgreementStatus.EXPIRED, 8),
    (AgreementStatus.RENEWED, 12),
    (AgreementStatus.TERMINATED, 5),
    (AgreementStatus.DRAFT, 7),
)
TERM = timedelta(days=730)


class _Numbers:
    def __init__(self) -> None:
        self.used: dict[str, int] = {}

    def next(self, prefix: str, year: int, code: str) -> str:
        key = f"{prefix}{year}-{code}"
        self.used[key] = self.used.get(key, 0) + 1
        return f"{key}-{self.used[key]:03d}"


def build_agreements(ctx: Context) -> None:
    rng = ctx.rng("agreements")
    numbers = _Numbers()
    for street in ctx.world.streets:
        branches = [b for u in ctx.world.units if u.street is street for b in u.branches]
        for branch in branches:
            if branch.paired_community is not None:
                _pairing(ctx, rng, numbers, branch)
    for index, unit in enumerate(ctx.world.units):
        status = _scenario(rng, index)
        co_building = unit.category is UnitCategory.PROVINCIAL_ORGAN and unit.street.name == NINGHAI
        co_building = co_building or unit.category in (
            UnitCategory.UNIVERSITY,
            UnitCategory.STATE_ENTERPRISE,
        )
        kind = AgreementKind.CO_BUILDING if co_building else AgreementKind.TWO_WAY_SERVICE
        _unit_agreement(ctx, rng, numbers, unit, kind, status)
        if co_building and rng.random() < 0.5:  # many sign both
            _unit_agreement(ctx, rng, numbers, unit, AgreementKind.TWO_WAY_SERVICE, _scenario(rng))


def _scenario(rng: Random, index: int = -1) -> AgreementStatus:
    if 0 <= index < len(SCENARIOS):  # the first units guarantee every status appears
        return SCENARIOS[index][0]
    return pick(rng, SCENARIOS)


def _agreement(ctx: Context, at_day: date, **values: object) -> str:
    return ctx.rows.add("agreements", local_time(at_day, 10 * 60), **values)


def _party(ctx: Context, agreement: str, at_day: date, side: PartySide, **who: str) -> str:
    return ctx.rows.add(
        "agreement_parties", local_time(at_day, 10 * 60), agreement_id=agreement, side=side, **who
    )


def _commitment(
    ctx: Context, partner: str, activity: JointActivity, text: str, target: int, due: date
) -> str:
    """A yearly commitment of the partner side, entered with the agreement and its parties."""
    party = ctx.rows.get(partner)
    return ctx.rows.add(
        "commitments",
        party["created_at"],
        agreement_id=party["agreement_id"],
        activity=activity,
        text=text,
        responsible_party_id=partner,
        yearly_target=target,
        due_on=due,
    )


def _pairing(ctx: Context, rng: Random, numbers: _Numbers, branch: Branch) -> None:
    """A pairing for the current year with the seven commitments and partial fulfilment."""
    today, community = ctx.today, branch.paired_community
    assert community is not None
    year_start, year_end = date(today.year, 1, 1), date(today.year, 12, 31)
    signed = min(year_start + timedelta(days=rng.randint(8, 45)), today - timedelta(days=1))
    status = AgreementStatus.EXPIRING if (year_end - today).days <= 30 else AgreementStatus.ACTIVE
    agreement = _agreement(
        ctx,
        signed,
        kind=AgreementKind.BRANCH_PAIRING,
        number=numbers.next("ZB", today.year, community.street.code),
        title=f"{branch.name}与{community.name}党委结对共建协议",
        signed_on=signed,
        valid_from=year_start,
        valid_to=year_end,
        status=status,
        summary="“百对党支部共建联盟”结对协议，双方约定年内完成“七个共”共建任务。",
    )
    _party(ctx, agreement, signed, PartySide.STREET_SIDE, org_unit_id=community.id)
    partner = _party(ctx, agreement, signed, PartySide.PARTNER_SIDE, party_org_id=branch.id)
    draw = rng.random()  # a few pairs done, most partial, a bottom group far behind
    done = 7 if draw < 0.15 else rng.randint(0, 2) if draw > 0.85 else rng.randint(3, 6)
    held = sorted(rng.sample(range(7), done))
    for index, (activity, text) in enumerate(SEVEN):
        due = date(today.year, 6, 30) if activity is JointActivity.PARTY_LESSON else year_end
        commitment = _commitment(ctx, partner, activity, text, 1, due)
        if index in held:
            times = 2 if activity is JointActivity.VOLUNTEER_SERVICE and rng.random() < 0.3 else 1
            for _ in range(times):
                _fulfil(ctx, rng, agreement, commitment, activity, signed, community.name)


def _fulfil(
    ctx: Context,
    rng: Random,
    agreement: str,
    commitment: str | None,
    activity: JointActivity,
    start: date,
    place: str,
    until: date | None = None,
) -> None:
    last = min(until or ctx.today, ctx.today - timedelta(days=1))
    span = (last - start).days
    held = start + timedelta(days=rng.randint(1, span)) if span > 1 else start
    ctx.rows.add(
        "fulfilment_records",
        local_time(held, 17 * 60),
        agreement_id=agreement,
        commitment_id=commitment,
        held_on=held,
        activity=activity,
        participants=rng.randint(6, 45),
        hours=Decimal(rng.randint(3, 8)) / 2,
        place=f"{place}党群服务中心" if rng.random() < 0.7 else place,
        note=ACTIVITY_NOTES[activity],
    )


def _dates(rng: Random, today: date, status: AgreementStatus) -> tuple[date, date]:
    """(valid_from, valid_to) that agree with the status as seen on ``today``."""
    match status:
        case AgreementStatus.EXPIRING:
            end = today + timedelta(days=rng.randint(1, 30))
        case AgreementStatus.EXPIRED | AgreementStatus.RENEWED:
            end = today - timedelta(days=rng.randint(10, 300))
        case AgreementStatus.DRAFT:
            end = today + timedelta(days=rng.randint(15, 40)) + TERM
        case _:
            end = today + timedelta(days=rng.randint(40, 690))
    return end - TERM + timedelta(days=1), end


def _unit_agreement(
    ctx: Context,
    rng: Random,
    numbers: _Numbers,
    unit: Unit,
    kind: AgreementKind,
    status: AgreementStatus,
    predecessor: str | None = None,
) -> None:
    start, end = _dates(rng, ctx.today, status)
    if predecessor is not None:  # the renewal follows its predecessor without a gap
        start = ctx.rows.get(predecessor)["valid_to"] + timedelta(days=1)
        end = start + TERM - timedelta(days=1)
    signed = None if status is AgreementStatus.DRAFT else start - timedelta(days=rng.randint(0, 20))
    street_side = unit.street if kind is AgreementKind.CO_BUILDING else unit.community
    label = "党建共同体共建协议" if kind is AgreementKind.CO_BUILDING else "双向服务协议"
    entered = signed or ctx.today - timedelta(days=rng.randint(1, 10))
    agreement = _agreement(
        ctx,
        entered,
        kind=kind,
        number=numbers.next(
            "GJ" if kind is AgreementKind.CO_BUILDING else "SX", start.year, unit.street.code
        ),
        title=f"{street_side.name}与{unit.name}{label}",
        signed_on=signed,
        valid_from=start,
        valid_to=end,
        status=status,
        summary="双方围绕资源共享、服务共办、难题共解开展共建，期限两年。",
        end_reason=rng.choice(END_REASONS) if status is AgreementStatus.TERMINATED else "",
        predecessor_id=predecessor,
    )
    _party(ctx, agreement, entered, PartySide.STREET_SIDE, org_unit_id=street_side.id)
    partner = _party(ctx, agreement, entered, PartySide.PARTNER_SIDE, resident_unit_id=unit.id)
    for activity, text, target in rng.sample(UNIT_COMMITMENTS, rng.randint(2, 4)):
        due = min(end, date(end.year, 12, 31))
        commitment = _commitment(ctx, partner, activity, text, target, due)
        if signed is not None and status is not AgreementStatus.DRAFT:
            for _ in range(rng.randint(0, target)):
                _fulfil(ctx, rng, agreement, commitment, activity, start, unit.community.name, end)
    if status is AgreementStatus.RENEWED:
        _unit_agreement(ctx, rng, numbers, unit, kind, AgreementStatus.ACTIVE, agreement)
