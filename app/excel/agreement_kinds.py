"""Importing in-service member registrations (在职党员报到) and agreements with their parties."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.agreements.members import RegistrationData, register_member
from app.agreements.records import AgreementData, PartyRef
from app.agreements.service import add_agreement, get_agreement, save_agreement
from app.agreements.store import live_registration, record
from app.excel import cells
from app.excel.directory_kinds import COMMUNITY, PERSON, UNIT, labels
from app.excel.kind import Cells, Existing, ImportColumn, ImportKind, keep_missing
from app.excel.names import Names
from app.i18n import QT_TRANSLATE_NOOP
from app.validation import normalise_id_number
from db.models.agreements import Agreement, AgreementKind, MemberRegistration, PartySide
from db.models.directory import OrgLevel, Person

PARTY = QT_TRANSLATE_NOOP("fields", "签约方")
STREET_SIDE = QT_TRANSLATE_NOOP("fields", "街道或社区")
SEPARATORS = re.compile(r"[、，,；;\n]+")


class MemberImport(ImportKind[RegistrationData]):
    key = "members"
    title = QT_TRANSLATE_NOOP("excel", "在职党员报到")
    area = "agreements"
    columns: ClassVar[tuple[ImportColumn, ...]] = (
        ImportColumn(
            "person_id",
            QT_TRANSLATE_NOOP("columns", "姓名"),
            "必填：系统中已有人员的姓名",
            "李华",
            required=True,
        ),
        ImportColumn(
            "id_number",
            QT_TRANSLATE_NOOP("columns", "身份证号"),
            "可空；填写时按身份证号找人员，否则按姓名+工作单位",
            "11010519491231002X",
            as_text=True,
        ),
        ImportColumn(
            "employer_unit_id",
            QT_TRANSLATE_NOOP("columns", "工作单位"),
            "已有驻区单位的名称",
            "南京市鼓楼区某某研究院",
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

    def parse(self, row: Cells, names: Names) -> RegistrationData:
        employer = cells.one_of(
            "employer_unit_id", row.text("employer_unit_id"), names.resident_units, UNIT
        )
        return RegistrationData(
            person_id=self._person(row, names, employer),
            community_id=cells.one_of(
                "community_id",
                row.text("community_id"),
                names.org_units(OrgLevel.COMMUNITY),
                COMMUNITY,
            ),
            employer_unit_id=employer,
            registered_on=cells.day("registered_on", row["registered_on"]),
        )

    def _person(self, row: Cells, names: Names, employer: str | None) -> str | None:
        """The member: by ID number when given, else by name within the employer unit."""
        name = row.text("person_id")
        number = normalise_id_number(cells.id_text("id_number", row["id_number"]))
        found = select(Person.id).where(Person.deleted_at.is_(None))
        if number:
            found = found.where(Person.id_number == number)
            field = "id_number"
        else:
            found = found.where(Person.name == name, Person.employer_unit_id == employer)
            field = "person_id"
        key = number or name
        ids = list(names.session.scalars(found.limit(2))) if key else []
        return cells.one_of(field, key, {key: ids}, PERSON)

    def identity(self, data: RegistrationData) -> tuple[Any, ...]:
        return (data.person_id, data.community_id)

    def existing(self, session: Session, data: RegistrationData) -> Existing | None:
        found = session.execute(
            select(MemberRegistration.id, MemberRegistration.version).where(
                MemberRegistration.person_id == data.person_id,
                MemberRegistration.community_id == data.community_id,
                MemberRegistration.deleted_at.is_(None),  # a removed one comes back as new
            )
        ).first()
        return Existing(found[0], found[1]) if found else None

    def create(self, session: Session, data: RegistrationData) -> None:
        register_member(session, data)

    def update(
        self, session: Session, found: Existing, data: RegistrationData, present: frozenset[str]
    ) -> None:
        registration = live_registration(session, found.id)
        clean = data.validated()
        before = audit.snapshot(registration)
        if "employer_unit_id" in present:
            registration.employer_unit_id = clean.employer_unit_id
        assert clean.registered_on is not None
        registration.registered_on = clean.registered_on
        if audit.snapshot(registration) != before:
            record(session, "update", registration, before)


class AgreementImport(ImportKind[AgreementData]):
    key = "agreements"
    title = QT_TRANSLATE_NOOP("excel", "共建协议")
    area = "agreements"
    columns: ClassVar[tuple[ImportColumn, ...]] = (
        ImportColumn(
            "number",
            QT_TRANSLATE_NOOP("columns", "协议编号"),
            "必填；与已有协议编号相同的按重复处理",
            "GJ2026-NHL-001",
            required=True,
        ),
        ImportColumn(
            "kind",
            QT_TRANSLATE_NOOP("columns", "类型"),
            "必填：共建协议、双向服务协议、支部结对共建",
            "共建协议",
            required=True,
            choices=labels(AgreementKind),
        ),
        ImportColumn(
            "title",
            QT_TRANSLATE_NOOP("columns", "协议名称"),
            "必填，最多200字",
            "宁海路街道与某某研究院党建共建协议",
            required=True,
        ),
        ImportColumn(
            "street_side",
            QT_TRANSLATE_NOOP("columns", "街道方"),
            "必填：街道或社区的名称，多个用“、”分隔",
            "宁海路街道",
            required=True,
            also=("parties",),
        ),
        ImportColumn(
            "partner_side",
            QT_TRANSLATE_NOOP("columns", "共建方"),
            "必填：驻区单位或党组织的名称，多个用“、”分隔",
            "南京市鼓楼区某某研究院",
            required=True,
        ),
        ImportColumn(
            "signed_on",
            QT_TRANSLATE_NOOP("columns", "签订日期"),
            "日期，可空",
            "2026-03-01",
        ),
        ImportColumn(
            "valid_from",
            QT_TRANSLATE_NOOP("columns", "有效期起"),
            "日期，可空",
            "2026-03-01",
        ),
        ImportColumn(
            "valid_to",
            QT_TRANSLATE_NOOP("columns", "有效期至"),
            "日期，不早于有效期起",
            "2028-02-28",
        ),
        ImportColumn(
            "summary",
            QT_TRANSLATE_NOOP("columns", "内容摘要"),
            "可空",
            "",
        ),
    )

    def parse(self, row: Cells, names: Names) -> AgreementData:
        streets = names.org_units(OrgLevel.STREET, OrgLevel.COMMUNITY)
        parties = [
            PartyRef(
                PartySide.STREET_SIDE,
                org_unit_id=cells.one_of("street_side", name, streets, STREET_SIDE),
            )
            for name in _names(row.text("street_side"))
        ]
        for name in _names(row.text("partner_side")):
            if name in names.resident_units or name not in names.party_orgs:
                unit = cells.one_of("partner_side", name, names.resident_units, PARTY)
                parties.append(PartyRef(PartySide.PARTNER_SIDE, resident_unit_id=unit))
            else:
                org = cells.one_of("partner_side", name, names.party_orgs, PARTY)
                parties.append(PartyRef(PartySide.PARTNER_SIDE, party_org_id=org))
        return AgreementData(
            kind=cells.enum_value("kind", row["kind"], AgreementKind),
            number=row.text("number"),
            title=row.text("title"),
            parties=tuple(parties),
            signed_on=cells.day("signed_on", row["signed_on"]),
            valid_from=cells.day("valid_from", row["valid_from"], planned=True),
            valid_to=cells.day("valid_to", row["valid_to"], planned=True),
            summary=row.text("summary"),
        )

    def identity(self, data: AgreementData) -> tuple[Any, ...]:
        return (data.number.strip(),)

    def existing(self, session: Session, data: AgreementData) -> Existing | None:
        found = session.execute(
            select(Agreement.id, Agreement.version).where(
                Agreement.number == data.number.strip(), Agreement.deleted_at.is_(None)
            )
        ).first()
        return Existing(found[0], found[1]) if found else None

    def create(self, session: Session, data: AgreementData) -> None:
        add_agreement(session, data)

    def update(
        self, session: Session, found: Existing, data: AgreementData, present: frozenset[str]
    ) -> None:
        stored = get_agreement(session, found.id).data
        save_agreement(session, found.id, found.version, keep_missing(stored, data, present))


def _names(text: str) -> list[str]:
    return [name.strip() for name in SEPARATORS.split(text) if name.strip()]
