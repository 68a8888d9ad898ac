"""What the secondment editors show and save: plain dataclasses, validated here.

A posting (挂职) names a cadre, a kind, where they come from (a resident unit or an org unit of
the street, with their post there), where they go (a resident unit, an org unit or — for a
第一社长 — a grid, with the post there), a term and, for 结对培养, a mentor. Its status is not
edited: it follows the dates and the lifecycle (``app.secondments.lifecycle``).

Errors name the field the UI highlights (the dataclass attribute). Checks that need the
database (the host of a 第一社长 is a grid, one evaluation per side and period, references)
are made by the service.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app import validation
from app.errors import invalid
from app.i18n import QT_TRANSLATE_NOOP, Message, field_label
from app.validation import check_length, check_required
from db.models.secondments import (
    EvaluationPeriod,
    EvaluatorSide,
    Grade,
    LogKind,
    PostingKind,
)

CONTEXT = "validation"
POST_MAX = 80
REASON_MAX = 200
OBJECTIVES_MAX = 2000
CONTENT_MAX = 2000
EVALUATOR_MAX = 80
MAX_HOURS = Decimal(24)
MAX_SCORE = Decimal(100)
YEAR_RANGE = (2000, 2100)
PERIOD_RE = re.compile(r"(\d{4})-(\d{2})")

# From best to worst: a disagreement is measured in steps along this list.
GRADE_ORDER: tuple[Grade, ...] = (
    Grade.EXCELLENT,
    Grade.COMPETENT,
    Grade.BASICALLY_COMPETENT,
    Grade.INCOMPETENT,
)
PERIOD_ORDER: tuple[EvaluationPeriod, ...] = (
    EvaluationPeriod.MID_TERM,
    EvaluationPeriod.ANNUAL,
    EvaluationPeriod.END_OF_TERM,
)
DISAGREEMENT_GRADE_STEPS = 2
DISAGREEMENT_SCORE_POINTS = Decimal(15)


def is_disagreement(
    home_grade: Grade, host_grade: Grade, home_score: Decimal | None, host_score: Decimal | None
) -> bool:
    """The rule for flagging a two-way evaluation: the two grades are two or more steps apart
    (优秀 vs 基本称职, 称职 vs 不称职), or both sides gave a score and the scores differ by 15
    points or more. Neighbouring grades (优秀 vs 称职) are a normal difference of view."""
    steps = abs(GRADE_ORDER.index(home_grade) - GRADE_ORDER.index(host_grade))
    if steps >= DISAGREEMENT_GRADE_STEPS:
        return True
    if home_score is None or host_score is None:
        return False
    return abs(home_score - host_score) >= DISAGREEMENT_SCORE_POINTS


def check_reason(field_name: str, reason: str, what: str) -> str:
    """A required reason of at most ``REASON_MAX`` characters; ``what`` names the action."""
    missing = Message(
        "validation", QT_TRANSLATE_NOOP("validation", "请说明{what}的理由。"), what=what
    )
    return validation.check_reason(field_name, reason, missing, REASON_MAX)


@dataclass(frozen=True)
class PostingData:
    """A posting as the editor enters it. ``PostingData()`` is the empty form of a new one."""

    person_id: str | None = None
    kind: PostingKind | None = None
    home_unit_id: str | None = None  # a resident unit (an organ) …
    home_org_unit_id: str | None = None  # … or an org unit of the street (科室, 社区)
    home_post: str = ""
    host_unit_id: str | None = None
    host_org_unit_id: str | None = None  # a grid for a 第一社长
    host_post: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    mentor_id: str | None = None
    objectives: str = ""

    def validated(self) -> PostingData:
        if self.person_id is None:
            raise invalid("person_id", QT_TRANSLATE_NOOP("validation", "请选择挂职干部。"))
        if self.kind is None:
            raise invalid("kind", QT_TRANSLATE_NOOP("validation", "请选择挂职类型。"))
        if (self.home_unit_id is None) == (self.home_org_unit_id is None):
            raise invalid(
                "home_unit_id",
                QT_TRANSLATE_NOOP(
                    "validation", "请选择派出单位：驻区单位或街道社区的部门，二者选一。"
                ),
            )
        if (self.host_unit_id is None) == (self.host_org_unit_id is None):
            raise invalid(
                "host_unit_id",
                QT_TRANSLATE_NOOP(
                    "validation", "请选择挂职单位：驻区单位或街道、社区、网格，二者选一。"
                ),
            )
        if self.kind is PostingKind.FIRST_COMMUNITY_HEAD and self.host_org_unit_id is None:
            raise invalid(
                "host_org_unit_id",
                QT_TRANSLATE_NOOP("validation", "第一社长须选择所下沉的网格。"),
            )
        if self.starts_on is None:
            raise invalid("starts_on", QT_TRANSLATE_NOOP("validation", "请填写挂职开始日期。"))
        if self.ends_on is None:
            raise invalid("ends_on", QT_TRANSLATE_NOOP("validation", "请填写挂职结束日期。"))
        if self.ends_on < self.starts_on:
            raise invalid(
                "ends_on", QT_TRANSLATE_NOOP("validation", "挂职结束日期不能早于开始日期。")
            )
        if self.kind is PostingKind.MENTORING and self.mentor_id is None:
            raise invalid("mentor_id", QT_TRANSLATE_NOOP("validation", "结对培养须选择导师。"))
        if self.mentor_id is not None and self.mentor_id == self.person_id:
            raise invalid("mentor_id", QT_TRANSLATE_NOOP("validation", "导师不能是挂职干部本人。"))
        mentor = self.mentor_id if self.kind is PostingKind.MENTORING else None
        return replace(
            self,
            mentor_id=mentor,
            home_post=check_length(
                "home_post",
                self.home_post,
                QT_TRANSLATE_NOOP("fields", "原单位职务"),
                POST_MAX,
            ),
            host_post=check_required(
                "host_post",
                self.host_post,
                QT_TRANSLATE_NOOP("fields", "挂职岗位"),
                POST_MAX,
            ),
            objectives=check_length(
                "objectives",
                self.objectives,
                QT_TRANSLATE_NOOP("fields", "挂职任务"),
                OBJECTIVES_MAX,
            ),
        )


def parse_period(text: str) -> tuple[int, int] | None:
    """``2026-03`` → (2026, 3); None for anything else."""
    found = PERIOD_RE.fullmatch(text.strip())
    if found is None:
        return None
    year, month = int(found.group(1)), int(found.group(2))
    return (year, month) if 1 <= month <= 12 and 1900 < year < 2200 else None


def month_start(period: str) -> date:
    parsed = parse_period(period)
    if parsed is None:
        raise ValueError(f"not a YYYY-MM period: {period!r}")
    return date(parsed[0], parsed[1], 1)


@dataclass(frozen=True)
class WorkLogData:
    """A dated work record (工作记录), or a monthly report for ``period`` (YYYY-MM): the host
    unit's attendance report (考勤) or the cadre's duty report (履职)."""

    kind: LogKind = LogKind.ENTRY
    logged_on: date | None = None
    period: str = ""
    content: str = ""
    hours: Decimal = Decimal(0)
    issue_id: str | None = None
    meeting_id: str | None = None

    @property
    def is_report(self) -> bool:
        return self.kind is not LogKind.ENTRY

    def validated(self) -> WorkLogData:
        if self.logged_on is None:
            raise invalid("logged_on", QT_TRANSLATE_NOOP("validation", "请填写日期。"))
        content = check_required(
            "content",
            self.content,
            field_label(
                QT_TRANSLATE_NOOP("fields", "报告内容")
                if self.is_report
                else QT_TRANSLATE_NOOP("fields", "工作内容")
            ),
            CONTENT_MAX,
        )
        period = self.period.strip()
        if self.is_report:
            if parse_period(period) is None:
                raise invalid(
                    "period",
                    QT_TRANSLATE_NOOP("validation", "请填写报告所属月份，例如 2026-03。"),
                )
            if self.logged_on < month_start(period):
                raise invalid(
                    "logged_on",
                    QT_TRANSLATE_NOOP("validation", "报告日期不能早于所报告的月份（{period}）。"),
                    period=period,
                )
        else:
            period = ""
        try:
            hours = Decimal(self.hours).quantize(Decimal("0.1"), ROUND_HALF_UP)
        except (InvalidOperation, ValueError):
            raise invalid("hours", QT_TRANSLATE_NOOP("validation", "工时应为数字。")) from None
        if not Decimal(0) <= hours <= MAX_HOURS:
            raise invalid(
                "hours", QT_TRANSLATE_NOOP("validation", "工时应在0到{max}小时之间。"), max=24
            )
        return replace(
            self,
            logged_on=self.logged_on,
            period=period,
            content=content,
            hours=hours if not self.is_report else Decimal(0),
            issue_id=self.issue_id if not self.is_report else None,
            meeting_id=self.meeting_id if not self.is_report else None,
        )


@dataclass(frozen=True)
class EvaluationData:
    """One side's evaluation (双向评价) of a posting for one period of one year."""

    side: EvaluatorSide | None = None
    period: EvaluationPeriod | None = None
    year: int | None = None
    grade: Grade | None = None
    score: Decimal | None = None
    comment: str = ""
    evaluator: str = ""
    evaluated_on: date | None = None

    def validated(self) -> EvaluationData:
        if self.side is None:
            raise invalid(
                "side", QT_TRANSLATE_NOOP("validation", "请选择评价方：派出单位或挂职单位。")
            )
        if self.period is None:
            raise invalid(
                "period", QT_TRANSLATE_NOOP("validation", "请选择评价类别：中期、年度或期满。")
            )
        if self.year is None or not YEAR_RANGE[0] <= self.year <= YEAR_RANGE[1]:
            raise invalid(
                "year",
                QT_TRANSLATE_NOOP("validation", "评价年度应在{low}到{high}之间。"),
                low=YEAR_RANGE[0],
                high=YEAR_RANGE[1],
            )
        if self.grade is None:
            raise invalid(
                "grade",
                QT_TRANSLATE_NOOP("validation", "请选择评价等次：优秀、称职、基本称职或不称职。"),
            )
        score = self.score
        if score is not None:
            try:
                score = Decimal(score).quantize(Decimal("0.1"), ROUND_HALF_UP)
            except (InvalidOperation, ValueError):
                raise invalid("score", QT_TRANSLATE_NOOP("validation", "分数应为数字。")) from None
            if not Decimal(0) <= score <= MAX_SCORE:
                raise invalid("score", QT_TRANSLATE_NOOP("validation", "分数应在0到100之间。"))
        if self.evaluated_on is None:
            raise invalid("evaluated_on", QT_TRANSLATE_NOOP("validation", "请填写评价日期。"))
        return replace(
            self,
            score=score,
            comment=check_length(
                "comment",
                self.comment,
                QT_TRANSLATE_NOOP("fields", "评价意见"),
                CONTENT_MAX,
            ),
            evaluator=check_required(
                "evaluator",
                self.evaluator,
                QT_TRANSLATE_NOOP("fields", "评价人"),
                EVALUATOR_MAX,
            ),
        )


__all__ = [
    "DISAGREEMENT_GRADE_STEPS",
    "DISAGREEMENT_SCORE_POINTS",
    "GRADE_ORDER",
    "PERIOD_ORDER",
    "EvaluationData",
    "PostingData",
    "WorkLogData",
    "check_reason",
    "is_disagreement",
    "month_start",
    "parse_period",
]
