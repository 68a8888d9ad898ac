"""``gongjian users list|add|remove|set-role|set-password``: managing users on the command line.

Administrators sign in with ``--user``; on a database without users the local administrator
adds the first one (an administrator). New passwords are typed twice on the terminal, or read
from standard input with ``--password-stdin``.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.base import CliError, Handler, opened, print_table, subcommands

ROLES = ("admin", "staff", "viewer")


def register(commands: Any) -> dict[str, Handler]:
    """Adds the subcommands to ``commands`` (argparse subparsers); returns their handlers."""
    user_commands = subcommands(
        commands, "users", "用户与权限（须以管理员登录）", dest="users_command"
    )
    user_commands.add_parser("list", help="列出用户、角色和登录状态")
    add = user_commands.add_parser("add", help="添加用户")
    add.add_argument("username", metavar="USERNAME")
    add.add_argument("--name", required=True, metavar="姓名", help="显示的姓名")
    add.add_argument("--role", choices=ROLES, default="staff", help="角色（默认 staff）")
    _password_stdin(add)
    remove = user_commands.add_parser("remove", help="删除用户（账号不能再登录）")
    remove.add_argument("username", metavar="USERNAME")
    role = user_commands.add_parser("set-role", help="改角色")
    role.add_argument("username", metavar="USERNAME")
    role.add_argument("role", choices=ROLES, metavar="ROLE", help="admin、staff 或 viewer")
    password = user_commands.add_parser("set-password", help="重设密码（本人或管理员）")
    password.add_argument("username", metavar="USERNAME")
    _password_stdin(password)
    return {"users": run}


def _password_stdin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin", action="store_true", help="从标准输入读取新密码（第一行）"
    )


def run(args: argparse.Namespace, target: str) -> int:
    with opened(target) as database:
        if args.users_command == "list":
            return _list(database)
        message = _change(database, args)
    print(message)
    return 0


def _list(database: Any) -> int:
    from app.labels import label
    from app.localtime import to_beijing
    from app.users import list_users

    with database.reader() as session:
        users = list_users(session)
    if not users:
        print("还没有用户：打开这个数据库的人都以本机管理员身份工作。")
        return 0
    rows = [
        (
            u.username,
            label(u.role),
            "已设置" if u.has_password else "未设置",
            f"暂停登录到 {to_beijing(u.locked_until):%Y-%m-%d %H:%M}" if u.locked_until else "",
            u.display_name,
        )
        for u in users
    ]
    print_table(("用户名", "角色", "密码", "状态", "姓名"), rows)
    return 0


def _change(database: Any, args: argparse.Namespace) -> str:
    from app import users
    from app.cli.signin import read_new_password
    from db.models.security import Role

    by = database.operator
    command = args.users_command
    # asked before the transaction starts: the database is not locked while someone types
    password, again = (
        read_new_password(args.password_stdin) if command in ("add", "set-password") else ("", "")
    )
    with database.session() as session:
        if command == "add":
            data = users.UserInput(args.username, args.name, Role(args.role), password, again)
            users.add_user(session, by, data)
            return f"已添加用户 {args.username}（{args.role}）。"
        user_id = _user_id(session, args.username)
        if command == "remove":
            users.remove_user(session, by, user_id)
            return f"已删除用户 {args.username}。"
        if command == "set-role":
            users.change_role(session, by, user_id, Role(args.role))
            return f"{args.username} 的角色已改为 {args.role}。"
        users.set_password(session, by, user_id, password, again)
        return f"已重设 {args.username} 的密码。"


def _user_id(session: Any, username: str) -> str:
    from app.users import user_id_of

    found = user_id_of(session, username)
    if found is None:
        raise CliError(f"没有用户名为“{username}”的用户（gongjian users list 列出用户）。")
    return found
