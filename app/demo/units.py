"""Resident units (驻区单位) of every category, their party organisations and leaders."""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from app.demo.orgtree import add_party_org
from app.demo.plan import NINGHAI, ORGAN_BRANCHES_NINGHAI, STREETS
from app.demo.staff import add_person
from app.demo.world import Branch, Community, Context, Street, Unit
from db.models.directory import PartyOrgKind, UnitCategory

CATEGORY_KEYS = (
    UnitCategory.PROVINCIAL_ORGAN,
    UnitCategory.CITY_ORGAN,
    UnitCategory.DISTRICT_ORGAN,
    UnitCategory.UNIVERSITY,
    UnitCategory.RESEARCH_INSTITUTE,
    UnitCategory.STATE_ENTERPRISE,
    UnitCategory.PRIVATE_ENTERPRISE,
    UnitCategory.SOCIAL_ORGANISATION,
)
PROVINCIAL = (
    "江苏省委办公厅 江苏省政府办公厅 江苏省委组织部 江苏省委宣传部 江苏省委统战部 江苏省委政法委 "
    "江苏省委政策研究室 江苏省委网信办 江苏省委编办 江苏省级机关工委 江苏省委老干部局 "
    "江苏省发展改革委 江苏省教育厅 江苏省科技厅 江苏省工业和信息化厅 江苏省民族宗教委 "
    "江苏省民政厅 江苏省司法厅 江苏省财政厅 江苏省人力资源社会保障厅 江苏省自然资源厅 "
    "江苏省生态环境厅 江苏省住房城乡建设厅 江苏省交通运输厅 江苏省水利厅 江苏省农业农村厅 "
    "江苏省商务厅 江苏省文化和旅游厅 江苏省卫生健康委 江苏省退役军人事务厅 江苏省应急管理厅 "
    "江苏省审计厅 江苏省国资委 江苏省市场监管局 江苏省广电局 江苏省体育局 江苏省统计局 "
    "江苏省医保局 江苏省地方金融监管局 江苏省信访局 江苏省机关事务管理局 "
    "江苏省粮食和物资储备局 江苏省政务服务管理办公室 江苏省档案馆 江苏省总工会 共青团江苏省委 "
    "江苏省妇联 江苏省科协 江苏省文联 江苏省侨联 江苏省残联 江苏省供销合作总社 江苏省红十字会"
).split()
BUREAUS = (
    "委办公室 政府办公室 委组织部 委宣传部 委统战部 委政法委 发展和改革委员会 教育局 "
    "科学技术局 工业和信息化局 民政局 司法局 财政局 人力资源和社会保障局 规划和自然资源局 "
    "生态环境局 住房保障和房产局 城乡建设委员会 城市管理局 交通运输局 水务局 商务局 "
    "文化和旅游局 卫生健康委员会 退役军人事务局 应急管理局 审计局 市场监督管理局 统计局 "
    "医疗保障局 信访局 机关事务管理局 档案馆 总工会 妇女联合会 科学技术协会 残疾人联合会"
).split()
WORDS = (
    "金陵 钟山 紫金 石城 秦淮 虎踞 清凉 龙蟠 玄武 宁海 秀山 颐和 北极阁 鼓楼 随园 "
    "汉中 莫愁 凤凰 乐业 和顺 悦邻 同心 暖阳 众益 乐居 安居 惠民 民和 鼓韵 睿丰 博远 "
    "清源 福瑞 长青 宁安 颐康 紫苑 金鼓 诚信 恒泰"
).split()
UNIVERSITY_KINDS = (
    "大学",
    "理工学院",
    "师范学院",
    "医学院",
    "艺术学院",
    "财经学院",
    "职业技术学院",
)
RESEARCH_FIELDS = (
    "城乡规划设计 水利科学 农业经济 地质调查 工程勘察 环境科学 建筑科学 交通规划 "
    "档案技术 文物保护 电子信息 中医药 社会发展 气象科学 测绘地理信息 城市治理 海洋经济"
).split()
RESEARCH_KINDS = ("研究院", "研究所", "研究中心")
SOE_CORES = (
    "城市建设投资 水务 燃气 公共交通 电力工程 粮油 旅游 文化投资 交通建设 国有资产经营 "
    "地铁运营 园林绿化 市政工程 城市更新 信息产业 医药 出版传媒"
).split()
PRIVATE_KINDS = ("物业服务有限公司", "科技有限公司", "律师事务所", "餐饮管理有限公司", "快递服务站")
SOCIAL_KINDS = ("社会工作服务中心", "志愿者协会", "养老服务中心", "公益发展中心", "社区基金会")
NUMERALS = "一二三四五六七八九十"
COLLEGES = ("马克思主义学院", "文学院", "商学院", "工程学院", "机关", "信息学院")
LEADER_POSTS: dict[UnitCategory, tuple[str, ...]] = {
    UnitCategory.PROVINCIAL_ORGAN: ("机关党委书记", "机关党委专职副书记", "机关党委办公室主任"),
    UnitCategory.CITY_ORGAN: ("机关党委书记", "机关党委专职副书记", "办公室主任"),
    UnitCategory.DISTRICT_ORGAN: ("机关党委书记", "办公室主任"),
    UnitCategory.UNIVERSITY: ("党委副书记", "党委组织部部长", "党委办公室主任"),
    UnitCategory.RESEARCH_INSTITUTE: ("党委书记", "综合办公室主任"),
    UnitCategory.STATE_ENTERPRISE: ("党委书记、董事长", "党群工作部部长"),
    UnitCategory.PRIVATE_ENTERPRISE: ("总经理", "党支部书记"),
    UnitCategory.SOCIAL_ORGANISATION: ("理事长", "项目主管"),
}


def numeral(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    return (
        ("" if n < 20 else NUMERALS[n // 10 - 1]) + "十" + (NUMERALS[n % 10 - 1] if n % 10 else "")
    )


class _Names:
    """Unit names, unique across the whole demo."""

    def __init__(self, rng: Random) -> None:
        self.rng = rng
        self.taken: set[str] = set()
        self.provincial = PROVINCIAL[:]
        self.city = [f"南京市{b}" for b in BUREAUS]
        self.district = [f"鼓楼区{b}" for b in BUREAUS]
        for pool in (self.city, self.district):
            rng.shuffle(pool)

    def _unique(self, make: Callable[[], str]) -> str:
        """A fresh name from ``make``; after a few clashes, the clash with a suffix."""
        name = make()
        for _ in range(20):
            if name not in self.taken:
                break
            name = make()
        while name in self.taken:
            name += "（二部）"
        self.taken.add(name)
        return name

    def name(self, category: UnitCategory, index: int) -> str:
        """A name for the ``index``-th unit of the category in a street."""
        rng = self.rng

        def word() -> str:
            return rng.choice(WORDS)

        match category:
            case UnitCategory.PROVINCIAL_ORGAN:
                pool = self.provincial
                return self._unique(lambda: pool.pop(0) if pool else f"江苏省{word()}办")
            case UnitCategory.CITY_ORGAN:
                pool = self.city
                return self._unique(lambda: pool.pop() if pool else f"南京市{word()}管理处")
            case UnitCategory.DISTRICT_ORGAN:
                pool = self.district
                return self._unique(lambda: pool.pop() if pool else f"鼓楼区{word()}服务中心")
            case UnitCategory.UNIVERSITY:
                return self._unique(lambda: f"南京{word()}{rng.choice(UNIVERSITY_KINDS)}")
            case UnitCategory.RESEARCH_INSTITUTE:
                return self._unique(
                    lambda: f"江苏省{rng.choice(RESEARCH_FIELDS)}{rng.choice(RESEARCH_KINDS)}"
                )
            case UnitCategory.STATE_ENTERPRISE:  # the first is the area's water company
                return self._unique(
                    lambda: (
                        f"南京{word()}{'水务' if index == 0 else rng.choice(SOE_CORES)}集团有限公司"
                    )
                )
            case UnitCategory.PRIVATE_ENTERPRISE:
                first = index < 3  # every street has a few property companies

                def private() -> str:
                    kind = PRIVATE_KINDS[0] if first else rng.choice(PRIVATE_KINDS[1:])
                    return f"{'江苏' if kind == '律师事务所' else '南京'}{word()}{kind}"

                return self._unique(private)
            case _:
                return self._unique(lambda: f"鼓楼区{word()}{rng.choice(SOCIAL_KINDS)}")


def build_units(ctx: Context) -> None:
    rng = ctx.rng("units")
    names = _Names(rng)
    for street in ctx.world.streets:
        counts = STREETS[street.name].units
        branch_counts = _organ_branch_counts(rng, street, counts)
        organ_index = 0
        for category, count in zip(CATEGORY_KEYS, counts, strict=True):
            for index in range(count):
                community = _home_community(rng, street, category)
                unit = _unit(ctx, rng, names.name(category, index), category, community)
                if unit.is_organ:
                    _organ_party(ctx, unit, branch_counts[organ_index])
                    organ_index += 1
                else:
                    _other_party(ctx, rng, unit)
                _leaders(ctx, unit)


def _home_community(rng: Random, street: Street, category: UnitCategory) -> Community:
    # Provincial organs cluster in the south zone of 宁海路 (around the provincial government).
    if category is UnitCategory.PROVINCIAL_ORGAN and street.name == NINGHAI and rng.random() < 0.5:
        return rng.choice(street.communities[:3])
    return rng.choice(street.communities)


def _organ_branch_counts(rng: Random, street: Street, counts: tuple[int, ...]) -> list[int]:
    """Branches per organ; for 宁海路 they add up to exactly the article's 247."""
    sizes = [rng.randint(2, 8) for _ in range(counts[0])]
    sizes += [rng.randint(2, 4) for _ in range(counts[1] + counts[2])]
    if street.name == NINGHAI:
        while sum(sizes) != ORGAN_BRANCHES_NINGHAI:
            index = rng.randrange(len(sizes))
            if sum(sizes) < ORGAN_BRANCHES_NINGHAI and sizes[index] < 12:
                sizes[index] += 1
            elif sum(sizes) > ORGAN_BRANCHES_NINGHAI and sizes[index] > 1:
                sizes[index] -= 1
    return sizes


def _unit(
    ctx: Context, rng: Random, name: str, category: UnitCategory, community: Community
) -> Unit:
    address = f"南京市鼓楼区{rng.choice(community.roads)}{rng.randint(1, 300)}号"
    unit_id = ctx.rows.add(
        "resident_units",
        ctx.setup_time,
        name=name,
        category=category,
        org_unit_id=community.id,
        address=address,
    )
    unit = Unit(unit_id, name, category, community)
    community.units.append(unit)
    ctx.world.units.append(unit)
    return unit


def _party_org(
    ctx: Context, name: str, kind: PartyOrgKind, unit: Unit, parent: str | None, members: int
) -> str:
    return add_party_org(ctx, name, kind, parent, members, resident_unit_id=unit.id)


def _organ_party(ctx: Context, unit: Unit, branches: int) -> None:
    unit.committee_id = _party_org(
        ctx, f"{unit.name}机关党委", PartyOrgKind.COMMITTEE, unit, None, 0
    )
    parents = [unit.committee_id]
    if branches >= 7:  # big organs group their branches under general branches
        parents = [
            _party_org(
                ctx,
                f"{unit.name}机关第{numeral(n)}党总支",
                PartyOrgKind.GENERAL_BRANCH,
                unit,
                unit.committee_id,
                0,
            )
            for n in (1, 2)
        ]
    for n in range(1, branches + 1):
        name = f"{unit.name}机关第{numeral(n)}党支部"
        parent = parents[(n - 1) * len(parents) // branches]
        branch_id = _party_org(ctx, name, PartyOrgKind.BRANCH, unit, parent, 0)
        unit.branches.append(Branch(branch_id, name, unit))


def _other_party(ctx: Context, rng: Random, unit: Unit) -> None:
    category = unit.category
    if category in (UnitCategory.PRIVATE_ENTERPRISE, UnitCategory.SOCIAL_ORGANISATION):
        if rng.random() < 0.6:  # non-public organisations report to the community committee
            unit.committee_id = _party_org(
                ctx,
                f"{unit.name}党支部",
                PartyOrgKind.BRANCH,
                unit,
                unit.community.party_org_id,
                rng.randint(3, 15),
            )
        return
    unit.committee_id = _party_org(
        ctx, f"{unit.name}党委", PartyOrgKind.COMMITTEE, unit, None, rng.randint(80, 900)
    )
    if category is UnitCategory.UNIVERSITY:
        for college in rng.sample(COLLEGES, 3):
            general = _party_org(
                ctx,
                f"{unit.name}{college}党总支",
                PartyOrgKind.GENERAL_BRANCH,
                unit,
                unit.committee_id,
                rng.randint(40, 160),
            )
            for branch in ("教工党支部", "学生第一党支部"):
                _party_org(
                    ctx,
                    f"{unit.name}{college}{branch}",
                    PartyOrgKind.BRANCH,
                    unit,
                    general,
                    rng.randint(12, 60),
                )
        return
    for n in range(1, rng.randint(2, 3) + 1):
        _party_org(
            ctx,
            f"{unit.name}第{numeral(n)}党支部",
            PartyOrgKind.BRANCH,
            unit,
            unit.committee_id,
            rng.randint(10, 45),
        )


def _leaders(ctx: Context, unit: Unit) -> None:
    for post in LEADER_POSTS[unit.category]:
        unit.leaders.append(
            add_person(
                ctx,
                post=post,
                ages=(35, 58),
                employer_unit_id=unit.id,
                party_org_id=unit.committee_id,
            )
        )
    contact = unit.leaders[-1]
    row = ctx.rows.get(unit.id)
    row["contact_name"] = contact.name
    row["contact_phone"] = contact.mobile
    if unit.committee_id is not None:
        ctx.rows.update_later("party_orgs", unit.committee_id, secretary_id=unit.leaders[0].id)
