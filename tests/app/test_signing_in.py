"""Passwords and signing in: OWASP's scrypt cost, old hashes upgraded, the password rules, the
wait after five wrong passwords (kept in the database, audited), unknown names as slow as
wrong passwords, and users changing their own password."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from app import passwords
from app.database import Database
from app.errors import ValidationError
from app.operator import LOCAL_ADMIN, NOBODY
from app.passwords import hash_password, password_matches, password_problem
from app.signing_in import FREE_FAILURES, sign_in, wait_until
from app.users import UserInput, add_user, change_own_password, set_password
from db.base import utcnow
from db.models.security import AuditEntry, Role, User

PASSWORD = "gongjian-2026"


def add(database: Database, username: str, role: Role = Role.ADMIN) -> str:
    with database.session() as session:
        return add_user(
            session, LOCAL_ADMIN, UserInput(username, f"{username}姓名", role, PASSWORD, PASSWORD)
        )


def entries(database: Database, action: str) -> list[AuditEntry]:
    with database.reader() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


@pytest.mark.real_scrypt
def test_passwords_are_hashed_at_owasps_scrypt_cost() -> None:
    stored = hash_password("a long enough passphrase")
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", 2**17, 8, 1)
    assert len(bytes.fromhex(salt)) == 16
    assert password_matches("a long enough passphrase", stored)
    assert not password_matches("a long enough passphrasf", stored)


def test_an_old_hash_signs_in_once_and_is_replaced_by_todays(database: Database) -> None:
    user_id = add(database, "admin")
    salt = secrets.token_bytes(16)
    old = hashlib.scrypt(PASSWORD.encode(), salt=salt, n=2**14, r=8, p=1)
    legacy = f"scrypt${salt.hex()}${old.hex()}"  # as the program stored them before
    with database.system_session() as session:
        session.get(User, user_id).password_hash = legacy
    operator = sign_in(database, "admin", PASSWORD)
    assert operator.user_id == user_id
    with database.reader() as session:
        stored = session.get(User, user_id).password_hash
    assert stored != legacy and stored.split("$")[1] == str(passwords.COST.n)
    assert sign_in(database, "admin", PASSWORD).user_id == user_id
    [first, second] = entries(database, "sign_in")
    assert first.after == {"rehashed": True} and second.after is None


@pytest.mark.parametrize(
    ("password", "accepted"),
    [
        ("short-one", False),
        ("gongjian-2026", True),
        ("春风 杨柳 万千 枝条", True),  # a passphrase of four words
        ("a b c d", False),  # four "words", but too short to be one
        ("123456789012345", False),  # digits only: a phone, an ID number
        ("1qaz2wsx3edc", False),  # on the list of the most common passwords
        ("qwerty123456", False),
        ("aaaaaaaaaaaaaaaa", False),
        ("wangfang-password-2026", False),  # contains the user name
    ],
)
def test_the_password_rules(password: str, accepted: bool) -> None:
    assert (password_problem(password, "wangfang") is None) is accepted


def test_a_refused_password_names_the_field_and_writes_nothing(database: Database) -> None:
    with pytest.raises(ValidationError) as error, database.session() as session:
        add_user(session, LOCAL_ADMIN, UserInput("admin", "管理员", Role.ADMIN, "1234", "1234"))
    assert error.value.field == "password" and "12" in str(error.value)
    with database.reader() as session:
        assert session.scalars(select(User)).all() == []


def test_after_five_wrong_passwords_the_account_waits_longer_each_time(
    database: Database,
) -> None:
    user_id = add(database, "admin")
    for _ in range(FREE_FAILURES - 1):
        with pytest.raises(ValidationError, match="用户名或密码不对"):
            sign_in(database, "admin", "wrong-password-x")
    with pytest.raises(ValidationError, match="暂停登录"):
        sign_in(database, "admin", "wrong-password-x")
    # the right password does not help while the account waits: 40 tries then the right
    # one no longer works
    with pytest.raises(ValidationError, match="暂停登录"):
        sign_in(database, "admin", PASSWORD)
    with database.reader() as session:  # kept in the database, not in the process
        user = session.get(User, user_id)
        assert user.failed_sign_ins == FREE_FAILURES and user.locked_until is not None
        first_wait = user.locked_until
    later = first_wait + timedelta(seconds=1)
    with pytest.raises(ValidationError, match="暂停登录"):
        sign_in(database, "admin", "wrong-password-x", now=later)
    with database.reader() as session:
        assert session.get(User, user_id).locked_until - later > first_wait - utcnow()
    assert sign_in(database, "admin", PASSWORD, now=later + timedelta(hours=2)).user_id == user_id
    with database.reader() as session:
        user = session.get(User, user_id)
        assert user.failed_sign_ins == 0 and user.locked_until is None
    failed = entries(database, "sign_in_failed")
    assert len(failed) == FREE_FAILURES + 1
    assert all(e.entity_id == user_id and e.user_id is None for e in failed)
    assert len(entries(database, "sign_in_refused")) == 1


def test_the_wait_grows_and_has_a_ceiling() -> None:
    now = utcnow()
    waits = [wait_until(n, now) for n in range(FREE_FAILURES - 1, FREE_FAILURES + 12)]
    assert waits[0] is None
    spans = [w - now for w in waits[1:] if w is not None]
    assert spans == sorted(spans) and spans[0] == timedelta(seconds=30)
    assert spans[-1] == timedelta(hours=1)


def test_an_administrator_resetting_the_password_ends_the_wait(database: Database) -> None:
    add(database, "admin")
    wang_id = add(database, "wang", Role.STAFF)
    for _ in range(FREE_FAILURES):
        with pytest.raises(ValidationError):
            sign_in(database, "wang", "wrong-password-x")
    admin = sign_in(database, "admin", PASSWORD)
    with database.session() as session:
        set_password(session, admin, wang_id, "a new password 1", "a new password 1")
    assert sign_in(database, "wang", "a new password 1").role is Role.STAFF


def test_unknown_names_cost_the_same_work_as_wrong_passwords(
    database: Database, monkeypatch: Any
) -> None:
    add(database, "admin")
    hashed: list[int] = []
    real = passwords._scrypt
    monkeypatch.setattr(
        passwords, "_scrypt", lambda p, s, cost: hashed.append(cost.n) or real(p, s, cost)
    )
    for name in ("admin", "nobody-by-this-name"):
        with pytest.raises(ValidationError, match="用户名或密码不对") as error:
            sign_in(database, name, "wrong-password-x")
        assert error.value.field == "password"
    assert hashed == [passwords.COST.n, passwords.COST.n]
    [unknown] = [e for e in entries(database, "sign_in_failed") if not e.entity_id]
    assert "nobody-by-this-name" in unknown.reason


def test_a_user_changes_their_own_password(database: Database) -> None:
    add(database, "admin")
    add(database, "wang", Role.STAFF)
    wang = sign_in(database, "wang", PASSWORD)
    with pytest.raises(ValidationError) as error, database.session() as session:
        change_own_password(session, wang, "not-my-password", "new pass phrase 1", "x")
    assert error.value.field == "current"
    with database.session() as session:
        change_own_password(session, wang, PASSWORD, "new pass phrase 1", "new pass phrase 1")
    assert sign_in(database, "wang", "new pass phrase 1").user_id == wang.user_id
    with pytest.raises(ValidationError):
        sign_in(database, "wang", PASSWORD)


def test_a_database_with_users_opens_as_nobody_until_someone_signs_in(
    database: Database,
) -> None:
    add(database, "admin")
    again = Database(database.target)
    try:
        assert again.operator is NOBODY
        assert not again.operator.may_edit and not again.operator.may_see_personal_data
    finally:
        again.close()
