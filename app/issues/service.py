"""Issue use cases for the issues tab, the CLI and tests (民生事项).

One session per user action, opened by the caller; plain data in and out. The loop's steps
live in ``steps`` (re-exported here), the rule of which step may follow which in
``workflow``, warnings in ``warnings``, the holiday calendar in ``holidays``; categories
and links here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app import audit
from app.errors import ValidationError, not_found, refuse
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.issues.detail import issue_detail
from app.issues.dispatching import (
    acknowledge,
    complete,
    dispatch,
    object_to,
    review_objection,
    set_lead,
)
from app.issues.holidays import clear_holiday, holidays, set_holiday, set_holidays
from app.issues.limits import Limit, check_limit
from app.issues.merging import merge, repeat_candidates, unmerge
from app.issues.oversight import end_supervision, extend, remind, supervise
from app.issues.steps import (
    accept,
    close,
    follow_up,
    register,
    reject,
    reopen,
    resolve,
    update_facts,
)
from app.issues.store import flush, live_issue
from app.issues.warnings import reminders
from db.models.directory import OrgLevel, OrgUnit, ResidentUnit
from db.models.issues import (
    Issue,
    IssueCategory,
    IssueLink,
    IssueLinkKind,
    IssueStatus,
)

__all__ = [
    "accept",
    "acknowledge",
    "clear_holiday",
    "close",
    "complete",
    "dispatch",
    "end_supervision",
    "extend",
    "follow_up",
    "holidays",
    "issue_detail",
    "merge",
    "object_to",
    "register",
    "reject",
    "remind",
    "reminders",
    "reopen",
    "repeat_candidates",
    "resolve",
    "review_objection",
    "set_holiday",
    "set_holidays",
    "set_lead",
    "supervise",
    "unmerge",
    "update_facts",
]

CATEGORY = QT_TRANSLATE_NOOP("fields", "类别")


def _invalid(field: str, template: str, **params: object) -> ValidationError:
    return ValidationError(field, Message("errors", template, **params))


@dataclass(frozen=True)
class CategoryView:
    id: str
    name: str
    limit: Limit


def categories(session: Session) -> list[CategoryView]:
    rows = session.scalars(
        select(IssueCategory)
        .where(IssueCategory.deleted_at.is_(None))
        .order_by(IssueCategory.position, IssueCategory.name)
    )
    return [CategoryView(c.id, c.name, Limit(c.limit_amount, c.limit_unit)) for c in rows]


def save_category(session: Session, name: str, limit: Limit, category_id: str | None = None) -> str:
    """Adds or changes a category and its limit (hours, working or calendar days); issues
    registered before keep theirs. Returns its id.

    ValidationError on ``name`` (empty, too long, taken) or ``limit``."""
    text = name.strip()
    if not text or len(text) > 40:
        raise _invalid("name", QT_TRANSLATE_NOOP("errors", "类别名称须为1到40个字。"))
    check_limit(limit)
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
        row = IssueCategory(name=text, position=last + 1)
        session.add(row)
    row.name, row.limit_amount, row.limit_unit = text, limit.amount, limit.unit
    flush(session)
    audit.record(session, "update" if before else "create", row, before)
    return row.id


def add_attachments(session: Session, issue_id: str, sources: list[Path]) -> None:
    """Photos and files for an issue still being worked on (an archived one is a record)."""
    from app import attachments  # maps the attachments' owners: loaded when first used

    _check_not_closed(live_issue(session, issue_id))
    for source in sources:
        attachments.add_attachment(session, issue_id=issue_id, source=source)


def remove_attachment(session: Session, issue_id: str, attachment_id: str) -> None:
    from app import attachments

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
    street_id: str | None = None  # the street it belongs to (None: none found)
    street_name: str = ""

    @property
    def full_name(self) -> str:
        """Named with its street ("建宁路街道 城管科"): each street has the same sections."""
        return f"{self.street_name} {self.name}" if self.street_name else self.name


@dataclass(frozen=True)
class IssueChoices:
    """What the issue editor's drop-downs offer."""

    categories: tuple[CategoryView, ...]
    communities: tuple[Choice, ...]
    departments: tuple[Choice, ...]  # org units that take dispatches
    resident_units: tuple[Choice, ...]

    def street_of(self, community_id: str | None) -> str | None:
        return next((c.street_id for c in self.communities if c.id == community_id), None)


def _streets(session: Session) -> dict[str, tuple[str, str]]:
    """Each live org unit's street: id → (street id, street name)."""
    units = {
        i: (parent, level, name)
        for i, parent, level, name in session.execute(
            select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.level, OrgUnit.name).where(
                OrgUnit.deleted_at.is_(None)
            )
        )
    }
    found: dict[str, tuple[str, str]] = {}
    for unit_id in units:
        current: str | None = unit_id
        for _ in range(len(units)):  # a cycle cannot loop forever
            if current is None or current not in units:
                break
            parent, level, name = units[current]
            if level is OrgLevel.STREET:
                found[unit_id] = (current, name)
                break
            current = parent
    return found


def choices(session: Session) -> IssueChoices:
    streets = _streets(session)

    def choice(unit_id: str, name: str, place_id: str | None) -> Choice:
        street_id, street_name = streets.get(place_id or "", (None, ""))
        return Choice(unit_id, name, street_id, street_name)

    def units(level: OrgLevel) -> tuple[Choice, ...]:
        rows = session.execute(
            select(OrgUnit.id, OrgUnit.name)
            .where(OrgUnit.level == level, OrgUnit.deleted_at.is_(None))
            .order_by(OrgUnit.position, OrgUnit.name)
        )
        return tuple(choice(i, n, i) for i, n in rows)

    residents = session.execute(
        select(ResidentUnit.id, ResidentUnit.name, ResidentUnit.org_unit_id)
        .where(ResidentUnit.deleted_at.is_(None))
        .order_by(ResidentUnit.category, ResidentUnit.name)
    )
    return IssueChoices(
        tuple(categories(session)),
        units(OrgLevel.COMMUNITY),
        units(OrgLevel.DEPARTMENT),
        tuple(choice(i, n, o) for i, n, o in residents),
    )
