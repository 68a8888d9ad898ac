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
from app.dashboard.kpis import open_actions
from app.dashboard.scope import AGREEMENTS, CLAIMS_VIEW, SECONDMENTS, Link, Scope
from app.dashboard.sql import live_issue
from app.exchange.sites import QUIET_DAYS, quiet_communities
from app.i18n import QT_TRANSLATE_NOOP, Message, date_text
from app.issues.workflow import OPEN_STATUSES
from app.labels import label
from app.listing import ListQuery
from app.localtime import local_day
from app.secondments import reminders as posting_reminders
from app.secondments.reminders import DueEvaluation
from db.models.agreements import Agreement
from db.models.issues import Issue
from db.models.meetings import ActionItem

SUPERVISED_SHOWN = 5
CONTEXT = "reminders"


@dataclass(frozen=True)
class ReminderLine:
    text: Message
    link: Link
    urgent: bool = False


def _text(template: str, **params: object) -> Message:
    return Message(CONTEXT, template, **params)


def days_left(days: int) -> Message:
    """今天, 明天 or 还有N天: N is never 1, so a language with plurals reads right."""
    if days <= 0:
        return _text(QT_TRANSLATE_NOOP("reminders", "今天"))
    if days == 1:
        return _text(QT_TRANSLATE_NOOP("reminders", "明天"))
    return _text(QT_TRANSLATE_NOOP("reminders", "还有{n}天"), n=days)


def _issue_lines(session: Session, scope: Scope, today: date) -> list[ReminderLine]:
    conditions = [live_issue(), Issue.status.in_(OPEN_STATUSES)]
    if scope.community_id:
        conditions.append(Issue.community_id == scope.community_id)
    lines = []
    overdue = session.scalar(
        select(func.count()).where(*conditions, Issue.deadline < today).select_from(Issue)
    )
    if overdue:
        text = _text(QT_TRANSLATE_NOOP("reminders", "{n}件民生事项已超过办理时限"), n=overdue)
        lines.append(ReminderLine(text, scope.issues(overdue=True), urgent=True))
    supervised = session.execute(
        select(Issue.number, Issue.title, Issue.deadline)
        .where(*conditions, Issue.supervised.is_(True))
        .order_by(Issue.deadline, Issue.number)
        .limit(SUPERVISED_SHOWN)
    )
    link = scope.issues(supervised=True, status=[s.value for s in OPEN_STATUSES])
    for number, title, deadline in supervised:
        if deadline:
            template = QT_TRANSLATE_NOOP("reminders", "督办 {number} {title}，时限{due}")
        else:
            template = QT_TRANSLATE_NOOP("reminders", "督办 {number} {title}")
        text = _text(
            template, number=number, title=title, due=date_text(deadline) if deadline else ""
        )
        lines.append(ReminderLine(text, link))
    return lines


def _action_lines(session: Session, scope: Scope, today: date) -> list[ReminderLine]:
    late = int(session.scalar(open_actions(scope).where(ActionItem.due_on < today)) or 0)
    if not late:
        return []
    text = _text(QT_TRANSLATE_NOOP("reminders", "{n}项会议议定事项已过完成期限"), n=late)
    return [ReminderLine(text, scope.meetings(), True)]


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
            _text(
                QT_TRANSLATE_NOOP("reminders", "{title}将于{day}到期（{left}）"),
                title=a.title,
                day=date_text(a.valid_to),
                left=days_left(a.days_left),
            ),
            scope.agreements(expiring_within=a.days_left),
            urgent=a.days_left <= 7,
        )
        for a in found.expiring
        if wanted(a.id)
    ]
    if behind:
        text = _text(QT_TRANSLATE_NOOP("reminders", "{n}项共建承诺进度落后"), n=len(behind))
        lines.append(ReminderLine(text, scope.agreements(status="active")))
    if found.unclaimed:
        text = _text(
            QT_TRANSLATE_NOOP("reminders", "{n}条需求长时间无人认领"), n=len(found.unclaimed)
        )
        lines.append(ReminderLine(text, Link(AGREEMENTS, view=CLAIMS_VIEW)))
    return lines


def _posting_lines(
    session: Session, today: date, due: list[DueEvaluation] | None
) -> list[ReminderLine]:
    found = posting_reminders.reminders(session, today, evaluations=due)
    lines = [
        ReminderLine(
            _text(
                QT_TRANSLATE_NOOP("reminders", "{name}挂职将于{day}期满（{left}）"),
                name=p.person_name,
                day=date_text(p.ends_on),
                left=days_left(p.days_left),
            ),
            Link(SECONDMENTS, {"ending_within": posting_reminders.ENDING_DAYS}),
        )
        for p in found.ending
    ]
    for owed in found.evaluations:
        text = _text(
            QT_TRANSLATE_NOOP("reminders", "{name}的{year}年{period}评价待填写"),
            name=owed.person_name,
            year=owed.year,
            period=Message("enums", label(owed.period)),
        )
        lines.append(ReminderLine(text, Link(SECONDMENTS, {"active": True})))
    if found.reports:
        text = _text(
            QT_TRANSLATE_NOOP("reminders", "{n}份挂职干部月度报告未交"), n=len(found.reports)
        )
        lines.append(ReminderLine(text, Link(SECONDMENTS, {"active": True})))
    return lines


def _exchange_lines(session: Session, scope: Scope) -> list[ReminderLine]:
    """Communities that have sent the street nothing for a week (app.exchange.sites)."""
    return [
        ReminderLine(
            _text(
                QT_TRANSLATE_NOOP("reminders", "{community}已超过{n}天没有发来数据包"),
                community=name,
                n=QUIET_DAYS,
            ),
            Link("exchange", view="sites"),
        )
        for name in quiet_communities(session, scope.now)
    ]


def reminders(
    session: Session, scope: Scope, due: list[DueEvaluation] | None = None
) -> list[ReminderLine]:
    """Urgent lines first, then by area; ``due``: the evaluations due, if already read."""
    today = local_day(scope.now)
    lines = [
        *_issue_lines(session, scope, today),
        *_action_lines(session, scope, today),
        *_agreement_lines(session, scope, today),
        *_posting_lines(session, today, due),
        *_exchange_lines(session, scope),
    ]
    return sorted(lines, key=lambda line: not line.urgent)
