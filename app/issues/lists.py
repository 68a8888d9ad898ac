"""The issues list (民生事项): filters, Chinese search and paging that stay fast at a million.

A page is read in two steps: first the ids in order (a narrow query the sort index answers,
seeking past the previous page's last row for the usual sorts), then the shown columns of
those 200 ids only. The count stops at ``count_cap``; the view grows as the user scrolls.

Filters (``ListQuery.filters``): ``status`` (a value or a list), ``category_id``,
``community_id``, ``grid_id``, ``source``, ``overdue`` and ``supervised`` (True to keep
only those), ``reported_from`` / ``reported_before`` (dates, Beijing), ``now`` (the moment
warnings and 超期 are judged at; default the current time).
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, ClassVar

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    func,
    literal,
    literal_column,
    select,
    tuple_,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.expression import FunctionElement

from app.exchange.states import exchange_filter
from app.issues.due import due_text
from app.issues.first_page import COLUMNS
from app.issues.search import SearchIndex
from app.issues.warnings import overdue_condition, red_condition, yellow_condition
from app.issues.workflow import OPEN_STATUSES
from app.list_shape import Row
from app.listing import ListQuery, ListSource, RowsSelect, contains, record_columns
from app.localtime import BEIJING
from app.portable_sql import joined
from db.base import utcnow
from db.models.directory import OrgUnit, ResidentUnit
from db.models.issues import Dispatch, DispatchStatus, Issue, IssueCategory

COUNT_CAP = 1000  # five pages; the view grows by as many more as the user scrolls


class unindexed(FunctionElement[Any]):  # noqa: N801 - reads as a SQL function
    """The column, but on SQLite written ``+column`` so the planner does not pick its index
    (the ``deleted_at`` index matches every live row; the sort index is the better walk)."""

    inherit_cache = True


@compiles(unindexed)
def _unindexed_default(element: unindexed, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element: unindexed, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(element.clauses, **kw))


def _moment(day: date | datetime) -> datetime:
    if isinstance(day, datetime):
        return day
    return datetime.combine(day, time(), BEIJING)


community_unit = aliased(OrgUnit, name="community_unit")
grid_unit = aliased(OrgUnit, name="grid_unit")


def _units() -> ColumnElement[Any]:
    """The units an issue is (or was) dispatched to, returned ones left out."""
    name = func.coalesce(
        select(OrgUnit.name).where(OrgUnit.id == Dispatch.org_unit_id).scalar_subquery(),
        select(ResidentUnit.name)
        .where(ResidentUnit.id == Dispatch.resident_unit_id)
        .scalar_subquery(),
    )
    return (
        select(joined(name, "、"))
        .where(Dispatch.issue_id == Issue.id, Dispatch.status != DispatchStatus.RETURNED)
        .scalar_subquery()
    )


class IssueList(ListSource):
    columns = COLUMNS
    default_sort = "reported_at"
    exchange_table = "issues"
    default_descending = True
    count_cap: ClassVar[int | None] = COUNT_CAP
    keyset_sorts: ClassVar[frozenset[str]] = frozenset({"reported_at", "number", "title"})

    def __init__(self) -> None:
        self._search = SearchIndex()

    # the display columns and how to sort by each

    def _sort_expression(self, key: str) -> ColumnElement[Any]:
        expressions: dict[str, Any] = {
            "number": Issue.number,
            "title": Issue.title,
            "category": IssueCategory.name,
            "community": community_unit.name,
            "grid": grid_unit.name,
            "status": Issue.status,
            "reported_at": Issue.reported_at,
            "due": Issue.due_at,
            "units": _units(),
            "satisfaction": Issue.satisfaction,
        }
        found: ColumnElement[Any] = expressions[key]
        return found

    def _joined(self, stmt: Any, key: str | None = None) -> Any:
        if key in (None, "category"):
            stmt = stmt.outerjoin(IssueCategory, IssueCategory.id == Issue.category_id)
        if key in (None, "community"):
            stmt = stmt.outerjoin(community_unit, community_unit.id == Issue.community_id)
        if key in (None, "grid"):
            stmt = stmt.outerjoin(grid_unit, grid_unit.id == Issue.grid_id)
        return stmt

    def select_rows(self) -> RowsSelect:
        now = utcnow()
        return self._select_all(now).where(Issue.deleted_at.is_(None))

    def _select_all(self, now: datetime) -> RowsSelect:
        stmt: RowsSelect
        colour = case(
            (red_condition(now), literal("red")),
            (yellow_condition(now), literal("yellow")),
            else_=literal(""),
        )
        watched = and_(Issue.supervised.is_(True), Issue.status.in_(OPEN_STATUSES))
        # the colour, and "supervised" for 督办 (and 问题工单) orders still open: each test once
        style = func.trim(colour + case((watched, literal(" supervised")), else_=literal("")))
        stmt = select(
            *record_columns(Issue, "number", "title", "status"),
            Issue.due_at.label("due"),
            func.coalesce(_units(), literal("")).label("units"),
            func.coalesce(community_unit.name, literal("")).label("community"),
            func.coalesce(IssueCategory.name, literal("")).label("category"),
            func.coalesce(grid_unit.name, literal("")).label("grid"),
            Issue.reported_at.label("reported_at"),
            Issue.satisfaction.label("satisfaction"),
            style.label("style"),
        )
        joined: RowsSelect = self._joined(stmt)
        return joined

    # conditions

    def where(self, query: ListQuery) -> list[ColumnElement[bool]]:
        """Without a session: the filters, and the search as a plain substring scan."""
        conditions = self._filters(query)
        if query.search.strip():
            needle = query.search.strip()
            conditions.append(
                contains(Issue.title, needle)
                | contains(Issue.address, needle)
                | contains(Issue.description, needle)
                | (Issue.number == needle)
            )
        return conditions

    def _conditions(self, session: Session, query: ListQuery) -> list[ColumnElement[bool]]:
        conditions = self._filters(query)
        conditions.insert(0, unindexed(Issue.deleted_at).is_(None))
        if query.search.strip():
            conditions.append(self._search.condition(session, query.search))
        return conditions

    def _filters(self, query: ListQuery) -> list[ColumnElement[bool]]:
        f = query.filters
        now: datetime = f.get("now") or utcnow()
        conditions = exchange_filter(f, "issues", Issue.id)
        if status := f.get("status"):
            if isinstance(status, str):
                conditions.append(Issue.status == status)
            else:
                conditions.append(Issue.status.in_(list(status)))
        for key, column in (
            ("category_id", Issue.category_id),
            ("community_id", Issue.community_id),
            ("grid_id", Issue.grid_id),
            ("source", Issue.source),
        ):
            if value := f.get(key):
                conditions.append(column == value)
        if f.get("overdue"):
            conditions.append(overdue_condition(now))
        if f.get("supervised"):
            conditions.append(Issue.supervised.is_(True))
        if (start := f.get("reported_from")) is not None:
            conditions.append(Issue.reported_at >= _moment(start))
        if (end := f.get("reported_before")) is not None:
            conditions.append(Issue.reported_at < _moment(end))
        return conditions

    # counting and paging

    def post_process(self, values: tuple[Any, ...], query: ListQuery) -> tuple[Any, ...]:
        """The due moment as staff read it ("2026-10-10 24:00")."""
        index = self.column_index("due")
        due = values[index]
        return (*values[:index], due_text(due) if due else "", *values[index + 1 :])

    def _sort(self, query: ListQuery) -> tuple[str, bool]:
        keys = {c.key for c in self.columns}
        if query.sort in keys:
            return str(query.sort), query.descending
        return self.default_sort, self.default_descending

    def count(self, session: Session, query: ListQuery) -> int:
        stmt = select(func.count()).select_from(Issue).where(*self._conditions(session, query))
        return int(session.execute(stmt).scalar_one())

    def forget(self) -> None:
        """Forgets what the list remembers between a count and its pages (search terms)."""
        self._search.forget()

    def count_capped(self, session: Session, query: ListQuery, cap: int) -> int:
        if query.search.strip() and not self._filters(query):  # the index knows
            exact = self._search.exact_count(session, query.search)
            if exact is not None:
                return min(exact, cap)
        inner: Select[Any] = select(literal_column("1")).select_from(Issue)
        inner = inner.where(*self._conditions(session, query)).limit(cap)
        stmt = select(func.count()).select_from(inner.subquery())
        return int(session.execute(stmt).scalar_one())

    def _page(
        self,
        session: Session,
        query: ListQuery,
        limit: int,
        offset: int = 0,
        after: Row | None = None,
    ) -> list[Row]:
        """One page in one statement: the ids in order (a narrow query the sort index answers,
        seeking past ``after``), joined to the shown columns of those rows only."""
        key, descending = self._sort(query)
        order = self._sort_expression(key)
        ids = select(Issue.id.label("page_id"), order.label("sort_key")).select_from(Issue)
        if key in ("category", "community", "grid"):
            ids = self._joined(ids, key)
        ids = ids.where(*self._conditions(session, query))
        if after is not None:
            bound = tuple_(order, Issue.id)
            mark = tuple_(literal(after.key[0], type_=order.type), literal(after.key[1]))
            ids = ids.where(bound < mark if descending else bound > mark)
        if descending:
            ids = ids.order_by(order.desc(), Issue.id.desc())
        else:
            ids = ids.order_by(order.asc(), Issue.id.asc())
        ids = ids.limit(limit)
        if offset:
            ids = ids.offset(offset)
        page = ids.subquery("page")
        now: datetime = query.filters.get("now") or utcnow()
        stmt = (
            self._select_all(now)
            .add_columns(page.c.sort_key)
            .join(page, page.c.page_id == Issue.id)
        )
        if descending:
            stmt = stmt.order_by(page.c.sort_key.desc(), page.c.page_id.desc())
        else:
            stmt = stmt.order_by(page.c.sort_key.asc(), page.c.page_id.asc())
        return [
            Row(
                r[0],
                r[1],
                self.post_process(tuple(r[2:-2]), query),
                key=(r[-1], r[0]),
                style=r[-2],
            )
            for r in session.execute(stmt)
        ]

    def fetch(self, session: Session, query: ListQuery, offset: int, limit: int) -> list[Row]:
        return self._page(session, query, limit, offset=offset)

    def fetch_after(
        self, session: Session, query: ListQuery, after: Row, limit: int
    ) -> list[Row] | None:
        key, _ = self._sort(query)
        if key not in self.keyset_sorts or len(after.key) != 2:
            return None
        return self._page(session, query, limit, after=after)
