"""Importing agreements (共建协议) with their parties."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.agreements.records import AgreementData, PartyRef
from app.agreements.service import add_agreement, get_agreement, save_agreement
from app.changes import Area
from app.excel import cells
from app.excel.directory_kinds import labels
from app.excel.kind import Cells, Existing, ImportColumn, ImportKind, keep_missing
from app.excel.names import Names
from app.i18n import QT_TRANSLATE_NOOP
from db.models.agreements import Agreement, AgreementKind, PartySide
from db.models.directory import OrgLevel

PARTY = QT_TRANSLATE_NOOP("fields", "签约方")
STREET_SIDE = QT_TRANSLATE_NOOP("fields", "街道或社区")
SEPARATORS = re.compile(r"[、，,；;\n]+")


class AgreementImport(ImportKind[AgreementData]):
    key = "agreements"
    title = QT_TRANSLATE_NOOP("excel", "共建协议")
    area = Area.AGREEMENTS
    columns: ClassVar[tuple[ImportColumn, ...]] = (
        ImportColumn(
            "number",
            QT_TRANSLATE_NOOP("columns", "协议编号"),
            "必填；与已有协议编号相同的按重复处理",
            "GJ2026-NHL-001",
            required=True,
        ),
        ImportColumn.required_choice(
            "kind", QT_TRANSLATE_NOOP("columns", "类型"), labels(AgreementKind), "共建协议"
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
            kind=row.member("kind", AgreementKind),
            number=row.text("number"),
            title=row.text("title"),
            parties=tuple(parties),
            signed_on=row.day("signed_on"),
            valid_from=row.day("valid_from", planned=True),
            valid_to=row.day("valid_to", planned=True),
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
