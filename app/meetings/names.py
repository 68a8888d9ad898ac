"""How people, units and org units read in the meeting editor and on printed minutes.

A person is listed under the body they stand for: the resident unit they attend for, else
their employer, else their place in the street's own organisation, named the way minutes name
it (街道 → ``宁海路街道党工委``, 社区 → ``宁海路社区党委``, a department or zone under its
street: ``宁海路街道城管科``, a grid under its community: ``宁海路社区第一网格``).
Deleted records keep their names here: old minutes must still print who was there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.rows import Query, in_list, session_query
from db.enums import OrgLevel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

BODY_SUFFIX = {OrgLevel.STREET: "党工委", OrgLevel.COMMUNITY: "党委"}
PREFIXED = {OrgLevel.ZONE, OrgLevel.GRID, OrgLevel.DEPARTMENT}


@dataclass(frozen=True)
class PersonInfo:
    name: str
    post: str
    employer_unit_id: str | None
    org_unit_id: str | None
    deleted: bool


@dataclass(frozen=True)
class OrgInfo:
    name: str
    level: OrgLevel
    parent_id: str | None


class Names:
    """Names of the people, units and org units one screen or document needs, read at once."""

    def __init__(
        self,
        session: Session,
        person_ids: Iterable[str | None] = (),
        unit_ids: Iterable[str | None] = (),
    ) -> None:
        self._read(session_query(session), person_ids, unit_ids)

    @classmethod
    def read(
        cls, query: Query, person_ids: Iterable[str | None], unit_ids: Iterable[str | None]
    ) -> Names:
        """The names, read through ``query`` (a session's or a bare connection's)."""
        names = cls.__new__(cls)
        names._read(query, person_ids, unit_ids)
        return names

    def _read(
        self, query: Query, person_ids: Iterable[str | None], unit_ids: Iterable[str | None]
    ) -> None:
        self.people: dict[str, PersonInfo] = {}
        wanted_people = {i for i in person_ids if i}
        if wanted_people:
            ids, params = in_list("p", sorted(wanted_people))
            sql = "SELECT id, name, post, employer_unit_id, org_unit_id, deleted_at FROM people"
            for id_, name, post, employer, org_unit, deleted in query(
                f"{sql} WHERE id IN {ids}", params
            ):
                self.people[id_] = PersonInfo(name, post, employer, org_unit, bool(deleted))
        wanted_units = {i for i in unit_ids if i} | {
            p.employer_unit_id for p in self.people.values() if p.employer_unit_id
        }
        self.units: dict[str, str] = {}
        if wanted_units:
            ids, params = in_list("u", sorted(wanted_units))
            rows = query(f"SELECT id, name FROM resident_units WHERE id IN {ids}", params)
            self.units = {id_: name for id_, name in rows}
        # the whole tree: a few hundred rows even for a district, and parents are needed
        self.org_units = {
            id_: OrgInfo(name, OrgLevel(level), parent_id)
            for id_, name, level, parent_id in query(
                "SELECT id, name, level, parent_id FROM org_units", {}
            )
        }

    def person(self, person_id: str | None) -> str:
        info = self.people.get(person_id or "")
        return info.name if info else ""

    def post(self, person_id: str | None) -> str:
        info = self.people.get(person_id or "")
        return info.post if info else ""

    def unit(self, unit_id: str | None) -> str:
        return self.units.get(unit_id or "", "")

    def org_unit(self, org_unit_id: str | None) -> str:
        """An org unit's name, with its parent's in front where it alone is ambiguous."""
        info = self.org_units.get(org_unit_id or "")
        if info is None:
            return ""
        parent = self.org_units.get(info.parent_id or "")
        if info.level in PREFIXED and parent is not None and not info.name.startswith(parent.name):
            return parent.name + info.name
        return info.name

    def body(self, org_unit_id: str | None) -> str:
        """The org unit as the body its people stand for: 宁海路街道党工委, 宁海路社区党委."""
        info = self.org_units.get(org_unit_id or "")
        if info is None:
            return ""
        return self.org_unit(org_unit_id) + BODY_SUFFIX.get(info.level, "")

    def affiliation(self, person_id: str | None, unit_id: str | None = None) -> str:
        """The unit a person is listed under; ``unit_id`` is the unit they attend for."""
        if unit_id:
            return self.unit(unit_id)
        info = self.people.get(person_id or "")
        if info is None:
            return ""
        if info.employer_unit_id:
            return self.unit(info.employer_unit_id)
        return self.body(info.org_unit_id)

    def owner(self, person_id: str | None, unit_id: str | None, org_unit_id: str | None) -> str:
        """An action item's owner as it reads on paper: unit, department or person."""
        if unit_id:
            return self.unit(unit_id)
        if org_unit_id:
            return self.org_unit(org_unit_id)
        return self.person(person_id)

    def org_level(self, org_unit_id: str | None) -> OrgLevel | None:
        info = self.org_units.get(org_unit_id or "")
        return info.level if info else None

    def ancestor(self, org_unit_id: str | None, level: OrgLevel) -> str | None:
        """The org unit itself or the nearest one above it at ``level``."""
        current, seen = org_unit_id, set()
        while current and current not in seen:
            seen.add(current)
            info = self.org_units.get(current)
            if info is None:
                return None
            if info.level is level:
                return current
            current = info.parent_id
        return None
