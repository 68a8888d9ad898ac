"""The three lists (三张清单) as a paged list."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import aliased

from app.i18n import QT_TRANSLATE_NOOP
from app.list_shape import Column, ColumnKind
from app.listing import ListQuery, ListSource, RowsSelect, contains, equal_to, record_columns
from db.models.agreements import ListEntry, ListEntryStatus
from db.models.directory import OrgUnit, ResidentUnit


class ListEntryList(ListSource):
    """The three lists (三张清单). Filters: ``list_kind``, ``status``, ``category`` (values),
    ``open_only`` (True: 待认领); search by title and description."""

    columns = (
        Column("list_kind", QT_TRANSLATE_NOOP("columns", "清单"), ColumnKind.ENUM, width=110),
        Column("title", QT_TRANSLATE_NOOP("columns", "名称"), width=220, stretch=True),
        Column("category", QT_TRANSLATE_NOOP("columns", "类别"), width=90),
        Column("raised_by", QT_TRANSLATE_NOOP("columns", "提出方"), width=160),
        Column("raised_on", QT_TRANSLATE_NOOP("columns", "提出日期"), ColumnKind.DATE, width=100),
        Column("status", QT_TRANSLATE_NOOP("columns", "状态"), ColumnKind.ENUM, width=80),
        Column("claimed_by", QT_TRANSLATE_NOOP("columns", "认领方"), width=160),
        Column("claimed_on", QT_TRANSLATE_NOOP("columns", "认领日期"), ColumnKind.DATE, width=100),
    )
    default_sort = "raised_on"
    default_descending = True

    def select_rows(self) -> RowsSelect:
        raised_org = aliased(OrgUnit)
        raised_unit = aliased(ResidentUnit)
        claimed_org = aliased(OrgUnit)
        claimed_unit = aliased(ResidentUnit)
        return (
            select(
                *record_columns(ListEntry, "list_kind", "title", "category"),
                func.coalesce(raised_org.name, raised_unit.name, "").label("raised_by"),
                ListEntry.raised_on.label("raised_on"),
                ListEntry.status.label("status"),
                func.coalesce(claimed_org.name, claimed_unit.name, "").label("claimed_by"),
                ListEntry.claimed_on.label("claimed_on"),
            )
            .outerjoin(raised_org, raised_org.id == ListEntry.raised_by_org_unit_id)
            .outerjoin(raised_unit, raised_unit.id == ListEntry.raised_by_unit_id)
            .outerjoin(claimed_org, claimed_org.id == ListEntry.claimed_by_org_unit_id)
            .outerjoin(claimed_unit, claimed_unit.id == ListEntry.claimed_by_unit_id)
            .where(ListEntry.deleted_at.is_(None))
        )

    def where(self, query: ListQuery) -> list[ColumnElement[bool]]:
        filters = query.filters
        conditions = equal_to(
            filters,
            {
                "list_kind": ListEntry.list_kind,
                "status": ListEntry.status,
                "category": ListEntry.category,
            },
        )
        if filters.get("open_only"):
            conditions.append(ListEntry.status == ListEntryStatus.OPEN)
        if query.search:
            conditions.append(
                or_(
                    contains(ListEntry.title, query.search),
                    contains(ListEntry.description, query.search),
                )
            )
        return conditions
