"""What the secondment use cases share: loading a posting, its names, versions, audit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app import audit
from app.errors import (
    ConflictError,
    not_found,
)
from app.i18n import QT_TRANSLATE_NOOP
from db.base import Entity
from db.models.directory import OrgLevel, OrgUnit, Person, ResidentUnit
from db.models.secondments import Posting

WHAT = QT_TRANSLATE_NOOP("fields", "挂职")


def live_posting(session: Session, posting_id: str) -> Posting:
    posting = session.get(Posting, posting_id)
    if posting is None or posting.deleted_at is not None:
        raise not_found(WHAT, posting_id)
    return posting


def record(
    session: Session, action: str, obj: Entity, before: dict[str, Any] | None, *, reason: str = ""
) -> None:
    """An audit entry; a row another session changed meanwhile is "changed elsewhere"."""
    try:
        audit.record(session, action, obj, before, reason=reason)
    except StaleDataError:
        raise ConflictError.stale() from None


@dataclass(frozen=True)
class Names:
    """The names of a posting's people and places, read in one go."""

    person: str
    home: str
    host: str
    mentor: str
    host_level: OrgLevel | None  # the host's level when it is an org unit (GRID: 第一社长)


def _name(session: Session, model: Any, record_id: str | None) -> str:
    if record_id is None:
        return ""
    return session.scalar(select(model.name).where(model.id == record_id)) or ""


def org_unit_label(session: Session, org_unit_id: str | None) -> str:
    """An org unit's name; a grid or a community department with its community before it
    (``颐和路社区第一网格``), as people say it."""
    if org_unit_id is None:
        return ""
    row = session.execute(
        select(OrgUnit.name, OrgUnit.level, OrgUnit.parent_id).where(OrgUnit.id == org_unit_id)
    ).first()
    if row is None:
        return ""
    if row.level is OrgLevel.GRID and row.parent_id:
        parent = _name(session, OrgUnit, row.parent_id)
        if parent and not row.name.startswith(parent):
            return f"{parent}{row.name}"
    return str(row.name)


def names_of(session: Session, posting: Posting) -> Names:
    level = None
    if posting.host_org_unit_id is not None:
        level = session.scalar(select(OrgUnit.level).where(OrgUnit.id == posting.host_org_unit_id))
    return Names(
        person=_name(session, Person, posting.person_id),
        home=_name(session, ResidentUnit, posting.home_unit_id)
        or org_unit_label(session, posting.home_org_unit_id),
        host=_name(session, ResidentUnit, posting.host_unit_id)
        or org_unit_label(session, posting.host_org_unit_id),
        mentor=_name(session, Person, posting.mentor_id),
        host_level=level,
    )
