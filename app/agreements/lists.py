"""The agreements list."""

from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select

from app.i18n import QT_TRANSLATE_NOOP
from app.listing import Column, ColumnKind, ListQuery, ListSource, RowsSelect, contains
from db.models.agreements import Agreement


class AgreementList(ListSource):
    columns = (
        Column("number", QT_TRANSLATE_NOOP("columns", "协议编号"), width=140),
        Column("kind", QT_TRANSLATE_NOOP("columns", "类型"), ColumnKind.ENUM, width=110),
        Column("title", QT_TRANSLATE_NOOP("columns", "协议名称"), width=360, stretch=True),
        Column("signed_on", QT_TRANSLATE_NOOP("columns", "签订日期"), ColumnKind.DATE, width=100),
        Column("valid_to", QT_TRANSLATE_NOOP("columns", "有效期至"), ColumnKind.DATE, width=100),
        Column("status", QT_TRANSLATE_NOOP("columns", "状态"), ColumnKind.ENUM, width=80),
    )
    default_sort = "number"

    def select_rows(self) -> RowsSelect:
        return select(
            Agreement.id.label("id"),
            Agreement.version,
            Agreement.number.label("number"),
            Agreement.kind.label("kind"),
            Agreement.title.label("title"),
            Agreement.signed_on.label("signed_on"),
            Agreement.valid_to.label("valid_to"),
            Agreement.status.label("status"),
        ).where(Agreement.deleted_at.is_(None))

    def where(self, query: ListQuery) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        if kind := query.filters.get("kind"):
            conditions.append(Agreement.kind == kind)
        if status := query.filters.get("status"):
            conditions.append(Agreement.status == status)
        if query.search:
            conditions.append(
                or_(contains(Agreement.title, query.search), Agreement.number == query.search)
            )
        return conditions
