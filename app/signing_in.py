"""Signing in: checking a user name and password, with throttling, audited either way.

After ``FREE_FAILURES`` wrong passwords in a row an account waits before it may try again:
30 seconds, then twice as long after each further failure, at most ``LONGEST_WAIT``. The count
and the time are kept in the database (so restarting the program does not reset them) and
every attempt, good or bad, is an audit entry. An unknown user name costs the same scrypt
work as a wrong password, so the answer's timing does not tell which names exist.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.database import Database
from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.localtime import to_beijing
from app.operator import Operator, operator_of
from app.passwords import hash_password, needs_rehash, password_matches, spend_a_hash
from db.base import utcnow
from db.models.security import User

CONTEXT = "signing_in"
FREE_FAILURES = 5
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=1)
USERS = "users"


def sign_in(
    database: Database, username: str, password: str, *, now: datetime | None = None
) -> Operator:
    """The operator for this user name and password. Refused with the same message for an
    unknown name or a wrong password, or with the time to wait after too many failures."""
    at = now or utcnow()
    name = username.strip()
    with _attempting(database) as session:
        user = session.scalar(
            select(User).where(User.username == name, User.deleted_at.is_(None)).with_for_update()
        )
        outcome = _attempt(session, user, name, password, at)
    if isinstance(outcome, Message):
        raise ValidationError("password", outcome)
    return outcome


@contextmanager
def _attempting(database: Database) -> Iterator[Session]:
    """The session an attempt is checked and recorded in; on a file opened read-only (an
    archive copy) it is checked the same way, and nothing of it can be kept."""
    if not database.read_only:
        with database.system_session() as session:
            yield session
        return
    with database.reader() as session, session.no_autoflush:
        yield session


def wait_until(failures: int, at: datetime) -> datetime | None:
    """Until when an account with ``failures`` wrong passwords in a row waits (None: not)."""
    if failures < FREE_FAILURES:
        return None
    wait: timedelta = min(FIRST_WAIT * 2 ** (failures - FREE_FAILURES), LONGEST_WAIT)
    return at + wait


def _attempt(
    session: Session, user: User | None, name: str, password: str, at: datetime
) -> Operator | Message:
    if user is None or not user.password_hash:
        spend_a_hash(password)
        _audit(session, "sign_in_failed", None, reason=f"未知用户名：{name[:40]}")
        return _wrong()
    if user.locked_until is not None and at < user.locked_until:
        spend_a_hash(password)
        _audit(session, "sign_in_refused", user, reason="等待期内再次尝试")
        return _waiting(user.locked_until)
    if not password_matches(password, user.password_hash):
        user.failed_sign_ins += 1
        user.locked_until = wait_until(user.failed_sign_ins, at)
        reason = f"连续第 {user.failed_sign_ins} 次输错密码"
        _audit(session, "sign_in_failed", user, reason=reason)
        return _wrong() if user.locked_until is None else _waiting(user.locked_until)
    user.failed_sign_ins = 0
    user.locked_until = None
    rehashed = needs_rehash(user.password_hash)
    if rehashed:  # made with older, weaker parameters: replaced while the password is known
        user.password_hash = hash_password(password)
    _audit(session, "sign_in", user, detail={"rehashed": True} if rehashed else None)
    return operator_of(user)


def _audit(
    session: Session,
    action: str,
    user: User | None,
    *,
    reason: str = "",
    detail: dict[str, object] | None = None,
) -> None:
    user_id = user.id if user is not None else None
    audit.event_entry(
        session,
        action,
        entity=USERS,
        entity_id=user_id or "",
        detail=detail,
        reason=reason,
        user_id=user_id if action == "sign_in" else None,
    )


def _wrong() -> Message:
    return Message(
        CONTEXT,
        QT_TRANSLATE_NOOP("signing_in", "用户名或密码不对。请检查后重新输入（区分大小写）。"),
    )


def _waiting(until: datetime) -> Message:
    return Message(
        CONTEXT,
        QT_TRANSLATE_NOOP(
            "signing_in",
            "密码连续输错次数过多，这个账号暂停登录到 {time}。请稍后再试，或请管理员重设密码。",
        ),
        time=to_beijing(until).strftime("%H:%M:%S"),
    )
