"""The database roles of ``gongjian postgres-roles`` on a PostgreSQL server: a viewer's login
reads and signs in but cannot write, staff cannot touch the audit log, administrators cannot
delete from it. Runs when ``GONGJIAN_TEST_POSTGRES`` names a server (see test_postgresql.py)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ProgrammingError

from app.cli import main
from app.database import Database
from app.directory import service
from app.directory.records import PersonData
from app.operator import LOCAL_ADMIN
from app.postgres_roles import group_role
from app.signing_in import sign_in
from app.users import UserInput, add_user
from db.models.security import Role

SERVER = os.environ.get("GONGJIAN_TEST_POSTGRES", "")
PASSWORD = "gongjian-2026"

pytestmark = pytest.mark.skipif(not SERVER, reason="set GONGJIAN_TEST_POSTGRES to a server URL")


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[URL, dict[str, URL]]]:
    """A new database with the group roles granted, and a login per role (URL each)."""
    name = f"gongjian_roles_{uuid.uuid4().hex[:8]}"
    owner = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with owner.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(SERVER).set(database=name)
    target = url.render_as_string(hide_password=False)
    database = Database(target)
    with database.session() as session:
        for user, role in (("admin", Role.ADMIN), ("look", Role.VIEWER)):
            add_user(session, LOCAL_ADMIN, UserInput(user, user, role, PASSWORD, PASSWORD))
        service.people.create(session, PersonData("王喆"))
    database.close()
    assert main(["--db", target, "postgres-roles"]) == 0
    logins: dict[str, URL] = {}
    suffix = uuid.uuid4().hex[:6]
    with owner.connect() as connection:
        for role in ("viewer", "staff", "admin"):
            login = f"{role}_{suffix}"
            connection.execute(text(f"CREATE ROLE {login} LOGIN IN ROLE {group_role(role)}"))
            logins[role] = url.set(username=login, password=None)
    yield url, logins
    with owner.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        for login in logins.values():
            connection.execute(text(f"DROP ROLE {login.username}"))
    owner.dispose()


def refused(url: URL, sql: str) -> bool:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text(sql))
    except ProgrammingError as error:
        return "permission denied" in str(error)
    finally:
        engine.dispose()
    return False


WRITES = (
    "INSERT INTO org_units (id, level, name, position, created_at, updated_at, version)"
    " VALUES ('x', 'street', '某街道', 0, now(), now(), 1)",
    "UPDATE people SET name = '改'",
    "DELETE FROM people",
    "UPDATE audit_log SET reason = 'x'",
    "DELETE FROM audit_log",
    "TRUNCATE audit_log",
    "UPDATE users SET role = 'admin'",
)


def test_the_viewer_login_cannot_write(server: tuple[URL, dict[str, URL]]) -> None:
    _url, logins = server
    assert all(refused(logins["viewer"], sql) for sql in WRITES)


def test_a_viewer_signs_in_through_its_read_only_login(server: tuple[URL, dict[str, URL]]) -> None:
    _url, logins = server
    database = Database(logins["viewer"].render_as_string(hide_password=False))
    try:
        operator = sign_in(database, "look", PASSWORD)  # audited: an insert it may make
        assert operator.role is Role.VIEWER
        with database.reader() as session:
            assert session.execute(text("SELECT count(*) FROM people")).scalar_one() == 1
    finally:
        database.close()


def test_staff_write_records_but_not_the_audit_log(server: tuple[URL, dict[str, URL]]) -> None:
    _url, logins = server
    assert not refused(logins["staff"], "UPDATE people SET post = '科长'")
    assert all(refused(logins["staff"], sql) for sql in WRITES[3:])


def test_administrators_erase_but_never_delete_audit_entries(
    server: tuple[URL, dict[str, URL]],
) -> None:
    _url, logins = server
    assert not refused(logins["admin"], "UPDATE audit_log SET salt = salt")
    assert refused(logins["admin"], "DELETE FROM audit_log")
    assert refused(logins["admin"], "TRUNCATE audit_log")
