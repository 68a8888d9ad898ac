"""Finding records by the names a spreadsheet uses for them, read once per import."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from db.models.directory import OrgLevel, OrgUnit, PartyOrg, Person, ResidentUnit
from db.models.issues import IssueCategory

NameIndex = dict[str, list[str]]  # name → ids of the live records with that name


class Names:
    """Name → ids of live org units (also as “上级/名称”), resident units, party orgs,
    people and issue categories."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._org_indexes: dict[frozenset[OrgLevel], NameIndex] = {}

    def org_units(self, *levels: OrgLevel) -> NameIndex:
        """Org units of these levels (all levels when none is given)."""
        wanted = frozenset(levels or OrgLevel)
        if wanted not in self._org_indexes:
            index: NameIndex = defaultdict(list)
            for unit_id, name, parent, level in self._org_units:
                if level in wanted:
                    index[name].append(unit_id)
                    if parent:
                        index[f"{parent}/{name}"].append(unit_id)
            self._org_indexes[wanted] = index
        return self._org_indexes[wanted]

    @cached_property
    def _org_units(self) -> list[tuple[str, str, str | None, OrgLevel]]:
        parent = aliased(OrgUnit)
        rows = self.session.execute(
            select(OrgUnit.id, OrgUnit.name, parent.name, OrgUnit.level)
            .outerjoin(parent, parent.id == OrgUnit.parent_id)
            .where(OrgUnit.deleted_at.is_(None))
        )
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    @cached_property
    def resident_units(self) -> NameIndex:
        return self._index(ResidentUnit)

    @cached_property
    def party_orgs(self) -> NameIndex:
        return self._index(PartyOrg)

    @cached_property
    def people(self) -> NameIndex:
        return self._index(Person)

    def people_of(self, unit_id: str | None) -> NameIndex:
        """The people working in a resident unit (all people for None)."""
        if unit_id is None:
            return self.people
        return self._people_by_unit.get(unit_id, {})

    @cached_property
    def _people_by_unit(self) -> dict[str, NameIndex]:
        index: dict[str, NameIndex] = defaultdict(lambda: defaultdict(list))
        for record_id, name, unit_id in self.session.execute(
            select(Person.id, Person.name, Person.employer_unit_id).where(
                Person.deleted_at.is_(None)
            )
        ):
            index[unit_id or ""][name].append(record_id)
        return index

    @cached_property
    def people_by_id_number(self) -> NameIndex:
        """ID number → the live people with it (one at most: the number is unique)."""
        index: NameIndex = defaultdict(list)
        for record_id, number in self.session.execute(
            select(Person.id, Person.id_number).where(
                Person.deleted_at.is_(None), Person.id_number.is_not(None)
            )
        ):
            index[str(number)].append(record_id)
        return index

    @cached_property
    def categories(self) -> NameIndex:
        return self._index(IssueCategory)

    def _index(self, model: type[ResidentUnit | PartyOrg | Person | IssueCategory]) -> NameIndex:
        index: NameIndex = defaultdict(list)
        for record_id, name in self.session.execute(
            select(model.id, model.name).where(model.deleted_at.is_(None))
        ):
            index[name].append(record_id)
        return index
