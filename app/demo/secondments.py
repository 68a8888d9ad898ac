"""Cadre secondments: 16 cross postings, 8 first community heads at 建宁路街道, postings up
and down, mentoring; every status, monthly reports, work records and two-way evaluations.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from random import Random

from app.demo.clock import local_time
from app.demo.plan import CROSS_POSTINGS, FIRST_COMMUNITY_HEADS, JIANNING, NINGHAI
from app.demo.staff import add_person
from app.demo.world import Context, PersonRef, Street, Unit
from db.models.secondments import (
    EvaluationPeriod,
    EvaluatorSide,
    Grade,
    LogKind,
    PostingKind,
    PostingStatus,
)

A, E, X, EE, P = (
    PostingStatus.ACTIVE,
    PostingStatus.ENDED,
    PostingStatus.EXTENDED,
    PostingStatus.ENDED_EARLY,
    PostingStatus.PLANNED,
)
SOON = "soon"  # active, ending within 30 days
XE = "extended_ended"  # extended, and the extension has run out (期满)
CROSS_STATES: list[PostingStatus | str] = [A] * 7 + [SOON, SOON, E, E, XE, X, X, EE, P]
HEAD_STATES: list[PostingStatus | str] = [A] * 5 + [SOON, X, E]
OTHER_STATES: dict[PostingKind, list[PostingStatus | str]] = {
    PostingKind.UPWARD: [A, E, P, EE],
    PostingKind.DOWNWARD: [A, SOON, E, X],
    PostingKind.MENTORING: [A, A, E, P],
}
EXTENSION = "工作需要，经双方单位商定延长挂职6个月"
EARLY_REASONS = ("因工作调整提前结束挂职", "因身体原因提前结束挂职")
DUTIES = {
    PostingKind.CROSS: "参与街道党建共同体建设，牵头推进驻区单位共建项目",
    PostingKind.UPWARD: "跟班学习机关业务，参与政策调研和文件起草",
    PostingKind.DOWNWARD: "协助社区党委开展“大党委”工作和民生事项办理",
    PostingKind.FIRST_COMMUNITY_HEAD: "下沉网格担任“第一社长”，牵头解决网格内民生难题",
    PostingKind.MENTORING: "跟随导师参与重点工作，提升群众工作能力",
}
MEETING_ENTRY = "参加联席会议，汇报挂职工作推进情况"
ENTRIES = (
    "走访网格内困难家庭{n}户，了解诉求并登记",
    "参加街社党建共同体议事会，汇报网格民生事项办理情况",
    "牵头协调小区停车秩序整治，现场办公",
    "参与老旧小区改造方案征求意见会",
    "带领党员志愿者开展环境整治",
    "督办超期民生事项，电话回访居民",
    "起草共建项目推进情况报告",
)
GRADE_SCORES = {
    Grade.EXCELLENT: (90, 98),
    Grade.COMPETENT: (76, 89),
    Grade.BASICALLY_COMPETENT: (62, 74),
    Grade.INCOMPETENT: (45, 58),
}


@dataclass
class _Side:
    """One end of a posting: an org unit or a resident unit, the post there, who evaluates."""

    name: str
    post: str
    org_unit_id: str | None = None
    unit_id: str | None = None
    evaluator: str = ""

    def columns(self, end: str) -> dict[str, str | None]:
        """The posting's columns for this end, ``end`` being "home" or "host"."""
        return {
            f"{end}_unit_id": self.unit_id,
            f"{end}_org_unit_id": self.org_unit_id,
            f"{end}_post": self.post,
        }


def _organ_side(organ: Unit, post: str) -> _Side:
    return _Side(organ.name, post, unit_id=organ.id, evaluator=f"{organ.name}党组")


def _street_side(street: Street, department: str, post: str) -> _Side:
    org_unit = street.departments[department]
    return _Side(department, post, org_unit, evaluator=f"{street.name}党工委")


def _deputy(department: str) -> str:
    return f"{department}{'副科长' if department.endswith('科') else '副主任'}（挂职）"


@dataclass(frozen=True)
class _Term:
    starts: date
    planned_end: date
    ends: date
    extension_reason: str = ""
    early_end_reason: str = ""


def _window(rng: Random, today: date, state: PostingStatus | str) -> _Term:
    """A term of a year (shorter when ended early, six months longer when extended) that
    agrees with ``state`` as seen on ``today``."""
    year, extension = timedelta(days=365), timedelta(days=182)
    if state == SOON:
        end = today + timedelta(days=rng.randint(3, 28))
        return _Term(end - year, end, end)
    if state == XE:
        planned_end = today - timedelta(days=rng.randint(200, 300))
        return _Term(planned_end - year, planned_end, planned_end + extension, EXTENSION)
    match state:
        case PostingStatus.ENDED:
            end = today - timedelta(days=rng.randint(10, 300))
            return _Term(end - year, end, end)
        case PostingStatus.EXTENDED:
            planned_end = today - timedelta(days=rng.randint(5, 60))
            return _Term(planned_end - year, planned_end, planned_end + extension, EXTENSION)
        case PostingStatus.ENDED_EARLY:
            end = today - timedelta(days=rng.randint(10, 120))
            start = end - timedelta(days=rng.randint(100, 250))
            return _Term(start, start + year, end, early_end_reason=rng.choice(EARLY_REASONS))
        case PostingStatus.PLANNED:
            start = today + timedelta(days=rng.randint(10, 40))
            return _Term(start, start + year, start + year)
        case _:
            start = today - timedelta(days=rng.randint(60, 300))
            return _Term(start, start + year, start + year)


def _status(state: PostingStatus | str) -> PostingStatus:
    if state == SOON:
        return PostingStatus.ACTIVE
    return PostingStatus.ENDED if state == XE else PostingStatus(state)


def build_postings(ctx: Context) -> None:
    rng = ctx.rng("postings")
    ninghai, jianning = ctx.world.street(NINGHAI), ctx.world.street(JIANNING)
    organs = [u for u in ctx.world.units if u.is_organ and u.branches]
    postings = _Postings(ctx, rng)
    for index, state in enumerate(CROSS_STATES[:CROSS_POSTINGS]):
        organ = organs[index * 7 % len(organs)]
        if index % 2 == 0:  # an organ cadre to the street, or a street cadre to an organ
            cadre = _organ_cadre(ctx, rng, organ)
            home = _organ_side(organ, cadre.post)
            department = list(ninghai.departments)[index // 2 % len(ninghai.departments)]
            host = _street_side(ninghai, department, _deputy(department))
        else:
            department = list(ninghai.department_heads)[index // 2 % len(ninghai.departments)]
            cadre = ninghai.department_heads[department]
            home = _street_side(ninghai, department, cadre.post)
            host = _organ_side(organ, "处长助理（挂职）")
        postings.add(PostingKind.CROSS, cadre, home, host, state, ninghai, disagreement=index == 9)
    grids = rng.sample(jianning.grids, FIRST_COMMUNITY_HEADS)
    heads = list(jianning.department_heads.items())[:FIRST_COMMUNITY_HEADS]
    for (department, head), grid, state in zip(heads, grids, HEAD_STATES, strict=True):
        home = _street_side(jianning, department, head.post)
        place = f"{grid.community.name}{grid.name}"
        host = _Side(place, "第一社长", grid.id, evaluator=f"{grid.community.name}党委")
        postings.add(
            PostingKind.FIRST_COMMUNITY_HEAD, head, home, host, state, jianning, grid_id=grid.id
        )
    _others(ctx, rng, postings, ninghai, organs)


def _organ_cadre(ctx: Context, rng: Random, organ: Unit) -> PersonRef:
    return add_person(
        ctx,
        post=rng.choice(("副处长", "三级调研员", "一级主任科员")),
        ages=(30, 45),
        employer_unit_id=organ.id,
        party_org_id=rng.choice(organ.branches).id,
    )


def _others(
    ctx: Context, rng: Random, postings: _Postings, street: Street, organs: list[Unit]
) -> None:
    communities = street.communities
    for index, state in enumerate(OTHER_STATES[PostingKind.UPWARD]):
        community = communities[index % len(communities)]
        cadre = community.staff[1]
        organ = organs[(index * 5 + 3) % len(organs)]
        home = _Side(community.name, cadre.post, community.id, evaluator=f"{community.name}党委")
        host = _organ_side(organ, "跟班学习（上挂）")
        postings.add(PostingKind.UPWARD, cadre, home, host, state, street)
    for index, state in enumerate(OTHER_STATES[PostingKind.DOWNWARD]):
        organ = organs[(index * 3 + 1) % len(organs)]
        cadre = _organ_cadre(ctx, rng, organ)
        community = communities[-1 - index % len(communities)]
        home = _organ_side(organ, cadre.post)
        host = _Side(
            community.name,
            "社区党委副书记（兼职）",
            community.id,
            evaluator=f"{community.name}党委",
        )
        postings.add(PostingKind.DOWNWARD, cadre, home, host, state, street)
    for index, state in enumerate(OTHER_STATES[PostingKind.MENTORING]):
        community = communities[(index * 2) % len(communities)]
        trainee, mentor = community.staff[-1], street.leaders[2 + index % 4]
        home = _Side(community.name, trainee.post, community.id, evaluator=f"{community.name}党委")
        department = ("党建办", "社区建设科", "民政科", "平安建设科")[index]
        host = _street_side(street, department, "跟岗锻炼")
        postings.add(PostingKind.MENTORING, trainee, home, host, state, street, mentor=mentor)


@dataclass
class _Place:
    """Where a cadre works: a meeting held there and an issue found there, per month."""

    meetings: dict[tuple[int, int], str]
    issues: dict[tuple[int, int], str]


def _by_month(items: Iterable[tuple[date, str]]) -> dict[tuple[int, int], str]:
    found: dict[tuple[int, int], str] = {}
    for day, item in sorted(items):
        found.setdefault((day.year, day.month), item)
    return found


class _Postings:
    def __init__(self, ctx: Context, rng: Random) -> None:
        self.ctx, self.rng = ctx, rng

    def add(
        self,
        kind: PostingKind,
        cadre: PersonRef,
        home: _Side,
        host: _Side,
        state: PostingStatus | str,
        street: Street,
        *,
        mentor: PersonRef | None = None,
        grid_id: str | None = None,
        disagreement: bool = False,
    ) -> None:
        ctx, rng = self.ctx, self.rng
        term = _window(rng, ctx.today, state)
        starts, ends = term.starts, term.ends
        posting = ctx.rows.add(
            "postings",
            local_time(starts - timedelta(days=rng.randint(10, 30)), 10 * 60),
            person_id=cadre.id,
            kind=kind,
            **home.columns("home"),
            **host.columns("host"),
            starts_on=starts,
            ends_on=ends,
            planned_ends_on=term.planned_end,
            mentor_id=mentor.id if mentor else None,
            objectives=DUTIES[kind],
            status=_status(state),
            extension_reason=term.extension_reason,
            early_end_reason=term.early_end_reason,
        )
        last = min(ends, self.ctx.today - timedelta(days=1))
        if starts <= last:
            meetings = _by_month((d, m) for d, m, s in ctx.world.meetings if s is street)
            issues = _by_month(ctx.world.grid_issues.get(grid_id, [])) if grid_id else {}
            self._logs(posting, kind, starts, last, _Place(meetings, issues))
            self._evaluations(posting, home, host, starts, ends, _status(state), disagreement)

    def _logs(
        self, posting: str, kind: PostingKind, starts: date, last: date, place: _Place
    ) -> None:
        """Work records each month, and the monthly attendance and duty reports after it."""
        rng = self.rng
        month = date(starts.year, starts.month, 1)
        while month <= last:
            following = (month + timedelta(days=32)).replace(day=1)
            for _ in range(rng.randint(1, 3)):
                day = month + timedelta(days=rng.randint(0, 27))
                if not starts <= day <= last:
                    continue
                key = (day.year, day.month)
                meeting = place.meetings.get(key) if rng.random() < 0.3 else None
                text = MEETING_ENTRY if meeting else rng.choice(ENTRIES)
                hours = Decimal(rng.randint(4, 16)) / 2
                issue = place.issues.get(key)
                self._log(posting, LogKind.ENTRY, day, "", text.format(n=rng.randint(2, 9)),
                          hours, issue, meeting)  # fmt: skip
            if following <= last + timedelta(days=1):  # the month is over: monthly reports
                reported, period = following + timedelta(days=rng.randint(0, 4)), f"{month:%Y-%m}"
                workdays = rng.randint(19, 22)
                attended = workdays - rng.choice((0, 0, 0, 1, 2))
                attendance = f"本月应出勤{workdays}天，实际出勤{attended}天。"
                duty = f"本月主要工作：{DUTIES[kind]}。"
                self._log(posting, LogKind.ATTENDANCE_REPORT, reported, period, attendance)
                self._log(posting, LogKind.DUTY_REPORT, reported, period, duty)
            month = following

    def _log(
        self,
        posting: str,
        kind: LogKind,
        day: date,
        period: str,
        content: str,
        hours: Decimal = Decimal(0),
        issue: str | None = None,
        meeting: str | None = None,
    ) -> None:
        if day >= self.ctx.today:
            return
        self.ctx.rows.add(
            "work_logs",
            local_time(day, 17 * 60),
            posting_id=posting,
            kind=kind,
            logged_on=day,
            period=period,
            content=content,
            hours=hours,
            issue_id=issue,
            meeting_id=meeting,
        )

    def _evaluations(
        self,
        posting: str,
        home: _Side,
        host: _Side,
        starts: date,
        ends: date,
        status: PostingStatus,
        disagreement: bool,
    ) -> None:
        rng, today = self.rng, self.ctx.today
        rounds: list[tuple[EvaluationPeriod, int, date]] = []
        mid = starts + timedelta(days=rng.randint(180, 195))
        if mid < min(today, ends):
            rounds.append((EvaluationPeriod.MID_TERM, mid.year, mid))
        for year in range(starts.year, min(ends, today).year):
            on = date(year + 1, 1, rng.randint(10, 20))
            if on < today:
                rounds.append((EvaluationPeriod.ANNUAL, year, on))
        if status in (PostingStatus.ENDED, PostingStatus.ENDED_EARLY):
            on = ends + timedelta(days=rng.randint(5, 20))
            if on < today:
                rounds.append((EvaluationPeriod.END_OF_TERM, ends.year, on))
        for number, (period, year, on) in enumerate(rounds):
            grade = rng.choices(list(GRADE_SCORES), (35, 55, 8, 2))[0]
            host_grade = (
                grade if rng.random() < 0.75 else rng.choice((Grade.EXCELLENT, Grade.COMPETENT))
            )
            if disagreement and number == len(rounds) - 1:
                grade, host_grade = Grade.EXCELLENT, Grade.BASICALLY_COMPETENT
            for side, who, this in (
                (EvaluatorSide.HOME, home, grade),
                (EvaluatorSide.HOST, host, host_grade),
            ):
                self._evaluation(posting, side, period, year, this, who.evaluator, on)

    def _evaluation(
        self,
        posting: str,
        side: EvaluatorSide,
        period: EvaluationPeriod,
        year: int,
        grade: Grade,
        evaluator: str,
        on: date,
    ) -> None:
        low, high = GRADE_SCORES[grade]
        comment = {
            Grade.EXCELLENT: "履职尽责、表现突出，圆满完成挂职任务。",
            Grade.COMPETENT: "能够较好完成各项工作任务。",
            Grade.BASICALLY_COMPETENT: "对基层情况熟悉不够，群众工作方法有待提高。",
            Grade.INCOMPETENT: "履职不到位，出勤不够稳定。",
        }[grade]
        self.ctx.rows.add(
            "evaluations",
            local_time(on, 15 * 60),
            posting_id=posting,
            side=side,
            period=period,
            year=year,
            grade=grade,
            score=Decimal(self.rng.randint(low * 10, high * 10)) / 10,
            comment=comment,
            evaluator=evaluator,
            evaluated_on=on,
        )
