"""Agreement records as plain data, their validation and the area's settings."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.agreements.reckoning import BEHIND_MARGIN_DEFAULT, behind_margin
from app.errors import invalid
from app.i18n import QT_TRANSLATE_NOOP
from app.rows import session_query
from app.validation import check_length, check_required
from db.models.agreements import AgreementKind, JointActivity, PartySide
from db.models.security import Setting

CONTEXT = "validation"
EXPIRING_DAYS_KEY = "agreement_expiring_days"
EXPIRING_DAYS_DEFAULT = 30
UNCLAIMED_DAYS_KEY = "need_unclaimed_days"
UNCLAIMED_DAYS_DEFAULT = 30


def setting(session: Session, key: str, default: Any) -> Any:
    """A business setting's value, or ``default`` when it is not set."""
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return default if value is None else value


def expiring_days(session: Session) -> int:
    return int(setting(session, EXPIRING_DAYS_KEY, EXPIRING_DAYS_DEFAULT))


def unclaimed_days(session: Session) -> int:
    return int(setting(session, UNCLAIMED_DAYS_KEY, UNCLAIMED_DAYS_DEFAULT))


@dataclass(frozen=True)
class AgreementSettings:
    """How near its end an agreement counts as 即将到期, and by how many percentage points
    the done share may lag the year's elapsed share before a commitment is behind."""

    expiring_days: int = EXPIRING_DAYS_DEFAULT
    behind_percent: int = round(BEHIND_MARGIN_DEFAULT * 100)

    def validated(self) -> AgreementSettings:
        if not 1 <= self.expiring_days <= 365:
            raise invalid(
                "expiring_days", QT_TRANSLATE_NOOP("validation", "到期提醒天数应在1到365之间。")
            )
        if not 0 <= self.behind_percent <= 100:
            raise invalid(
                "behind_percent",
                QT_TRANSLATE_NOOP("validation", "进度落后的容差应在0到100个百分点之间。"),
            )
        return self


def agreement_settings(session: Session) -> AgreementSettings:
    margin = behind_margin(session_query(session))
    return AgreementSettings(expiring_days(session), round(margin * 100))


@dataclass(frozen=True)
class PartyRef:
    """One signatory: exactly one of the three ids."""

    side: PartySide
    org_unit_id: str | None = None
    resident_unit_id: str | None = None
    party_org_id: str | None = None

    @property
    def ref_id(self) -> str:
        ref = self.org_unit_id or self.resident_unit_id or self.party_org_id
        assert ref is not None
        return ref


@dataclass(frozen=True)
class AgreementData:
    kind: AgreementKind | None = None
    number: str = ""
    title: str = ""
    parties: tuple[PartyRef, ...] = ()
    signed_on: date | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    summary: str = ""

    def validated(self) -> AgreementData:
        if self.kind is None:
            raise invalid("kind", QT_TRANSLATE_NOOP("validation", "请选择协议类型。"))
        number = check_required("number", self.number, QT_TRANSLATE_NOOP("fields", "协议编号"), 40)
        title = check_required("title", self.title, QT_TRANSLATE_NOOP("fields", "协议名称"), 200)
        _check_parties(self.parties)
        if self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            raise invalid(
                "valid_to", QT_TRANSLATE_NOOP("validation", "有效期至不能早于有效期起始日期。")
            )
        summary = check_length(
            "summary", self.summary, QT_TRANSLATE_NOOP("fields", "内容摘要"), 4000
        )
        return replace(self, number=number, title=title, summary=summary)


def _check_parties(parties: tuple[PartyRef, ...]) -> None:
    seen: set[str] = set()
    for party in parties:
        ids = [party.org_unit_id, party.resident_unit_id, party.party_org_id]
        if sum(i is not None for i in ids) != 1:
            raise invalid("parties", QT_TRANSLATE_NOOP("validation", "每个签约方只能选一个单位。"))
        if party.side is PartySide.STREET_SIDE and party.org_unit_id is None:
            raise invalid("parties", QT_TRANSLATE_NOOP("validation", "街道一方应为街道或社区。"))
        if party.side is PartySide.PARTNER_SIDE and party.org_unit_id is not None:
            raise invalid(
                "parties", QT_TRANSLATE_NOOP("validation", "共建一方应为驻区单位或党支部。")
            )
        if party.ref_id in seen:
            raise invalid("parties", QT_TRANSLATE_NOOP("validation", "同一签约方不能重复添加。"))
        seen.add(party.ref_id)
    sides = {p.side for p in parties}
    if PartySide.STREET_SIDE not in sides:
        raise invalid(
            "parties", QT_TRANSLATE_NOOP("validation", "请至少添加一个街道或社区签约方。")
        )
    if PartySide.PARTNER_SIDE not in sides:
        raise invalid(
            "parties", QT_TRANSLATE_NOOP("validation", "请至少添加一个驻区单位或党支部签约方。")
        )


@dataclass(frozen=True)
class CommitmentData:
    activity: JointActivity | None = None
    text: str = ""
    responsible_party_id: str | None = None  # an agreement_parties id
    yearly_target: int = 1
    due_on: date | None = None

    def validated(self) -> CommitmentData:
        if self.activity is None:
            raise invalid("activity", QT_TRANSLATE_NOOP("validation", "请选择承诺事项。"))
        label = QT_TRANSLATE_NOOP("fields", "承诺内容")
        if self.activity is JointActivity.OTHER:
            text = check_required("text", self.text, label, 200)
        else:
            text = check_length("text", self.text, label, 200)
        if not 1 <= self.yearly_target <= 999:
            raise invalid(
                "yearly_target", QT_TRANSLATE_NOOP("validation", "年度目标次数应在1到999之间。")
            )
        return replace(self, text=text)


@dataclass(frozen=True)
class FulfilmentData:
    held_on: date | None = None
    activity: JointActivity | None = None
    commitment_id: str | None = None
    participants: int = 0
    hours: Decimal = field(default_factory=lambda: Decimal(0))
    place: str = ""
    note: str = ""

    def validated(self) -> FulfilmentData:
        if self.held_on is None:
            raise invalid("held_on", QT_TRANSLATE_NOOP("validation", "请填写活动日期。"))
        if self.activity is None:
            raise invalid("activity", QT_TRANSLATE_NOOP("validation", "请选择活动类别。"))
        if self.participants < 0:
            raise invalid("participants", QT_TRANSLATE_NOOP("validation", "参加人数不能为负数。"))
        if self.hours < 0 or self.hours > Decimal("9999"):
            raise invalid("hours", QT_TRANSLATE_NOOP("validation", "时长应在0到9999小时之间。"))
        place = check_length("place", self.place, QT_TRANSLATE_NOOP("fields", "地点"), 200)
        return replace(self, place=place, note=self.note.strip())
