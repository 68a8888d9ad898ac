"""The meetings list.

Filters (``ListQuery.filters``): ``kind``; ``status`` (a MeetingStatus); ``host_org_unit_ids``
(a collection: a host and everything below it, see ``app.directory.lists.subtree_ids``);
``starts_from`` / ``starts_before`` (a datetime, or a date taken as Beijing midnight; the
period is from ≤ start < before); ``upcoming_from`` (now: only meetings starting from then,
for the "upcoming" view, best shown sorted ascending). The search text matches title or place.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, func, literal, or_, select
from sqlalchemy.orm import aliased

from app.exchange.states import exchange_filter
from app.listing import ListQuery, ListSource, RowsSelect, contains, equal_to, record_columns
from app.localtime import BEIJING
from app.meetings.first_page import COLUMNS
from db.models.directory import OrgUnit
from db.models.meetings import ActionItem, ActionStatus, AgendaItem, Decision, Meeting


def as_moment(value: Any) -> datetime:
    """A filter bound as an aware datetime: a date is Beijing midnight, a naive time Beijing."""
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=BEIJING)
    if isinstance(value, date):
        return datetime.combine(value, time(), BEIJING)
    raise TypeError(f"not a date or datetime: {value!r}")


class MeetingList(ListSource):
    columns = COLUMNS
    default_sort = "starts_at"
    exchange_table = "meetings"
    default_descending = True

    def select_rows(self) -> RowsSelect:
        host = aliased(OrgUnit)
        open_actions = (
            select(func.count(ActionItem.id))
            .join(Decision, Decision.id == ActionItem.decision_id)
            .join(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
            .where(
                AgendaItem.meeting_id == Meeting.id,
                ActionItem.status.in_([ActionStatus.OPEN, ActionStatus.IN_PROGRESS]),
            )
            .scalar_subquery()
        )
        return (
            select(
                *record_columns(Meeting, "starts_at", "kind", "title"),
                func.coalesce(host.name, literal("")).label("host"),
                Meeting.status.label("status"),
                open_actions.label("open_actions"),
            )
            .outerjoin(host, host.id == Meeting.host_org_unit_id)
            .where(Meeting.deleted_at.is_(None))
        )

    def where(self, query: ListQuery) -> list[ColumnElement[bool]]:
        filters = query.filters
        conditions = exchange_filter(filters, "meetings", Meeting.id)
        conditions += equal_to(filters, {"kind": Meeting.kind, "status": Meeting.status})
        if hosts := filters.get("host_org_unit_ids"):
            conditions.append(Meeting.host_org_unit_id.in_(list(hosts)))
        if (start := filters.get("starts_from")) is not None:
            conditions.append(Meeting.starts_at >= as_moment(start))
        if (end := filters.get("starts_before")) is not None:
            conditions.append(Meeting.starts_at < as_moment(end))
        if (now := filters.get("upcoming_from")) is not None:
            conditions.append(Meeting.starts_at >= as_moment(now))
        if query.search:
            conditions.append(
                or_(contains(Meeting.title, query.search), contains(Meeting.place, query.search))
            )
        return conditions
