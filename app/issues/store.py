"""What the issue use cases share: loading an issue, journalling a step, the audit."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app import audit, store
from app.errors import invalid, not_found
from app.i18n import QT_TRANSLATE_NOOP
from app.issues.calendar import WorkCalendar, load_calendar
from app.issues.workflow import Action, check
from app.localtime import local_day
from db.base import utcnow
from db.models.directory import OrgUnit, ResidentUnit
from db.models.issues import Dispatch, Issue, IssueEvent, IssueStatus

WHAT = QT_TRANSLATE_NOOP("fields", "民生事项")
DISPATCH = QT_TRANSLATE_NOOP("fields", "派单")
NOTE_MAX = 200
CALENDARS = "work_calendars"  # session.info key of calendar_for's cache


def required_note(field: str, text: str, template: str) -> str:
    """A reason the step needs: stripped, not empty, at most NOTE_MAX characters."""
    value = " ".join(text.split())
    if not value:
        raise invalid(field, template)
    if len(value) > NOTE_MAX:
        raise invalid(
            field,
            QT_TRANSLATE_NOOP("validation", "最多{max}个字，现在是{n}个。"),
            max=NOTE_MAX,
            n=len(value),
        )
    return value


def live_issue(session: Session, issue_id: str, version: int | None = None) -> Issue:
    """The issue with its dispatches; NotFoundError for an unknown or deleted id."""
    dispatches = [selectinload(Issue.dispatches)]
    return store.live(session, Issue, issue_id, WHAT, version=version, options=dispatches)


def live_dispatch(session: Session, dispatch_id: str) -> Dispatch:
    dispatch = session.get(Dispatch, dispatch_id)
    if dispatch is None or dispatch.issue.deleted_at is not None:
        raise not_found(DISPATCH, dispatch_id)
    return dispatch


def flush(session: Session) -> None:
    """Writes what the step changed, unless the session builds first and writes at its end
    (``audit.DEFER_FLUSH``: an import of issues)."""
    if not session.info.get(audit.DEFER_FLUSH):
        store.flush(session)


def journal(
    session: Session,
    issue: Issue,
    action: str,
    at: datetime,
    *,
    to: IssueStatus | None = None,
    note: str = "",
    before: dict[str, Any] | None = None,
    new: bool = False,
) -> None:
    """Records one step: the event (with the status change, if any) and the audit entry.

    The issue's ``updated_at`` becomes the step's time: the list's "nothing happened for three
    days" warning reads it."""
    before = before if before is not None else audit.snapshot(issue)
    from_status = issue.status if to is not None and not new else None
    if to is not None:
        issue.status = to
    issue.updated_at = at
    session.add(
        IssueEvent(
            issue=issue,
            at=at,
            user_id=session.info.get("user_id"),  # who is working (Database.session)
            action=action,
            from_status=from_status,
            to_status=to,
            note=note,
        )
    )
    flush(session)
    audit.record(session, action, issue, before, reason=note)


def step(
    session: Session,
    issue: Issue,
    action: Action,
    at: datetime,
    note: str = "",
    to: IssueStatus | None = None,
) -> None:
    """A step of the loop: checked against the transition table, then journalled."""
    after = check(action, issue.status)
    journal(session, issue, action, at, to=to or after or issue.status, note=note)


def transaction_cache(session: Session, key: str) -> dict[Any, Any]:
    """A dictionary that lives as long as the session's current transaction: what it holds
    (the calendar, the numbers taken) cannot change under it while the transaction lasts."""
    transaction = session.get_transaction()
    owner, cache = session.info.get(key, (None, None))
    if owner is not transaction or cache is None:
        cache = {}
        session.info[key] = (transaction, cache)
    result: dict[Any, Any] = cache
    return result


def calendar_for(session: Session, moment: datetime) -> WorkCalendar:
    """The working-day calendar around ``moment``, read once a transaction (the holidays
    change only through ``forget_calendars``'s callers)."""
    day = local_day(moment)
    calendars = transaction_cache(session, CALENDARS)
    if day.year not in calendars:
        calendars[day.year] = load_calendar(session, day, years=1)
    calendar: WorkCalendar = calendars[day.year]
    return calendar


def forget_calendars(session: Session) -> None:
    """After a holiday changed: the next ``calendar_for`` reads the calendar again."""
    session.info.pop(CALENDARS, None)


def now_or(now: datetime | None) -> datetime:
    return now or utcnow()


def unit_name(session: Session, org_unit_id: str | None, resident_unit_id: str | None) -> str:
    if org_unit_id is not None:
        return session.scalar(select(OrgUnit.name).where(OrgUnit.id == org_unit_id)) or ""
    return (
        session.scalar(select(ResidentUnit.name).where(ResidentUnit.id == resident_unit_id)) or ""
    )
