"""Erasing a person's personal data on request (PIPL art. 47): the ID number, phone and address
of a person, a resident unit's contact or an issue's reporter, from the record and from every
audit entry that holds them.

In the audit log each value becomes ``{"erased": digest}``, the salted digest the entry's hash
was made with (app/audit_chain.py), and the entry's salt is cleared: the chain still verifies,
and nothing left can be tried against a list of ID numbers. The erasure itself is an audit
entry naming the fields and the reason, never the values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from app import audit
from app.access import write_refusal
from app.audit_chain import ERASED, digest, is_erased
from app.errors import UserError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, Message, field_label
from app.operator import Operator
from app.personal_data import PERSONAL_FIELDS
from app.store import stored
from app.validation import half_width
from db.base import Entity
from db.models.directory import Person, ResidentUnit
from db.models.issues import Issue
from db.models.security import AuditEntry

CONTEXT = "erasure"
ERASABLE: Mapping[str, tuple[type[Entity], str]] = {  # table → (model, a noun for messages)
    "people": (Person, QT_TRANSLATE_NOOP("fields", "人员")),
    "resident_units": (ResidentUnit, QT_TRANSLATE_NOOP("fields", "驻区单位")),
    "issues": (Issue, QT_TRANSLATE_NOOP("fields", "民生事项")),
}
NULLABLE = {"id_number"}  # unique: an erased one is NULL, not ""


@dataclass(frozen=True)
class Erasure:
    entity: str
    record_id: str
    fields: tuple[str, ...]
    entries: int  # audit entries rewritten


def erase_personal_data(
    session: Session, by: Operator, entity: str, record_id: str, reason: str
) -> Erasure:
    """Erases the personal data of one record (administrators only, with a reason)."""
    require_may_erase(by)
    reason = checked_reason(reason)
    model, noun = ERASABLE[entity]
    row = stored(session, model, record_id, noun)
    fields = tuple(PERSONAL_FIELDS[entity])
    if session.get_bind().dialect.name == "sqlite":  # freed space is zeroed, not left readable
        session.execute(text("PRAGMA secure_delete=ON"))
    for field in fields:
        setattr(row, field, None if field in NULLABLE else "")
    session.flush()
    entries = _erase_from_audit_log(session, entity, record_id, fields)
    audit.append(
        session,
        "erase",
        entity,
        record_id,
        None,
        {"fields": list(fields), "entries": entries},
        reason=reason,
    )
    return Erasure(entity, record_id, fields, entries)


@dataclass(frozen=True)
class Erasable:
    """A record found for an erasure request: what it is called and what would be erased."""

    entity: str
    record_id: str
    name: str
    fields: tuple[str, ...]


def find_erasable(session: Session, entity: str, text: str) -> Erasable:
    """The record a request names: a person by ID number, a resident unit by its name, an
    issue by its number (or any of them by record id). ValidationError on ``record`` when
    there is none."""
    model, noun = ERASABLE[entity]
    typed = half_width(text).strip()
    condition = model.id == typed
    if model is Person:
        condition = or_(condition, Person.id_number == typed.upper())
    elif model is ResidentUnit:
        condition = or_(condition, ResidentUnit.name == typed)
    elif model is Issue:
        condition = or_(condition, Issue.number == typed.upper())
    row = session.scalars(select(model).where(condition)).first() if typed else None
    if row is None:
        raise ValidationError(
            "record",
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP("erasure", "找不到这条{noun}记录：{text}"),
                noun=field_label(noun),
                text=typed,
            ),
        )
    name = f"{row.number} {row.title}" if isinstance(row, Issue) else row.name  # type: ignore[attr-defined]
    return Erasable(entity, row.id, name, tuple(PERSONAL_FIELDS[entity]))


def checked_reason(reason: str) -> str:
    """The reason an erasure is recorded with; ValidationError on ``reason`` when empty."""
    if not reason.strip():
        raise ValidationError(
            "reason",
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP("erasure", "请写明删除的依据，例如“本人于11月28日书面申请”。"),
            ),
        )
    return reason.strip()


def require_may_erase(by: Operator) -> None:
    """Refuses anyone but a signed-in administrator (checked before a record is looked up:
    a lookup by ID number would tell others whose number it is)."""
    if not by.signed_in:
        raise write_refusal(by)
    if not by.may_manage_users:
        raise UserError(
            Message(CONTEXT, QT_TRANSLATE_NOOP("erasure", "只有管理员可以删除个人信息。"))
        )


def _erase_from_audit_log(
    session: Session, entity: str, record_id: str, fields: tuple[str, ...]
) -> int:
    rows = session.scalars(
        select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.entity_id == record_id)
    ).all()
    session.info[audit.ERASING] = True
    try:
        for entry in rows:
            entry.before = _erased(entry.before, fields, entry.salt)
            entry.after = _erased(entry.after, fields, entry.salt)
            entry.salt = None
        session.flush()
    finally:
        session.info[audit.ERASING] = False
    return len(rows)


def _erased(
    snapshot: dict[str, Any] | None, fields: tuple[str, ...], salt: str | None
) -> dict[str, Any] | None:
    if snapshot is None:
        return None
    result = dict(snapshot)
    for field in fields:
        if field in result and not is_erased(result[field]):
            result[field] = {ERASED: digest(salt, field, result[field])}
    return result
