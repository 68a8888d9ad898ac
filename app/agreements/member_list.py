"""In-service members registered with communities (在职党员到社区报到) as a paged list."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select

from app.directory.subtree import subtree_select
from app.i18n import QT_TRANSLATE_NOOP
from app.list_shape import Column, ColumnKind
from app.listing import ListQuery, ListSource, RowsSelect, contains, equal_to, record_columns
from db.models.agreements import MemberRegistration, ServiceRecord
from db.models.directory import OrgUnit, Person, ResidentUnit


class MemberList(ListSource):
    """在职党员报到. Filters: ``community`` (an org unit id: its subtree), ``employer``
    (a resident unit id), ``person`` (a person's id: their registrations), ``org_unit_ids``
    (the directory tree's choice: registered with one of these units); search by the
    member's or the unit's name."""

    columns = (
        Column("person", QT_TRANSLATE_NOOP("columns", "姓名"), width=90),
        Column("employer", QT_TRANSLATE_NOOP("columns", "工作单位"), width=240, stretch=True),
        Column("community", QT_TRANSLATE_NOOP("columns", "报到社区"), width=140),
        Column(
            "registered_on", QT_TRANSLATE_NOOP("columns", "报到日期"), ColumnKind.DATE, width=100
        ),
        Column("services", QT_TRANSLATE_NOOP("columns", "服务次数"), ColumnKind.NUMBER, width=80),
    )
    default_sort = "registered_on"
    default_descending = True

    def sort_expressions(self) -> Mapping[str, Any]:
        return {"person": Person.name_key, "employer": ResidentUnit.name_key,
                "community": OrgUnit.name_key}  # fmt: skip

    def select_rows(self) -> RowsSelect:
        services = (
            select(func.count())
            .where(ServiceRecord.registration_id == MemberRegistration.id)
            .scalar_subquery()
        )
        return (
            select(
                *record_columns(MemberRegistration),
                Person.name.label("person"),
                func.coalesce(ResidentUnit.name, "").label("employer"),
                OrgUnit.name.label("community"),
                MemberRegistration.registered_on.label("registered_on"),
                services.label("services"),
            )
            .join(Person, Person.id == MemberRegistration.person_id)
            .join(OrgUnit, OrgUnit.id == MemberRegistration.community_id)
            .outerjoin(ResidentUnit, ResidentUnit.id == MemberRegistration.employer_unit_id)
            .where(MemberRegistration.deleted_at.is_(None))
        )

    def where(self, query: ListQuery) -> list[ColumnElement[bool]]:
        conditions = equal_to(
            query.filters,
            {
                "employer": MemberRegistration.employer_unit_id,
                "person": MemberRegistration.person_id,
            },
        )
        if community := query.filters.get("community"):
            conditions.append(MemberRegistration.community_id.in_(subtree_select(community)))
        if ids := query.filters.get("org_unit_ids"):
            conditions.append(MemberRegistration.community_id.in_(ids))
        if query.search:
            conditions.append(
                or_(contains(Person.name, query.search), contains(ResidentUnit.name, query.search))
            )
        return conditions
