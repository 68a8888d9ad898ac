"""What the directory's edit dialogs show and save: plain dataclasses, validated here."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeVar

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.validation import (
    check_id_number,
    check_length,
    check_mobile,
    check_required,
    half_width,
)
from db.models.directory import Gender, OrgLevel, PartyOrgKind, UnitCategory

PHONE_CHARS = set("0123456789-+ ()")
Record = TypeVar("Record")


@dataclass(frozen=True)
class OrgUnitData:
    name: str
    level: OrgLevel
    parent_id: str | None = None
    code: str = ""

    def validated(self) -> OrgUnitData:
        return replace(
            self,
            name=check_required("name", self.name, QT_TRANSLATE_NOOP("fields", "名称"), 100),
            code=check_length("code", self.code, QT_TRANSLATE_NOOP("fields", "编码"), 30),
        )


@dataclass(frozen=True)
class ResidentUnitData:
    name: str
    category: UnitCategory
    org_unit_id: str | None = None
    address: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    note: str = ""

    def validated(self) -> ResidentUnitData:
        phone = half_width(self.contact_phone).strip()
        if phone and (not set(phone) <= PHONE_CHARS or sum(c.isdigit() for c in phone) < 7):
            raise ValidationError(
                "contact_phone",
                Message(
                    "validation",
                    QT_TRANSLATE_NOOP(
                        "validation",
                        "联系电话只能包含数字和“-”，例如 025-83301234 或 13912345678。",
                    ),
                ),
            )
        return replace(
            self,
            name=check_required("name", self.name, QT_TRANSLATE_NOOP("fields", "单位名称"), 120),
            address=check_length("address", self.address, QT_TRANSLATE_NOOP("fields", "地址"), 200),
            contact_name=check_length(
                "contact_name",
                self.contact_name,
                QT_TRANSLATE_NOOP("fields", "联系人"),
                50,
            ),
            contact_phone=phone,
        )


@dataclass(frozen=True)
class PartyOrgData:
    name: str
    kind: PartyOrgKind
    resident_unit_id: str | None = None
    org_unit_id: str | None = None
    parent_id: str | None = None
    secretary_id: str | None = None
    member_count: int = 0

    def validated(self) -> PartyOrgData:
        if (self.resident_unit_id is None) == (self.org_unit_id is None):
            raise ValidationError(
                "resident_unit_id",
                Message(
                    "validation",
                    QT_TRANSLATE_NOOP(
                        "validation", "请选择党组织所属的驻区单位或街道社区（二者选一）。"
                    ),
                ),
            )
        if self.member_count < 0:
            raise ValidationError(
                "member_count",
                Message("validation", QT_TRANSLATE_NOOP("validation", "党员人数不能为负数。")),
            )
        return replace(
            self,
            name=check_required("name", self.name, QT_TRANSLATE_NOOP("fields", "党组织名称"), 120),
        )


@dataclass(frozen=True)
class PersonData:
    name: str
    gender: Gender | None = None
    mobile: str = ""
    id_number: str = ""
    employer_unit_id: str | None = None
    org_unit_id: str | None = None
    post: str = ""
    is_party_member: bool = False
    party_org_id: str | None = None
    is_grid_worker: bool = False
    note: str = ""

    def validated(self) -> PersonData:
        if self.is_grid_worker and self.org_unit_id is None:
            raise ValidationError(
                "org_unit_id",
                Message(
                    "validation",
                    QT_TRANSLATE_NOOP("validation", "网格员须选择所在网格。"),
                ),
            )
        if self.party_org_id is not None and not self.is_party_member:
            raise ValidationError(
                "is_party_member",
                Message(
                    "validation",
                    QT_TRANSLATE_NOOP(
                        "validation", "选择了所在党组织，请勾选“党员”，或清空党组织。"
                    ),
                ),
            )
        return replace(
            self,
            name=check_required("name", self.name, QT_TRANSLATE_NOOP("fields", "姓名"), 50),
            mobile=check_mobile("mobile", self.mobile) if self.mobile.strip() else "",
            id_number=check_id_number("id_number", self.id_number)
            if self.id_number.strip()
            else "",
            post=check_length("post", self.post, QT_TRANSLATE_NOOP("fields", "职务"), 80),
        )
