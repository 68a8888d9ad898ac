"""Directory use cases: create, read, update, soft-delete and restore, each audited."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import fields
from typing import Any, Generic, Protocol, TypeVar, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from app import audit
from app.access import record_for
from app.directory.records import OrgUnitData, PartyOrgData, PersonData, ResidentUnitData
from app.errors import ValidationError, refuse
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.store import Loaded, columns, live, stored
from db.base import Entity, new_id, utcnow
from db.models.directory import OrgLevel, OrgUnit, PartyOrg, Person, ResidentUnit


class Record(Protocol):
    def validated(self) -> Any: ...


R = TypeVar("R", bound=Record)
M = TypeVar("M", bound=Entity)
T = TypeVar("T")
IN_LIST = 500  # values in one IN (…): well under every database's limit of parameters


def in_lists(values: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), IN_LIST):
        yield values[start : start + IN_LIST]


class Repository(Generic[M, R]):
    """The CRUD every directory kind shares; subclasses add their own cross-row checks."""

    model: type[M]
    record: type[R]
    what: str  # a QT_TRANSLATE_NOOP("fields", …) name for messages

    def check(self, session: Session, data: R, record_id: str | None) -> None:
        """Checks that need the database (uniqueness, references); raise ValidationError."""

    def check_many(self, session: Session, records: Sequence[R]) -> dict[int, ValidationError]:
        """``check`` of new records that are created together (an import): each problem by
        the index of its record. Repositories whose records come by the thousand check them
        in a few queries instead of one per record."""
        problems: dict[int, ValidationError] = {}
        for index, data in enumerate(records):
            try:
                self.check(session, data, None)
            except ValidationError as error:
                problems[index] = error
        return problems

    def new_rows(self, records: Sequence[R]) -> list[dict[str, Any]]:
        """The rows ``insert_rows`` writes for validated, checked new records: their ids are
        known before anything is written, so an import can refer to them."""
        now = utcnow()
        stamps = {"created_at": now, "updated_at": now, "version": 1}
        return [{**self.columns(data), **stamps, "id": new_id()} for data in records]

    def insert_rows(self, session: Session, rows: Sequence[dict[str, Any]]) -> None:
        """Writes ``new_rows`` with one INSERT, each row audited. Nothing is checked here:
        the caller ran ``validated`` and ``check_many`` first, in the same transaction."""
        if rows:
            session.execute(insert(cast(Table, self.model.__table__)), list(rows))
        audit.record_many(session, "create", self.model, rows)

    def get(self, session: Session, record_id: str) -> Loaded[R]:
        obj = self._live(session, record_id)
        values = {}
        for f in fields(self.record):  # type: ignore[arg-type]
            value = getattr(obj, f.name)
            # a NULL text column (an import, an older row) reads as the record's "" default
            values[f.name] = "" if value is None and f.default == "" else value
        # personal data masked unless the operator may see it (a viewer's dialog is read-only)
        return Loaded(obj.id, obj.version, record_for(session, self.record(**values)))

    def columns(self, data: R) -> dict[str, Any]:
        """The column values to store for a validated record."""
        return columns(data)  # type: ignore[arg-type]

    def create(self, session: Session, data: R) -> Loaded[R]:
        clean = data.validated()
        self.check(session, clean, None)
        obj = self.model(**self.columns(clean))
        session.add(obj)
        audit.record(session, "create", obj, None)
        return Loaded(obj.id, obj.version, clean)

    def update(self, session: Session, record_id: str, version: int, data: R) -> Loaded[R]:
        obj = live(session, self.model, record_id, self.what, version=version)
        clean = data.validated()
        self.check(session, clean, record_id)
        before = audit.snapshot(obj)
        for key, value in self.columns(clean).items():
            setattr(obj, key, value)
        if audit.snapshot(obj) != before:
            audit.record(session, "update", obj, before)
        return Loaded(obj.id, obj.version, clean)

    def delete(self, session: Session, record_id: str) -> None:
        obj = self._live(session, record_id)
        self.check_delete(session, obj)
        before = audit.snapshot(obj)
        obj.deleted_at = utcnow()  # type: ignore[attr-defined]
        audit.record(session, "delete", obj, before)

    def restore(self, session: Session, record_id: str) -> None:
        obj = stored(session, self.model, record_id, self.what)
        before = audit.snapshot(obj)
        obj.deleted_at = None  # type: ignore[attr-defined]
        audit.record(session, "restore", obj, before)

    def check_delete(self, session: Session, obj: M) -> None:
        """Refuse a delete that would leave live records pointing at nothing."""

    def _live(self, session: Session, record_id: str) -> M:
        return live(session, self.model, record_id, self.what)


class OrgUnits(Repository[OrgUnit, OrgUnitData]):
    model = OrgUnit
    record = OrgUnitData
    what = QT_TRANSLATE_NOOP("fields", "组织")

    def check(self, session: Session, data: OrgUnitData, record_id: str | None) -> None:
        if data.parent_id is not None:
            parent = self._live(session, data.parent_id)
            if record_id is not None and record_id in ancestor_ids(session, parent.id):
                raise ValidationError(
                    "parent_id",
                    Message(
                        "validation",
                        QT_TRANSLATE_NOOP("validation", "上级不能是它自己或它的下级。"),
                    ),
                )

    def check_delete(self, session: Session, obj: OrgUnit) -> None:
        children = session.scalar(
            select(func.count())
            .select_from(OrgUnit)
            .where(OrgUnit.parent_id == obj.id, OrgUnit.deleted_at.is_(None))
        )
        if children:
            raise refuse(
                QT_TRANSLATE_NOOP("errors", "“{name}”下还有{n}个下级组织，请先删除或移走它们。"),
                name=obj.name,
                n=children,
            )


class ResidentUnits(Repository[ResidentUnit, ResidentUnitData]):
    model = ResidentUnit
    record = ResidentUnitData
    what = QT_TRANSLATE_NOOP("fields", "驻区单位")

    def check(self, session: Session, data: ResidentUnitData, record_id: str | None) -> None:
        clash = session.scalar(
            select(ResidentUnit.id).where(
                ResidentUnit.name == data.name,
                ResidentUnit.deleted_at.is_(None),
                ResidentUnit.id != (record_id or ""),
            )
        )
        if clash:
            raise ValidationError(
                "name",
                Message(
                    "validation",
                    QT_TRANSLATE_NOOP("validation", "已有同名的驻区单位“{name}”，请改用全称。"),
                    name=data.name,
                ),
            )


class PartyOrgs(Repository[PartyOrg, PartyOrgData]):
    model = PartyOrg
    record = PartyOrgData
    what = QT_TRANSLATE_NOOP("fields", "党组织")


class People(Repository[Person, PersonData]):
    model = Person
    record = PersonData
    what = QT_TRANSLATE_NOOP("fields", "人员")

    def columns(self, data: PersonData) -> dict[str, Any]:
        # the ID number is unique: people without one store NULL, never ""
        return {**super().columns(data), "id_number": data.id_number or None}

    def check(self, session: Session, data: PersonData, record_id: str | None) -> None:
        problem = self._problems(session, [data], record_id).get(0)
        if problem is not None:
            raise problem

    def check_many(
        self, session: Session, records: Sequence[PersonData]
    ) -> dict[int, ValidationError]:
        return self._problems(session, records, None)

    def _problems(
        self, session: Session, records: Sequence[PersonData], record_id: str | None
    ) -> dict[int, ValidationError]:
        """An ID number is registered once (deleted people keep theirs); a grid worker
        belongs to a grid. Two queries for any number of records."""
        owners: dict[str, tuple[str, bool]] = {}  # ID number → (name, deleted)
        numbers = sorted({d.id_number for d in records if d.id_number})
        for part in in_lists(numbers):
            for number, name, deleted_at in session.execute(
                select(Person.id_number, Person.name, Person.deleted_at).where(
                    Person.id_number.in_(part), Person.id != (record_id or "")
                )
            ):
                owners[str(number)] = (name, deleted_at is not None)
        places = sorted({d.org_unit_id for d in records if d.is_grid_worker and d.org_unit_id})
        levels: dict[str, OrgLevel] = {}
        for part in in_lists(places):
            levels.update(
                dict(
                    session.execute(
                        select(OrgUnit.id, OrgUnit.level).where(OrgUnit.id.in_(part))
                    ).all()
                )
            )
        problems: dict[int, ValidationError] = {}
        for index, data in enumerate(records):
            if data.id_number in owners:
                name, deleted = owners[data.id_number]
                problems[index] = ValidationError(
                    "id_number",
                    Message(
                        "validation",
                        QT_TRANSLATE_NOOP(
                            "validation", "身份证号已登记在已删除的人员“{name}”名下，请核对。"
                        )
                        if deleted
                        else QT_TRANSLATE_NOOP(
                            "validation", "身份证号已登记在“{name}”名下，请核对。"
                        ),
                        name=name,
                    ),
                )
            elif (
                data.is_grid_worker
                and data.org_unit_id is not None
                and levels.get(data.org_unit_id) != OrgLevel.GRID
            ):
                problems[index] = ValidationError(
                    "org_unit_id",
                    Message(
                        "validation",
                        QT_TRANSLATE_NOOP("validation", "网格员的所在组织须是一个网格。"),
                    ),
                )
        return problems


def ancestor_ids(session: Session, org_unit_id: str) -> set[str]:
    """The org unit and every unit above it."""
    result: set[str] = set()
    current: str | None = org_unit_id
    while current is not None and current not in result:
        result.add(current)
        current = session.scalar(select(OrgUnit.parent_id).where(OrgUnit.id == current))
    return result


org_units = OrgUnits()
resident_units = ResidentUnits()
party_orgs = PartyOrgs()
people = People()
