"""The agreements list's columns and its first page in plain SQL, readable before SQLAlchemy
loads, and the 本年进度 column that every page of the list fills the same way.

The window reopening on the agreements tab shows this page at first paint (see
``app.quick_lists``); ``AgreementList`` (lists.py) shows the same columns and, for the tab's
starting query (no search or filter, by number), the same rows: a test holds the two to each
other. Both fill a running agreement's progress this year with :func:`with_progress`, which
colours one behind schedule red.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from app.agreements.reckoning import agreement_progress
from app.i18n import QT_TRANSLATE_NOOP
from app.list_shape import Column, ColumnKind, Row
from app.localtime import local_day
from app.rows import Query, day
from app.summary import ACTIVE_AGREEMENT_STATES
from db.enums import AgreementKind, AgreementStatus

COLUMNS = (
    Column("number", QT_TRANSLATE_NOOP("columns", "协议编号"), width=140),
    Column("kind", QT_TRANSLATE_NOOP("columns", "类型"), ColumnKind.ENUM, width=110),
    Column("title", QT_TRANSLATE_NOOP("columns", "协议名称"), width=360, stretch=True),
    Column("signed_on", QT_TRANSLATE_NOOP("columns", "签订日期"), ColumnKind.DATE, width=100),
    Column("valid_to", QT_TRANSLATE_NOOP("columns", "有效期至"), ColumnKind.DATE, width=100),
    Column("status", QT_TRANSLATE_NOOP("columns", "状态"), ColumnKind.ENUM, width=80),
    Column("progress", QT_TRANSLATE_NOOP("columns", "本年进度"), sortable=False, width=80),
)
_STATUS = next(i for i, c in enumerate(COLUMNS) if c.key == "status")

_SQL = """
SELECT a.id, a.version, a.number, a.kind, a.title, a.signed_on, a.valid_to, a.status
FROM agreements a
WHERE a.deleted_at IS NULL
ORDER BY a.number, a.id
LIMIT :limit
"""


def first_page(query: Query, now: datetime, limit: int) -> list[Row]:
    """The first ``limit`` live agreements by number, with their progress as at ``now``."""
    rows = [_row(r) for r in query(_SQL, {"limit": limit})]
    return with_progress(query, rows, local_day(now))


def _row(r: Sequence[Any]) -> Row:
    kind, status = AgreementKind(r[3]), AgreementStatus(r[7])
    return Row(r[0], r[1], (r[2], kind, r[4], day(r[5]), day(r[6]), status, ""))


def with_progress(query: Query, rows: list[Row], today: date) -> list[Row]:
    """``rows`` (their progress left empty) with this year's progress of the running ones,
    counted in one query; a running agreement behind schedule is a red row."""
    running = [r.id for r in rows if r.values[_STATUS] in ACTIVE_AGREEMENT_STATES]
    if not running:
        return rows
    done = agreement_progress(query, today.year, today, running)
    result = []
    for row in rows:
        progress = done.get(row.id)
        if progress is None:  # not running, or nothing committed
            result.append(row)
            continue
        values = (*row.values[:-1], f"{progress.percent}%")
        result.append(replace(row, values=values, style="red" if progress.behind else ""))
    return result
