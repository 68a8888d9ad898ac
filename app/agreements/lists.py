"""The agreements list: filters by kind, status, party, community (with everything below it)
and "expiring within N days"; search by title, number and the parties' names. A running
agreement shows this year's progress; one behind schedule is a red row."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, exists, literal, or_, select
from sqlalchemy.orm import Session

from app.agreements.first_page import COLUMNS, with_progress
from app.agreements.lifecycle import RUNNING
from app.directory.subtree import subtree_select
from app.exchange.states import exchange_filter
from app.list_shape import Row
from app.listing import ListQuery, ListSource, RowsSelect, contains, equal_to, record_columns
from app.localtime import beijing_today
from app.portable_sql import likely
from app.rows import session_query
from db.models.agreements import (
    Agreement,
    AgreementParty,
)
from db.models.directory import OrgUnit, PartyOrg, ResidentUnit


class AgreementList(ListSource):
    """Filters (``ListQuery.filters``): ``kind`` and ``status`` (enum values), ``party`` (an
    org unit, resident unit or party org id), ``community`` (an org unit id: parties in its
    subtree), ``expiring_within`` (days: running agreements ending by today + N; ``today``
    overrides the day, for tests)."""

    columns = COLUMNS
    default_sort = "number"
    exchange_table = "agreements"

    def select_rows(self) -> RowsSelect:
        return select(
            *record_columns(
                Agreement, "number", "kind", "title", "signed_on", "valid_to", "status"
            ),
            literal("").label("progress"),  # filled in per page by ``fetch``
        ).where(likely(Agreement.deleted_at.is_(None)))  # so pages seek the sort index

    def fetch(self, session: Session, query: ListQuery, offset: int, limit: int) -> list[Row]:
        """A page, with the progress of its running agreements counted in one query."""
        rows = super().fetch(session, query, offset, limit)
        today: date = query.filters.get("today") or beijing_today()
        return with_progress(session_query(session), rows, today)

    def where(self, query: ListQuery) -> list[ColumnElement[bool]]:
        filters = query.filters
        conditions = exchange_filter(filters, "agreements", Agreement.id)
        conditions += equal_to(filters, {"kind": Agreement.kind, "status": Agreement.status})
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
    units = subtree_select(org_unit_id)
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
