"""What each scale contains: the streets, their zones and communities, and the volumes."""

from __future__ import annotations

from dataclasses import dataclass

NINGHAI = "宁海路街道"
JIANNING = "建宁路街道"
HUNAN = "湖南路街道"

ORGAN_BRANCHES_NINGHAI = 247  # 百对党支部共建联盟
REGISTERED_MEMBERS_NINGHAI = 6028  # 在职党员到社区报到
CROSS_POSTINGS = 16
FIRST_COMMUNITY_HEADS = 8
STREET_COUNCILS_JIANNING = 38  # 街社党建共同体议事会
HUGE_ISSUES = 1_000_000


@dataclass(frozen=True)
class StreetPlan:
    name: str
    code: str
    zones: tuple[tuple[str, tuple[str, ...]], ...]
    roads: tuple[str, ...]
    # Resident units per category key (see units.CATEGORY_KEYS), and issue weight.
    units: tuple[int, int, int, int, int, int, int, int]
    issue_weight: float = 1.0
    old_town: bool = False


STREETS: dict[str, StreetPlan] = {
    plan.name: plan
    for plan in (
        StreetPlan(
            NINGHAI,
            "NHL",
            (
                ("南片区", ("宁海路社区", "北京西路社区", "西桥社区")),
                ("北片区", ("山西路社区", "江苏路社区", "牌楼巷社区")),
                ("西片区", ("颐和路社区", "琅琊路社区", "古平岗社区")),
            ),
            ("宁海路", "北京西路", "山西路", "江苏路", "颐和路", "琅琊路", "西康路", "珞珈路"),
            (46, 6, 5, 3, 4, 5, 10, 6),
        ),
        StreetPlan(
            JIANNING,
            "JNL",
            (
                ("东片区", ("天妃宫社区", "建宁路社区", "郑和社区")),
                ("西片区", ("姜家圩社区", "大庆路社区", "三汊河社区")),
            ),
            ("建宁路", "郑和北路", "大庆路", "天妃宫路", "姜家圩", "三汊河路", "静海寺路"),
            (1, 4, 3, 1, 1, 3, 9, 4),
            issue_weight=1.6,
            old_town=True,
        ),
        StreetPlan(
            HUNAN,
            "HNL",
            (
                ("东片区", ("南秀村社区", "青岛路社区", "高云岭社区")),
                ("西片区", ("马台街社区", "湖北路社区")),
            ),
            ("湖南路", "青岛路", "汉口路", "高云岭", "马台街", "湖北路", "南秀村"),
            (3, 3, 2, 2, 3, 2, 8, 4),
            issue_weight=0.8,
        ),
        StreetPlan(
            "华侨路街道",
            "HQL",
            (("东片区", ("华侨路社区", "五台山社区")), ("西片区", ("汉中门社区", "虎踞路社区"))),
            ("华侨路", "汉中路", "虎踞路", "上海路", "五台山"),
            (1, 3, 2, 1, 1, 2, 6, 3),
        ),
        StreetPlan(
            "中央门街道",
            "ZYM",
            (
                ("南片区", ("中央门社区", "童家巷社区")),
                ("北片区", ("新模范马路社区", "三牌楼社区")),
            ),
            ("中央北路", "新模范马路", "童家巷", "三牌楼大街"),
            (0, 2, 2, 2, 2, 2, 6, 3),
        ),
        StreetPlan(
            "挹江门街道",
            "YJM",
            (("东片区", ("挹江门社区", "察哈尔路社区")), ("西片区", ("福建路社区", "萨家湾社区"))),
            ("中山北路", "察哈尔路", "福建路", "萨家湾"),
            (1, 2, 2, 1, 1, 2, 5, 3),
        ),
        StreetPlan(
            "江东街道",
            "JDJ",
            (("南片区", ("龙江社区", "清江社区")), ("北片区", ("江东门社区", "草场门社区"))),
            ("江东北路", "龙园西路", "清江南路", "草场门大街"),
            (0, 2, 3, 1, 2, 3, 8, 3),
        ),
        StreetPlan(
            "凤凰街道",
            "FHJ",
            (("东片区", ("凤凰西街社区", "清凉门社区")), ("西片区", ("凤凰花园城社区",))),
            ("凤凰西街", "清凉门大街", "虎踞北路"),
            (0, 1, 2, 1, 1, 2, 5, 3),
        ),
        StreetPlan(
            "热河南路街道",
            "RHN",
            (("东片区", ("热河南路社区", "惠民桥社区")), ("西片区", ("大马路社区",))),
            ("热河南路", "惠民大道", "大马路"),
            (0, 1, 2, 0, 1, 2, 5, 2),
            old_town=True,
        ),
        StreetPlan(
            "阅江楼街道",
            "YJL",
            (("东片区", ("静海寺社区", "阅江楼社区")), ("西片区", ("绣球公园社区",))),
            ("建宁路", "静海寺路", "绣球公园路"),
            (0, 1, 2, 0, 1, 1, 4, 2),
            old_town=True,
        ),
        StreetPlan(
            "宝塔桥街道",
            "BTQ",
            (("南片区", ("宝塔桥社区", "金川门社区")), ("北片区", ("四所村社区",))),
            ("宝塔桥东街", "金川门外街", "四所村"),
            (0, 1, 1, 0, 1, 2, 5, 2),
            old_town=True,
        ),
        StreetPlan(
            "小市街道",
            "XSJ",
            (("南片区", ("小市社区", "南所街社区")), ("北片区", ("老虎山社区",))),
            ("小市街", "南所街", "老虎山路"),
            (0, 1, 1, 0, 1, 1, 5, 2),
        ),
        StreetPlan(
            "幕府山街道",
            "MFS",
            (("东片区", ("幕府山社区", "燕江路社区")), ("西片区", ("五塘村社区",))),
            ("幕府东路", "燕江路", "五塘村路"),
            (0, 1, 1, 1, 2, 2, 6, 2),
        ),
    )
}


@dataclass(frozen=True)
class ScalePlan:
    streets: tuple[str, ...]
    issues: int  # issues with their full history (dispatches, events, follow-ups)
    bulk_issues_to: int = 0  # total issues after the bulk load (huge only)
    members_everywhere: bool = False  # in-service members registered in every street


SCALE_PLANS: dict[str, ScalePlan] = {
    "street": ScalePlan((NINGHAI, JIANNING, HUNAN), 3000),
    "district": ScalePlan(tuple(STREETS), 10000, members_everywhere=True),
    "huge": ScalePlan((NINGHAI, JIANNING, HUNAN), 3000, bulk_issues_to=HUGE_ISSUES),
}
