"""The "huge" scale: about a million issues over five years, for testing lists and charts.

Rows are made day by day as plain dicts and written in batches inside the caller's
transaction (see fastinsert.py). Every issue gets a status that fits its age; a small share
also gets its dispatch, journal and follow-up, the rest stand for records taken over from the
old ledgers. Keys are sequential UUID-shaped strings: appending to the primary-key index is
several times faster than inserting random UUIDs into it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from random import Random
from typing import Any

from sqlalchemy import Connection

from app.demo.clock import local_time
from app.demo.dice import pick_many
from app.demo.fastinsert import big_cache, insert_rows
from app.demo.issue_texts import DESCRIPTION, DETAILS, FOLLOW_UP_COMMENTS, RESULTS, TITLES
from app.demo.issues import CATEGORY_WEIGHTS, DEPARTMENTS_FOR, SOURCE_NOTES, SOURCES
from app.demo.world import Context
from app.issues.due import due_day
from app.issues.limits import due_moment, end_of
from app.issues.search import bulk_loading
from db.models.issues import (
    DispatchStatus,
    IssueSource,
    IssueStatus,
    LimitUnit,
    Priority,
    Satisfaction,
)

BULK_YEARS = 5
BATCH = 25_000
DETAIL_SHARE = 0.05  # issues that also get dispatch, journal and follow-up rows
S = IssueStatus
# Status mix by age: (at least this many days old, weights).
MIX: tuple[tuple[int, tuple[tuple[IssueStatus, float], ...]], ...] = (
    (60, ((S.CLOSED, 880), (S.REJECTED, 35), (S.FOLLOWED_UP, 20), (S.RESOLVED, 20),
          (S.IN_PROGRESS, 30), (S.DISPATCHED, 5), (S.ACCEPTED, 5), (S.REGISTERED, 5))),
    (14, ((S.CLOSED, 600), (S.REJECTED, 35), (S.FOLLOWED_UP, 100), (S.RESOLVED, 100),
          (S.IN_PROGRESS, 120), (S.DISPATCHED, 30), (S.ACCEPTED, 10), (S.REGISTERED, 5))),
    (0, ((S.CLOSED, 100), (S.REJECTED, 30), (S.FOLLOWED_UP, 60), (S.RESOLVED, 150),
         (S.IN_PROGRESS, 350), (S.DISPATCHED, 150), (S.ACCEPTED, 80), (S.REGISTERED, 80))),
)  # fmt: skip
STEPS = (S.REGISTERED, S.ACCEPTED, S.DISPATCHED, S.IN_PROGRESS, S.RESOLVED, S.FOLLOWED_UP,
         S.CLOSED)  # fmt: skip
ACTIONS = ("register", "accept", "dispatch", "acknowledge", "resolve", "follow_up", "close")
SATISFACTIONS = (
    Satisfaction.SATISFIED,
    Satisfaction.BASICALLY_SATISFIED,
    Satisfaction.DISSATISFIED,
)


def bulk_first_day(today: date) -> date:
    return today - timedelta(days=BULK_YEARS * 365)


@dataclass(frozen=True)
class _Place:
    community_id: str
    grid_id: str
    compound_id: str | None
    place: str
    road: str
    address: str
    departments: dict[str, str]
    users: list[str]


def _places(ctx: Context) -> list[_Place]:
    places = []
    for community in ctx.world.communities:
        street = community.street
        users = street.user_ids or [ctx.world.admin_user_id]
        for cp in community.compounds:
            address = f"南京市鼓楼区{cp.address}"
            road = community.roads[0]
            places.append(
                _Place(community.id, cp.grid.id, cp.id, cp.name, road, address,
                       street.departments, users)
            )  # fmt: skip
        for road in community.roads:
            grid = community.grids[0]
            places.append(
                _Place(community.id, grid.id, None, f"{road}沿线", road, f"南京市鼓楼区{road}",
                       street.departments, users)
            )  # fmt: skip
    return places


class _Ids:
    """Sequential keys in UUID form, under a prefix drawn from the seed."""

    def __init__(self, rng: Random) -> None:
        bits = rng.getrandbits(76)
        self.prefix = f"{bits >> 44:08x}-{bits >> 28 & 0xFFFF:04x}-4{bits >> 16 & 0xFFF:03x}-"
        self.prefix += f"{8 | (bits >> 14 & 3):x}{bits & 0xFFF:03x}-"
        self.count = 0

    def next(self) -> str:
        self.count += 1
        return f"{self.prefix}{self.count:012x}"


class _Maker:
    """Makes issue rows (and for a share their history) for one day at a time."""

    def __init__(self, ctx: Context, rng: Random) -> None:
        self.ctx, self.rng, self.ids = ctx, rng, _Ids(rng)
        self.places = _places(ctx)
        self.categories = list(CATEGORY_WEIGHTS)
        self.category_weights = list(CATEGORY_WEIGHTS.values())
        self.names = [ctx.identities.resident_name() for _ in range(4000)]
        self.phones = [ctx.identities.mobile() for _ in range(12000)]
        self.numbers = ctx.world.issue_numbers
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.last_minute = ctx.now - timedelta(minutes=1)

    def add(self, name: str, at: datetime, /, **values: Any) -> str:
        row_id = self.ids.next()
        values.update(id=row_id, created_at=at, updated_at=at, version=1)
        self.rows.setdefault(name, []).append(values)
        return row_id

    def day(self, day: date, count: int) -> None:
        rng, ctx = self.rng, self.ctx
        midnight = local_time(day)
        minutes = sorted(420 + int(870 * rng.random()) for _ in range(count))
        mix = next(weights for age, weights in MIX if (ctx.today - day).days >= age)
        statuses = pick_many(rng, mix, count)
        categories = rng.choices(self.categories, self.category_weights, k=count)
        sources = pick_many(rng, SOURCES, count)
        limits = ctx.world.category_limits
        start = midnight + timedelta(hours=12)  # the day's due moments, counted from its noon
        dues = {c: due_moment(ctx.calendar, start, limits[c]) for c in self.categories}
        for minute, status, category, source in zip(
            minutes, statuses, categories, sources, strict=True
        ):
            reported = midnight + timedelta(minutes=minute, seconds=int(60 * rng.random()))
            self.numbers[day.year] = number = self.numbers.get(day.year, 0) + 1
            self.issue(reported, f"MS{day.year}-{number:06d}", status, category, source,
                       dues[category])  # fmt: skip

    def issue(
        self,
        reported: datetime,
        number: str,
        status: IssueStatus,
        category: str,
        source: IssueSource,
        due: datetime,
    ) -> None:
        rng, ctx = self.rng, self.ctx
        deadline = due_day(due)
        place = self.places[int(len(self.places) * rng.random())]
        building = f"{1 + int(24 * rng.random())}幢"
        title = rng.choice(TITLES[category]).format(
            place=place.place, building=building, road=place.road
        )
        limit = ctx.world.category_limits[category]
        urgent = limit.unit is LimitUnit.HOURS
        days = max(1, limit.amount // 24 if urgent else limit.amount)
        times = self._times(reported, status, days)
        satisfaction = None
        if status is S.FOLLOWED_UP or status is S.CLOSED:
            draw = rng.random()
            satisfaction = SATISFACTIONS[0 if draw < 0.8 else 1 if draw < 0.96 else 2]
        issue_id = self.add(
            "issues",
            reported,
            deleted_at=None,
            number=number,
            title=title,
            description=DESCRIPTION.format(
                who="居民", title=title, detail=rng.choice(DETAILS[category])
            ),
            source=source,
            category_id=ctx.world.category_ids[category],
            community_id=place.community_id,
            grid_id=place.grid_id,
            compound_id=place.compound_id,
            address=place.address,
            reporter_name=rng.choice(self.names),
            reporter_phone=rng.choice(self.phones),
            reported_at=reported,
            status=status,
            limit_amount=limit.amount,
            limit_unit=limit.unit,
            due_at=due,
            deadline=deadline,
            priority=Priority.URGENT if urgent and rng.random() < 0.5 else Priority.NORMAL,
            supervised=status is S.IN_PROGRESS and rng.random() < 0.3,
            supervision_note="",
            satisfaction=satisfaction,
            reopen_count=1 if satisfaction and rng.random() < 0.03 else 0,
            resolved_at=times.get("resolve"),
            closed_at=times.get("close"),
        )
        self.rows["issues"][-1]["updated_at"] = max(times.values())
        if rng.random() < DETAIL_SHARE:
            self._history(issue_id, category, times, place, deadline, satisfaction)

    def _times(self, reported: datetime, status: IssueStatus, days: int) -> dict[str, datetime]:
        """When each step happened, as far as ``status`` goes, all before the cut-off."""
        rng = self.rng
        times = {"register": reported}
        if status is S.REJECTED:
            rejected = reported + timedelta(minutes=20 + 580 * rng.random())
            times["reject"] = min(rejected, self.last_minute)
            return times
        spans = (
            (10, 290),
            (10, 170),
            (20, 700),
            (60, days * 2880),
            (1440, 5760),
            (60, 4260),
        )
        at = reported
        for index in range(STEPS.index(status)):
            low, span = spans[index]
            at = min(at + timedelta(minutes=low + span * rng.random()), self.last_minute)
            times[ACTIONS[index + 1]] = at
        return times

    def _history(
        self,
        issue_id: str,
        category: str,
        times: dict[str, datetime],
        place: _Place,
        deadline: date,
        satisfaction: Satisfaction | None,
    ) -> None:
        rng = self.rng
        previous: IssueStatus | None = None
        for action, at in times.items():
            to = S.REJECTED if action == "reject" else STEPS[ACTIONS.index(action)]
            note = SOURCE_NOTES[IssueSource.GRID_VISIT] if action == "register" else ""
            self.add("issue_events", at, issue_id=issue_id, at=at,
                     user_id=rng.choice(place.users), action=action, from_status=previous,
                     to_status=to, note=note)  # fmt: skip
            previous = to
        if "dispatch" in times:
            acknowledged, completed = times.get("acknowledge"), times.get("resolve")
            state = DispatchStatus.DISPATCHED
            if completed:
                state = DispatchStatus.DONE
            elif acknowledged:
                state = DispatchStatus.ACKNOWLEDGED
            department = place.departments[rng.choice(DEPARTMENTS_FOR[category])]
            self.add("dispatches", times["dispatch"], issue_id=issue_id, org_unit_id=department,
                     resident_unit_id=None, status=state, dispatched_at=times["dispatch"],
                     lead=True, due_at=end_of(deadline), due_on=deadline,
                     acknowledged_at=acknowledged, completed_at=completed,
                     returned_at=None, return_reason="",
                     result=rng.choice(RESULTS[category]) if completed else "")  # fmt: skip
        if satisfaction is not None:
            comment = rng.choice(FOLLOW_UP_COMMENTS[satisfaction.value])
            self.add("follow_ups", times["follow_up"], issue_id=issue_id,
                     visited_at=times["follow_up"], visited_by="回访专员",
                     satisfaction=satisfaction, comment=comment)  # fmt: skip

    def take(self) -> dict[str, list[dict[str, Any]]]:
        rows, self.rows = self.rows, {}
        return rows


def _day_counts(rng: Random, first: date, today: date, total: int) -> Iterator[tuple[date, int]]:
    """Issues per day: fewer at weekends, more in the rainy summer, slowly growing."""
    days = [first + timedelta(days=i) for i in range((today - first).days)]
    weights = []
    for index, day in enumerate(days):
        weight = (0.55 if day.weekday() >= 5 else 1.0) * (1.25 if day.month in (6, 7, 8) else 1.0)
        weights.append(weight * (0.8 + 0.4 * index / len(days)) * rng.uniform(0.85, 1.15))
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    for index in rng.sample(range(len(days)), total - sum(counts)):
        counts[index] += 1
    return zip(days, counts, strict=True)


def add_bulk_issues(
    connection: Connection, ctx: Context, count: int, step: Callable[[int, int], None]
) -> dict[str, int]:
    """Inserts ``count`` more issues; returns how many rows went into each table."""
    rng = ctx.rng("bulk")
    maker = _Maker(ctx, rng)
    written: dict[str, int] = {}
    pending = done = 0

    def flush() -> None:
        for name, rows in maker.take().items():
            insert_rows(connection, name, rows)
            written[name] = written.get(name, 0) + len(rows)

    with big_cache(connection), bulk_loading(connection):
        for day, n in _day_counts(rng, bulk_first_day(ctx.today), ctx.today, count):
            maker.day(day, n)
            pending += n
            done += n
            if pending >= BATCH:
                flush()
                pending = 0
                step(done, count)
        flush()
    step(count, count)
    return written
