"""Importing the directory: resident units (驻区单位), party organisations (党组织), people."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum
from typing import Any, ClassVar, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.changes import Area
from app.directory.records import PartyOrgData, PersonData, ResidentUnitData
from app.directory.service import Record, Repository, in_lists, party_orgs, people, resident_units
from app.excel import cells
from app.excel.kind import Batch, Cells, Existing, ImportColumn, ImportKind, Staged, keep_missing
from app.excel.names import Names
from app.i18n import QT_TRANSLATE_NOOP
from app.labels import label
from app.validation import normalise_id_number
from db.models.directory import Gender, OrgLevel, PartyOrg, PartyOrgKind, Person, ResidentUnit
from db.models.directory import UnitCategory as Category

COMMUNITY = QT_TRANSLATE_NOOP("fields", "社区")
ORG_UNIT = QT_TRANSLATE_NOOP("fields", "组织")
UNIT = QT_TRANSLATE_NOOP("fields", "驻区单位")
OWNER = QT_TRANSLATE_NOOP("fields", "单位或组织")
PERSON = QT_TRANSLATE_NOOP("fields", "人员")
YES_NO = ("是", "否")

R = TypeVar("R", bound=Record)


def labels(enum: type[StrEnum]) -> tuple[str, ...]:
    """The Chinese labels of an enum's members: what a cell may hold, as the drop-down
    offers them."""
    return tuple(label(member) for member in enum)


def _existing(session: Session, stmt: Any) -> Existing | None:
    found = session.execute(stmt.limit(1)).first()
    return Existing(found[0], found[1]) if found else None


class DirectoryImport(ImportKind[R]):
    """A directory record, created and saved over through its repository."""

    repository: Repository[Any, R]

    def create(self, session: Session, data: R) -> None:
        self.repository.create(session, data)

    def update(self, session: Session, found: Existing, data: R, present: frozenset[str]) -> None:
        stored = self.repository.get(session, found.id).data
        self.repository.update(
            session, found.id, found.version, keep_missing(stored, data, present)
        )


class ResidentUnitImport(DirectoryImport[ResidentUnitData]):
    key = "units"
    title = QT_TRANSLATE_NOOP("excel", "驻区单位")
    area = Area.DIRECTORY
    repository = resident_units
    columns: ClassVar[tuple[ImportColumn, ...]] = (
        ImportColumn(
            "name",
            QT_TRANSLATE_NOOP("columns", "单位名称"),
            "必填，全称；与已有单位同名的按重复处理",
            "南京市鼓楼区某某研究院",
            required=True,
        ),
        ImportColumn.required_choice(
            "category", QT_TRANSLATE_NOOP("columns", "类别"), labels(Category), "科研院所"
        ),
        ImportColumn(
            "org_unit_id",
            QT_TRANSLATE_NOOP("columns", "所在社区"),
            "系统中已有的社区名称",
            "宁海路社区",
        ),
        ImportColumn(
            "contact_name",
            QT_TRANSLATE_NOOP("columns", "联系人"),
            "最多50字",
            "王明",
        ),
        ImportColumn(
            "contact_phone",
            QT_TRANSLATE_NOOP("columns", "联系电话"),
            "数字和“-”，如 025-83301234",
            "025-83301234",
            as_text=True,
        ),
        ImportColumn(
            "address",
            QT_TRANSLATE_NOOP("columns", "地址"),
            "最多200字",
            "宁海路122号",
        ),
        ImportColumn("note", QT_TRANSLATE_NOOP("columns", "备注"), "可空", ""),
    )

    def parse(self, row: Cells, names: Names) -> ResidentUnitData:
        category = row.member("category", Category)
        return ResidentUnitData(
            name=row.text("name"),
            category=category,
            org_unit_id=row.named("org_unit_id", names.org_units(OrgLevel.COMMUNITY), COMMUNITY),
            address=row.text("address"),
            contact_name=row.text("contact_name"),
            contact_phone=row.text("contact_phone"),
            note=row.text("note"),
        )

    def identity(self, data: ResidentUnitData) -> tuple[Any, ...]:
        return (data.name.strip(),)

    def existing(self, session: Session, data: ResidentUnitData) -> Existing | None:
        return _existing(
            session,
            select(ResidentUnit.id, ResidentUnit.version).where(
                ResidentUnit.name == data.name.strip(), ResidentUnit.deleted_at.is_(None)
            ),
        )


class PartyOrgImport(DirectoryImport[PartyOrgData]):
    key = "party-orgs"
    title = QT_TRANSLATE_NOOP("excel", "党组织")
    area = Area.DIRECTORY
    repository = party_orgs
    columns: ClassVar[tuple[ImportColumn, ...]] = (
        ImportColumn(
            "name",
            QT_TRANSLATE_NOOP("columns", "党组织名称"),
            "必填；同一单位下同名的按重复处理",
            "中共某某研究院委员会",
            required=True,
        ),
        ImportColumn.required_choice(
            "kind", QT_TRANSLATE_NOOP("columns", "类型"), labels(PartyOrgKind), "党委"
        ),
        ImportColumn(
            "resident_unit_id",
            QT_TRANSLATE_NOOP("columns", "所属单位或组织"),
            "必填：已有驻区单位的名称，或街道、社区的名称",
            "南京市鼓楼区某某研究院",
            required=True,
            also=("org_unit_id",),
        ),
        ImportColumn(
            "secretary_id",
            QT_TRANSLATE_NOOP("columns", "书记"),
            "系统中已有人员的姓名，可空",
            "",
        ),
        ImportColumn(
            "member_count",
            QT_TRANSLATE_NOOP("columns", "党员数"),
            "整数，可空",
            "35",
        ),
    )

    def parse(self, row: Cells, names: Names) -> PartyOrgData:
        kind = row.member("kind", PartyOrgKind)
        owner = row.text("resident_unit_id")
        unit_id = org_id = None
        if owner in names.resident_units or owner not in names.org_units():
            unit_id = cells.one_of("resident_unit_id", owner, names.resident_units, OWNER)
        else:
            org_id = cells.one_of(
                "resident_unit_id", owner, names.org_units(), OWNER, cells.PATH_HINT
            )
        secretary = row.text("secretary_id")
        colleagues = names.people_of(unit_id)
        return PartyOrgData(
            name=row.text("name"),
            kind=kind,
            resident_unit_id=unit_id,
            org_unit_id=org_id,
            secretary_id=cells.one_of(  # the unit's own people first: names repeat
                "secretary_id",
                secretary,
                colleagues if secretary in colleagues else names.people,
                PERSON,
            ),
            member_count=row.count("member_count"),
        )

    def identity(self, data: PartyOrgData) -> tuple[Any, ...]:
        return (data.name.strip(), data.resident_unit_id, data.org_unit_id)

    def existing(self, session: Session, data: PartyOrgData) -> Existing | None:
        owner = (
            PartyOrg.resident_unit_id == data.resident_unit_id
            if data.resident_unit_id
            else PartyOrg.org_unit_id == data.org_unit_id
        )
        return _existing(
            session,
            select(PartyOrg.id, PartyOrg.version).where(
                PartyOrg.name == data.name.strip(), owner, PartyOrg.deleted_at.is_(None)
            ),
        )


class PersonImport(DirectoryImport[PersonData]):
    key = "people"
    title = QT_TRANSLATE_NOOP("excel", "人员")
    area = Area.DIRECTORY
    repository = people
    columns: ClassVar[tuple[ImportColumn, ...]] = (
        ImportColumn(
            "name",
            QT_TRANSLATE_NOOP("columns", "姓名"),
            "必填",
            "李华",
            required=True,
        ),
        ImportColumn(
            "gender",
            QT_TRANSLATE_NOOP("columns", "性别"),
            "男 或 女，可空",
            "女",
            choices=labels(Gender),
        ),
        ImportColumn(
            "mobile",
            QT_TRANSLATE_NOOP("columns", "手机"),
            "11位手机号，可空",
            "13912345678",
            as_text=True,
        ),
        ImportColumn(
            "id_number",
            QT_TRANSLATE_NOOP("columns", "身份证号"),
            "18位，请把单元格设为文本；已登记的身份证号按重复处理",
            "11010519491231002X",
            as_text=True,
        ),
        ImportColumn(
            "employer_unit_id",
            QT_TRANSLATE_NOOP("columns", "工作单位"),
            "已有驻区单位的名称；无身份证号时，姓名+工作单位相同按重复处理",
            "南京市鼓楼区某某研究院",
        ),
        ImportColumn(
            "post",
            QT_TRANSLATE_NOOP("columns", "职务"),
            "最多80字",
            "办公室主任",
        ),
        ImportColumn(
            "org_unit_id",
            QT_TRANSLATE_NOOP("columns", "所在社区网格"),
            "社区名，或“社区/网格”，如 宁海路社区/第一网格",
            "宁海路社区",
        ),
        ImportColumn(
            "is_party_member",
            QT_TRANSLATE_NOOP("columns", "党员"),
            "是 或 否（空为否）",
            "是",
            choices=YES_NO,
        ),
        ImportColumn(
            "is_grid_worker",
            QT_TRANSLATE_NOOP("columns", "网格员"),
            "是 或 否（空为否）；网格员须填所在网格",
            "否",
            choices=YES_NO,
        ),
        ImportColumn("note", QT_TRANSLATE_NOOP("columns", "备注"), "可空", ""),
    )

    def parse(self, row: Cells, names: Names) -> PersonData:
        return PersonData(
            name=row.text("name"),
            gender=row.optional_member("gender", Gender),
            mobile=row.text("mobile"),
            id_number=row.id_text("id_number"),
            employer_unit_id=row.named("employer_unit_id", names.resident_units, UNIT),
            org_unit_id=row.named("org_unit_id", names.org_units(), ORG_UNIT, cells.PATH_HINT),
            post=row.text("post"),
            is_party_member=row.flag("is_party_member"),
            is_grid_worker=row.flag("is_grid_worker"),
            note=row.text("note"),
        )

    def identity(self, data: PersonData) -> tuple[Any, ...]:
        number = normalise_id_number(data.id_number)
        return (number,) if number else (data.name.strip(), data.employer_unit_id)

    def existing(self, session: Session, data: PersonData) -> Existing | None:
        return self.find_existing(session, [data])[0]

    def find_existing(self, session: Session, records: list[PersonData]) -> list[Existing | None]:
        """The live person each record duplicates: the one with its ID number, else the one
        of the same name at the same employer. A few queries for any number of records."""
        live = select(Person.id, Person.version).where(Person.deleted_at.is_(None))
        by_number: dict[str, Existing] = {}
        numbers = sorted({n for d in records if (n := normalise_id_number(d.id_number))})
        for part in in_lists(numbers):
            for found, version, number in session.execute(
                live.add_columns(Person.id_number).where(Person.id_number.in_(part))
            ):
                by_number[number] = Existing(found, version)
        by_name: dict[tuple[str, str | None], Existing] = {}
        unnumbered = sorted({d.name.strip() for d in records if not d.id_number.strip()})
        for part in in_lists(unnumbered):
            for found, version, name, unit in session.execute(
                live.add_columns(Person.name, Person.employer_unit_id)
                .where(Person.name.in_(part))
                .order_by(Person.created_at)
            ):
                by_name.setdefault((name, unit), Existing(found, version))
        return [
            by_number.get(number)
            if (number := normalise_id_number(d.id_number))
            else by_name.get((d.name.strip(), d.employer_unit_id))
            for d in records
        ]

    def stage(self, session: Session, batch: Batch[PersonData]) -> Staged:
        """New people are checked together and written with one INSERT: 20,000 rows in a
        few seconds, the write lock held for well under one."""
        staged = super().stage(session, replace(batch, creates=[]))
        clean = [data for _number, data in batch.creates]  # validated when planned
        refused = people.check_many(session, clean)
        for index, error in refused.items():
            staged.problems[batch.creates[index][0]] = error
        rows = people.new_rows([d for index, d in enumerate(clean) if index not in refused])
        staged.write = lambda writing: people.insert_rows(writing, rows)
        for _ in batch.creates:
            batch.tick()
        return staged
