"""Joint meetings with attendance, agenda items, decisions and tracked action items."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from random import Random

from app.demo.clock import local_time
from app.demo.plan import NINGHAI, REGISTERED_MEMBERS_NINGHAI
from app.demo.report import long_report
from app.demo.schedule import COMMUNITY, COUNCIL, FULL, LIAISON, ZONE, Planned, schedule
from app.demo.topics import KIND_TOPICS, TOPICS
from app.demo.world import Community, Context, Owner, PersonRef, Unit
from app.localtime import cn_date
from db.models.meetings import ActionStatus, AttendanceStatus, MeetingStatus

LEAVE_REASONS = ("公务", "出差", "参加省里会议", "病假", "外出学习", "参加区里会议")
PLACES = {
    FULL: ("{street}办事处四楼会议室", "{street}党群服务中心多功能厅"),
    ZONE: ("{street}党群服务中心三楼会议室", "{community}党群服务中心会议室", "{unit}会议室"),
    COUNCIL: ("{street}党群服务中心二楼会议室", "{community}党群服务中心"),
    COMMUNITY: ("{community}党群服务中心会议室", "鼓楼红驿·{community}站"),
    LIAISON: ("{street}党建办会议室",),
}


@dataclass
class _Seat:
    person: PersonRef | None
    unit: Unit | None = None
    observer: bool = False


def build_meetings(ctx: Context) -> None:
    rng = ctx.rng("meetings")
    previous: dict[str, tuple[str, int]] = {}
    issues = _meeting_issues(ctx)
    for plan in schedule(ctx, rng):
        last_id, last_no = previous.get(plan.series, (None, 0))
        meeting_id = _meeting(ctx, rng, plan, last_id, last_no + 1, issues)
        previous[plan.series] = (meeting_id, last_no + 1)


def _meeting_issues(ctx: Context) -> dict[str, list[tuple[date, str]]]:
    found: dict[str, list[tuple[date, str]]] = {}
    for day, issue_id, community in sorted(ctx.world.meeting_issues, key=lambda x: x[:2]):
        found.setdefault(community.id, []).append((day, issue_id))
    return found


def _title(plan: Planned) -> str:
    if plan.kind == ZONE and plan.zone:
        return f"{plan.street.name}{plan.zone[1]}党建联盟协调议事会"
    if plan.kind == COMMUNITY and plan.community:
        return f"{plan.community.name}“大党委”会议"
    if plan.kind == FULL:
        return f"{plan.street.name}“大工委”全体会议"
    return f"{plan.street.name}{plan.kind}"


def _communities(plan: Planned) -> list[Community]:
    if plan.community is not None and plan.kind == COMMUNITY:
        return [plan.community]
    if plan.zone is not None:
        return [c for c in plan.street.communities if c.zone_id == plan.zone[0]]
    return plan.street.communities


def _seats(rng: Random, plan: Planned) -> list[_Seat]:
    street, communities = plan.street, _communities(plan)
    units = [u for c in communities for u in c.units]
    units.sort(key=lambda u: (not u.is_organ, u.name))
    seats: list[_Seat] = []
    if plan.kind == COMMUNITY and plan.community:
        seats += [_Seat(p) for p in plan.community.staff[:4]]
        seats += [_Seat(g.workers[0]) for g in plan.community.grids[:2] if g.workers]
        chosen = units[:8]
    elif plan.kind == LIAISON:
        seats += [_Seat(p) for p in street.clerks]
        chosen = rng.sample(units, min(20, len(units)))
    else:
        leaders = street.leaders if plan.kind == FULL else street.leaders[:2] + street.leaders[3:4]
        seats += [_Seat(p) for p in leaders]
        seats += [_Seat(c.secretary) for c in communities]
        chosen = units[: {FULL: 24, ZONE: 8, COUNCIL: 4}.get(plan.kind, 6)]
        heads = list(street.department_heads.values())
        seats += [_Seat(p, observer=True) for p in rng.sample(heads, rng.randint(1, 3))]
    for unit in chosen:
        person = unit.leaders[-1] if plan.kind == LIAISON else unit.leaders[0]
        seats.append(_Seat(None if rng.random() < 0.2 else person, unit))
    return seats


def _attendance(ctx: Context, rng: Random, meeting_id: str, at: datetime, plan: Planned) -> None:
    past = plan.day < ctx.today
    for position, seat in enumerate(_seats(rng, plan)):
        status, reason = None, ""
        if past:
            draw = rng.random()
            if seat.observer:
                status = AttendanceStatus.OBSERVER
            elif draw < 0.85:
                status = AttendanceStatus.PRESENT
            elif draw < 0.95:
                status, reason = AttendanceStatus.LEAVE, rng.choice(LEAVE_REASONS)
            else:
                status = AttendanceStatus.ABSENT
        ctx.rows.add(
            "attendances",
            at,
            meeting_id=meeting_id,
            person_id=seat.person.id if seat.person else None,
            resident_unit_id=seat.unit.id if seat.unit else None,
            status=status,
            reason=reason,
            position=position,
        )


def _meeting(
    ctx: Context,
    rng: Random,
    plan: Planned,
    previous_id: str | None,
    session_no: int,
    issues: dict[str, list[tuple[date, str]]],
) -> str:
    street = plan.street
    community = plan.community or rng.choice(_communities(plan))
    units = [u for c in _communities(plan) for u in c.units] or [
        u for c in street.communities for u in c.units
    ]
    afternoon = rng.random() < 0.5
    starts = local_time(plan.day, 14 * 60 + 30 if afternoon else 9 * 60)
    hours = 3.5 if plan.long_report else rng.choice((1.5, 2.0, 2.5))
    past = plan.day < ctx.today
    if plan.kind == COMMUNITY:
        chair, recorder = community.secretary, community.staff[-1]
    else:
        chair = street.leaders[0] if plan.kind == FULL or rng.random() < 0.6 else street.leaders[1]
        recorder = rng.choice(street.clerks or street.leaders)
    status, finalised = _status(ctx, rng, plan, starts)
    title = _title(plan)
    unit = rng.choice(units) if units else None
    place = rng.choice(PLACES[plan.kind]).format(
        street=street.name, community=community.name, unit=unit.name if unit else street.name
    )
    meeting_id = ctx.rows.new_id()
    pool = [k for k in KIND_TOPICS[plan.kind] if plan.day.month in TOPICS[k].months]
    keys = rng.sample(pool, rng.randint(2, 5 - len(plan.cases)))
    if plan.long_report:
        keys = keys[:2]
    summary = _summary(plan, place, title, chair, afternoon, community, keys, past)
    ctx.rows.add(
        "meetings",
        starts - timedelta(days=rng.randint(5, 15)),
        id=meeting_id,
        kind=plan.kind,
        title=title,
        session_no=session_no,
        starts_at=starts,
        ends_at=starts + timedelta(hours=hours),
        place=place,
        host_org_unit_id=plan.host_id,
        chair_id=chair.id,
        recorder_id=recorder.id,
        status=status,
        summary=summary,
        previous_id=previous_id,
        finalised_at=finalised,
        exported_at=finalised + timedelta(hours=2) if finalised and rng.random() < 0.6 else None,
        printed_at=finalised + timedelta(hours=3) if finalised and rng.random() < 0.5 else None,
    )
    ctx.rows.get(meeting_id)["updated_at"] = finalised or starts
    ctx.world.meetings.append((plan.day, meeting_id, street))
    _attendance(ctx, rng, meeting_id, starts - timedelta(days=2), plan)
    agenda = _Agenda(ctx, rng, plan, meeting_id, starts, past)
    if plan.long_report:
        agenda.add(
            f"审议{street.name}党工委城市基层党建共同体建设年度工作报告",
            long_report(rng, street, plan.day.year - 1),
            [],
        )
    for case in plan.cases:
        agenda.add(case.title, case.notes, case.decisions)
    for key in keys:
        agenda.topic(key, community, units)
    agenda.link_issue(issues.get(community.id, []))
    return meeting_id


def _summary(
    plan: Planned,
    place: str,
    title: str,
    chair: PersonRef,
    afternoon: bool,
    community: Community,
    keys: list[str],
    past: bool,
) -> str:
    """The opening paragraph: when, where, who chaired, who attended, what was heard."""
    host = f"{community.name}党委" if plan.kind == COMMUNITY else f"{plan.street.name}党工委"
    members = (
        "社区“大党委”成员单位代表" if plan.kind == COMMUNITY else "驻区单位和社区党组织负责同志"
    )
    topics = [c.title for c in plan.cases] + [TOPICS[k].title.removeprefix("关于") for k in keys]
    heard = "审议了年度工作报告，听取了" if plan.long_report else "听取了"
    text = (
        f"{cn_date(plan.day)}{'下午' if afternoon else '上午'}，{host}在{place}召开{title}。"
        f"会议由{chair.post}{chair.name}主持，{members}参加。"
    )
    if past:
        return text + f"会议{heard}{'、'.join(topics[:3])}等情况汇报，现将会议议定事项纪要如下："
    return text + f"会议拟听取{'、'.join(topics[:3])}等情况汇报。"


def _status(
    ctx: Context, rng: Random, plan: Planned, starts: datetime
) -> tuple[MeetingStatus, datetime | None]:
    if plan.day >= ctx.today:
        return MeetingStatus.DRAFT, None
    finalised = starts + timedelta(days=rng.randint(2, 6), hours=rng.randint(0, 5))
    if finalised >= ctx.now or rng.random() < 0.06:
        return MeetingStatus.DRAFT, None
    return MeetingStatus.FINAL, finalised


class _Agenda:
    def __init__(
        self, ctx: Context, rng: Random, plan: Planned, meeting_id: str, at: datetime, past: bool
    ) -> None:
        self.ctx, self.rng, self.plan = ctx, rng, plan
        self.meeting_id, self.at, self.past = meeting_id, at, past
        self.position = 0
        self.last_item: str | None = None

    def add(
        self, title: str, notes: str, decisions: list[tuple[str, Owner, date, str | None]]
    ) -> None:
        self.last_item = self.ctx.rows.add(
            "agenda_items",
            self.at,
            meeting_id=self.meeting_id,
            position=self.position,
            title=title,
            notes=notes if self.past else "",
        )
        self.position += 1
        if self.past:
            for position, (text, owner, due, issue) in enumerate(decisions):
                self._decision(self.last_item, position, text, owner, due, issue)

    def topic(self, key: str, community: Community, units: list[Unit]) -> None:
        topic, rng, street = TOPICS[key], self.rng, self.plan.street
        unit = rng.choice(units) if units else None
        members = REGISTERED_MEMBERS_NINGHAI if street.name == NINGHAI else rng.randint(300, 900)
        fill = {
            "street": street.name,
            "community": community.name,
            "unit": unit.name if unit else street.name,
            "n": members,
        }
        notes = "\n".join((topic.heard.format(**fill), topic.view.format(**fill), "会议议定："))
        decisions: list[tuple[str, Owner, date, str | None]] = []
        for text, owner_kind, days in topic.decisions:
            owner = self._owner(owner_kind, community, unit)
            due = self.plan.day + timedelta(days=days)
            decisions.append((text.format(**fill), owner, due, None))
        self.add(topic.title, notes, decisions)

    def _owner(self, kind: str, community: Community, unit: Unit | None) -> Owner:
        street = self.plan.street
        if kind.startswith("dept:"):
            name = kind.removeprefix("dept:")
            return Owner(name, org_unit_id=street.departments[name])
        if kind == "unit" and unit is not None:
            return Owner(unit.name, unit_id=unit.id)
        if self.rng.random() < 0.3:
            return Owner(community.secretary.name, person_id=community.secretary.id)
        return Owner(community.name, org_unit_id=community.id)

    def _decision(
        self, item: str, position: int, text: str, owner: Owner, due: date, issue: str | None
    ) -> None:
        decision = self.ctx.rows.add(
            "decisions", self.at, agenda_item_id=item, position=position, text=text
        )
        self.ctx.rows.add(
            "action_items",
            self.at,
            decision_id=decision,
            description=text,
            owner_person_id=owner.person_id,
            owner_unit_id=owner.unit_id,
            owner_org_unit_id=owner.org_unit_id,
            due_on=due,
            status=self._action_status(due, issue),
            issue_id=issue,
        )

    def _action_status(self, due: date, issue: str | None) -> ActionStatus:
        today, draw = self.ctx.today, self.rng.random()
        if due < today - timedelta(days=30):
            if issue is not None or draw < 0.85:
                return ActionStatus.DONE
            return ActionStatus.CANCELLED if draw < 0.9 else ActionStatus.IN_PROGRESS
        if due < today:
            return (
                ActionStatus.DONE
                if draw < 0.6
                else (ActionStatus.IN_PROGRESS if draw < 0.9 else ActionStatus.OPEN)
            )
        return (
            ActionStatus.OPEN
            if draw < 0.4
            else (ActionStatus.IN_PROGRESS if draw < 0.9 else ActionStatus.DONE)
        )

    def link_issue(self, issues: list[tuple[date, str]]) -> None:
        """An issue raised at this meeting (source "meeting") becomes a tracked action item."""
        if not self.past or self.last_item is None or not issues:
            return
        index = bisect_left(issues, (self.plan.day, ""))
        if index < len(issues) and issues[index][0] <= self.plan.day + timedelta(days=3):
            day, issue = issues.pop(index)
            street = self.plan.street
            owner = Owner(
                "网格化服务管理中心", org_unit_id=street.departments["网格化服务管理中心"]
            )
            text = "会上群众代表反映的问题纳入民生事项台账，由街道派单办理并跟踪回访。"
            self._decision(self.last_item, 9, text, owner, day + timedelta(days=10), issue)
