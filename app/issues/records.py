"""What the issue editor shows and saves: plain dataclasses in, plain dataclasses out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from app.i18n import QT_TRANSLATE_NOOP
from app.issues.limits import Limit
from app.issues.workflow import ENDED_STATUSES
from app.validation import check_length, check_required, half_width
from db.models.issues import (
    DispatchStatus,
    IssueSource,
    IssueStatus,
    Priority,
    Satisfaction,
)

TITLE_MAX = 200
ADDRESS_MAX = 200
NAME_MAX = 50
PHONE_MAX = 20
NOTE_MAX = 200


class Warning(StrEnum):  # noqa: A001 - the glossary's word; shadows nothing we use
    """How an issue stands out in the list: red (overdue, unacknowledged) or yellow (stale)."""

    RED = "red"
    YELLOW = "yellow"


@dataclass(frozen=True)
class IssueData:
    """The facts of an issue, as the editor edits them."""

    title: str = ""
    source: IssueSource = IssueSource.GRID_VISIT
    description: str = ""
    category_id: str | None = None
    community_id: str | None = None
    grid_id: str | None = None
    compound_id: str | None = None
    address: str = ""
    reporter_name: str = ""
    reporter_phone: str = ""
    entered_by: str = ""  # 代录: the staff member who entered it for the reporter
    priority: Priority = Priority.NORMAL

    def cleaned(self) -> IssueData:
        """The data with text stripped; ValidationError naming the field when it is wrong."""
        return IssueData(
            title=check_required(
                "title", self.title, QT_TRANSLATE_NOOP("fields", "事项"), TITLE_MAX
            ),
            source=IssueSource(self.source),
            description=self.description.strip(),
            category_id=self.category_id,
            community_id=self.community_id,
            grid_id=self.grid_id,
            compound_id=self.compound_id,
            address=check_length(
                "address",
                self.address,
                QT_TRANSLATE_NOOP("fields", "地址"),
                ADDRESS_MAX,
            ),
            reporter_name=check_length(
                "reporter_name",
                self.reporter_name,
                QT_TRANSLATE_NOOP("fields", "反映人"),
                NAME_MAX,
            ),
            reporter_phone=check_length(
                "reporter_phone",
                half_width(self.reporter_phone),
                QT_TRANSLATE_NOOP("fields", "联系电话"),
                PHONE_MAX,
            ),
            entered_by=check_length(
                "entered_by",
                self.entered_by,
                QT_TRANSLATE_NOOP("fields", "代录人"),
                NAME_MAX,
            ),
            priority=Priority(self.priority),
        )


@dataclass(frozen=True)
class DispatchTarget:
    """One unit an issue is dispatched to: a department (org unit) or a resident unit.

    Its due moment: ``limit`` counted from the dispatch, else 24:00 of ``due_on``, else the
    issue's own (or, when that has passed, the issue's limit counted again). ``lead``: this
    unit leads (主办)."""

    org_unit_id: str | None = None
    resident_unit_id: str | None = None
    due_on: date | None = None
    limit: Limit | None = None
    lead: bool = False


@dataclass(frozen=True)
class DispatchView:
    id: str
    unit_name: str
    org_unit_id: str | None
    resident_unit_id: str | None
    status: DispatchStatus
    lead: bool  # 主办; else 协办
    dispatched_at: datetime  # Beijing time, as all times in views
    due_at: datetime | None
    due_on: date | None
    acknowledged_at: datetime | None
    result: str
    completed_at: datetime | None
    objected_at: datetime | None
    objection_reason: str
    reviewed_at: datetime | None
    review_note: str
    returned_at: datetime | None
    return_reason: str
    warning: Warning | None
    steps: tuple[str, ...]  # what this unit's order allows now (workflow.unit_steps)


@dataclass(frozen=True)
class EventView:
    at: datetime
    action: str
    action_label: str  # untranslated Chinese label of the action
    from_status: IssueStatus | None
    to_status: IssueStatus | None
    note: str
    user_name: str


@dataclass(frozen=True)
class FollowUpView:
    id: str
    visited_at: datetime
    visited_by: str
    satisfaction: Satisfaction
    comment: str
    complainant_id: str | None  # 并单: the merged complaint whose reporter was called


@dataclass(frozen=True)
class LinkView:
    issue_id: str
    number: str
    title: str
    kind: str  # IssueLinkKind value; "duplicate_of" / "related_to" (or "duplicated_by")


@dataclass(frozen=True)
class ComplainantView:
    """Someone to call at the follow-up (``issue_id`` None: the order's own reporter)."""

    issue_id: str | None
    number: str
    name: str
    phone: str
    reported_at: datetime
    satisfaction: Satisfaction | None  # the latest call's; None: not called yet


@dataclass(frozen=True)
class IssueDetail:
    id: str
    version: int
    number: str
    data: IssueData
    status: IssueStatus
    reported_at: datetime
    deadline: date | None
    due_at: datetime | None  # Beijing time
    limit: Limit | None  # what the deadline was counted with
    paused_at: datetime | None  # the clock stands still since (an objection under review)
    extended: bool  # the deadline was extended (延期)
    escalated: bool  # 问题工单
    escalation_reason: str
    merged_into_id: str | None  # 并单: the order this complaint is kept on
    merged_into_number: str
    complainants: tuple[ComplainantView, ...]  # the order's reporter, then merged ones
    category_name: str
    community_name: str
    grid_name: str
    supervised: bool
    supervision_note: str
    satisfaction: Satisfaction | None
    reopen_count: int
    resolved_at: datetime | None
    closed_at: datetime | None
    warning: Warning | None
    warning_reasons: tuple[str, ...]
    allowed_actions: tuple[str, ...]  # workflow Action values, in the order of the loop
    dispatches: tuple[DispatchView, ...]
    events: tuple[EventView, ...]
    follow_ups: tuple[FollowUpView, ...]
    links: tuple[LinkView, ...]
    meeting_title: str  # the meeting whose decision raised it ("" when none)
    meeting_id: str | None

    @property
    def ended(self) -> bool:
        """归档, 不予受理 or 并单: no longer an order of its own, shown read-only."""
        return self.status in ENDED_STATUSES

    @property
    def archived(self) -> bool:
        """归档: its files stay as they were filed."""
        return self.status is IssueStatus.CLOSED
