"""The issues list's columns and its first page in plain SQL, readable before SQLAlchemy loads.

The window reopening on the issues tab shows this page at first paint (see
``app.quick_lists``); ``IssueList`` (lists.py) shows the same columns and, for the tab's
starting query (no search or filter, newest first), the same rows: a test holds the two to
each other. The colours follow ``warnings.py``: red when late or a dispatch waits over 24
hours for its 报到, yellow after three days without progress; bold ("supervised") for a 督办
issue still being handled.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.i18n import QT_TRANSLATE_NOOP
from app.issues.due import due_text
from app.list_shape import Column, ColumnKind, Row
from app.rows import Query, in_list, stored_time, utc
from app.summary import OPEN_ISSUE_STATES
from db.enums import IssueStatus, Satisfaction

ACK_WITHIN = timedelta(hours=24)  # a dispatch is red when its 报到 waits longer
STALE_AFTER = timedelta(days=3)  # an issue is yellow after this long without progress
OPEN_DISPATCH_STATES = ("dispatched", "acknowledged")  # DispatchStatus: the unit is on it

# what staff look at first comes first: at 1366 px 时限 and 承办单位 need no scrolling
COLUMNS = (
    Column("number", QT_TRANSLATE_NOOP("columns", "编号"), width=112),
    Column("title", QT_TRANSLATE_NOOP("columns", "事项"), width=200, stretch=True),
    Column("status", QT_TRANSLATE_NOOP("columns", "状态"), ColumnKind.ENUM, width=58),
    Column("due", QT_TRANSLATE_NOOP("columns", "办理时限"), width=112),
    Column("units", QT_TRANSLATE_NOOP("columns", "承办单位"), width=130),
    Column("community", QT_TRANSLATE_NOOP("columns", "社区"), width=90),
    Column("category", QT_TRANSLATE_NOOP("columns", "类别"), width=70),
    Column("grid", QT_TRANSLATE_NOOP("columns", "网格"), width=80),
    Column("reported_at", QT_TRANSLATE_NOOP("columns", "登记时间"), ColumnKind.DATETIME, width=130),
    Column("satisfaction", QT_TRANSLATE_NOOP("columns", "满意度"), ColumnKind.ENUM, width=70),
)

_SQL = """
SELECT i.id, i.version, i.number, i.title, i.status, i.due_at,
    coalesce((SELECT group_concat(coalesce(
            (SELECT u.name FROM org_units u WHERE u.id = d.org_unit_id),
            (SELECT r.name FROM resident_units r WHERE r.id = d.resident_unit_id)), '、')
        FROM dispatches d WHERE d.issue_id = i.id AND d.status != 'returned'), ''),
    coalesce(community.name, ''), coalesce(category.name, ''), coalesce(grid.name, ''),
    i.reported_at, i.satisfaction,
    trim(CASE
        WHEN i.status IN {open} AND ((i.due_at < :now AND i.paused_at IS NULL) OR EXISTS (
            SELECT 1 FROM dispatches d WHERE d.issue_id = i.id AND (
                (d.status = 'dispatched' AND d.dispatched_at < :unacknowledged)
                OR (d.status IN {working} AND d.due_at < :now)))) THEN 'red'
        WHEN i.status IN {open} AND i.updated_at < :stale THEN 'yellow'
        ELSE '' END
        || CASE WHEN i.supervised AND i.status IN {open} THEN ' supervised' ELSE '' END)
FROM issues i
LEFT JOIN issue_categories category ON category.id = i.category_id
LEFT JOIN org_units community ON community.id = i.community_id
LEFT JOIN org_units grid ON grid.id = i.grid_id
WHERE i.deleted_at IS NULL
ORDER BY i.reported_at DESC, i.id DESC
LIMIT :limit
"""


def first_page(query: Query, now: datetime, limit: int) -> list[Row]:
    """The newest ``limit`` live issues, coloured as at ``now``."""
    open_states, params = in_list("open", OPEN_ISSUE_STATES)
    working, working_params = in_list("working", OPEN_DISPATCH_STATES)
    params |= working_params | {
        "now": stored_time(now),
        "unacknowledged": stored_time(now - ACK_WITHIN),
        "stale": stored_time(now - STALE_AFTER),
        "limit": limit,
    }
    rows = query(_SQL.format(open=open_states, working=working), params)
    return [
        Row(
            r[0],
            r[1],
            (
                r[2],
                r[3],
                IssueStatus(r[4]),
                due_text(due) if (due := utc(r[5])) else "",
                r[6],
                r[7],
                r[8],
                r[9],
                utc(r[10]),
                Satisfaction(r[11]) if r[11] else None,
            ),
            key=(utc(r[10]), r[0]),
            style=r[12],
        )
        for r in rows
    ]
