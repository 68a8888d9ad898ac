"""PostgreSQL roles for the shared office server: one group role per application role, with the
grants that role needs and no more, so that a viewer's PC can connect with a login that cannot
change data even outside the program.

- ``gongjian_viewer`` reads every table; it adds audit entries and keeps its own sign-in
  count, since signing in is audited;
- ``gongjian_staff`` also inserts, changes and deletes records, and never changes or deletes
  an audit entry;
- ``gongjian_admin`` also manages users and erases personal data (which rewrites audit
  snapshots), and never deletes an audit entry.

Nobody gets TRUNCATE, and the schema belongs to the owner who runs the upgrades. Logins are
made by the server's administrator: ``CREATE ROLE wang LOGIN PASSWORD '…' IN ROLE
gongjian_staff;``. Run ``gongjian postgres-roles`` again after an upgrade adds tables.
"""

from __future__ import annotations

from collections.abc import Sequence

PREFIX = "gongjian"
ROLES = ("viewer", "staff", "admin")
# what signing in writes: the count of wrong passwords, the wait, a rehashed password
SIGN_IN_COLUMNS = ("failed_sign_ins", "locked_until", "password_hash", "updated_at", "version")
HEAD_COLUMNS = ("seq", "hash", "updated_at", "version")
# erasure replaces personal values in snapshots and clears the salt
ERASURE_COLUMNS = ("before", "after", "salt", "updated_at", "version")
READ_ONLY_TABLES = {"alembic_version"}


def group_role(role: str) -> str:
    return f"{PREFIX}_{role}"


def role_statements(tables: Sequence[str]) -> list[str]:
    """The SQL that creates the three group roles (if missing) and sets their grants."""
    statements = [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN "
        f"CREATE ROLE {name} NOLOGIN; END IF; END $$"
        for name in map(group_role, ROLES)
    ]
    everyone = ", ".join(map(group_role, ROLES))
    writers = ", ".join(map(group_role, ("staff", "admin")))
    admin = group_role("admin")
    statements.append(f"GRANT USAGE ON SCHEMA public TO {everyone}")
    for table in tables:
        statements.append(f"REVOKE ALL ON {table} FROM {everyone}")
        statements.append(f"GRANT SELECT ON {table} TO {everyone}")
    statements += [
        f"GRANT INSERT ON audit_log TO {everyone}",
        f"GRANT UPDATE ({', '.join(HEAD_COLUMNS)}) ON audit_head TO {everyone}",
        f"GRANT UPDATE ({', '.join(SIGN_IN_COLUMNS)}) ON users TO {everyone}",
        f"GRANT UPDATE ({', '.join(ERASURE_COLUMNS)}) ON audit_log TO {admin}",
        f"GRANT INSERT, UPDATE, DELETE ON users TO {admin}",
    ]
    special = {"audit_log", "audit_head", "users"} | READ_ONLY_TABLES
    statements += [
        f"GRANT INSERT, UPDATE, DELETE ON {table} TO {writers}"
        for table in tables
        if table not in special
    ]
    return statements


def database_tables() -> list[str]:
    """Every table of the schema (the models' and Alembic's own)."""
    from db.base import Base
    from db.models import load_all

    load_all()
    return [*Base.metadata.tables, "alembic_version"]
