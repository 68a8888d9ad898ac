"""The resident units list's columns and its first page in plain SQL, readable before
SQLAlchemy loads.

The directory tab opens on its resident units (the org tree on 全部组织, no search or
filter, by pinyin). The window reopening on that tab shows this page at first paint (see
``app.quick_lists``); ``ResidentUnitList`` (lists.py) shows the same columns and the same rows:
a test holds the two to each other. The page is read only while nobody has a password, when
the local administrator works; the contact phone is masked as every list masks it for that
operator (``app.access``).
"""

from __future__ import annotations

from datetime import datetime

from app.access import Use, masked_values, reveals_personal_data
from app.i18n import QT_TRANSLATE_NOOP
from app.list_shape import Column, ColumnKind, Row
from app.operator import LOCAL_ADMIN
from app.rows import Query
from db.enums import UnitCategory

COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("columns", "单位名称"), width=260),
    Column("category", QT_TRANSLATE_NOOP("columns", "类别"), ColumnKind.ENUM, width=100),
    Column("location", QT_TRANSLATE_NOOP("columns", "所在社区"), width=130),
    Column("contact_name", QT_TRANSLATE_NOOP("columns", "联系人"), width=90),
    Column("contact_phone", QT_TRANSLATE_NOOP("columns", "联系电话"), width=130),
    Column("address", QT_TRANSLATE_NOOP("columns", "地址"), width=220, stretch=True),
)
KEYS = tuple(column.key for column in COLUMNS)

# by the pinyin key (db.sort_key), then the name, then the id, as ListSource.fetch orders
_SQL = """
SELECT u.id, u.version, u.name, u.category, place.name, u.contact_name, u.contact_phone,
    u.address
FROM resident_units u
LEFT JOIN org_units place ON place.id = u.org_unit_id
WHERE u.deleted_at IS NULL
ORDER BY u.name_key, u.name, u.id
LIMIT :limit
"""


def first_page(query: Query, now: datetime, limit: int) -> list[Row]:
    """The first ``limit`` live resident units by pinyin, as the local administrator sees
    them in a list (``now`` changes nothing here: a unit has no dated state)."""
    reveal = reveals_personal_data(LOCAL_ADMIN, Use.SCREEN)
    return [
        Row(r[0], r[1], masked_values(KEYS, (r[2], UnitCategory(r[3]), *r[4:]), reveal))
        for r in query(_SQL, {"limit": limit})
    ]
