"""Who is working: the signed-in user, or the local administrator of a one-person install.

A database without any user who has a password is a one-person install: whoever opens it
works as the local administrator, as before users existed. Once an administrator gives users
passwords, the application asks who is signing in, and the role decides what they may do:

- 管理员 (admin) manages users and sees personal data (ID numbers, phones) unmasked;
- 工作人员 (staff) edits every record and sees personal data where the work needs it
  (the editor, the printed work order, exports);
- 查看 (viewer) reads everything but changes nothing, and sees personal data masked.

Lists on screen always mask personal data: screens at a community centre face residents.

The file itself is not encrypted: roles keep honest people from mistakes and keep personal
data off the screen, the operating system's file permissions keep the file itself.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import UserError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, Message
from db.models.security import Role, User

CONTEXT = "operator"

# scrypt with the parameters OWASP suggests for interactive sign-in (~50 ms here)
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_SCHEME = "scrypt"


@dataclass(frozen=True)
class Operator:
    user_id: str | None
    display_name: str
    role: Role

    @property
    def may_edit(self) -> bool:
        return self.role is not Role.VIEWER

    @property
    def may_see_personal_data(self) -> bool:
        return self.role in (Role.ADMIN, Role.STAFF)

    @property
    def may_manage_users(self) -> bool:
        return self.role is Role.ADMIN


LOCAL_ADMIN = Operator(None, QT_TRANSLATE_NOOP("operator", "本机管理员"), Role.ADMIN)


def read_only_error() -> UserError:
    return UserError(
        Message(
            CONTEXT,
            QT_TRANSLATE_NOOP(
                "operator", "您以“只读”角色登录，不能修改数据。请用工作人员或管理员账号登录。"
            ),
        )
    )


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **_SCRYPT)
    return f"{_SCHEME}${salt.hex()}${digest.hex()}"


def password_matches(password: str, stored: str) -> bool:
    scheme, _, rest = stored.partition("$")
    salt_hex, _, digest_hex = rest.partition("$")
    if scheme != _SCHEME or not salt_hex or not digest_hex:
        return False
    digest = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt_hex), **_SCRYPT)
    return hmac.compare_digest(digest, bytes.fromhex(digest_hex))


def needs_sign_in(session: Session) -> bool:
    """True when some user has a password: then nobody works as the local administrator."""
    count = session.scalar(
        select(func.count())
        .select_from(User)
        .where(User.deleted_at.is_(None), User.password_hash.is_not(None))
    )
    return bool(count)


def sign_in(session: Session, username: str, password: str) -> Operator:
    """The operator for this user name and password; the same message for either mistake."""
    user = session.scalar(
        select(User).where(User.username == username.strip(), User.deleted_at.is_(None))
    )
    if user is None or not user.password_hash or not password_matches(password, user.password_hash):
        raise ValidationError(
            "password",
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP("operator", "用户名或密码不对。请检查后重新输入（区分大小写）。"),
            ),
        )
    return operator_of(user)


def operator_of(user: User) -> Operator:
    return Operator(user.id, user.display_name, user.role)
