"""The meetings list."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, literal, select
from sqlalchemy.orm import aliased

from app.i18n import QT_TRANSLATE_NOOP
from app.listing import Column, ColumnKind, ListQuery, ListSource, RowsSelect, contains
from db.models.directory import OrgUnit
from db.models.meetings import ActionItem, ActionStatus, AgendaItem, Decision, Meeting


class MeetingList(ListSource):
    columns = (
        Column("starts_at", QT_TRANSLATE_NOOP("columns", "时间"), ColumnKind.DATETIME, width=130),
        Column("kind", QT_TRANSLATE_NOOP("columns", "会议类型"), width=170),
        Column("title", QT_TRANSLATE_NOOP("columns", "会议名称"), width=320, stretch=True),
        Column("host", QT_TRANSLATE_NOOP("columns", "主办"), width=120),
        Column("status", QT_TRANSLATE_NOOP("columns", "状态"), ColumnKind.ENUM, width=60),
        Column(
            "open_actions", QT_TRANSLATE_NOOP("columns", "未办结事项"), ColumnKind.NUMBER, width=90
        ),
    )
    default_sort = "starts_at"
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
                Meeting.id.label("id"),
                Meeting.version,
                Meeting.starts_at.label("starts_at"),
                Meeting.kind.label("kind"),
                Meeting.title.label("title"),
                func.coalesce(host.name, literal("")).label("host"),
                Meeting.status.label("status"),
                open_actions.label("open_actions"),
            )
            .outerjoin(host, host.id == Meeting.host_org_unit_id)
            .where(Meeting.deleted_at.is_(None))
        )

    def where(self, query: ListQuery) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        if kind := query.filters.get("kind"):
            conditions.append(Meeting.kind == kind)
        if status := query.filters.get("status"):
            conditions.append(Meeting.status == status)
        if query.search:
            conditions.append(contains(Meeting.title, query.search))
        return conditions
