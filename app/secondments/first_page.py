"""The postings list's columns and its first page in plain SQL, readable before SQLAlchemy loads.

The window reopening on the secondments tab shows this page at first paint (see
``app.quick_lists``); ``PostingList`` (lists.py) shows the same columns and, for the tab's
starting query (no search or filter, latest start first), the same rows: a test holds the
two to each other.
"""

from __future__ import annotations

from datetime import datetime

from app.i18n import QT_TRANSLATE_NOOP
from app.list_shape import Column, ColumnKind, Row
from app.rows import Query, day
from db.enums import PostingKind, PostingStatus

COLUMNS = (
    Column("person", QT_TRANSLATE_NOOP("columns", "姓名"), width=64),
    Column("kind", QT_TRANSLATE_NOOP("columns", "挂职类型"), ColumnKind.ENUM, width=72),
    Column("home", QT_TRANSLATE_NOOP("columns", "派出单位"), width=140),
    Column("host", QT_TRANSLATE_NOOP("columns", "挂职单位或网格"), width=140),
    Column("host_post", QT_TRANSLATE_NOOP("columns", "挂职岗位"), width=110),
    Column("starts_on", QT_TRANSLATE_NOOP("columns", "开始"), ColumnKind.DATE, width=88),
    Column("planned_ends_on", QT_TRANSLATE_NOOP("columns", "原定结束"), ColumnKind.DATE, width=88),
    Column("ends_on", QT_TRANSLATE_NOOP("columns", "结束"), ColumnKind.DATE, width=88),
    Column("status", QT_TRANSLATE_NOOP("columns", "状态"), ColumnKind.ENUM, width=64),
)

# a grid is named with its community before it (安乐村社区第一网格), as in PostingList
_SQL = """
SELECT p.id, p.version, person.name, p.kind,
    coalesce(home_unit.name, home_org.name, ''),
    coalesce(host_unit.name, CASE
        WHEN host_org.level = 'grid' AND host_parent.name IS NOT NULL
        THEN host_parent.name || host_org.name ELSE host_org.name END, ''),
    p.host_post, p.starts_on,
    CASE WHEN p.planned_ends_on != p.ends_on THEN p.planned_ends_on END,
    p.ends_on, p.status
FROM postings p
JOIN people person ON person.id = p.person_id
LEFT JOIN resident_units home_unit ON home_unit.id = p.home_unit_id
LEFT JOIN org_units home_org ON home_org.id = p.home_org_unit_id
LEFT JOIN resident_units host_unit ON host_unit.id = p.host_unit_id
LEFT JOIN org_units host_org ON host_org.id = p.host_org_unit_id
LEFT JOIN org_units host_parent ON host_parent.id = host_org.parent_id
WHERE p.deleted_at IS NULL
ORDER BY p.starts_on DESC, p.id
LIMIT :limit
"""


def first_page(query: Query, now: datetime, limit: int) -> list[Row]:
    """The ``limit`` live postings that started last (``now`` colours nothing here)."""
    return [
        Row(
            r[0],
            r[1],
            (
                r[2],
                PostingKind(r[3]),
                r[4],
                r[5],
                r[6],
                day(r[7]),
                day(r[8]),
                day(r[9]),
                PostingStatus(r[10]),
            ),
        )  # fmt: skip
        for r in query(_SQL, {"limit": limit})
    ]
