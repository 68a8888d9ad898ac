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

import argparse
from collections.abc import Sequence
from typing import Any

from app.cli_base import CliError, Handler

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


def register(commands: Any) -> dict[str, Handler]:
    """Adds ``gongjian postgres-roles`` to ``commands``; returns its handler."""
    roles = commands.add_parser(
        "postgres-roles",
        help="在 PostgreSQL 上建立 gongjian_admin/staff/viewer 角色并授予相应权限",
    )
    roles.add_argument("--print", action="store_true", help="只打印 SQL，不执行")
    return {"postgres-roles": run}


def run(args: argparse.Namespace, target: str) -> int:
    statements = role_statements(database_tables())
    if args.print:
        print(";\n".join(statements) + ";")
        return 0
    from sqlalchemy import text

    from app.database import Database

    database = Database(target, must_exist=True)
    try:
        if database.engine.dialect.name != "postgresql":
            raise CliError("数据库角色只用于 PostgreSQL 服务器；SQLite 文件由操作系统的权限保护。")
        with database.engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        database.close()
    names = "、".join(map(group_role, ROLES))
    print(f"已建立并授权：{names}。用 CREATE ROLE 名字 LOGIN PASSWORD '…' IN ROLE 角色; 建立登录。")
    return 0
