"""The meetings still to come, soonest first: what the meetings tab lists beside its table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.localtime import to_beijing
from db.models.directory import OrgUnit
from db.models.meetings import Meeting, MeetingStatus


@dataclass(frozen=True)
class MeetingSummary:
    id: str
    version: int
    kind: str
    title: str
    starts_at: datetime  # Beijing time
    place: str
    host_name: str
    status: MeetingStatus


def upcoming(session: Session, now: datetime, limit: int = 10) -> list[MeetingSummary]:
    """Live meetings starting at or after ``now``, soonest first (the "upcoming" view)."""
    rows = session.execute(
        select(Meeting, OrgUnit.name)
        .outerjoin(OrgUnit, OrgUnit.id == Meeting.host_org_unit_id)
        .where(Meeting.deleted_at.is_(None), Meeting.starts_at >= now)
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(limit)
    ).all()
    return [
        MeetingSummary(
            m.id, m.version, m.kind, m.title, to_beijing(m.starts_at), m.place, host or "", m.status
        )
        for m, host in rows
    ]
