"""Recent orders at 建宁路街道 that show the loop's national rules at work, told by hand.

- 并单: water under the 宝塔桥 underpass reported by one resident, then twice more; the two
  repeats are merged into the first order, which a lead and a co-handling unit work on.
- 异议: a streetlight order whose lead department says it is the power company's remit;
  the objection waits for the street's review and the clock stands still.
- 问题工单: a noise complaint sent back four times, escalated for supervision.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from app.demo.cases import Case, add_issue, at_time, story
from app.demo.issues import Scripted
from app.demo.plan import JIANNING
from app.demo.world import Context, Street
from db.models.issues import IssueSource, IssueStatus, Priority

UNDERPASS = "宝塔桥地下通道雨后积水，行人无法通行"
LIGHT = "金川河滨河步道路灯不亮，夜间散步有安全隐患"
NOISE = "小区旁餐饮店油烟和夜间噪声扰民"
NOISE_UNITS = ("平安建设科", "城管科", "社区建设科", "物业管理办公室", "网格化服务管理中心")


def build_loop_cases(ctx: Context) -> list[Scripted]:
    street = ctx.world.street(JIANNING)
    compounds = [place for c in street.communities for place in c.compounds]
    today = ctx.today
    order: dict[str, str] = {}  # the first report's id, for the repeats

    def at(days_ago: int, hh: int, mm: int) -> datetime:
        return at_time(today - timedelta(days=days_ago), hh, mm)

    def repeat(days_ago: int, hh: int, note: str) -> Scripted:
        write = story(ctx, street, compounds[0].name,
                      lambda c, n: _repeat(c, n, order, at(days_ago, hh, 5), note))  # fmt: skip
        return Scripted(at(days_ago, hh, 5), write)

    def first(c: Case, number: str) -> None:
        order["id"] = c.journal.issue_id
        _underpass(c, number, at(6, 7, 40))

    return [
        Scripted(at(6, 7, 40), story(ctx, street, compounds[0].name, first)),
        repeat(5, 19, "又有居民来电：地下通道积水仍未排完，老人绕行很远。"),
        repeat(3, 10, "居民到社区党群服务中心反映，由工作人员代为登记。"),
        _dated(ctx, street, compounds[1].name, at(2, 9, 20), _streetlight),
        _dated(ctx, street, compounds[2].name, at(40, 21, 10), _noise),
    ]


def _dated(
    ctx: Context,
    street: Street,
    compound: str,
    reported: datetime,
    tell: Callable[[Case, str, datetime], None],
) -> Scripted:
    return Scripted(reported, story(ctx, street, compound, lambda c, n: tell(c, n, reported)))


def _resident(case: Case) -> tuple[str, str]:
    return case.ctx.identities.resident_name(), case.ctx.identities.mobile()


def _underpass(case: Case, number: str, reported: datetime) -> None:
    ctx, j = case.ctx, case.journal
    day = reported.date()
    name, phone = _resident(case)
    j.event(reported, "register", IssueStatus.REGISTERED, note="居民来电反映")
    j.event(reported + timedelta(minutes=25), "accept", IssueStatus.ACCEPTED)
    due = ctx.calendar.add(day, 3)
    lead = j.dispatch(reported + timedelta(hours=1), case.department("社区建设科"), due)
    helper = j.dispatch(reported + timedelta(hours=1, minutes=5), case.department("城管科"),
                        due, lead=False)  # fmt: skip
    j.acknowledge(lead, reported + timedelta(hours=2), "社区建设科")
    j.acknowledge(helper, reported + timedelta(hours=3), "城管科")
    add_issue(
        case,
        number,
        reported,
        due,
        title=UNDERPASS,
        description=f"居民{name[0]}女士来电：宝塔桥地下通道雨后积水没过脚踝，行人无法通行。",
        source=IssueSource.PHONE,
        category="积水",
        reporter_name=name,
        reporter_phone=phone,
        priority=Priority.URGENT,
    )


def _repeat(case: Case, number: str, order: dict[str, str], reported: datetime, note: str
            ) -> None:  # fmt: skip
    """A repeat complaint, registered and merged into the first order at once (并单)."""
    ctx, j = case.ctx, case.journal
    name, phone = _resident(case)
    proxy = "代为登记" in note
    j.event(reported, "register", IssueStatus.REGISTERED, note=note)
    j.event(
        reported + timedelta(minutes=10), "merge", IssueStatus.MERGED, note="并入首次反映的工单"
    )
    ctx.rows.add(
        "issue_events",
        reported + timedelta(minutes=10),
        issue_id=order["id"],
        at=reported + timedelta(minutes=10),
        user_id=j.users[0],
        action="merged_in",
        from_status=None,
        to_status=None,
        note=f"并入{number}（反映人：{name}）",
    )
    add_issue(
        case,
        number,
        reported,
        reported.date() + timedelta(days=5),
        title="宝塔桥地下通道积水，居民出行受阻",
        description=note,
        source=IssueSource.VISIT if proxy else IssueSource.PHONE,
        category="积水",
        reporter_name=name,
        reporter_phone=phone,
        entered_by=case.community.staff[0].name if proxy and case.community.staff else "",
        merged_into_id=order["id"],
    )


def _streetlight(case: Case, number: str, reported: datetime) -> None:
    ctx, j = case.ctx, case.journal
    name, phone = _resident(case)
    j.event(reported, "register", IssueStatus.REGISTERED, note="“建宁客厅”小程序线上反映")
    j.event(reported + timedelta(minutes=30), "accept", IssueStatus.ACCEPTED)
    due = ctx.calendar.add(reported.date(), 5)
    row = j.dispatch(reported + timedelta(hours=1), case.department("城管科"), due)
    j.object(row, reported + timedelta(hours=20), "该段路灯产权属供电公司，非本科室职责", "城管科")
    add_issue(
        case,
        number,
        reported,
        due,
        title=LIGHT,
        description=f"居民{name}反映：金川河滨河步道一段路灯连续多晚不亮。",
        source=IssueSource.ONLINE,
        category="设施老化",
        reporter_name=name,
        reporter_phone=phone,
    )


def _noise(case: Case, number: str, reported: datetime) -> None:
    """Four units in turn say it is not theirs: a 问题工单 under supervision."""
    ctx, j = case.ctx, case.journal
    name, phone = _resident(case)
    j.event(reported, "register", IssueStatus.REGISTERED, note="居民来电反映")
    day = reported.date() + timedelta(days=1)
    j.event(at_time(day, 9, 0), "accept", IssueStatus.ACCEPTED)
    for index, unit in enumerate(NOISE_UNITS):
        sent = at_time(day + timedelta(days=2 * index), 9, 30)
        row = j.dispatch(sent, case.department(unit), ctx.calendar.add(sent.date(), 5))
        if index == len(NOISE_UNITS) - 1:
            j.acknowledge(row, sent + timedelta(hours=3), unit)
            break
        j.give_back(row, sent + timedelta(days=1), "油烟噪声涉及多部门，非本单位牵头职责", unit)
        if index == 3:
            why = "退单4次，超过3次"
            j.event(sent + timedelta(days=1, minutes=5), "escalate", None,
                    note=f"问题工单，提级督办：{why}")  # fmt: skip
    add_issue(
        case,
        number,
        reported,
        ctx.calendar.add(reported.date(), 7),
        title=NOISE,
        description=f"居民{name}反映：楼下餐饮店油烟直排，后厨夜间噪声到凌晨。",
        source=IssueSource.PHONE,
        category="噪声扰民",
        reporter_name=name,
        reporter_phone=phone,
        escalated=True,
        escalated_at=at_time(day + timedelta(days=7), 9, 35),
        escalation_reason="退单4次，超过3次",
        supervised=True,
        supervision_note="问题工单：退单4次，超过3次",
    )
