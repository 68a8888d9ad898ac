"""The meetings list's columns and its first page in plain SQL, readable before SQLAlchemy loads.

The window reopening on the meetings tab shows this page at first paint (see
``app.quick_lists``); ``MeetingList`` (lists.py) shows the same columns and, for the tab's
starting query (no search or filter, latest first), the same rows: a test holds the two to
each other.
"""

from __future__ import annotations

from datetime import datetime

from app.i18n import QT_TRANSLATE_NOOP
from app.list_shape import Column, ColumnKind, Row
from app.rows import Query, in_list, utc
from db.enums import ActionStatus, MeetingStatus

COLUMNS = (
    Column("starts_at", QT_TRANSLATE_NOOP("columns", "时间"), ColumnKind.DATETIME, width=130),
    Column("kind", QT_TRANSLATE_NOOP("columns", "会议类型"), width=170),
    Column("title", QT_TRANSLATE_NOOP("columns", "会议名称"), width=320, stretch=True),
    Column("host", QT_TRANSLATE_NOOP("columns", "主办"), width=120),
    Column("status", QT_TRANSLATE_NOOP("columns", "状态"), ColumnKind.ENUM, width=60),
    Column("open_actions", QT_TRANSLATE_NOOP("columns", "未办结事项"), ColumnKind.NUMBER, width=90),
)
OPEN_ACTIONS = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)  # what 未办结事项 counts

_SQL = """
SELECT m.id, m.version, m.starts_at, m.kind, m.title, coalesce(host.name, ''), m.status,
    (SELECT count(a.id) FROM agenda_items g
        JOIN decisions d ON d.agenda_item_id = g.id
        JOIN action_items a ON a.decision_id = d.id
        WHERE g.meeting_id = m.id AND a.status || '' IN {open})
FROM (SELECT id FROM meetings WHERE deleted_at IS NULL ORDER BY starts_at DESC, id LIMIT :limit)
    AS page
JOIN meetings m ON m.id = page.id
LEFT JOIN org_units host ON host.id = m.host_org_unit_id
ORDER BY m.starts_at DESC, m.id
"""
# The page first, then the open actions of its meetings only, found from each meeting down
# (``|| ''`` keeps the planner off the status index, which would visit every open action).


def first_page(query: Query, now: datetime, limit: int) -> list[Row]:
    """The ``limit`` live meetings that start last (``now`` colours nothing here)."""
    open_actions, params = in_list("open", [status.value for status in OPEN_ACTIONS])
    rows = query(_SQL.format(open=open_actions), params | {"limit": limit})
    return [Row(r[0], r[1], (utc(r[2]), r[3], r[4], r[5], MeetingStatus(r[6]), r[7])) for r in rows]
