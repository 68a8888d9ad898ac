"""What the secondment use cases share: loading a posting, its names, versions, audit."""

from __future__ import annotations

from collections.abc import Sequence
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


def _grid_label(name: str, level: OrgLevel, parent: str) -> str:
    """A grid with its community before it (``颐和路社区第一网格``), as people say it."""
    if level is OrgLevel.GRID and parent and not name.startswith(parent):
        return f"{parent}{name}"
    return name


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
    parent = _name(session, OrgUnit, row.parent_id) if row.level is OrgLevel.GRID else ""
    return _grid_label(str(row.name), row.level, parent)


def _names_by_id(session: Session, model: Any, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = session.execute(select(model.id, model.name).where(model.id.in_(ids)))
    return {row.id: row.name for row in rows}


def _org_units_by_id(session: Session, ids: set[str]) -> dict[str, tuple[str, OrgLevel]]:
    """Each org unit's label (see ``org_unit_label``) and level, in two statements."""
    if not ids:
        return {}
    rows = session.execute(
        select(OrgUnit.id, OrgUnit.name, OrgUnit.level, OrgUnit.parent_id).where(
            OrgUnit.id.in_(ids)
        )
    ).all()
    parents = {row.parent_id for row in rows if row.level is OrgLevel.GRID and row.parent_id}
    parent_names = _names_by_id(session, OrgUnit, parents)
    return {
        row.id: (_grid_label(row.name, row.level, parent_names.get(row.parent_id, "")), row.level)
        for row in rows
    }


def names_of_all(session: Session, postings: Sequence[Posting]) -> dict[str, Names]:
    """The names of many postings by posting id, in a few statements whatever their number."""
    people = _names_by_id(
        session, Person, {i for p in postings for i in (p.person_id, p.mentor_id) if i}
    )
    units = _names_by_id(
        session, ResidentUnit, {i for p in postings for i in (p.home_unit_id, p.host_unit_id) if i}
    )
    org_ids = {i for p in postings for i in (p.home_org_unit_id, p.host_org_unit_id) if i}
    orgs = _org_units_by_id(session, org_ids)

    def side(unit_id: str | None, org_unit_id: str | None) -> str:
        unit = units.get(unit_id, "") if unit_id else ""
        return unit or (orgs[org_unit_id][0] if org_unit_id in orgs else "")

    return {
        p.id: Names(
            person=people.get(p.person_id, ""),
            home=side(p.home_unit_id, p.home_org_unit_id),
            host=side(p.host_unit_id, p.host_org_unit_id),
            mentor=people.get(p.mentor_id, "") if p.mentor_id else "",
            host_level=orgs[p.host_org_unit_id][1] if p.host_org_unit_id in orgs else None,
        )
        for p in postings
    }


def names_of(session: Session, posting: Posting) -> Names:
    return names_of_all(session, [posting])[posting.id]
