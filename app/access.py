"""The one rule for who sees and does what. Callers say what a value is for (``Use``); the
signed-in operator of the session (app/database.py puts it there) decides the rest:

| use | 管理员 admin, 工作人员 staff | 只读 viewer, not signed in |
|---|---|---|
| ``SCREEN``: a list on screen | masked | masked |
| ``RECORD``: one record in a dialog or editor | shown | masked |
| ``DOCUMENT``: a printed document or a file | shown, and audited | masked |

Lists mask for everyone because screens at a community centre face residents. Searching by a
full ID number or phone works only for those who may see them (otherwise a hit would confirm
whose the number is). Writing needs a signed-in administrator or staff member.
"""

from __future__ import annotations

from dataclasses import fields, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.operator import NOBODY, Operator
from app.personal_data import MASKED_FIELDS, PersonalKind, masked

if TYPE_CHECKING:  # what a list shows is decided before SQLAlchemy loads too (quick_lists)
    from sqlalchemy.orm import Session

CONTEXT = "access"
OPERATOR = "operator"  # session.info key
T = TypeVar("T")


class Use(StrEnum):
    SCREEN = "screen"
    RECORD = "record"
    DOCUMENT = "document"


def operator_in(session: Session) -> Operator:
    """Who works in ``session``; a session opened without one reads as nobody signed in."""
    operator: Operator = session.info.get(OPERATOR, NOBODY)
    return operator


def reveals_personal_data(operator: Operator, use: Use) -> bool:
    return use is not Use.SCREEN and operator.may_see_personal_data


def searches_personal_data(operator: Operator) -> bool:
    """May a search match a full ID number or phone?"""
    return operator.may_see_personal_data


def masked_values(keys: tuple[str, ...], values: tuple[Any, ...], reveal: bool) -> tuple[Any, ...]:
    """A list row's values (columns named ``keys``) with personal data masked unless
    ``reveal``."""
    if reveal:
        return values
    return tuple(
        masked(MASKED_FIELDS[k], v) if k in MASKED_FIELDS and isinstance(v, str) else v
        for k, v in zip(keys, values, strict=True)
    )


def record_for(session: Session, record: T) -> T:
    """A record (a dataclass read for a dialog) as the session's operator may see it."""
    if reveals_personal_data(operator_in(session), Use.RECORD):
        return record
    changes = {
        f.name: masked(MASKED_FIELDS[f.name], value)
        for f in fields(record)  # type: ignore[arg-type]
        if f.name in MASKED_FIELDS and isinstance(value := getattr(record, f.name), str)
    }
    return replace(record, **changes)  # type: ignore[type-var]


def phone_for(session: Session, phone: str) -> str:
    """A phone outside a record (one of several complainants) as the operator may see it."""
    if reveals_personal_data(operator_in(session), Use.RECORD):
        return phone
    return masked(PersonalKind.PHONE, phone)


def write_refusal(operator: Operator) -> UserError:
    """Why ``operator`` may not change data."""
    if not operator.signed_in:
        return UserError(
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP(
                    "access",
                    "这个数据库设置了用户，修改数据须先登录：在命令前加 --user 用户名"
                    "（密码在终端输入，或放在环境变量 GONGJIAN_PASSWORD 中）。",
                ),
            )
        )
    return UserError(
        Message(
            CONTEXT,
            QT_TRANSLATE_NOOP(
                "access", "您以“只读”角色登录，不能修改数据。请用工作人员或管理员账号登录。"
            ),
        )
    )


def require_reveal(operator: Operator) -> None:
    """Refuses an explicit request for unmasked personal data the operator may not see."""
    if operator.may_see_personal_data:
        return
    if not operator.signed_in:
        template = QT_TRANSLATE_NOOP(
            "access",
            "这个数据库设置了用户，查看完整的身份证号和电话须先登录：在命令前加 --user 用户名"
            "（密码在终端输入，或放在环境变量 GONGJIAN_PASSWORD 中）。",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "access", "“只读”角色看不到完整的身份证号和电话。请用工作人员或管理员账号登录。"
        )
    raise UserError(Message(CONTEXT, template))


def record_disclosure(
    session: Session, action: str, entity: str, entity_id: str = "", **detail: Any
) -> None:
    """An audit entry for a file or print that carries personal data unmasked: ``action``
    "export" or "print", ``entity`` the list or table, ``detail`` what went where."""
    from app import audit

    audit.event_entry(session, action, entity=entity, entity_id=entity_id, detail=detail)
