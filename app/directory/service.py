"""Directory use cases: create, read, update, soft-delete and restore, each audited."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.access import record_for
from app.directory.records import OrgUnitData, PartyOrgData, PersonData, ResidentUnitData
from app.errors import ConflictError, UserError, ValidationError, not_found
from app.i18n import QT_TRANSLATE_NOOP, Message
from db.base import Entity, utcnow
from db.models.directory import OrgLevel, OrgUnit, PartyOrg, Person, ResidentUnit


class Record(Protocol):
    def validated(self) -> Any: ...


R = TypeVar("R", bound=Record)
M = TypeVar("M", bound=Entity)


@dataclass(frozen=True)
class Loaded(Generic[R]):
    """A record as read, with the version its edit must be saved against."""

    id: str
    version: int
    data: R


class Repository(Generic[M, R]):
    """The CRUD every directory kind shares; subclasses add their own cross-row checks."""

    model: type[M]
    record: type[R]
    what: str  # a QT_TRANSLATE_NOOP("fields", …) name for messages

    def check(self, session: Session, data: R, record_id: str | None) -> None:
        """Checks that need the database (uniqueness, references); raise ValidationError."""

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
        return asdict(data)  # type: ignore[call-overload, no-any-return]

    def create(self, session: Session, data: R) -> Loaded[R]:
        clean = data.validated()
        self.check(session, clean, None)
        obj = self.model(**self.columns(clean))
        session.add(obj)
        audit.record(session, "create", obj, None)
        return Loaded(obj.id, obj.version, clean)

    def update(self, session: Session, record_id: str, version: int, data: R) -> Loaded[R]:
        obj = self._live(session, record_id)
        if obj.version != version:
            raise ConflictError.stale()
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
        obj = session.get(self.model, record_id)
        if obj is None:
            raise not_found(self.what, record_id)
        before = audit.snapshot(obj)
        obj.deleted_at = None  # type: ignore[attr-defined]
        audit.record(session, "restore", obj, before)

    def check_delete(self, session: Session, obj: M) -> None:
        """Refuse a delete that would leave live records pointing at nothing."""

    def _live(self, session: Session, record_id: str) -> M:
        obj = session.get(self.model, record_id)
        if obj is None or obj.deleted_at is not None:  # type: ignore[attr-defined]
            raise not_found(self.what, record_id)
        return obj


def _refuse(message: str, **params: object) -> UserError:
    return UserError(Message("errors", message, **params))


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
            raise _refuse(
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
        return {**asdict(data), "id_number": data.id_number or None}

    def check(self, session: Session, data: PersonData, record_id: str | None) -> None:
        if data.id_number:
            other = session.scalar(
                select(Person).where(
                    Person.id_number == data.id_number, Person.id != (record_id or "")
                )
            )
            if other is not None:
                raise ValidationError(
                    "id_number",
                    Message(
                        "validation",
                        QT_TRANSLATE_NOOP(
                            "validation", "身份证号已登记在已删除的人员“{name}”名下，请核对。"
                        )
                        if other.deleted_at is not None
                        else QT_TRANSLATE_NOOP(
                            "validation", "身份证号已登记在“{name}”名下，请核对。"
                        ),
                        name=other.name,
                    ),
                )
        if data.is_grid_worker and data.org_unit_id is not None:
            level = session.scalar(select(OrgUnit.level).where(OrgUnit.id == data.org_unit_id))
            if level != OrgLevel.GRID:
                raise ValidationError(
                    "org_unit_id",
                    Message(
                        "validation",
                        QT_TRANSLATE_NOOP("validation", "网格员的所在组织须是一个网格。"),
                    ),
                )


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
