"""When each series of joint meetings met over the two years, and the few coming up."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random

from app.demo.plan import JIANNING, NINGHAI, STREET_COUNCILS_JIANNING
from app.demo.reference import MEETING_KINDS
from app.demo.world import CaseAgenda, Community, Context, Street

FULL, ZONE, COUNCIL, COMMUNITY, LIAISON = MEETING_KINDS


@dataclass
class Planned:
    kind: str
    series: str  # meetings of one series are numbered and chained (previous_id)
    day: date
    street: Street
    host_id: str
    community: Community | None = None
    zone: tuple[str, str] | None = None
    long_report: bool = False
    cases: list[CaseAgenda] = field(default_factory=list)


def _workday(ctx: Context, day: date) -> date:
    return ctx.calendar.add(day, 0)


def _months(ctx: Context) -> list[tuple[int, int]]:
    year, month = ctx.history_start.year, ctx.history_start.month
    months = []
    while (year, month) <= (ctx.today.year, ctx.today.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def schedule(ctx: Context, rng: Random) -> list[Planned]:
    planned: list[Planned] = []
    for street in ctx.world.streets:
        planned += _street_series(ctx, rng, street)
        for community in street.communities:
            planned += _community_series(ctx, rng, street, community)
    past = [p for p in planned if ctx.history_start <= p.day < ctx.today]
    return sorted(past + _upcoming(ctx, rng), key=lambda p: (p.day, p.series))


def _street_series(ctx: Context, rng: Random, street: Street) -> list[Planned]:
    planned = []
    for year in range(ctx.history_start.year, ctx.today.year + 1):
        for month, long_report in ((1, True), (7, False)):
            day = _workday(ctx, date(year, month, rng.randint(10, 24)))
            long_report = long_report and street.name in (NINGHAI, JIANNING)
            planned.append(
                Planned(
                    FULL, f"{street.name}{FULL}", day, street, street.id, long_report=long_report
                )
            )
    for year, month in _months(ctx):
        if street.name == NINGHAI:
            zone = street.zones[month % len(street.zones)]
            day = _workday(ctx, date(year, month, rng.randint(12, 20)))
            series = f"{street.name}{zone[1]}{ZONE}"
            planned.append(Planned(ZONE, series, day, street, zone[0], zone=zone))
        if month % (3 if street.name == NINGHAI else 6) == 2:
            day = _workday(ctx, date(year, month, rng.randint(3, 9)))
            planned.append(Planned(LIAISON, f"{street.name}{LIAISON}", day, street, street.id))
    if street.name == JIANNING:
        planned += _councils(ctx, rng, street)
    return planned


def _councils(ctx: Context, rng: Random, street: Street) -> list[Planned]:
    """38 street–community councils, including the days the article's cases were decided."""
    cases = [c for c in ctx.world.case_agendas if c.street == street.name]
    first, last = ctx.history_start + timedelta(days=10), ctx.today - timedelta(days=10)
    step = (last - first).days / STREET_COUNCILS_JIANNING
    slots = [first + timedelta(days=int(i * step)) for i in range(STREET_COUNCILS_JIANNING)]
    for case in cases:  # each case's council takes the place of the nearest regular one
        if slots:
            slots.remove(min(slots, key=lambda slot: abs((slot - case.day).days)))
    days = {c.day for c in cases}
    days.update(_workday(ctx, slot + timedelta(days=rng.randint(0, 4))) for slot in slots)
    spare = first
    while len(days) < STREET_COUNCILS_JIANNING:  # only if two councils fell on one day
        spare = _workday(ctx, spare + timedelta(days=1))
        days.add(spare)
    planned = []
    for day in sorted(days):
        community = rng.choice(street.communities)
        here = [c for c in cases if c.day == day]
        planned.append(
            Planned(
                COUNCIL, f"{street.name}{COUNCIL}", day, street, street.id, community, cases=here
            )
        )
    return planned


def _community_series(
    ctx: Context, rng: Random, street: Street, community: Community
) -> list[Planned]:
    planned = []
    for year, month in _months(ctx):
        if month % 3 == 2:
            day = _workday(ctx, date(year, month, rng.randint(5, 25)))
            series = f"{community.name}{COMMUNITY}"
            planned.append(Planned(COMMUNITY, series, day, street, community.id, community))
    return planned


def _upcoming(ctx: Context, rng: Random) -> list[Planned]:
    street = ctx.world.streets[0]
    community = street.communities[0]
    zone = street.zones[(ctx.today.month + 1) % len(street.zones)]
    later = [
        (ZONE, f"{street.name}{zone[1]}{ZONE}", rng.randint(5, 12), street.id, None, zone),
        (FULL, f"{street.name}{FULL}", rng.randint(20, 30), street.id, None, None),
        (LIAISON, f"{street.name}{LIAISON}", rng.randint(2, 8), street.id, None, None),
        (
            COMMUNITY,
            f"{community.name}{COMMUNITY}",
            rng.randint(10, 16),
            community.id,
            community,
            None,
        ),
    ]
    return [
        Planned(
            kind,
            series,
            _workday(ctx, ctx.today + timedelta(days=days)),
            street,
            host,
            comm,
            zone=z,
        )
        for kind, series, days, host, comm, z in later
    ]
