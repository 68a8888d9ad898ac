"""The directory's lists: the org tree, resident units, party organisations and people."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from app.directory.first_page import COLUMNS
from app.i18n import QT_TRANSLATE_NOOP
from app.list_shape import Column, ColumnKind
from app.listing import ListQuery, ListSource, RowsSelect, contains, equal_to, record_columns
from app.validation import normalise_id_number, normalise_phone
from db.models.directory import OrgLevel, OrgUnit, PartyOrg, Person, ResidentUnit


@dataclass(frozen=True)
class OrgNode:
    id: str
    parent_id: str | None
    level: OrgLevel
    name: str


def org_tree(session: Session) -> list[OrgNode]:
    """Every live org unit, parents before children, siblings in their set order, then by
    pinyin."""
    rows = session.execute(
        select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.level, OrgUnit.name)
        .where(OrgUnit.deleted_at.is_(None))
        .order_by(OrgUnit.position, OrgUnit.name_key, OrgUnit.name)
    ).all()
    children: dict[str | None, list[Any]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row)
    ordered: list[OrgNode] = []
    known = {row.id for row in rows}
    stack = [r for r in reversed(rows) if r.parent_id is None or r.parent_id not in known]
    while stack:
        row = stack.pop()
        ordered.append(OrgNode(row.id, row.parent_id, row.level, row.name))
        stack.extend(reversed(children.get(row.id, [])))
    return ordered


def subtree_ids(nodes: Sequence[OrgNode], root_id: str) -> set[str]:
    """The org unit and everything below it, from a tree already read."""
    below: dict[str | None, list[str]] = {}
    for node in nodes:
        below.setdefault(node.parent_id, []).append(node.id)
    result, todo = set(), [root_id]
    while todo:
        current = todo.pop()
        result.add(current)
        todo.extend(below.get(current, []))
    return result


def _in_org_units(column: Any, query: ListQuery) -> list[ColumnElement[bool]]:
    ids = query.filters.get("org_unit_ids")
    return [column.in_(ids)] if ids else []


def _in_org_units_or_their_units(
    org_unit: Any, resident_unit: Any, query: ListQuery
) -> list[ColumnElement[bool]]:
    """In the chosen org units, or belonging to a resident unit located in one of them."""
    ids = query.filters.get("org_unit_ids")
    if not ids:
        return []
    unit_ids = select(ResidentUnit.id).where(ResidentUnit.org_unit_id.in_(ids))
    return [or_(org_unit.in_(ids), resident_unit.in_(unit_ids))]


class ResidentUnitList(ListSource):
    columns = COLUMNS  # its first page is also read in plain SQL (first_page.py)
    default_sort = "name"

    def sort_expressions(self) -> Mapping[str, Any]:
        return {"name": ResidentUnit.name_key, "location": OrgUnit.name_key}

    def select_rows(self) -> RowsSelect:
        return (
            select(
                *record_columns(ResidentUnit, "name", "category"),
                OrgUnit.name.label("location"),
                ResidentUnit.contact_name.label("contact_name"),
                ResidentUnit.contact_phone.label("contact_phone"),
                ResidentUnit.address.label("address"),
            )
            .outerjoin(OrgUnit, OrgUnit.id == ResidentUnit.org_unit_id)
            .where(ResidentUnit.deleted_at.is_(None))
        )

    def where(self, query: ListQuery) -> list[ColumnElement[bool]]:
        conditions = _in_org_units(ResidentUnit.org_unit_id, query)
        conditions += equal_to(query.filters, {"category": ResidentUnit.category})
        if query.search:
            conditions.append(
                or_(
                    contains(ResidentUnit.name, query.search),
                    contains(ResidentUnit.address, query.search),
                    contains(ResidentUnit.contact_name, query.search),
                )
            )
        return conditions


class PartyOrgList(ListSource):
    columns = (
        Column("name", QT_TRANSLATE_NOOP("columns", "党组织名称"), width=300),
        Column("kind", QT_TRANSLATE_NOOP("columns", "类型"), ColumnKind.ENUM, width=80),
        Column("owner", QT_TRANSLATE_NOOP("columns", "所属单位或组织"), width=240, stretch=True),
        Column("secretary", QT_TRANSLATE_NOOP("columns", "书记"), width=90),
        Column("member_count", QT_TRANSLATE_NOOP("columns", "党员数"), ColumnKind.NUMBER, width=70),
    )
    default_sort = "name"

    def __init__(self) -> None:
        self._owner_unit, self._owner_org = aliased(ResidentUnit), aliased(OrgUnit)
        self._secretary = aliased(Person)

    def sort_expressions(self) -> Mapping[str, Any]:
        return {
            "name": PartyOrg.name_key,
            "owner": func.coalesce(self._owner_unit.name_key, self._owner_org.name_key),
            "secretary": self._secretary.name_key,
        }

    def select_rows(self) -> RowsSelect:
        owner_unit, owner_org, secretary = self._owner_unit, self._owner_org, self._secretary
        return (
            select(
                *record_columns(PartyOrg, "name", "kind"),
                func.coalesce(owner_unit.name, owner_org.name, literal("")).label("owner"),
                func.coalesce(secretary.name, literal("")).label("secretary"),
                PartyOrg.member_count.label("member_count"),
            )
            .outerjoin(owner_unit, owner_unit.id == PartyOrg.resident_unit_id)
            .outerjoin(owner_org, owner_org.id == PartyOrg.org_unit_id)
            .outerjoin(secretary, secretary.id == PartyOrg.secretary_id)
            .where(PartyOrg.deleted_at.is_(None))
        )

    def where(self, query: ListQuery) -> list[ColumnElement[bool]]:
        conditions = _in_org_units_or_their_units(
            PartyOrg.org_unit_id, PartyOrg.resident_unit_id, query
        )
        conditions += equal_to(query.filters, {"kind": PartyOrg.kind})
        if query.search:
            conditions.append(contains(PartyOrg.name, query.search))
        return conditions


class PersonList(ListSource):
    columns = (
        Column("name", QT_TRANSLATE_NOOP("columns", "姓名"), width=90),
        Column("gender", QT_TRANSLATE_NOOP("columns", "性别"), ColumnKind.ENUM, width=50),
        Column("mobile", QT_TRANSLATE_NOOP("columns", "手机"), width=120),
        Column("id_number", QT_TRANSLATE_NOOP("columns", "身份证号"), width=170),
        Column("employer", QT_TRANSLATE_NOOP("columns", "工作单位"), width=220, stretch=True),
        Column("post", QT_TRANSLATE_NOOP("columns", "职务"), width=130),
        Column("org_unit", QT_TRANSLATE_NOOP("columns", "所在社区网格"), width=130),
        Column("is_party_member", QT_TRANSLATE_NOOP("columns", "党员"), ColumnKind.BOOL, width=50),
        Column("is_grid_worker", QT_TRANSLATE_NOOP("columns", "网格员"), ColumnKind.BOOL, width=60),
    )
    default_sort = "name"

    def sort_expressions(self) -> Mapping[str, Any]:
        return {"name": Person.name_key, "employer": ResidentUnit.name_key,
                "org_unit": OrgUnit.name_key}  # fmt: skip

    def select_rows(self) -> RowsSelect:
        return (
            select(
                *record_columns(Person, "name", "gender", "mobile"),
                func.coalesce(Person.id_number, literal("")).label("id_number"),
                func.coalesce(ResidentUnit.name, literal("")).label("employer"),
                Person.post.label("post"),
                func.coalesce(OrgUnit.name, literal("")).label("org_unit"),
                Person.is_party_member.label("is_party_member"),
                Person.is_grid_worker.label("is_grid_worker"),
            )
            .outerjoin(ResidentUnit, ResidentUnit.id == Person.employer_unit_id)
            .outerjoin(OrgUnit, OrgUnit.id == Person.org_unit_id)
            .where(Person.deleted_at.is_(None))
        )

    def where(self, query: ListQuery) -> list[ColumnElement[bool]]:
        conditions = _in_org_units_or_their_units(
            Person.org_unit_id, Person.employer_unit_id, query
        )
        conditions += equal_to(query.filters, {"employer_unit_id": Person.employer_unit_id})
        if query.filters.get("party_members_only"):
            conditions.append(Person.is_party_member.is_(True))
        if query.filters.get("grid_workers_only"):
            conditions.append(Person.is_grid_worker.is_(True))
        if query.search:
            text = query.search
            matches = [contains(Person.name, text), contains(Person.post, text)]
            if query.personal_search:  # a viewer's hit would confirm whose the number is
                matches += [
                    Person.mobile == normalise_phone(text),
                    Person.id_number == normalise_id_number(text),
                ]
            conditions.append(or_(*matches))
        return conditions
