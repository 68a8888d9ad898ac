"""Signing in on the command line: ``gongjian --user NAME …``.

The password is asked on the terminal, or read from the environment variable
``GONGJIAN_PASSWORD`` (for scripts: the variable is visible to the user's other processes, so
set it only for the one command). Every database the command then opens works as that user
(``Database.signed_in_process``): the audit log names them, and their role decides what they
may change and see. Without ``--user``, a database that has users is read as nobody signed in:
masked lists print, writing or revealing personal data is refused with a line saying how to
sign in.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from app.cli.base import CliError

PASSWORD_VARIABLE = "GONGJIAN_PASSWORD"


@contextmanager
def signed_in_for_command(username: str | None, target: str) -> Iterator[None]:
    """Signs ``username`` in (nobody when None) for the command run inside the block."""
    if not username:  # nobody: nothing to load (a command may not even open the database)
        yield
        return
    from app.database import Database
    from app.signing_in import sign_in

    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None:
        password = read_password(f"{username} 的密码：")
    database = Database(target, must_exist=True)
    try:
        Database.signed_in_process = sign_in(database, username, password)
    finally:
        database.close()
    try:
        yield
    finally:
        Database.signed_in_process = None


def read_password(prompt: str) -> str:
    """A password typed on the terminal, not echoed."""
    if not sys.stdin.isatty():
        raise CliError(
            f"无法在终端上询问密码：请在终端中运行，或把密码放在环境变量 {PASSWORD_VARIABLE} 中。"
        )
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise CliError("没有输入密码。") from None


def read_new_password(from_stdin: bool) -> tuple[str, str]:
    """A new password and its repetition: typed twice on the terminal, or one line of
    standard input (``--password-stdin``, as ``docker login`` reads it)."""
    if from_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise CliError("标准输入中没有密码（--password-stdin 读取第一行）。")
        return line, line
    return read_password("新密码："), read_password("再输一次：")
