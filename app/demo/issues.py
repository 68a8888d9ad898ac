"""Two years of residents' issues, each run through the closed loop up to ``today``.

Issues are numbered per year in the order they were reported (MS2025-000123). The article's
cases are "scripted" issues (see cases.py) that take their number in the same sequence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from random import Random

from app.demo.clock import local_date, local_time, office_hours
from app.demo.dice import pick
from app.demo.issue_texts import (
    DESCRIPTION,
    DETAILS,
    FOLLOW_UP_COMMENTS,
    REJECT_REASONS,
    RESULTS,
    RETURN_REASONS,
    SUPERVISION_NOTES,
    TITLES,
)
from app.demo.journal import Journal, Target
from app.demo.plan import JIANNING, STREETS
from app.demo.world import Community, Context, Street
from app.issues.due import due_day
from app.issues.limits import due_moment
from db.models.directory import UnitCategory
from db.models.issues import IssueSource, IssueStatus, LimitUnit, Priority, Satisfaction

DEPARTMENTS_FOR = {
    "停车": ("城管科", "平安建设科"),
    "积水": ("社区建设科", "城管科"),
    "物业": ("物业管理办公室",),
    "设施老化": ("社区建设科", "物业管理办公室"),
    "环境卫生": ("城管科",),
    "安全隐患": ("平安建设科", "城管科"),
    "噪声扰民": ("城管科", "平安建设科"),
    "其他": ("社会事业科", "民政科", "网格化服务管理中心"),
}
UNITS_FOR = {
    "停车": (UnitCategory.PROVINCIAL_ORGAN, UnitCategory.CITY_ORGAN, UnitCategory.DISTRICT_ORGAN),
    "积水": (UnitCategory.STATE_ENTERPRISE,),
    "物业": (UnitCategory.PRIVATE_ENTERPRISE,),
    "设施老化": (UnitCategory.STATE_ENTERPRISE, UnitCategory.PRIVATE_ENTERPRISE),
}
CATEGORY_WEIGHTS = {
    "停车": 15,
    "积水": 6,
    "物业": 17,
    "设施老化": 15,
    "环境卫生": 20,
    "安全隐患": 9,
    "噪声扰民": 8,
    "其他": 10,
}
SUMMER = (6, 7, 8)
SOURCES = (
    (IssueSource.GRID_VISIT, 40),
    (IssueSource.ONLINE, 26),
    (IssueSource.PHONE, 20),
    (IssueSource.VISIT, 9),
    (IssueSource.MEETING, 5),
)
SOURCE_NOTES = {
    IssueSource.GRID_VISIT: "网格员走访发现",
    IssueSource.ONLINE: "小程序线上反映",
    IssueSource.PHONE: "居民来电",
    IssueSource.VISIT: "居民来访",
    IssueSource.MEETING: "议事会上提出",
}
# The newest issues stop early in the loop, so every status shows however the dice fall.
FRESH = (IssueStatus.REGISTERED, IssueStatus.ACCEPTED, IssueStatus.DISPATCHED)
SATISFACTION_WEIGHTS = (
    (Satisfaction.SATISFIED, 78),
    (Satisfaction.BASICALLY_SATISFIED, 15),
    (Satisfaction.DISSATISFIED, 7),
)


@dataclass
class Scripted:
    """An issue whose story is told by hand; ``write(number)`` adds its rows."""

    reported_at: datetime
    write: Callable[[str], None]


def minutes(rng: Random, low: int, high: int) -> timedelta:
    return timedelta(minutes=rng.randint(low, high))


def _wait(rng: Random, usual_minutes: int, slow_share: float) -> timedelta:
    """Usually minutes to hours; sometimes a few days (a weekend, a site visit first)."""
    if rng.random() < slow_share:
        return timedelta(days=rng.randint(1, 3), minutes=rng.randint(0, 240))
    return minutes(rng, 10, usual_minutes)


def build_issues(ctx: Context, count: int, scripted: list[Scripted]) -> None:
    """Adds ``count`` issues plus the scripted ones, numbered in the order reported."""
    rng = ctx.rng("issues")
    communities = ctx.world.communities
    weights = [STREETS[c.street.name].issue_weight * rng.uniform(0.7, 1.3) for c in communities]
    slots: list[tuple[datetime, int, Community | Scripted]] = []
    span = (ctx.today - ctx.history_start).days * 1440  # minutes
    fresh_from = count - len(FRESH)
    for index in range(count):
        community = rng.choices(communities, weights)[0]
        if index < fresh_from:
            moment = local_time(ctx.history_start) + timedelta(minutes=rng.randrange(span))
            moment = _daytime(rng, moment)
        else:  # the newest: reported yesterday morning, early in the loop at the cut-off
            moment = local_time(ctx.today - timedelta(days=1), 8 * 60 + 30 * (count - index))
        slots.append((moment, index, community))
    slots += [(s.reported_at, count + i, s) for i, s in enumerate(scripted)]
    slots.sort(key=lambda slot: (slot[0], slot[1]))
    last = ctx.world.issue_numbers
    for moment, index, what in slots:
        year = local_date(moment).year
        last[year] = last.get(year, 0) + 1
        number = f"MS{year}-{last[year]:06d}"
        if isinstance(what, Scripted):
            what.write(number)
        else:
            stop = FRESH[count - 1 - index] if index >= fresh_from else None
            _random_issue(ctx, rng, number, moment, what, stop)


def _daytime(rng: Random, moment: datetime) -> datetime:
    """Residents report from early morning to late evening, mostly in office hours."""
    local_minutes = rng.choice((rng.randint(420, 1290), rng.randint(510, 1050)))
    return local_time(local_date(moment), local_minutes) + timedelta(seconds=rng.randint(0, 59))


def _category(rng: Random, month: int) -> str:
    weights = dict(CATEGORY_WEIGHTS)
    if month in SUMMER:
        weights["积水"] *= 4
        weights["噪声扰民"] *= 2
    names = list(weights)
    return rng.choices(names, [weights[n] for n in names])[0]


def targets(
    ctx: Context, rng: Random, street: Street, community: Community, category: str
) -> list[Target]:
    """Departments that handle the category first, then fitting resident units nearby."""
    found = [
        Target(name, org_unit_id=street.departments[name]) for name in DEPARTMENTS_FOR[category]
    ]
    wanted = UNITS_FOR.get(category, ())
    units = [u for u in community.units if u.category in wanted] or [
        u for u in ctx.world.units if u.street is street and u.category in wanted
    ]
    if units and rng.random() < 0.35:
        unit = rng.choice(units)
        found.insert(rng.randint(0, 1), Target(unit.name, resident_unit_id=unit.id))
    return found


def _random_issue(
    ctx: Context,
    rng: Random,
    number: str,
    reported: datetime,
    community: Community,
    stop: IssueStatus | None,
) -> None:
    category = _category(rng, local_date(reported).month)
    source = pick(rng, SOURCES)
    grid = rng.choice(community.grids)
    compound = (
        rng.choice(community.compounds) if community.compounds and rng.random() < 0.85 else None
    )
    road = rng.choice(community.roads)
    place = compound.name if compound else f"{road}{rng.randint(1, 200)}号"
    building = f"{rng.randint(1, 24)}幢"
    title = rng.choice(TITLES[category]).format(place=place, building=building, road=road)
    if grid.workers and source is IssueSource.GRID_VISIT and rng.random() < 0.5:
        reporter, who = grid.workers[0].name, f"网格员{grid.workers[0].name}"
        phone = grid.workers[0].mobile
    else:
        reporter = ctx.identities.resident_name() if rng.random() < 0.8 else ""
        who = f"居民{reporter[0]}先生" if reporter and rng.random() < 0.5 else "居民"
        phone = ctx.identities.mobile()
    limit = ctx.world.category_limits[category]
    due = due_moment(ctx.calendar, reported, limit)
    deadline = due_day(due)
    urgent = limit.unit is LimitUnit.HOURS and rng.random() < 0.6 or rng.random() < 0.04
    issue_id = ctx.rows.new_id()
    journal = Journal(ctx, rng, issue_id, community.street.user_ids or [ctx.world.admin_user_id])
    _run(_Order(ctx, rng, journal, community, category), reported, deadline, source, stop)
    supervision = _supervision(ctx, rng, journal, deadline)
    address = compound.address if compound else place
    ctx.rows.add(
        "issues",
        reported,
        id=issue_id,
        number=number,
        title=title,
        description=DESCRIPTION.format(who=who, title=title, detail=rng.choice(DETAILS[category])),
        source=source,
        category_id=ctx.world.category_ids[category],
        community_id=community.id,
        grid_id=grid.id,
        compound_id=compound.id if compound else None,
        address=f"南京市鼓楼区{address}{building if compound else ''}",
        reporter_name=reporter,
        reporter_phone=phone,
        entered_by=_entered_by(rng, community, source),
        reported_at=reported,
        limit_amount=limit.amount,
        limit_unit=limit.unit,
        due_at=due,
        deadline=deadline,
        priority=Priority.URGENT if urgent else Priority.NORMAL,
        supervised=bool(supervision),
        supervision_note=supervision,
        **journal.outcome(),
    )
    ctx.rows.get(issue_id)["updated_at"] = journal.last_at or reported
    ctx.world.note_issue(issue_id, reported, community, grid, source)


def _entered_by(rng: Random, community: Community, source: IssueSource) -> str:
    """代录: elderly residents who come to the centre often have it written down for them."""
    if source is not IssueSource.VISIT or not community.staff or rng.random() < 0.4:
        return ""
    return rng.choice(community.staff).name


@dataclass(frozen=True)
class _Order:
    """One generated issue while its story is told: its community, category and journal."""

    ctx: Context
    rng: Random
    journal: Journal
    community: Community
    category: str

    def targets(self) -> list[Target]:
        """Who the order may go to, the likeliest first."""
        street = self.community.street
        return targets(self.ctx, self.rng, street, self.community, self.category)


def _run(
    order: _Order, reported: datetime, deadline: date, source: IssueSource, stop: IssueStatus | None
) -> None:
    ctx, rng, journal, community = order.ctx, order.rng, order.journal, order.community
    now = ctx.now
    note = SOURCE_NOTES[source]
    if source is IssueSource.ONLINE and community.street.name == JIANNING:
        note = "“建宁客厅”" + note
    journal.event(reported, "register", IssueStatus.REGISTERED, note=note)
    if stop is not None:
        _fresh(order, reported, deadline, stop)
        return
    at = office_hours(reported + _wait(rng, 300, 0.15))
    if at >= now:
        return
    if rng.random() < 0.035:
        journal.event(at, "reject", IssueStatus.REJECTED, note=rng.choice(REJECT_REASONS))
        return
    journal.event(at, "accept", IssueStatus.ACCEPTED)
    options = order.targets()
    due_end = local_time(deadline, 17 * 60 + 30)
    while True:
        resolved = _dispatch_round(order, options, at, deadline, due_end)
        if resolved is None:
            return
        visit = office_hours(resolved + timedelta(days=rng.randint(1, 5)) + minutes(rng, 0, 240))
        if visit >= now:
            return
        weights = SATISFACTION_WEIGHTS if journal.reopen_count == 0 else SATISFACTION_WEIGHTS[:2]
        satisfaction = pick(rng, weights)
        visitor = rng.choice(community.staff).name
        comment = rng.choice(FOLLOW_UP_COMMENTS[satisfaction.value])
        journal.follow_up(visit, visitor, satisfaction, comment)
        if satisfaction is Satisfaction.DISSATISFIED and rng.random() < 0.8:
            at = visit + minutes(rng, 30, 600)
            if at >= now:
                return
            journal.reopen(at, "回访不满意，重新办理")
            due_end = local_time(ctx.calendar.add(local_date(at), 5), 17 * 60 + 30)
            deadline = local_date(due_end)
            continue
        closing = office_hours(visit + minutes(rng, 60, 3 * 1440))
        if closing < now:
            journal.event(closing, "close", IssueStatus.CLOSED, note="办结归档")
        return


def _fresh(order: _Order, reported: datetime, deadline: date, stop: IssueStatus) -> None:
    """An issue from yesterday morning that got only as far as ``stop`` by the cut-off."""
    if stop is IssueStatus.REGISTERED:
        return
    rng, journal = order.rng, order.journal
    at = reported + minutes(rng, 10, 40)
    journal.event(at, "accept", IssueStatus.ACCEPTED, note="待现场核实后派单")
    if stop is IssueStatus.DISPATCHED:
        target = order.targets()[0]
        journal.dispatch(at + minutes(rng, 60, 180), target, deadline)


def _dispatch_round(
    order: _Order, options: list[Target], at: datetime, deadline: date, due_end: datetime
) -> datetime | None:
    """Dispatch, maybe a return and re-dispatch, acknowledgement, work; the resolve time."""
    rng, journal, category = order.rng, order.journal, order.category
    now = order.ctx.now
    at = office_hours(at + _wait(rng, 180, 0.1))  # sometimes checked on site first
    if at >= now:
        return None
    target = options[0] if rng.random() < 0.7 else rng.choice(options)
    row = journal.dispatch(at, target, deadline)
    if rng.random() < 0.08 and len(options) > 1:
        at = office_hours(at + minutes(rng, 30, 1440))
        if at >= now:
            return None
        other = next(o for o in options if o is not target)
        journal.give_back(row, at, rng.choice(RETURN_REASONS).format(other=other.name), target.name)
        at = office_hours(at + minutes(rng, 20, 240))
        if at >= now:
            return None
        target, row = other, journal.dispatch(at, other, deadline)
    at = office_hours(at + minutes(rng, 20, 720))
    if at >= now:
        return None
    journal.acknowledge(row, at, target.name)
    draw = rng.random()
    if draw < 0.80:
        latest = max(due_end, at + timedelta(hours=2))
        done = at + timedelta(seconds=rng.randint(3600, int((latest - at).total_seconds())))
    elif draw < 0.97:
        done = due_end + timedelta(days=rng.randint(1, 25))
    else:
        done = due_end + timedelta(days=rng.randint(60, 200))
    done = office_hours(done)
    if done >= now:
        return None
    journal.resolve(row, done, rng.choice(RESULTS[category]))
    return done


def _supervision(ctx: Context, rng: Random, journal: Journal, deadline: date) -> str:
    """Overdue issues are often put under supervision (督办) the day after the deadline."""
    due_end = local_time(deadline, 17 * 60 + 30)
    finished = journal.first_resolved_at
    overdue = (finished or ctx.now) > due_end
    if journal.status is IssueStatus.REJECTED or not overdue:
        return ""
    at = local_time(ctx.calendar.add(deadline, 1), 9 * 60 + rng.randint(0, 90))
    if at >= ctx.now or rng.random() > 0.55:
        return ""
    note = rng.choice(SUPERVISION_NOTES)
    journal.event(at, "supervise", None, note=note)
    return note
