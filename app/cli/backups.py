"""``gongjian backup``, ``backup list`` and ``restore``: backups from the command line."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.base import CliError, Handler, opened, print_table

if TYPE_CHECKING:
    from app.operator import Operator
    from db.backup_files import Backup
    from db.snapshot import Facts

SHOWN_NAMES = ("人员", "会议", "协议", "事项")
log = logging.getLogger("gongjian.cli")


def register(commands: Any) -> dict[str, Handler]:
    """Adds the subcommands to ``commands`` (argparse subparsers); returns their handlers."""
    backup = commands.add_parser(
        "backup",
        help="备份数据库（程序运行时也可以）：不加参数时存入数据库旁的 backups 文件夹",
        description="gongjian backup：存入 backups 文件夹（和第二备份文件夹）；"
        "gongjian backup -o FILE：完整的副本存为指定文件；gongjian backup list：列出备份",
    )
    backup.add_argument("action", nargs="?", choices=("list",), help="list：列出备份")
    backup.add_argument("-o", "--output", type=Path, metavar="FILE", help="完整的副本存为这个文件")
    backup.add_argument("--json", action="store_true", help="list 以 JSON 输出")

    restore = commands.add_parser("restore", help="用一份备份替换数据库（先备份当前的数据库）")
    restore.add_argument("backup", metavar="BACKUP", help="备份文件，或 backup list 中的文件名")
    restore.add_argument("--yes", action="store_true", help="不再询问，直接恢复")
    return {"backup": run_backup, "restore": run_restore}


def run_backup(args: argparse.Namespace, target: str) -> int:
    from app.maintenance import backup_database

    if args.action == "list":
        if args.output is not None:
            raise CliError("backup list 不能与 -o 同用")
        return print_backups(target, as_json=args.json)
    if args.json:
        raise CliError("--json 只用于 backup list")
    if args.output is not None:
        path = backup_database(target, args.output)
        print(f"已备份并校验：{path}")
        return 0
    return back_up_now(target)


def run_restore(args: argparse.Namespace, target: str) -> int:
    return restore_backup(target, args.backup, assume_yes=args.yes)


def _second_folder(target: str) -> Path | None:
    from app.backups import second_folder

    with opened(target) as database, database.reader() as session:
        return second_folder(session)


def _counts(held: Facts) -> str:
    from db.snapshot import SHOWN_TABLES

    return " · ".join(
        f"{name} {held.shown.get(table, 0):,}"
        for name, table in zip(SHOWN_NAMES, SHOWN_TABLES, strict=True)
    )


def back_up_now(target: str) -> int:
    from app.backups import automatic_backup, database_file

    database_file(target)  # a server: one line about pg_dump, before connecting to it
    outcome = automatic_backup(target, "manual", _second_folder(target))
    print(f"已备份并校验：{outcome.backup.path}")
    if outcome.second is not None:
        print(f"第二备份文件夹：{outcome.second.path}")
    if outcome.second_problem:
        print(outcome.second_problem, file=sys.stderr)
    if outcome.backup.damaged:
        print("注意：数据库检查发现损坏，这份备份已标为“损坏”。", file=sys.stderr)
        return 1
    return 0


def back_up_before(target: str, command: str) -> None:
    """The automatic backup before a command that writes much (an import)."""
    from app.backups import automatic_backup
    from db.engine import sqlite_path

    path = sqlite_path(target)
    if path is None or not path.is_file():
        return  # a server (pg_dump's job), or no file yet: the command says what is wrong
    outcome = automatic_backup(target, command, _second_folder(target))
    log.info("backed up before %s: %s", command, outcome.backup.path)
    if outcome.second_problem:
        print(outcome.second_problem, file=sys.stderr)


def _row(backup: Backup) -> dict[str, object]:
    from app.backups import facts
    from db.snapshot import SHOWN_TABLES

    held = facts(backup)
    return {
        "file": backup.path.name,
        "path": str(backup.path),
        "time": backup.taken_at.isoformat(),
        "reason": backup.reason,
        "size": backup.size,
        "revision": held.revision,
        **{table: held.shown.get(table, 0) for table in SHOWN_TABLES},
        "damaged": backup.damaged,
    }


def print_backups(target: str, *, as_json: bool) -> int:
    from app.backups import database_file, list_backups, reason_text
    from db.snapshot import SHOWN_TABLES

    database_file(target)  # a server: one line about pg_dump
    found = list_backups(target, _second_folder(target))
    rows = [_row(backup) for backup in found]
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print(f"还没有备份：{database_file(target).parent / 'backups'}")
        return 0
    print_table(
        ("时间", "原因", "大小", "版本", *SHOWN_NAMES, "文件"),
        [
            (
                b.taken_at.strftime("%Y-%m-%d %H:%M:%S"),
                str(reason_text(b.reason)) + ("（损坏）" if b.damaged else ""),
                f"{b.size / 1024 / 1024:.1f} MB",
                str(row["revision"]),
                *(f"{row[t]:,}" for t in SHOWN_TABLES),
                str(b.path),
            )
            for b, row in zip(found, rows, strict=True)
        ],
    )
    return 0


def _who_restores(target: str) -> Operator | None:
    """Who works on the current database (None when it cannot be opened: a damaged file may
    be recovered by whoever is at the PC)."""
    from app.backups import require_may_restore
    from app.database import Database
    from db.errors import DatabaseError

    try:
        database = Database(target, must_exist=True, read_only=True)
    except DatabaseError:
        return None
    try:
        operator = database.operator
    finally:
        database.close()
    require_may_restore(operator)  # before anything is asked or read
    return operator


def restore_backup(target: str, name: str, *, assume_yes: bool) -> int:
    from app.backups import database_file, facts, find_backup, restore
    from db.errors import DatabaseError
    from db.snapshot import facts_of

    db_file = database_file(target)
    by = _who_restores(target)
    second = _second_folder(target) if db_file.is_file() else None
    backup = find_backup(target, name, second)
    held = facts(backup)
    print(f"备份：{backup.path}（{backup.taken_at:%Y-%m-%d %H:%M:%S}，结构版本 {held.revision}）")
    print(f"  {_counts(held)}")
    try:
        print(f"当前数据库：{db_file}\n  {_counts(facts_of(db_file))}")
    except DatabaseError:
        print(f"当前数据库：{db_file}（无法读取，恢复时改名保留）")
    if not assume_yes:
        if not sys.stdin.isatty():
            raise CliError("请加 --yes 确认恢复（当前数据库会先备份）")
        if input("用这份备份替换当前数据库？当前数据库会先备份。[y/N] ").strip().lower() != "y":
            print("没有恢复。")
            return 1
    outcome = restore(target, backup, second, by=by)
    print(f"已从备份恢复：{db_file}\n  {_counts(outcome.facts)}")
    if outcome.previous is not None:
        print(f"恢复前的数据库已备份：{outcome.previous.path}")
    if outcome.set_aside is not None:
        print(f"原来损坏的数据库已改名保留：{outcome.set_aside}")
    return 0
