"""Managing the users who sign in: add, change role or password, remove (administrators only).

Rules that keep an office from locking itself out: the first user with a password must be an
administrator, and the last administrator with a password can be neither demoted nor removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.access import write_refusal
from app.errors import ValidationError, not_found
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.operator import Operator
from app.passwords import checked_new_password, hash_password, password_matches
from app.validation import check_required
from db.base import utcnow
from db.models.security import Role, User

CONTEXT = "users"
USERNAME = re.compile(r"[A-Za-z0-9_.\-]{2,40}")


@dataclass(frozen=True)
class UserRow:
    id: str
    username: str
    display_name: str
    role: Role
    has_password: bool
    locked_until: datetime | None = None  # signing in waits until then (too many failures)


@dataclass
class UserInput:
    username: str
    display_name: str
    role: Role
    password: str = ""
    password_again: str = ""


def list_users(session: Session) -> list[UserRow]:
    users = session.scalars(
        select(User).where(User.deleted_at.is_(None)).order_by(User.role, User.username)
    )
    now = utcnow()
    return [
        UserRow(
            u.id,
            u.username,
            u.display_name,
            u.role,
            bool(u.password_hash),
            u.locked_until if u.locked_until and u.locked_until > now else None,
        )
        for u in users
    ]


def user_id_of(session: Session, username: str) -> str | None:
    return session.scalar(
        select(User.id).where(User.username == username.strip(), User.deleted_at.is_(None))
    )


def add_user(session: Session, by: Operator, data: UserInput) -> str:
    require_admin(by)
    username = check_required("username", data.username, QT_TRANSLATE_NOOP("fields", "用户名"), 40)
    if not USERNAME.fullmatch(username):
        raise ValidationError(
            "username",
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP(
                    "users", "用户名只能用字母、数字、下划线、点和连字符，2 到 40 个字符。"
                ),
            ),
        )
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise ValidationError(
            "username",
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP("users", "用户名“{name}”已被使用，请换一个。"),
                name=username,
            ),
        )
    display_name = check_required(
        "display_name", data.display_name, QT_TRANSLATE_NOOP("fields", "姓名"), 50
    )
    password = checked_new_password(data.password, data.password_again, username)
    if data.role is not Role.ADMIN and not _admins_with_password(session):
        raise ValidationError(
            "role",
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP(
                    "users", "第一个有密码的用户必须是管理员，否则以后没有人能管理用户。"
                ),
            ),
        )
    user = User(
        username=username,
        display_name=display_name,
        role=data.role,
        password_hash=hash_password(password),
    )
    session.add(user)
    audit.record(session, "create", user, None)
    return user.id


def change_role(session: Session, by: Operator, user_id: str, role: Role) -> None:
    require_admin(by)
    user = _user(session, user_id)
    if user.role is Role.ADMIN and role is not Role.ADMIN:
        _keep_an_admin(session, user)
    before = audit.snapshot(user)
    user.role = role
    audit.record(session, "update", user, before)


def set_password(
    session: Session, by: Operator, user_id: str, password: str, password_again: str
) -> None:
    """An administrator sets anyone's password; a signed-in user their own."""
    if user_id != by.user_id:
        require_admin(by)
    user = _user(session, user_id)
    before = audit.snapshot(user)
    user.password_hash = hash_password(
        checked_new_password(password, password_again, user.username)
    )
    user.failed_sign_ins = 0  # a new password ends the wait after too many wrong ones
    user.locked_until = None
    audit.record(session, "update", user, before, reason="重设密码")


def change_own_password(
    session: Session, by: Operator, current: str, password: str, password_again: str
) -> None:
    """A signed-in user replaces their own password, giving the current one first."""
    user = _user(session, by.user_id or "")
    if not user.password_hash or not password_matches(current, user.password_hash):
        raise ValidationError(
            "current",
            Message(CONTEXT, QT_TRANSLATE_NOOP("users", "当前密码不对，请重新输入。")),
        )
    before = audit.snapshot(user)
    user.password_hash = hash_password(
        checked_new_password(password, password_again, user.username)
    )
    audit.record(session, "update", user, before, reason="本人修改密码")


def remove_user(session: Session, by: Operator, user_id: str) -> None:
    require_admin(by)
    user = _user(session, user_id)
    if user.id == by.user_id:
        raise ValidationError(
            "user",
            Message(CONTEXT, QT_TRANSLATE_NOOP("users", "不能删除自己正在使用的账号。")),
        )
    if user.role is Role.ADMIN:
        _keep_an_admin(session, user)
    before = audit.snapshot(user)
    user.deleted_at = utcnow()
    audit.record(session, "delete", user, before)


def require_admin(by: Operator) -> None:
    """Refuses anyone but a signed-in administrator."""
    if not by.signed_in:
        raise write_refusal(by)
    if not by.may_manage_users:
        raise ValidationError(
            "user",
            Message(CONTEXT, QT_TRANSLATE_NOOP("users", "只有管理员可以管理用户。")),
        )


def _user(session: Session, user_id: str) -> User:
    user = session.get(User, user_id)
    if user is None or user.deleted_at is not None:
        raise not_found(QT_TRANSLATE_NOOP("fields", "用户"), user_id)
    return user


def _admins_with_password(session: Session) -> list[str]:
    """The administrators who can sign in, their rows locked until the transaction ends, so
    that two administrators demoting each other at once cannot both pass the check below."""
    return list(
        session.scalars(
            select(User.id)
            .where(
                User.deleted_at.is_(None),
                User.role == Role.ADMIN,
                User.password_hash.is_not(None),
            )
            .with_for_update()
        )
    )


def _keep_an_admin(session: Session, user: User) -> None:
    if user.password_hash and len(_admins_with_password(session)) <= 1:
        raise ValidationError(
            "role",
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP(
                    "users",
                    "最后一位管理员不能删除或改角色。请先把另一位用户设为管理员。",
                ),
            ),
        )
