"""What changes with the calendar alone: statuses that follow their dates.

Agreements move 生效 → 即将到期 → 到期 and postings 未到岗 → 在岗 → 期满 as days pass, with
nobody editing them; the application moves them when a database is opened and when the day
changes while it stays open. Each move is audited without a user: the calendar did it.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.agreements import lifecycle as agreements
from app.changes import Area
from app.secondments import lifecycle as secondments


def refresh_dated_statuses(session: Session, today: date | None = None) -> dict[Area, int]:
    """How many records each area moved on (only areas with a change are named)."""
    moved = {
        Area.AGREEMENTS: agreements.refresh_statuses(session, today),
        Area.SECONDMENTS: secondments.refresh_statuses(session, today),
    }
    return {area: count for area, count in moved.items() if count}
