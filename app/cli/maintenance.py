"""Command-line subcommands ``gongjian init [--recreate]`` and ``gongjian check``: making an
empty database, and checking one's integrity and data rules."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.base import EXIT_FAILURE, Handler


def register(commands: Any) -> dict[str, Handler]:
    """Adds the subcommands to ``commands`` (argparse subparsers); returns their handlers."""
    init = commands.add_parser("init", help="在 --db 建立一个新的空数据库（不覆盖已有文件）")
    init.add_argument(
        "--recreate",
        action="store_true",
        help="重新建立一个上次没有建完（只有部分表、没有数据）的数据库，原文件改名保留",
    )
    commands.add_parser("check", help="检查数据库的完整性与数据规则")
    return {"init": init_database, "check": check_database}


def init_database(args: argparse.Namespace, target: str) -> int:
    from app.maintenance import init_database as init

    location = init(target, recreate=args.recreate)
    print(f"已建立空数据库：{location}")
    return 0


def check_database(args: argparse.Namespace, target: str) -> int:
    from app.maintenance import check_database as check

    findings = check(target)
    for finding in findings:
        print(f"{finding.check}: {finding.detail}")
    if findings:
        print(f"发现 {len(findings)} 个问题。", file=sys.stderr)
        return EXIT_FAILURE
    print("检查通过：完整性、外键和数据规则均无问题。")
    return 0
