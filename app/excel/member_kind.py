"""Importing in-service member registrations (在职党员报到), creating the members who are not
yet in the directory: the office's members sheet is imported once, not first as 人员 and then
again as 报到 in another layout."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.agreements.members import RegistrationData, register_member, register_new_members
from app.agreements.store import live_registration, record
from app.changes import Area
from app.directory.records import PersonData
from app.directory.service import people
from app.errors import UserError
from app.excel import cells
from app.excel.directory_kinds import COMMUNITY, PERSON, UNIT, labels
from app.excel.kind import Batch, Cells, Existing, ImportColumn, ImportKind, Staged
from app.excel.names import Names
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.validation import normalise_id_number
from db.models.agreements import MemberRegistration
from db.models.directory import Gender, OrgLevel

NEW_PERSON = "new:"  # identity prefix of a member who is created by the import


@dataclass(frozen=True)
class MemberRow:
    """A registration, and the member to add to the directory first when there is none."""

    registration: RegistrationData
    person: PersonData | None = None

    def person_key(self) -> str:
        """Who the member is: their id, or for a new member their ID number or name+unit."""
        if self.person is None:
            return self.registration.person_id or ""
        number = self.person.id_number
        return NEW_PERSON + (number or f"{self.person.name}/{self.person.employer_unit_id}")


class MemberImport(ImportKind[MemberRow]):
    key = "members"
    title = QT_TRANSLATE_NOOP("excel", "在职党员报到")
    area = Area.AGREEMENTS
    also_changes = (Area.DIRECTORY,)
    columns: ClassVar[tuple[ImportColumn, ...]] = (
        ImportColumn(
            "person_id",
            QT_TRANSLATE_NOOP("columns", "姓名"),
            "必填；系统中还没有的党员，导入时新建为人员",
            "李华",
            required=True,
            also=("name",),
        ),
        ImportColumn(
            "id_number",
            QT_TRANSLATE_NOOP("columns", "身份证号"),
            "可空；填写时按身份证号找人员，否则按姓名+工作单位",
            "11010519491231002X",
            as_text=True,
        ),
        ImportColumn(
            "gender",
            QT_TRANSLATE_NOOP("columns", "性别"),
            "男 或 女，可空；只用于新建的人员",
            "女",
            choices=labels(Gender),
        ),
        ImportColumn(
            "mobile",
            QT_TRANSLATE_NOOP("columns", "手机"),
            "11位手机号，可空；只用于新建的人员",
            "13912345678",
            as_text=True,
        ),
        ImportColumn(
            "employer_unit_id",
            QT_TRANSLATE_NOOP("columns", "工作单位"),
            "已有驻区单位的名称",
            "南京市鼓楼区某某研究院",
        ),
        ImportColumn(
            "post",
            QT_TRANSLATE_NOOP("columns", "职务"),
            "最多80字，可空；只用于新建的人员",
            "办公室主任",
        ),
        ImportColumn(
            "community_id",
            QT_TRANSLATE_NOOP("columns", "报到社区"),
            "必填：社区名称；同一人在同一社区报到按重复处理",
            "宁海路社区",
            required=True,
        ),
        ImportColumn(
            "registered_on",
            QT_TRANSLATE_NOOP("columns", "报到日期"),
            "必填：日期，如 2026-03-01",
            "2026-03-01",
            required=True,
        ),
    )

    def parse(self, row: Cells, names: Names) -> MemberRow:
        employer = row.named("employer_unit_id", names.resident_units, UNIT)
        registration = RegistrationData(
            person_id=None,
            community_id=row.named("community_id", names.org_units(OrgLevel.COMMUNITY), COMMUNITY),
            employer_unit_id=employer,
            registered_on=row.day("registered_on"),
        )
        found = self._person(row, names, employer)
        if found is not None:
            return MemberRow(replace(registration, person_id=found))
        person = PersonData(
            name=row.text("person_id"),
            gender=row.optional_member("gender", Gender),
            mobile=row.text("mobile"),
            id_number=row.id_text("id_number"),
            employer_unit_id=employer,
            post=row.text("post"),
            is_party_member=True,
        )
        return MemberRow(registration, person)

    def _person(self, row: Cells, names: Names, employer: str | None) -> str | None:
        """The member's id: by ID number when given, else by name within the employer unit;
        None when there is no such person yet."""
        number = normalise_id_number(row.id_text("id_number"))
        if number:
            found, field, key = names.people_by_id_number, "id_number", number
        else:
            key = row.text("person_id")
            found, field = names.people_of(employer or ""), "person_id"
        return cells.one_of(field, key, found, PERSON) if found.get(key) else None

    def validate(self, data: MemberRow) -> MemberRow:
        if data.person is None:
            return replace(data, registration=data.registration.validated())
        person = data.person.validated()  # ValidationError on name, id_number, mobile …
        replace(data.registration, person_id=NEW_PERSON).validated()
        return replace(data, person=person)

    def identity(self, data: MemberRow) -> tuple[Any, ...]:
        return (data.person_key(), data.registration.community_id)

    def existing(self, session: Session, data: MemberRow) -> Existing | None:
        if data.person is not None:
            return None  # a new member has no registration yet
        found = session.execute(
            select(MemberRegistration.id, MemberRegistration.version).where(
                MemberRegistration.person_id == data.registration.person_id,
                MemberRegistration.community_id == data.registration.community_id,
                MemberRegistration.deleted_at.is_(None),  # a removed one comes back as new
            )
        ).first()
        return Existing(found[0], found[1]) if found else None

    def create(self, session: Session, data: MemberRow) -> None:
        register_member(session, data.registration)

    def stage(self, session: Session, batch: Batch[MemberRow]) -> Staged:
        """New members are added to the directory (checked together, one INSERT), once
        each however many communities they register with, and registered with one INSERT;
        the members already there are registered through the service, row by row."""
        newcomers: dict[str, PersonData] = {}
        for _number, row in batch.creates:
            if row.person is not None:
                newcomers.setdefault(row.person_key(), row.person)
        keys = list(newcomers)
        refused = people.check_many(session, list(newcomers.values()))
        accepted = [key for index, key in enumerate(keys) if index not in refused]
        rows = people.new_rows([newcomers[key] for key in accepted])
        ids = {key: row["id"] for key, row in zip(accepted, rows, strict=True)}
        errors = {keys[index]: error for index, error in refused.items()}
        known: list[tuple[int, MemberRow]] = []  # members already in the directory
        joining: list[RegistrationData] = []  # the registrations of the members added now
        problems: dict[int, UserError] = {}
        for number, row in batch.creates:
            key = row.person_key()
            if row.person is None:
                known.append((number, row))
            elif key in ids:
                joining.append(replace(row.registration, person_id=ids[key]))
                batch.tick()
            else:
                problems[number] = errors[key]
                batch.tick()
        staged = super().stage(session, replace(batch, creates=known))
        staged.problems.update(problems)
        staged.note = _newcomers_note(len(rows))

        def write(writing: Session) -> None:
            people.insert_rows(writing, rows)
            register_new_members(writing, joining)

        staged.write = write
        return staged

    def update(
        self, session: Session, found: Existing, data: MemberRow, present: frozenset[str]
    ) -> None:
        registration = live_registration(session, found.id)
        clean = data.registration.validated()
        before = audit.snapshot(registration)
        if "employer_unit_id" in present:
            registration.employer_unit_id = clean.employer_unit_id
        assert clean.registered_on is not None
        registration.registered_on = clean.registered_on
        if audit.snapshot(registration) != before:
            record(session, "update", registration, before)


def _newcomers_note(count: int) -> Message | None:
    if not count:
        return None
    return Message(
        "excel",
        QT_TRANSLATE_NOOP("excel", "其中 {n} 人在系统中原来没有，同时新建为人员（党员）。"),
        n=count,
    )
