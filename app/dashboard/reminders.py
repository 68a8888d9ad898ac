"""The home tab's reminders from every area, one line each, each opening its record's list:
agreements expiring and commitments behind schedule (app.agreements.reminders), postings
ending and evaluations due (app.secondments.reminders), supervised issues (督办) and the count
of overdue ones, and meetings' action items past their due day.

Issues are read with their own narrow queries rather than the full 催办 list
(app.issues.service.reminders judges every open issue, too slow at a million for a tab that
refreshes in half a second); the issues tab shows that list in full."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.agreements import reminders as agreement_reminders
from app.agreements.lists import AgreementList
from app.dashboard.scope import SECONDMENTS, Link, Scope
from app.dashboard.sql import live_issue
from app.issues.store import local_day
from app.issues.workflow import OPEN_STATUSES
from app.listing import ListQuery
from app.meetings.tracking import cn_date
from app.secondments import reminders as posting_reminders
from db.models.agreements import Agreement
from db.models.issues import Issue
from db.models.meetings import ActionItem, ActionStatus, AgendaItem, Decision, Meeting

SUPERVISED_SHOWN = 5
PERIOD_NAMES = {"mid_term": "中期", "annual": "年度", "end_of_term": "期满"}


@dataclass(frozen=True)
class ReminderLine:
    text: str
    link: Link
    urgent: bool = False


def _issue_lines(session: Session, scope: Scope, today: date) -> list[ReminderLine]:
    conditions = [live_issue(), Issue.status.in_(OPEN_STATUSES)]
    if scope.community_id:
        conditions.append(Issue.community_id == scope.community_id)
    lines = []
    overdue = session.scalar(
        select(func.count()).where(*conditions, Issue.deadline < today).select_from(Issue)
    )
    if overdue:
        text = f"{overdue}件民生事项已超过办理时限"
        lines.append(ReminderLine(text, scope.issues(overdue=True), urgent=True))
    supervised = session.execute(
        select(Issue.number, Issue.title, Issue.deadline)
        .where(*conditions, Issue.supervised.is_(True))
        .order_by(Issue.deadline, Issue.number)
        .limit(SUPERVISED_SHOWN)
    )
    link = scope.issues(supervised=True, status=[s.value for s in OPEN_STATUSES])
    for number, title, deadline in supervised:
        due = f"，时限{cn_date(deadline)}" if deadline else ""
        lines.append(ReminderLine(f"督办 {number} {title}{due}", link))
    return lines


def _action_lines(session: Session, scope: Scope, today: date) -> list[ReminderLine]:
    stmt = (
        select(func.count())
        .select_from(ActionItem)
        .join(Decision, Decision.id == ActionItem.decision_id)
        .join(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(
            Meeting.deleted_at.is_(None),
            ActionItem.status.in_((ActionStatus.OPEN, ActionStatus.IN_PROGRESS)),
            ActionItem.due_on < today,
        )
    )
    if scope.host_ids:
        stmt = stmt.where(Meeting.host_org_unit_id.in_(scope.host_ids))
    late = int(session.scalar(stmt) or 0)
    if not late:
        return []
    return [ReminderLine(f"{late}项会议议定事项已过完成期限", scope.meetings(), True)]


def _in_scope(session: Session, scope: Scope) -> Callable[[str], bool]:
    """Whether an agreement has a party in the scope's community (always, for the street)."""
    if not scope.community_id:
        return lambda _agreement_id: True
    conditions = AgreementList().where(ListQuery(filters={"community": scope.community_id}))
    ids = set(session.scalars(select(Agreement.id).where(*conditions)))
    return ids.__contains__


def _agreement_lines(session: Session, scope: Scope, today: date) -> list[ReminderLine]:
    found = agreement_reminders.reminders(session, today)
    wanted = _in_scope(session, scope)
    behind = [c for c in found.behind if wanted(c.agreement_id)]
    lines = [
        ReminderLine(
            f"{a.title}将于{cn_date(a.valid_to)}到期（还有{a.days_left}天）",
            scope.agreements(expiring_within=a.days_left),
            urgent=a.days_left <= 7,
        )
        for a in found.expiring
        if wanted(a.id)
    ]
    if behind:
        text = f"{len(behind)}项共建承诺进度落后"
        lines.append(ReminderLine(text, scope.agreements(status="active")))
    if found.unclaimed:
        text = f"{len(found.unclaimed)}条需求长时间无人认领"
        lines.append(ReminderLine(text, scope.agreements()))
    return lines


def _posting_lines(session: Session, today: date) -> list[ReminderLine]:
    found = posting_reminders.reminders(session, today)
    lines = [
        ReminderLine(
            f"{p.person_name}挂职将于{cn_date(p.ends_on)}期满（还有{p.days_left}天）",
            Link(SECONDMENTS, {"ending_within": posting_reminders.ENDING_DAYS}),
        )
        for p in found.ending
    ]
    for due in found.evaluations:
        name = PERIOD_NAMES.get(due.period.value, "")
        text = f"{due.person_name}的{due.year}年{name}评价待填写"
        lines.append(ReminderLine(text, Link(SECONDMENTS, {"active": True})))
    if found.reports:
        text = f"{len(found.reports)}份挂职干部月度报告未交"
        lines.append(ReminderLine(text, Link(SECONDMENTS, {"active": True})))
    return lines


def reminders(session: Session, scope: Scope) -> list[ReminderLine]:
    """Urgent lines first, then by area."""
    today = local_day(scope.now)
    lines = [
        *_issue_lines(session, scope, today),
        *_action_lines(session, scope, today),
        *_agreement_lines(session, scope, today),
        *_posting_lines(session, today),
    ]
    return sorted(lines, key=lambda line: not line.urgent)
