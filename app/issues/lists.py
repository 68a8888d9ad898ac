"""The issues list."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, literal, or_, select
from sqlalchemy.orm import aliased

from app.i18n import QT_TRANSLATE_NOOP
from app.listing import Column, ColumnKind, ListQuery, ListSource, RowsSelect, contains
from db.models.directory import OrgUnit
from db.models.issues import Issue, IssueCategory


class IssueList(ListSource):
    columns = (
        Column("number", QT_TRANSLATE_NOOP("columns", "编号"), width=120),
        Column("title", QT_TRANSLATE_NOOP("columns", "事项"), width=300, stretch=True),
        Column("category", QT_TRANSLATE_NOOP("columns", "类别"), width=80),
        Column("community", QT_TRANSLATE_NOOP("columns", "社区"), width=110),
        Column("status", QT_TRANSLATE_NOOP("columns", "状态"), ColumnKind.ENUM, width=70),
        Column(
            "reported_at", QT_TRANSLATE_NOOP("columns", "登记时间"), ColumnKind.DATETIME, width=130
        ),
        Column("deadline", QT_TRANSLATE_NOOP("columns", "办理时限"), ColumnKind.DATE, width=95),
        Column("satisfaction", QT_TRANSLATE_NOOP("columns", "满意度"), ColumnKind.ENUM, width=80),
    )
    default_sort = "reported_at"
    default_descending = True

    def select_rows(self) -> RowsSelect:
        community = aliased(OrgUnit)
        return (
            select(
                Issue.id.label("id"),
                Issue.version,
                Issue.number.label("number"),
                Issue.title.label("title"),
                func.coalesce(IssueCategory.name, literal("")).label("category"),
                func.coalesce(community.name, literal("")).label("community"),
                Issue.status.label("status"),
                Issue.reported_at.label("reported_at"),
                Issue.deadline.label("deadline"),
                Issue.satisfaction.label("satisfaction"),
            )
            .outerjoin(IssueCategory, IssueCategory.id == Issue.category_id)
            .outerjoin(community, community.id == Issue.community_id)
            .where(Issue.deleted_at.is_(None))
        )

    def where(self, query: ListQuery) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        if status := query.filters.get("status"):
            conditions.append(Issue.status == status)
        if query.search:
            conditions.append(
                or_(
                    contains(Issue.title, query.search),
                    contains(Issue.address, query.search),
                    Issue.number == query.search,
                )
            )
        return conditions
