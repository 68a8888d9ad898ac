"""Managing the users who sign in: add, change role or password, remove (administrators only).

Rules that keep an office from locking itself out: the first user with a password must be an
administrator, and the last administrator with a password can be neither demoted nor removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.errors import ValidationError, not_found
from app.i18n import QT_TRANSLATE_NOOP, Message, field_label
from app.operator import Operator, hash_password
from app.validation import check_required
from db.base import utcnow
from db.models.security import Role, User

CONTEXT = "users"
MIN_PASSWORD = 8
USERNAME = re.compile(r"[A-Za-z0-9_.\-]{2,40}")


@dataclass(frozen=True)
class UserRow:
    id: str
    username: str
    display_name: str
    role: Role
    has_password: bool


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
    return [UserRow(u.id, u.username, u.display_name, u.role, bool(u.password_hash)) for u in users]


def add_user(session: Session, by: Operator, data: UserInput) -> str:
    _require_admin(by)
    username = check_required(
        "username", data.username, field_label(QT_TRANSLATE_NOOP("fields", "用户名")), 40
    )
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
        "display_name", data.display_name, field_label(QT_TRANSLATE_NOOP("fields", "姓名")), 50
    )
    password = _checked_password(data.password, data.password_again)
    if data.role is not Role.ADMIN and _admins_with_password(session) == 0:
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
    _require_admin(by)
    user = _user(session, user_id)
    if user.role is Role.ADMIN and role is not Role.ADMIN:
        _keep_an_admin(session, user)
    before = audit.snapshot(user)
    user.role = role
    audit.record(session, "update", user, before)


def set_password(
    session: Session, by: Operator, user_id: str, password: str, password_again: str
) -> None:
    _require_admin(by)
    user = _user(session, user_id)
    before = audit.snapshot(user)
    user.password_hash = hash_password(_checked_password(password, password_again))
    audit.record(session, "update", user, before, reason="重设密码")


def remove_user(session: Session, by: Operator, user_id: str) -> None:
    _require_admin(by)
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


def _checked_password(password: str, again: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            "password",
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP("users", "密码至少要 {n} 个字符。"),
                n=MIN_PASSWORD,
            ),
        )
    if password != again:
        raise ValidationError(
            "password_again",
            Message(CONTEXT, QT_TRANSLATE_NOOP("users", "两次输入的密码不一样，请重新输入。")),
        )
    return password


def _require_admin(by: Operator) -> None:
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


def _admins_with_password(session: Session) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(User)
            .where(
                User.deleted_at.is_(None),
                User.role == Role.ADMIN,
                User.password_hash.is_not(None),
            )
        )
        or 0
    )


def _keep_an_admin(session: Session, user: User) -> None:
    if user.password_hash and _admins_with_password(session) <= 1:
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
