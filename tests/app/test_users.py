"""Users, roles and signing in: who may do what, and the rules that prevent a lock-out."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.database import Database
from app.errors import UserError, ValidationError
from app.operator import LOCAL_ADMIN, needs_sign_in
from app.passwords import password_matches
from app.signing_in import sign_in
from app.users import UserInput, add_user, change_role, list_users, remove_user, set_password
from db.models.directory import OrgLevel, OrgUnit
from db.models.security import AuditEntry, Role, User

PASSWORD = "gongjian-2026"


def _add(database: Database, username: str, role: Role, by=LOCAL_ADMIN) -> str:
    with database.session() as session:
        return add_user(
            session, by, UserInput(username, f"{username}姓名", role, PASSWORD, PASSWORD)
        )


def test_a_new_database_needs_no_sign_in_and_works_as_the_local_administrator(database):
    with database.reader() as session:
        assert not needs_sign_in(session)
    assert database.operator is LOCAL_ADMIN
    assert database.operator.may_edit and database.operator.may_see_personal_data


def test_the_first_user_with_a_password_must_be_an_administrator(database):
    with pytest.raises(ValidationError) as error, database.session() as session:
        add_user(session, LOCAL_ADMIN, UserInput("wang", "王芳", Role.STAFF, PASSWORD, PASSWORD))
    assert error.value.field == "role"
    _add(database, "admin", Role.ADMIN)
    _add(database, "wang", Role.STAFF)
    with database.reader() as session:
        assert needs_sign_in(session)
        assert [(u.username, u.role) for u in list_users(session)] == [
            ("admin", Role.ADMIN),
            ("wang", Role.STAFF),
        ]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (UserInput("", "王芳", Role.ADMIN, PASSWORD, PASSWORD), "username"),
        (UserInput("王芳", "王芳", Role.ADMIN, PASSWORD, PASSWORD), "username"),
        (UserInput("wang", " ", Role.ADMIN, PASSWORD, PASSWORD), "display_name"),
        (UserInput("wang", "王芳", Role.ADMIN, "short", "short"), "password"),
        (UserInput("wang", "王芳", Role.ADMIN, PASSWORD, PASSWORD + "x"), "password_again"),
    ],
)
def test_bad_input_names_the_field(database, data, field):
    with pytest.raises(ValidationError) as error, database.session() as session:
        add_user(session, LOCAL_ADMIN, data)
    assert error.value.field == field
    with database.reader() as session:
        assert list_users(session) == []


def test_a_taken_user_name_is_refused(database):
    _add(database, "admin", Role.ADMIN)
    with pytest.raises(ValidationError, match="已被使用"):
        _add(database, "admin", Role.ADMIN)


def test_signing_in_checks_the_password_and_gives_the_role(database):
    admin_id = _add(database, "admin", Role.ADMIN)
    operator = sign_in(database, " admin ", PASSWORD)
    assert (operator.user_id, operator.role) == (admin_id, Role.ADMIN)
    for name, password in (("admin", "wrong-password"), ("nobody", PASSWORD)):
        with pytest.raises(ValidationError, match="用户名或密码不对"):
            sign_in(database, name, password)


def test_the_password_is_stored_salted_and_never_in_the_audit_log(database):
    first = _add(database, "admin", Role.ADMIN)
    second = _add(database, "li", Role.ADMIN)
    with database.reader() as session:
        entries = session.scalars(select(AuditEntry)).all()
        assert len(entries) == 2
        assert not any("password_hash" in (e.after or {}) for e in entries)
        hashes = [session.get(User, i).password_hash for i in (first, second)]
    assert hashes[0] != hashes[1]  # the same password, different salts
    assert all(password_matches(PASSWORD, h) and not password_matches("x", h) for h in hashes)


def test_the_last_administrator_can_be_neither_demoted_nor_removed(database):
    admin_id = _add(database, "admin", Role.ADMIN)
    admin = sign_in(database, "admin", PASSWORD)
    staff_id = _add(database, "wang", Role.STAFF, by=admin)
    with pytest.raises(ValidationError, match="最后一位管理员"), database.session() as session:
        change_role(session, admin, admin_id, Role.STAFF)
    with database.session() as session:
        change_role(session, admin, staff_id, Role.ADMIN)
    with database.session() as session:
        change_role(session, admin, admin_id, Role.VIEWER)
    with pytest.raises(ValidationError, match="不能删除自己"), database.session() as session:
        remove_user(session, admin, admin_id)


def test_only_an_administrator_manages_users(database):
    admin_id = _add(database, "admin", Role.ADMIN)
    staff_id = _add(database, "wang", Role.STAFF)
    staff = sign_in(database, "wang", PASSWORD)
    for action in (
        lambda s: add_user(s, staff, UserInput("li", "李", Role.STAFF, PASSWORD, PASSWORD)),
        lambda s: set_password(s, staff, admin_id, PASSWORD, PASSWORD),  # their own: allowed
        lambda s: remove_user(s, staff, staff_id),
    ):
        with pytest.raises(ValidationError, match="只有管理员"), database.session() as session:
            action(session)


def test_a_changed_password_works_and_the_old_one_does_not(database):
    admin_id = _add(database, "admin", Role.ADMIN)
    with database.session() as session:
        set_password(session, LOCAL_ADMIN, admin_id, "new-password-1", "new-password-1")
    with database.reader() as session:
        sign_in(database, "admin", "new-password-1")
        with pytest.raises(ValidationError):
            sign_in(database, "admin", PASSWORD)


def test_a_viewer_can_read_but_every_write_is_refused_and_nothing_is_written(database):
    _add(database, "admin", Role.ADMIN)
    _add(database, "look", Role.VIEWER)
    database.operator = sign_in(database, "look", PASSWORD)
    with pytest.raises(UserError, match="只读"), database.session() as session:
        session.add(OrgUnit(name="新社区", level=OrgLevel.COMMUNITY))
    with database.session() as session:  # reading in a writing session is fine
        assert session.scalars(select(OrgUnit)).all() == []


def test_the_audit_log_names_the_signed_in_user(database):
    admin_id = _add(database, "admin", Role.ADMIN)
    database.operator = sign_in(database, "admin", PASSWORD)
    staff_id = _add(database, "wang", Role.STAFF, by=database.operator)
    with database.reader() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity_id == staff_id)).one()
    assert entry.user_id == admin_id
