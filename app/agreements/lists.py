"""The agreements list: filters by kind, status, party, community (with everything below it)
and "expiring within N days"; search by title, number and the parties' names."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, exists, func, or_, select
from sqlalchemy.orm import aliased

from app.agreements.store import beijing_today, subtree_ids
from app.i18n import QT_TRANSLATE_NOOP
from app.listing import Column, ColumnKind, ListQuery, ListSource, RowsSelect, contains
from db.models.agreements import (
    Agreement,
    AgreementParty,
    AgreementStatus,
    ListEntry,
    ListEntryStatus,
    MemberRegistration,
    ServiceRecord,
)
from db.models.directory import OrgUnit, PartyOrg, Person, ResidentUnit

RUNNING = (AgreementStatus.ACTIVE, AgreementStatus.EXPIRING)


class AgreementList(ListSource):
    """Filters (``ListQuery.filters``): ``kind`` and ``status`` (enum values), ``party`` (an
    org unit, resident unit or party org id), ``community`` (an org unit id: parties in its
    subtree), ``expiring_within`` (days: running agreements ending by today + N; ``today``
    overrides the day, for tests)."""

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
        ).where(func.likely(Agreement.deleted_at.is_(None)))  # so pages seek the sort index

    def where(self, query: ListQuery) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        filters = query.filters
        if kind := filters.get("kind"):
            conditions.append(Agreement.kind == kind)
        if status := filters.get("status"):
            conditions.append(Agreement.status == status)
        if party := filters.get("party"):
            conditions.append(
                _has_party(
                    or_(
                        AgreementParty.org_unit_id == party,
                        AgreementParty.resident_unit_id == party,
                        AgreementParty.party_org_id == party,
                    )
                )
            )
        if community := filters.get("community"):
            conditions.append(_in_community(community))
        days = filters.get("expiring_within")
        if days is not None:
            today: date = filters.get("today") or beijing_today()
            conditions.append(Agreement.status.in_(RUNNING))
            conditions.append(Agreement.valid_to >= today)
            conditions.append(Agreement.valid_to <= today + timedelta(days=int(days)))
        if query.search:
            conditions.append(
                or_(
                    contains(Agreement.title, query.search),
                    Agreement.number == query.search,
                    _party_named(query.search),
                )
            )
        return conditions


def _has_party(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    return exists().where(AgreementParty.agreement_id == Agreement.id, condition)


def _in_community(org_unit_id: str) -> ColumnElement[bool]:
    """A party in the subtree: the org unit itself, or a unit or branch located in it."""
    units = subtree_ids(org_unit_id)
    return _has_party(
        or_(
            AgreementParty.org_unit_id.in_(units),
            AgreementParty.resident_unit_id.in_(
                select(ResidentUnit.id).where(ResidentUnit.org_unit_id.in_(units))
            ),
            AgreementParty.party_org_id.in_(
                select(PartyOrg.id).where(PartyOrg.org_unit_id.in_(units))
            ),
        )
    )


def _party_named(text: str) -> ColumnElement[bool]:
    return _has_party(
        or_(
            AgreementParty.org_unit_id.in_(select(OrgUnit.id).where(contains(OrgUnit.name, text))),
            AgreementParty.resident_unit_id.in_(
                select(ResidentUnit.id).where(contains(ResidentUnit.name, text))
            ),
            AgreementParty.party_org_id.in_(
                select(PartyOrg.id).where(contains(PartyOrg.name, text))
            ),
        )
    )


class ListEntryList(ListSource):
    """The three lists (三张清单). Filters: ``list_kind``, ``status``, ``category`` (values),
    ``open_only`` (True: 待认领); search by title and description."""

    columns = (
        Column("list_kind", QT_TRANSLATE_NOOP("columns", "清单"), ColumnKind.ENUM, width=80),
        Column("title", QT_TRANSLATE_NOOP("columns", "名称"), width=300, stretch=True),
        Column("category", QT_TRANSLATE_NOOP("columns", "类别"), width=90),
        Column("raised_by", QT_TRANSLATE_NOOP("columns", "提出方"), width=180),
        Column("raised_on", QT_TRANSLATE_NOOP("columns", "提出日期"), ColumnKind.DATE, width=100),
        Column("status", QT_TRANSLATE_NOOP("columns", "状态"), ColumnKind.ENUM, width=80),
        Column("claimed_by", QT_TRANSLATE_NOOP("columns", "认领方"), width=180),
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
                ListEntry.id.label("id"),
                ListEntry.version,
                ListEntry.list_kind.label("list_kind"),
                ListEntry.title.label("title"),
                ListEntry.category.label("category"),
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
        conditions: list[ColumnElement[bool]] = []
        filters = query.filters
        if kind := filters.get("list_kind"):
            conditions.append(ListEntry.list_kind == kind)
        if status := filters.get("status"):
            conditions.append(ListEntry.status == status)
        if filters.get("open_only"):
            conditions.append(ListEntry.status == ListEntryStatus.OPEN)
        if category := filters.get("category"):
            conditions.append(ListEntry.category == category)
        if query.search:
            conditions.append(
                or_(
                    contains(ListEntry.title, query.search),
                    contains(ListEntry.description, query.search),
                )
            )
        return conditions


class MemberList(ListSource):
    """在职党员报到. Filters: ``community`` (an org unit id: its subtree), ``employer``
    (a resident unit id); search by the member's or the unit's name."""

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

    def select_rows(self) -> RowsSelect:
        services = (
            select(func.count())
            .where(ServiceRecord.registration_id == MemberRegistration.id)
            .scalar_subquery()
        )
        return (
            select(
                MemberRegistration.id.label("id"),
                MemberRegistration.version,
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
        conditions: list[ColumnElement[bool]] = []
        if community := query.filters.get("community"):
            conditions.append(MemberRegistration.community_id.in_(subtree_ids(community)))
        if employer := query.filters.get("employer"):
            conditions.append(MemberRegistration.employer_unit_id == employer)
        if query.search:
            conditions.append(
                or_(contains(Person.name, query.search), contains(ResidentUnit.name, query.search))
            )
        return conditions
