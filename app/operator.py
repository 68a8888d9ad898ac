"""Who is working: the signed-in user, or the local administrator of a one-person install.

A database without any user who has a password is a one-person install: whoever opens it
works as the local administrator, as before users existed. Once an administrator gives users
passwords, the application asks who is signing in (the command line: ``--user``), and the
role decides what they may do:

- 管理员 (admin) manages users and sees personal data (ID numbers, phones) unmasked;
- 工作人员 (staff) edits every record and sees personal data where the work needs it
  (the editor, the printed work order, exports);
- 只读 (viewer) reads everything but changes nothing, and sees personal data masked.

Until someone signs in to such a database, work is done as ``NOBODY``: reading with personal
data masked, nothing written. What each role may see where is decided in app/access.py.

The file itself is not encrypted: roles keep honest people from mistakes and keep personal
data off the screen, the operating system's file permissions keep the file itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.i18n import QT_TRANSLATE_NOOP
from db.enums import Role

if TYPE_CHECKING:  # the roles' rules serve a list read before SQLAlchemy loads (quick_lists)
    from sqlalchemy.orm import Session

    from db.models.security import User

CONTEXT = "operator"


@dataclass(frozen=True)
class Operator:
    user_id: str | None
    display_name: str
    role: Role
    username: str = ""
    signed_in: bool = True  # False only for NOBODY

    @property
    def may_edit(self) -> bool:
        return self.signed_in and self.role is not Role.VIEWER

    @property
    def may_see_personal_data(self) -> bool:
        return self.signed_in and self.role in (Role.ADMIN, Role.STAFF)

    @property
    def may_manage_users(self) -> bool:
        return self.signed_in and self.role is Role.ADMIN


LOCAL_ADMIN = Operator(None, QT_TRANSLATE_NOOP("operator", "本机管理员"), Role.ADMIN)
NOBODY = Operator(None, QT_TRANSLATE_NOOP("operator", "未登录"), Role.VIEWER, signed_in=False)


def needs_sign_in(session: Session) -> bool:
    """True when some user has a password: then nobody works as the local administrator."""
    from sqlalchemy import func, select

    from db.models.security import User

    count = session.scalar(
        select(func.count())
        .select_from(User)
        .where(User.deleted_at.is_(None), User.password_hash.is_not(None))
    )
    return bool(count)


def operator_of(user: User) -> Operator:
    return Operator(user.id, user.display_name, user.role, user.username)
