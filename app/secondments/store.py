"""What the secondment use cases share: loading a posting, its names, versions, audit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.store import Audit, live
from db.models.directory import OrgLevel, OrgUnit, Person, ResidentUnit
from db.models.secondments import Posting

WHAT = QT_TRANSLATE_NOOP("fields", "挂职")


AUDIT = Audit()
record = AUDIT.record
added = AUDIT.added


def live_posting(session: Session, posting_id: str, version: int | None = None) -> Posting:
    return live(session, Posting, posting_id, WHAT, version=version)


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
