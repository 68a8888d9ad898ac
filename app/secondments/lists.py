"""The postings list."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, literal, or_, select
from sqlalchemy.orm import aliased

from app.i18n import QT_TRANSLATE_NOOP
from app.listing import Column, ColumnKind, ListQuery, ListSource, RowsSelect, contains
from db.models.directory import OrgUnit, Person, ResidentUnit
from db.models.secondments import Posting


class PostingList(ListSource):
    columns = (
        Column("person", QT_TRANSLATE_NOOP("columns", "姓名"), width=80),
        Column("kind", QT_TRANSLATE_NOOP("columns", "挂职类型"), ColumnKind.ENUM, width=90),
        Column("home", QT_TRANSLATE_NOOP("columns", "派出单位"), width=220, stretch=True),
        Column("host", QT_TRANSLATE_NOOP("columns", "挂职单位或网格"), width=200),
        Column("host_post", QT_TRANSLATE_NOOP("columns", "挂职岗位"), width=140),
        Column("starts_on", QT_TRANSLATE_NOOP("columns", "开始"), ColumnKind.DATE, width=95),
        Column("ends_on", QT_TRANSLATE_NOOP("columns", "结束"), ColumnKind.DATE, width=95),
        Column("status", QT_TRANSLATE_NOOP("columns", "状态"), ColumnKind.ENUM, width=75),
    )
    default_sort = "starts_on"
    default_descending = True

    def select_rows(self) -> RowsSelect:
        home_unit, home_org = aliased(ResidentUnit), aliased(OrgUnit)
        host_unit, host_org = aliased(ResidentUnit), aliased(OrgUnit)
        return (
            select(
                Posting.id.label("id"),
                Posting.version,
                Person.name.label("person"),
                Posting.kind.label("kind"),
                func.coalesce(home_unit.name, home_org.name, literal("")).label("home"),
                func.coalesce(host_unit.name, host_org.name, literal("")).label("host"),
                Posting.host_post.label("host_post"),
                Posting.starts_on.label("starts_on"),
                Posting.ends_on.label("ends_on"),
                Posting.status.label("status"),
            )
            .join(Person, Person.id == Posting.person_id)
            .outerjoin(home_unit, home_unit.id == Posting.home_unit_id)
            .outerjoin(home_org, home_org.id == Posting.home_org_unit_id)
            .outerjoin(host_unit, host_unit.id == Posting.host_unit_id)
            .outerjoin(host_org, host_org.id == Posting.host_org_unit_id)
            .where(Posting.deleted_at.is_(None))
        )

    def where(self, query: ListQuery) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        if kind := query.filters.get("kind"):
            conditions.append(Posting.kind == kind)
        if status := query.filters.get("status"):
            conditions.append(Posting.status == status)
        if query.search:
            conditions.append(
                or_(contains(Person.name, query.search), contains(Posting.host_post, query.search))
            )
        return conditions
