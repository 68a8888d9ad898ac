"""What each community site holds, as the street office knows it (``exchange_held``).

A package carries the change log since what the receiver has; a record that enters a
community's scope later (an issue dispatched to it, a meeting its people now attend, a person
who moved in) had its own changes logged before, so the street sends it whole, with what
hangs on it. A record that leaves the scope is sent a last time (the community sees where it
went) and then no more; nothing is deleted at the community.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import cast

from sqlalchemy import Connection, Table, delete, insert, select, tuple_

from db.models.exchange import HeldRecord

HELD = cast(Table, HeldRecord.__table__)
Key = tuple[str, str]  # (table, record id)
_CHUNK = 500


def held_records(connection: Connection, site_id: str, upto: int) -> set[Key]:
    """The records ``site_id`` holds once it has our packages up to ``upto``."""
    rows = connection.execute(
        select(HELD.c.table_name, HELD.c.record_id).where(
            HELD.c.site_id == site_id, HELD.c.since_seq <= upto
        )
    )
    return {(row.table_name, row.record_id) for row in rows}


def knows_nothing(connection: Connection, site_id: str) -> bool:
    """True for a site enrolled before the street kept what sites hold."""
    found = connection.scalar(select(HELD.c.site_id).where(HELD.c.site_id == site_id).limit(1))
    return found is None


def hold(connection: Connection, site_id: str, records: Iterable[Key], since: int) -> None:
    """Notes ``records`` as held by the site from the package ending at ``since``; a record
    already noted keeps its first package."""
    wanted = sorted(set(records))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        known = {
            (row.table_name, row.record_id)
            for row in connection.execute(
                select(HELD.c.table_name, HELD.c.record_id).where(
                    HELD.c.site_id == site_id,
                    tuple_(HELD.c.table_name, HELD.c.record_id).in_(chunk),
                )
            )
        }
        new = [
            {"site_id": site_id, "table_name": t, "record_id": r, "since_seq": since}
            for t, r in chunk
            if (t, r) not in known
        ]
        if new:
            connection.execute(insert(HELD), new)


def let_go(connection: Connection, site_id: str, records: Collection[Key]) -> None:
    """Forgets records that left the site's scope: nothing more of them is sent."""
    wanted = sorted(records)
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        connection.execute(
            delete(HELD).where(
                HELD.c.site_id == site_id,
                tuple_(HELD.c.table_name, HELD.c.record_id).in_(chunk),
            )
        )
