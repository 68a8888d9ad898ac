"""Every list the command line can export, by name, and the agreements with their parties
(so that an exported agreements sheet can be imported again)."""

from __future__ import annotations

import importlib
from typing import Any

from sqlalchemy import ColumnElement, case, func, literal, select
from sqlalchemy.orm import aliased

from app.agreements.lists import AgreementList
from app.directory.lists import PartyOrgList, PersonList
from app.i18n import QT_TRANSLATE_NOOP
from app.list_shape import Column, ColumnKind
from app.listing import ListSource, RowsSelect
from app.portable_sql import joined
from db.models.agreements import Agreement, AgreementParty, PartySide
from db.models.directory import OrgLevel, OrgUnit, PartyOrg, Person, ResidentUnit


class AgreementPartiesList(AgreementList):
    """The agreements list with the start of validity, the parties of each side and the
    summary: every column the agreements import reads."""

    columns = (  # type: ignore[assignment]  # the base's columns, inferred as a fixed tuple
        *AgreementList.columns,
        Column("valid_from", QT_TRANSLATE_NOOP("columns", "有效期起"), ColumnKind.DATE, width=100),
        Column("street_side", QT_TRANSLATE_NOOP("columns", "街道方"), width=200),
        Column("partner_side", QT_TRANSLATE_NOOP("columns", "共建方"), width=300),
        Column("summary", QT_TRANSLATE_NOOP("columns", "内容摘要"), width=300),
    )

    def select_rows(self) -> RowsSelect:
        return (
            super()
            .select_rows()
            .add_columns(
                Agreement.valid_from.label("valid_from"),
                _party_names(PartySide.STREET_SIDE).label("street_side"),
                _party_names(PartySide.PARTNER_SIDE).label("partner_side"),
                Agreement.summary.label("summary"),
            )
        )


NESTED = (OrgLevel.GRID, OrgLevel.DEPARTMENT)  # names that repeat under different parents


def org_path(org_unit_id: Any) -> ColumnElement[str]:
    """The org unit's name, a grid or department under its parent (“宁海路社区/第一网格”):
    they share names across parents, and an import must tell them apart."""
    unit, parent = aliased(OrgUnit), aliased(OrgUnit)
    return (
        select(
            case(
                (unit.level.in_(NESTED), parent.name + "/" + unit.name),
                else_=unit.name,
            )
        )
        .outerjoin(parent, parent.id == unit.parent_id)
        .where(unit.id == org_unit_id)
        .scalar_subquery()
    )


def _replaced(stmt: RowsSelect, key: str, column: ColumnElement[Any]) -> RowsSelect:
    """``stmt`` with the column labelled ``key`` computed by ``column`` instead."""
    return stmt.with_only_columns(
        *(column.label(key) if c.key == key else c for c in stmt.selected_columns)
    )


class PeopleList(PersonList):
    """The people list with grids and departments written under their parent."""

    def select_rows(self) -> RowsSelect:
        path = func.coalesce(org_path(Person.org_unit_id), literal(""))
        return _replaced(super().select_rows(), "org_unit", path)


class PartyOrgsList(PartyOrgList):
    """The party organisations list with grids and departments written under their parent."""

    def select_rows(self) -> RowsSelect:
        unit = select(ResidentUnit.name).where(ResidentUnit.id == PartyOrg.resident_unit_id)
        owner = func.coalesce(unit.scalar_subquery(), org_path(PartyOrg.org_unit_id), literal(""))
        return _replaced(super().select_rows(), "owner", owner)


def _party_names(side: PartySide) -> ColumnElement[str]:
    org, unit, branch = aliased(OrgUnit), aliased(ResidentUnit), aliased(PartyOrg)
    return (
        select(joined(func.coalesce(org.name, unit.name, branch.name), "、"))
        .select_from(AgreementParty)
        .outerjoin(org, org.id == AgreementParty.org_unit_id)
        .outerjoin(unit, unit.id == AgreementParty.resident_unit_id)
        .outerjoin(branch, branch.id == AgreementParty.party_org_id)
        .where(AgreementParty.agreement_id == Agreement.id, AgreementParty.side == side)
        .scalar_subquery()
    )


EXPORT_LISTS: dict[str, tuple[str, str]] = {  # name → (sheet title, "module:ListSource")
    "units": (QT_TRANSLATE_NOOP("excel", "驻区单位"), "app.directory.lists:ResidentUnitList"),
    "party-orgs": (QT_TRANSLATE_NOOP("excel", "党组织"), "app.excel.lists:PartyOrgsList"),
    "people": (QT_TRANSLATE_NOOP("excel", "人员"), "app.excel.lists:PeopleList"),
    "members": (
        QT_TRANSLATE_NOOP("excel", "在职党员报到"),
        "app.agreements.member_list:MemberList",
    ),
    "agreements": (QT_TRANSLATE_NOOP("excel", "共建协议"), "app.excel.lists:AgreementPartiesList"),
    "issues": (QT_TRANSLATE_NOOP("excel", "民生事项"), "app.issues.lists:IssueList"),
    "meetings": (QT_TRANSLATE_NOOP("excel", "联席会议"), "app.meetings.lists:MeetingList"),
    "postings": (QT_TRANSLATE_NOOP("excel", "干部挂职"), "app.secondments.lists:PostingList"),
    "list-entries": (
        QT_TRANSLATE_NOOP("excel", "三张清单"),
        "app.agreements.entry_list:ListEntryList",
    ),
}


def list_source(key: str) -> tuple[str, ListSource]:
    """The sheet title and a new source of the list named ``key`` (its module imported only
    now: each area's lists load only when exported)."""
    title, where = EXPORT_LISTS[key]
    module, name = where.split(":")
    source: ListSource = getattr(importlib.import_module(module), name)()
    return title, source
