"""The postings list.

Filters (``ListQuery.filters``): ``kind`` (a PostingKind); ``status`` (a PostingStatus);
``active`` (true: running only, 在岗 or 延期); ``home`` / ``host`` (the id of a resident unit
or an org unit: postings from / to it); ``ending_within`` (days: running postings ending from
``today`` to that many days on; or ``NEXT_MONTH``: running postings ending in the calendar
month after ``today``'s, whose replacements are planned now); ``today`` (a date, default
Beijing's today; for the ``ending_within`` filter); ``year`` (postings whose term overlaps
that year). The search text matches the cadre's name, the host post, or the home or host
unit's name. The 原定结束 column is filled only where 延期 or 提前结束 moved the end, so
changed terms stand out.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from app.dashboard.period import month_of, next_month
from app.directory.choices import Choice
from app.exchange.states import exchange_filter
from app.listing import ListQuery, ListSource, RowsSelect, contains, equal_to, record_columns
from app.localtime import beijing_today
from app.secondments.first_page import COLUMNS
from app.secondments.lifecycle import RUNNING
from app.secondments.store import org_unit_label
from db.models.directory import OrgLevel, OrgUnit, Person, ResidentUnit
from db.models.secondments import Posting

NEXT_MONTH = "next_month"  # the ``ending_within`` value for 下月到期


def ending_range(ending_within: int | str, today: date) -> tuple[date, date]:
    """The first and last end dates ``ending_within`` (days, or ``NEXT_MONTH``) takes in."""
    if ending_within == NEXT_MONTH:
        month = month_of(next_month(today.replace(day=1)))
        return month.start, month.last_day
    return today, today + timedelta(days=int(ending_within))


class PostingList(ListSource):
    columns = COLUMNS
    default_sort = "starts_on"
    exchange_table = "postings"
    default_descending = True

    def __init__(self) -> None:
        self._home_unit, self._home_org = aliased(ResidentUnit), aliased(OrgUnit)
        self._host_unit, self._host_org = aliased(ResidentUnit), aliased(OrgUnit)
        self._host_parent = aliased(OrgUnit)

    def sort_expressions(self) -> Mapping[str, Any]:
        return {
            "person": Person.name_key,
            "home": func.coalesce(self._home_unit.name_key, self._home_org.name_key),
        }

    def _host_name(self) -> ColumnElement[str]:
        """A grid with its community before it (``安乐村社区第一网格``), as people say it."""
        org, parent = self._host_org, self._host_parent
        org_label = case(
            (
                and_(org.level == OrgLevel.GRID, parent.name.is_not(None)),
                parent.name + org.name,
            ),
            else_=org.name,
        )
        return func.coalesce(self._host_unit.name, org_label, literal(""))

    @staticmethod
    def _planned_end() -> ColumnElement[date | None]:
        """The planned end where 延期 or 提前结束 moved it; blank for a term as planned."""
        return case((Posting.planned_ends_on != Posting.ends_on, Posting.planned_ends_on))

    def select_rows(self) -> RowsSelect:
        home_unit, home_org = self._home_unit, self._home_org
        host_unit, host_org = self._host_unit, self._host_org
        return (
            select(
                *record_columns(Posting),
                Person.name.label("person"),
                Posting.kind.label("kind"),
                func.coalesce(home_unit.name, home_org.name, literal("")).label("home"),
                self._host_name().label("host"),
                Posting.host_post.label("host_post"),
                Posting.starts_on.label("starts_on"),
                self._planned_end().label("planned_ends_on"),
                Posting.ends_on.label("ends_on"),
                Posting.status.label("status"),
            )
            .join(Person, Person.id == Posting.person_id)
            .outerjoin(home_unit, home_unit.id == Posting.home_unit_id)
            .outerjoin(home_org, home_org.id == Posting.home_org_unit_id)
            .outerjoin(host_unit, host_unit.id == Posting.host_unit_id)
            .outerjoin(host_org, host_org.id == Posting.host_org_unit_id)
            .outerjoin(self._host_parent, self._host_parent.id == host_org.parent_id)
            .where(Posting.deleted_at.is_(None))
        )

    def where(self, query: ListQuery) -> list[ColumnElement[bool]]:
        filters = query.filters
        conditions = exchange_filter(filters, "postings", Posting.id)
        conditions += equal_to(filters, {"kind": Posting.kind, "status": Posting.status})
        if filters.get("active"):
            conditions.append(Posting.status.in_(list(RUNNING)))
        if home := filters.get("home"):
            conditions.append(or_(Posting.home_unit_id == home, Posting.home_org_unit_id == home))
        if host := filters.get("host"):
            conditions.append(or_(Posting.host_unit_id == host, Posting.host_org_unit_id == host))
        if (ending := filters.get("ending_within")) is not None:
            first, last = ending_range(ending, filters.get("today") or beijing_today())
            conditions.append(Posting.status.in_(list(RUNNING)))
            conditions.append(Posting.ends_on.between(first, last))
        if (year := filters.get("year")) is not None:
            conditions.append(Posting.starts_on <= date(int(year), 12, 31))
            conditions.append(Posting.ends_on >= date(int(year), 1, 1))
        if query.search:
            text = query.search
            conditions.append(
                or_(
                    contains(Person.name, text),
                    contains(Posting.host_post, text),
                    contains(func.coalesce(self._home_unit.name, self._home_org.name), text),
                    contains(self._host_name(), text),
                )
            )
        return conditions


def side_choices(session: Session, side: str) -> list[Choice]:
    """The units postings come from (``side="home"``) or go to (``"host"``), by name: what the
    list's home and host filters offer."""
    unit_column = Posting.home_unit_id if side == "home" else Posting.host_unit_id
    org_column = Posting.home_org_unit_id if side == "home" else Posting.host_org_unit_id
    live = Posting.deleted_at.is_(None)
    unit_ids = set(session.scalars(select(unit_column).where(live, unit_column.is_not(None))))
    org_ids = set(session.scalars(select(org_column).where(live, org_column.is_not(None))))
    choices = [
        Choice(row.id, row.name)
        for row in session.execute(
            select(ResidentUnit.id, ResidentUnit.name).where(ResidentUnit.id.in_(unit_ids))
        )
    ]
    choices += [Choice(i, org_unit_label(session, i)) for i in org_ids if i is not None]
    return sorted(choices, key=lambda c: c.label)


def posting_years(session: Session) -> list[int]:
    """The years some live posting runs in, newest first (the year filter's choices)."""
    row = session.execute(
        select(func.min(Posting.starts_on), func.max(Posting.ends_on)).where(
            Posting.deleted_at.is_(None)
        )
    ).first()
    if row is None or row[0] is None:
        return []
    return list(range(row[1].year, row[0].year - 1, -1))
