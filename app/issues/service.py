"""Issue use cases for the issues tab, the CLI and tests (民生事项).

One session per user action, opened by the caller; plain data in and out. The loop's steps
live in ``steps`` (re-exported here), the rule of which step may follow which in
``workflow``, warnings in ``warnings``; categories, the holiday calendar and links here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from app import attachments, audit
from app.errors import ValidationError, not_found
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.issues.detail import issue_detail
from app.issues.steps import (
    accept,
    acknowledge,
    close,
    complete,
    dispatch,
    end_supervision,
    extend,
    follow_up,
    register,
    reject,
    remind,
    reopen,
    resolve,
    return_dispatch,
    supervise,
    update_facts,
)
from app.issues.store import flush, forget_calendars, live_issue, refuse
from app.issues.warnings import reminders
from app.meetings.tracking import decision_to_issue
from db.models.directory import OrgLevel, OrgUnit, ResidentUnit
from db.models.issues import (
    Holiday,
    Issue,
    IssueCategory,
    IssueLink,
    IssueLinkKind,
    IssueStatus,
)

__all__ = [
    "accept",
    "acknowledge",
    "close",
    "complete",
    "decision_to_issue",
    "dispatch",
    "end_supervision",
    "extend",
    "follow_up",
    "issue_detail",
    "register",
    "reject",
    "remind",
    "reminders",
    "reopen",
    "resolve",
    "return_dispatch",
    "supervise",
    "update_facts",
]

LIMIT_MAX = 60
HOLIDAY_NAME_MAX = 40
CATEGORY = QT_TRANSLATE_NOOP("fields", "类别")


def _invalid(field: str, template: str, **params: object) -> ValidationError:
    return ValidationError(field, Message("errors", template, **params))


@dataclass(frozen=True)
class CategoryView:
    id: str
    name: str
    limit_working_days: int


def categories(session: Session) -> list[CategoryView]:
    rows = session.scalars(
        select(IssueCategory)
        .where(IssueCategory.deleted_at.is_(None))
        .order_by(IssueCategory.position, IssueCategory.name)
    )
    return [CategoryView(c.id, c.name, c.limit_working_days) for c in rows]


def save_category(
    session: Session, name: str, limit_working_days: int, category_id: str | None = None
) -> str:
    """Adds or changes a category and its limit (0: the same day). Returns its id.

    ValidationError on ``name`` (empty, too long, taken) or ``limit_working_days``."""
    text = name.strip()
    if not text or len(text) > 40:
        raise _invalid("name", QT_TRANSLATE_NOOP("errors", "类别名称须为1到40个字。"))
    if not 0 <= limit_working_days <= LIMIT_MAX:
        raise _invalid(
            "limit_working_days",
            QT_TRANSLATE_NOOP("errors", "办理时限须在0到{max}个工作日之间。"),
            max=LIMIT_MAX,
        )
    taken = session.scalar(
        select(IssueCategory.id).where(
            IssueCategory.name == text, IssueCategory.id != (category_id or "")
        )
    )
    if taken is not None:
        raise _invalid("name", QT_TRANSLATE_NOOP("errors", "已有名为“{name}”的类别。"), name=text)
    row = session.get(IssueCategory, category_id) if category_id else None
    if category_id and row is None:
        raise not_found(CATEGORY, category_id)
    before = audit.snapshot(row) if row else None
    if row is None:
        last = session.scalar(select(func.max(IssueCategory.position))) or 0
        row = IssueCategory(name=text, limit_working_days=limit_working_days, position=last + 1)
        session.add(row)
    else:
        row.name, row.limit_working_days = text, limit_working_days
    flush(session)
    audit.record(session, "update" if before else "create", row, before)
    return row.id


def holidays(session: Session, year: int) -> list[tuple[date, bool, str]]:
    rows = session.execute(
        select(Holiday.day, Holiday.is_workday, Holiday.name)
        .where(Holiday.day >= date(year, 1, 1), Holiday.day <= date(year, 12, 31))
        .order_by(Holiday.day)
    )
    return [(d, w, n) for d, w, n in rows]


def set_holiday(session: Session, day: date, is_workday: bool, name: str = "") -> None:
    """Marks a day a holiday (``is_workday`` False) or a working weekend (True).

    ValidationError on ``name`` when longer than 40 characters."""
    if len(name.strip()) > HOLIDAY_NAME_MAX:
        raise _invalid(
            "name",
            QT_TRANSLATE_NOOP("errors", "名称最多{max}个字。"),
            max=HOLIDAY_NAME_MAX,
        )
    row = session.scalar(select(Holiday).where(Holiday.day == day))
    before = audit.snapshot(row) if row else None
    if row is None:
        row = Holiday(day=day)
        session.add(row)
    row.is_workday, row.name = is_workday, name.strip()[:40]
    flush(session)
    forget_calendars(session)
    audit.record(session, "update" if before else "create", row, before)


def clear_holiday(session: Session, day: date) -> None:
    """The day follows the Monday–Friday rule again."""
    row = session.scalar(select(Holiday).where(Holiday.day == day))
    if row is None:
        return
    before = audit.snapshot(row)
    session.delete(row)
    flush(session)
    forget_calendars(session)
    audit.record(session, "purge", row, before)


def add_attachments(session: Session, issue_id: str, sources: list[Path]) -> None:
    """Photos and files for an issue still being worked on (an archived one is a record)."""
    _check_not_closed(live_issue(session, issue_id))
    for source in sources:
        attachments.add_attachment(session, issue_id=issue_id, source=source)


def remove_attachment(session: Session, issue_id: str, attachment_id: str) -> None:
    _check_not_closed(live_issue(session, issue_id))
    attachments.remove_attachment(session, attachment_id)


def _check_not_closed(issue: Issue) -> None:
    if issue.status is IssueStatus.CLOSED:
        raise _invalid(
            "attachments",
            QT_TRANSLATE_NOOP("errors", "事项{number}已归档，附件不能再添加或删除。"),
            number=issue.number,
        )


def link_issues(session: Session, issue_id: str, other_id: str, kind: IssueLinkKind) -> None:
    """重复 (duplicate of) or 相关 (related to) another issue."""
    live_issue(session, issue_id)
    live_issue(session, other_id)
    if issue_id == other_id:
        raise refuse(QT_TRANSLATE_NOOP("errors", "事项不能关联它自己。"))
    found = session.scalar(
        select(IssueLink).where(IssueLink.issue_id == issue_id, IssueLink.other_id == other_id)
    )
    if found is None:
        found = IssueLink(issue_id=issue_id, other_id=other_id, kind=kind)
        session.add(found)
    found.kind = kind
    flush(session)
    audit.record(session, "create", found, None)


def unlink_issues(session: Session, issue_id: str, other_id: str) -> None:
    """Removes the link between two issues, whichever of them it was made from."""
    rows = session.scalars(
        select(IssueLink).where(
            or_(
                (IssueLink.issue_id == issue_id) & (IssueLink.other_id == other_id),
                (IssueLink.issue_id == other_id) & (IssueLink.other_id == issue_id),
            )
        )
    ).all()
    if not rows:
        raise refuse(QT_TRANSLATE_NOOP("errors", "这两件事项之间没有关联。"))
    for row in rows:
        before = audit.snapshot(row)
        session.delete(row)
        session.flush()
        audit.record(session, "purge", row, before)


def issue_by_number(session: Session, number: str) -> str:
    """The id of the live issue with this number (as shown in the list, e.g. MS-2026-000123)."""
    text = number.strip()
    found = session.scalar(select(Issue.id).where(Issue.number == text, Issue.deleted_at.is_(None)))
    if found is None:
        raise refuse(QT_TRANSLATE_NOOP("errors", "找不到编号为“{number}”的事项。"), number=text)
    return found


@dataclass(frozen=True)
class Choice:
    id: str
    name: str


@dataclass(frozen=True)
class IssueChoices:
    """What the issue editor's drop-downs offer."""

    categories: tuple[CategoryView, ...]
    communities: tuple[Choice, ...]
    departments: tuple[Choice, ...]  # org units that take dispatches
    resident_units: tuple[Choice, ...]


def choices(session: Session) -> IssueChoices:
    parent = aliased(OrgUnit)

    def units(level: OrgLevel) -> tuple[Choice, ...]:
        """Named with their parent ("建宁路街道 城管科"): each street has the same sections."""
        rows = session.execute(
            select(OrgUnit.id, OrgUnit.name, parent.name)
            .outerjoin(parent, parent.id == OrgUnit.parent_id)
            .where(OrgUnit.level == level, OrgUnit.deleted_at.is_(None))
            .order_by(parent.name, OrgUnit.position, OrgUnit.name)
        )
        named = [(i, n, p) for i, n, p in rows]
        if len({n for _, n, _ in named}) == len(named):
            return tuple(Choice(i, n) for i, n, _ in named)
        return tuple(Choice(i, f"{p} {n}" if p else n) for i, n, p in named)

    residents = session.execute(
        select(ResidentUnit.id, ResidentUnit.name)
        .where(ResidentUnit.deleted_at.is_(None))
        .order_by(ResidentUnit.category, ResidentUnit.name)
    )
    return IssueChoices(
        tuple(categories(session)),
        units(OrgLevel.COMMUNITY),
        units(OrgLevel.DEPARTMENT),
        tuple(Choice(i, n) for i, n in residents),
    )
