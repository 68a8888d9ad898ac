"""The article's two cases at 建宁路街道, told step by step.

安乐村停车难 and 建宁路33号雨季积水: a first fix, a dissatisfied follow-up, the street–community
council (街社党建共同体议事会) deciding who does what, a second round of dispatches, and a
satisfied resident. The council agendas are left in ``world.case_agendas`` for meetings.py,
whose action items then point at these issues.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.demo.clock import local_time
from app.demo.issues import Scripted
from app.demo.journal import Journal, Target
from app.demo.plan import JIANNING
from app.demo.world import CaseAgenda, Community, CompoundRef, Context, Owner, Street, Unit
from app.issues.limits import end_of
from db.models.issues import DispatchStatus, IssueSource, IssueStatus, Priority, Satisfaction

ANLE_TITLE = "安乐村小区停车难，夜间车辆占用消防通道"
FLOOD_TITLE = "建宁路33号雨季积水，一楼住户家中倒灌"


@dataclass
class Case:
    ctx: Context
    street: Street
    compound: CompoundRef
    journal: Journal

    @property
    def community(self) -> Community:
        return self.compound.community

    def department(self, name: str) -> Target:
        return Target(name, org_unit_id=self.street.departments[name])


def at_time(day: date, hh: int, mm: int) -> datetime:
    return local_time(day, hh * 60 + mm)


def flood_year(today: date) -> int:
    """The latest rainy season whose whole story (June to mid-October) lies before today."""
    return today.year if date(today.year, 10, 20) <= today else today.year - 1


def build_cases(ctx: Context) -> list[Scripted]:
    street = ctx.world.street(JIANNING)
    units = [u for u in ctx.world.units if u.street is street]
    organ = next(u for u in units if u.is_organ)
    water = next(u for u in units if "水务" in u.name)
    anle_start = local_time(ctx.today - timedelta(days=640), 10 * 60 + 12)
    flood_start = at_time(date(flood_year(ctx.today), 6, 18), 8, 40)
    return [
        Scripted(anle_start, story(ctx, street, "安乐村", lambda c, n: _anle(c, n, organ))),
        Scripted(flood_start, story(ctx, street, "建宁路33号", lambda c, n: _flood(c, n, water))),
    ]


def story(
    ctx: Context, street: Street, compound: str, story: Callable[[Case, str], None]
) -> Callable[[str], None]:
    def write(number: str) -> None:
        issue_id = ctx.rows.new_id()
        users = street.user_ids or [ctx.world.admin_user_id]
        journal = Journal(ctx, ctx.rng(f"case-{compound}"), issue_id, users)
        story(Case(ctx, street, ctx.world.compound(compound), journal), number)

    return write


def add_issue(
    case: Case, number: str, reported: datetime, deadline: date, *, category: str, **values: object
) -> None:
    """The issue row of a scripted story, after its journal; ``category`` by name."""
    ctx, compound, journal = case.ctx, case.compound, case.journal
    ctx.rows.add(
        "issues",
        reported,
        id=journal.issue_id,
        category_id=ctx.world.category_ids[category],
        deadline=deadline,
        due_at=end_of(deadline),
        number=number,
        community_id=case.community.id,
        grid_id=compound.grid.id,
        compound_id=compound.id,
        address=f"南京市鼓楼区{compound.address}",
        reported_at=reported,
        **values,
        **journal.outcome(),
    )
    ctx.rows.get(journal.issue_id)["updated_at"] = journal.last_at
    ctx.world.note_issue(journal.issue_id, reported, case.community, compound.grid, "")


def _anle(case: Case, number: str, organ: Unit) -> None:
    ctx, j = case.ctx, case.journal
    day0 = ctx.today - timedelta(days=640)
    reported = at_time(day0, 10, 12)
    worker = case.compound.grid.workers[0]
    j.event(reported, "register", IssueStatus.REGISTERED, note="网格员走访发现")
    j.event(at_time(day0, 10, 50), "accept", IssueStatus.ACCEPTED)
    first = j.dispatch(at_time(day0, 11, 30), case.department("城管科"), ctx.calendar.add(day0, 3))
    j.acknowledge(first, at_time(day0 + timedelta(days=1), 9, 20), "城管科")
    note = "党工委督办：群众反映强烈，请限期办结"
    j.event(at_time(ctx.calendar.add(day0, 4), 9, 5), "supervise", None, note=note)
    j.resolve(first, at_time(day0 + timedelta(days=18), 16, 0), "已施划停车标线，清理僵尸车3辆。")
    visit = day0 + timedelta(days=22)
    j.follow_up(
        at_time(visit, 10, 0),
        case.community.secretary.name,
        Satisfaction.DISSATISFIED,
        "划线后车位仍远远不够，晚上还是停不下，消防通道照样被占。",
    )
    j.reopen(at_time(visit, 14, 30), "回访不满意，提交街社党建共同体议事会研究")
    council = ctx.calendar.add(day0 + timedelta(days=40), 0)
    after = council + timedelta(days=1)
    parking = j.dispatch(
        at_time(after, 9, 0), case.department("城管科"), after + timedelta(days=30)
    )
    organ_target = Target(organ.name, resident_unit_id=organ.id)
    shared = j.dispatch(at_time(after, 9, 10), organ_target, after + timedelta(days=20), False)
    j.acknowledge(parking, at_time(after, 10, 0), "城管科")
    j.acknowledge(shared, at_time(after, 11, 0), organ.name)
    shared.update(
        status=DispatchStatus.DONE,
        result="内部停车场每晚18:00至次日7:30向安乐村居民错时开放，可停车40辆。",
        completed_at=at_time(council + timedelta(days=25), 17, 0),
    )
    j.resolve(
        parking,
        at_time(council + timedelta(days=35), 16, 30),
        "周边道路施划夜间停车泊位56个，联合驻区单位错时停车，党员志愿者每周引导停车秩序。",
    )
    j.follow_up(
        at_time(council + timedelta(days=40), 10, 0),
        case.community.secretary.name,
        Satisfaction.SATISFIED,
        "现在晚上回来能停下车了，消防通道也畅通了，居民很满意。",
    )
    j.event(
        at_time(council + timedelta(days=42), 9, 30), "close", IssueStatus.CLOSED, note="办结归档"
    )
    add_issue(
        case,
        number,
        reported,
        title=ANLE_TITLE,
        description=(
            f"网格员{worker.name}走访反映：安乐村小区无物业管理、开放式，车位严重不足，"
            "夜间车辆乱停乱放，占用消防通道，居民出行和应急救援都受影响。"
        ),
        source=IssueSource.GRID_VISIT,
        category="停车",
        reporter_name=worker.name,
        reporter_phone=worker.mobile,
        deadline=ctx.calendar.add(day0, 3),
        priority=Priority.NORMAL,
        supervised=True,
        supervision_note=note,
    )
    _council(case, council, "关于安乐村小区停车难问题", organ, "停车")


def _flood(case: Case, number: str, water: Unit) -> None:
    ctx, j = case.ctx, case.journal
    year = flood_year(ctx.today)
    day0 = date(year, 6, 18)
    reported = at_time(day0, 8, 40)
    reporter = ctx.identities.resident_name()
    j.event(reported, "register", IssueStatus.REGISTERED, note="“建宁客厅”小程序线上反映")
    j.event(at_time(day0, 8, 55), "accept", IssueStatus.ACCEPTED)
    first = j.dispatch(at_time(day0, 9, 10), case.department("社区建设科"), day0)
    j.acknowledge(first, at_time(day0, 9, 40), "社区建设科")
    j.resolve(first, at_time(day0, 16, 30), "已调集移动泵车排水，疏通堵塞的雨水管道。")
    j.follow_up(
        at_time(date(year, 7, 3), 10, 0),
        case.community.secretary.name,
        Satisfaction.DISSATISFIED,
        "7月2日暴雨后又积水没过脚踝，一楼又进水了，管网老化的根子没解决。",
    )
    j.reopen(at_time(date(year, 7, 3), 15, 0), "回访不满意，提交街社党建共同体议事会研究")
    council = ctx.calendar.add(date(year, 7, 8), 0)
    after = council + timedelta(days=1)
    rebuild = j.dispatch(at_time(after, 9, 0), case.department("社区建设科"), date(year, 9, 30))
    pipes = j.dispatch(
        at_time(after, 9, 15),
        Target(water.name, resident_unit_id=water.id),
        date(year, 9, 15),
        lead=False,
    )
    j.acknowledge(rebuild, at_time(after, 10, 0), "社区建设科")
    j.acknowledge(pipes, at_time(after, 14, 0), water.name)
    pipes.update(
        status=DispatchStatus.DONE,
        result="已完成建宁路33号周边市政管网接驳口改造，管径由300毫米扩大至600毫米。",
        completed_at=at_time(date(year, 9, 12), 17, 0),
    )
    j.resolve(
        rebuild,
        at_time(date(year, 9, 28), 16, 0),
        "已完成小区雨污分流改造和地面翻建，低洼处增设收水井4处。",
    )
    j.follow_up(
        at_time(date(year, 10, 12), 10, 0),
        case.community.secretary.name,
        Satisfaction.SATISFIED,
        "经过几场大雨检验，没有再积水，居民送来了感谢信。",
    )
    j.event(at_time(date(year, 10, 14), 9, 30), "close", IssueStatus.CLOSED, note="办结归档")
    add_issue(
        case,
        number,
        reported,
        title=FLOOD_TITLE,
        description=(
            f"居民{reporter}反映：建宁路33号地势低洼、排水管网老化，每逢雨季积水严重，"
            "一楼住户家中倒灌进水，老人出行困难，已经持续多年。"
        ),
        source=IssueSource.ONLINE,
        category="积水",
        reporter_name=reporter,
        reporter_phone=ctx.identities.mobile(),
        deadline=day0,
        priority=Priority.URGENT,
    )
    _council(case, council, "关于建宁路33号雨季积水问题", water, "积水")


def _council(case: Case, day: date, title: str, unit: Unit, topic: str) -> None:
    community, street = case.community, case.street
    issue = case.journal.issue_id
    department = "城管科" if topic == "停车" else "社区建设科"
    owner_department = Owner(department, org_unit_id=street.departments[department])
    owner_unit = Owner(unit.name, unit_id=unit.id)
    owner_community = Owner(community.name, org_unit_id=community.id)
    if topic == "停车":
        notes = (
            f"会议听取了{community.name}党委关于安乐村小区停车难问题的情况汇报。安乐村为开放式"
            "老旧小区，无物业管理，现有车位不足需求的三分之一，夜间车辆占用消防通道，前期施划"
            "标线后居民仍不满意。\n会议认为，安乐村停车难是群众反映最集中的问题之一，须由街道"
            "牵头、驻区单位协同、社区和党员志愿者共同参与，挖潜增量与规范管理并举。\n会议议定："
        )
        said = (
            (f"由街道{department}牵头，会同交警中队于一个月内完成周边道路夜间停车泊位划设。", 30),
            (f"请{unit.name}开放内部停车场夜间错时停车，{community.name}做好登记和宣传。", 20),
            (f"{community.name}党委组织党员志愿者开展停车秩序引导，每周不少于2次。", 14),
        )
    else:
        notes = (
            f"会议听取了{community.name}党委关于建宁路33号雨季积水问题的情况汇报。该处地势低洼、"
            "管网老化，6月18日应急排水后，7月2日暴雨再次积水，一楼住户家中倒灌。\n会议认为，"
            "临时排水治标不治本，必须实施雨污分流和管网改造，汛期同时做好应急值守。\n会议议定："
        )
        said = (
            (f"由街道{department}牵头，实施建宁路33号雨污分流和管网改造，9月底前完工。", 80),
            (f"请{unit.name}对周边市政管网接驳口进行扩容改造，9月中旬前完成。", 68),
            (f"汛期由{community.name}党委组织党员志愿者值守，配齐沙袋和移动泵。", 7),
        )
    # the department and the unit act on the issue; the community's volunteers help around it
    owners = (owner_department, owner_unit, owner_community)
    decisions = [
        (text, owner, day + timedelta(days=days), about)
        for (text, days), owner, about in zip(said, owners, (issue, issue, None), strict=True)
    ]
    case.ctx.world.case_agendas.append(CaseAgenda(street.name, day, title, notes, decisions))
