"""A year-end work report long enough to fill 30+ pages of GB/T 9704 minutes.

The minutes printer must cope with very long notes (page breaks, running page numbers); the
report is built from the article's themes, repeated community by community with varied
figures, until it passes ``MIN_CHARS`` (30 pages × 22 lines × 28 characters ≈ 18,500).
"""

from __future__ import annotations

from random import Random

from app.demo.units import numeral
from app.demo.world import Street

MIN_CHARS = 20_000

OPENING = (
    "会议审议了{street}党工委关于{year}年度城市基层党建共同体建设工作的报告。报告指出，一年来，"
    "街道党工委坚持以人民为中心，汇聚组织共同体、行动共同体、治理共同体、先锋共同体、发展"
    "共同体等多元共建力量，健全人民满意的评价体系，深化区域化党建创新实践，放大资源整合集聚"
    "效能，着力构建党建引领、人民满意、共建共治共享的城市基层党建新格局。"
)
SECTIONS = (
    (
        "以统揽全局的视野规划组织共建",
        "街道党工委规范“大工委”、社区“大党委”运行机制，与驻区单位签订党建共同体共建协议，"
        "召开片区党建联盟协调议事会，让“街道吹哨、部门报到”延伸到驻区单位，推动街道从行政末端"
        "向治理中枢转变，驻区单位从旁观者向参与者转型。全年召开议事会{meetings}次，议定事项"
        "{decisions}项，已办结{done}项。",
    ),
    (
        "以融合创新的活动促进行动互联",
        "以阵地建设、党群服务破题，推动党建工作与服务群众有机融合。按照党群服务阵地建设标准，"
        "辖区社区党群阵地全部实质化运行；依托党建活动“穿针引线”，与{agreements}家驻区单位签订"
        "双向服务协议，通过供需对接、双向认领，推动解决民生服务、社会治理等领域重点难点问题。",
    ),
    (
        "以治理水平的提升助力全域幸福",
        "坚持党领导下的“多网融合、一网联动”，全要素建设“红色网格”，将支部建在网格上，驻区单位"
        "工作人员被吸纳为兼职网格员，实现服务资源有效下沉。全年受理民生事项{issues}件，办结率"
        "{rate}%，群众满意率持续提升。构建“1+3+X”住宅小区管理体系，探索市场化、兜底式、自管型"
        "三种运行模式，打通联系服务群众的“最后一米”。",
    ),
    (
        "以先锋作用的发挥践行初心使命",
        "探索建立党员干部双向培养、双向评价、双向考核激励机制，联合驻区单位开展上挂下派、结对"
        "培养，实现省市区干部交叉挂职，将双向评价作为干部年度综合考评的重要依据；深化机关、"
        "社区党组织结对共建行动，组织在职党员深入社区开展为民服务，一线考察识别干部。",
    ),
)
COMMUNITY_PARAGRAPHS = (
    "{community}党委牵头组建社区“大党委”，吸纳{units}家驻区单位党组织负责人担任兼职委员，"
    "全年召开“大党委”会议{m}次，梳理需求清单{needs}项、资源清单{resources}项，认领项目{projects}"
    "个。结对党支部与社区共上主题党课、共办主题活动，在职党员参与网格巡逻和党员轮值{hours}"
    "小时。",
    "{community}聚焦老旧小区停车难、雨季积水、设施老化等群众急难愁盼问题，通过网格员走访、"
    "线上小程序等渠道收集民生事项{issues}件，按照“登记、受理、派单、办理、办结、回访、归档”"
    "闭环管理，对超期事项实行督办，对回访不满意的事项重新办理，群众满意率达到{satisfaction}%。",
    "{community}深化“红色网格”建设，{grids}个网格全部建立网格党支部，专职网格员和兼职网格员"
    "共同巡查，实现需求在网格发现、矛盾在网格化解、环境在网格整治、安全在网格防范、服务在"
    "网格开展。下一步将继续推动驻区单位资源向网格下沉。",
)
CLOSING = (
    "报告同时分析了存在的问题：一是部分结对党支部“七个共”进度不平衡，少数支部完成率偏低；"
    "二是老旧小区停车难、积水等问题治理仍需久久为功；三是驻区单位参与基层治理的长效机制还需"
    "进一步健全。会议认为，报告实事求是、重点突出，同意提交街道“大工委”年度考评。会议要求，"
    "各成员单位要坚持系统思维，突出开放融合，注重上下联动和双向互动，推动形成整体合力。"
)


def long_report(rng: Random, street: Street, year: int) -> str:
    """Numbered sections, then a paragraph per community per theme, until long enough."""
    parts = [OPENING.format(street=street.name, year=year)]
    decisions = rng.randint(60, 120)
    figures = {
        "meetings": rng.randint(20, 40),
        "decisions": decisions,
        "done": decisions - rng.randint(3, 12),
        "agreements": rng.randint(60, 110),
        "issues": rng.randint(900, 1600),
        "rate": rng.randint(92, 99),
    }
    for index, (heading, body) in enumerate(SECTIONS, start=1):
        parts.append(f"{numeral(index)}、{heading}")
        parts.append(body.format(**figures))
    round_no = 0
    while sum(len(p) for p in parts) < MIN_CHARS - len(CLOSING):
        round_no += 1
        template = COMMUNITY_PARAGRAPHS[(round_no - 1) % len(COMMUNITY_PARAGRAPHS)]
        parts.append(f"{numeral(len(SECTIONS) + round_no)}、各社区工作情况（{numeral(round_no)}）")
        for position, community in enumerate(street.communities, start=1):
            text = template.format(
                community=community.name,
                units=len(community.units) or rng.randint(3, 9),
                m=rng.randint(4, 8),
                needs=rng.randint(8, 30),
                resources=rng.randint(6, 25),
                projects=rng.randint(3, 12),
                hours=rng.randint(300, 2600),
                issues=rng.randint(60, 300),
                satisfaction=rng.randint(90, 99),
                grids=len(community.grids),
            )
            parts.append(f"（{numeral(position)}）{text}")
    parts.append(CLOSING)
    return "\n".join(parts)
