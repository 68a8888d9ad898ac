"""Command-line subcommand ``gongjian postgres-roles [--print]``: the group roles and grants of
a PostgreSQL server (see app/postgres_roles.py)."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.base import CliError, Handler, opened


def register(commands: Any) -> dict[str, Handler]:
    """Adds ``gongjian postgres-roles`` to ``commands``; returns its handler."""
    roles = commands.add_parser(
        "postgres-roles",
        help="在 PostgreSQL 上建立 gongjian_admin/staff/viewer 角色并授予相应权限",
    )
    roles.add_argument("--print", action="store_true", help="只打印 SQL，不执行")
    return {"postgres-roles": run}


def run(args: argparse.Namespace, target: str) -> int:
    from app.postgres_roles import ROLES, database_tables, group_role, role_statements

    statements = role_statements(database_tables())
    if args.print:
        print(";\n".join(statements) + ";")
        return 0
    from sqlalchemy import text

    with opened(target) as database:
        if database.engine.dialect.name != "postgresql":
            raise CliError("数据库角色只用于 PostgreSQL 服务器；SQLite 文件由操作系统的权限保护。")
        with database.engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
    names = "、".join(map(group_role, ROLES))
    print(f"已建立并授权：{names}。用 CREATE ROLE 名字 LOGIN PASSWORD '…' IN ROLE 角色; 建立登录。")
    return 0
