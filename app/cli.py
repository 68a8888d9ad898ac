"""The ``gongjian`` command: no arguments opens the window; subcommands for administrators.

Every failure prints one line on stderr and exits non-zero; tracebacks go to the log only.
Heavy modules are imported inside the command that needs them, so start-up stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.cli_base import CliError, Handler, Parser

AREA_COMMANDS = (  # each: register(subparsers)
    "app.meetings.commands",
    "app.secondments.commands",
    "app.agreements.commands",
    "app.issues.commands",
    "app.excel.commands",
    "app.dashboard.commands",
    "app.archive.commands",
    "app.exchange.commands",
    "app.users_commands",
    "app.erasure_commands",
    "app.postgres_roles",
)
BACKED_UP_FIRST = ("import",)  # commands that write much: an automatic backup before them
TABS = ("home", "meetings", "agreements", "secondments", "issues", "directory")
EXIT_FAILURE = 1

log = logging.getLogger("gongjian.cli")


def build_parser(handlers: dict[str, Handler] | None = None) -> Parser:
    """The parser; each area's subcommands are added, and their handlers put in ``handlers``."""
    handlers = {} if handlers is None else handlers
    parser = Parser(prog="gongjian", description="共建台：街道党建共同体工作平台")
    parser.add_argument("--version", action="version", version=f"gongjian {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="SQLite 数据库文件或 SQLAlchemy URL（默认：环境变量 GONGJIAN_DB，或用户数据文件夹）",
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="以这个用户登录（密码在终端输入，或用环境变量 GONGJIAN_PASSWORD）",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    demo = commands.add_parser("demo", help="向空数据库载入演示数据")
    demo.add_argument("--scale", choices=("street", "district", "huge"), default="street")

    shot = commands.add_parser("screenshot", help="把主窗口的一个页签渲染为 PNG 图片")
    shot.add_argument(
        "tab",
        metavar="TAB[/VIEW]",
        type=_screen,
        help="页签：" + "、".join(TABS) + "；或 页签/视图",
    )
    shot.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.png")
    shot.add_argument("--size", default="1366x768", type=_size, metavar="WxH")

    init = commands.add_parser("init", help="在 --db 建立一个新的空数据库（不覆盖已有文件）")
    init.add_argument(
        "--recreate",
        action="store_true",
        help="重新建立一个上次没有建完（只有部分表、没有数据）的数据库，原文件改名保留",
    )

    commands.add_parser("check", help="检查数据库的完整性与数据规则")

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

    for module in AREA_COMMANDS:
        handlers.update(importlib.import_module(module).register(commands))
    return parser


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"尺寸应写成 宽x高，例如 1366x768：{text}") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"尺寸超出范围（320x240 至 7680x4320）：{text}")
    return width, height


def main(argv: Sequence[str] | None = None) -> int:
    handlers = dict(CORE_COMMANDS)
    args = build_parser(handlers).parse_args(argv)
    if args.command is None:
        from ui.application import run

        return int(run(args.db))
    from app.cli_signin import signed_in_for_command
    from app.logs import setup_logging
    from app.paths import database_target

    setup_logging()
    target = database_target(args.db)
    try:
        with signed_in_for_command(args.user, target):
            if args.command in BACKED_UP_FIRST and not getattr(args, "dry_run", False):
                from app.backup_commands import back_up_before

                back_up_before(target, args.command)
            return handlers[args.command](args, target)
    except KeyboardInterrupt:
        print("gongjian: 已中断，未完成的操作没有写入。", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:
        from app.logs import incident_reference
        from app.redaction import redacted

        reference = incident_reference()
        log.exception("command %s failed [%s]", args.command, reference)
        print(f"gongjian: {redacted(_one_line(exc, target, reference))}", file=sys.stderr)
        return EXIT_FAILURE


def _one_line(exc: BaseException, target: str, reference: str) -> str:
    from app.errors import UserError
    from db.errors import DatabaseError, explain

    if isinstance(exc, UserError | DatabaseError | CliError):
        return str(exc).splitlines()[0]
    if (explained := explain(exc, target)) is not None:  # busy, full disk, damaged file
        return str(explained)
    if isinstance(exc, OSError):
        return f"文件操作失败：{exc.strerror or exc}（{exc.filename or ''}）"
    return f"意外错误（{type(exc).__name__}），详情见日志文件，编号 {reference}。"


def _cmd_demo(args: argparse.Namespace, target: str) -> int:
    from app.database import Database
    from app.demo import generate

    database = Database(target)
    try:
        progress = _ProgressPrinter()
        summary = generate(database, args.scale, progress=progress)
        progress.finish()
    finally:
        database.close()
    print(f"已载入演示数据（{args.scale}）到 {database.location}：")
    for label, count in (
        ("街道、片区、社区、网格和科室", summary.org_units),
        ("驻区单位", summary.resident_units),
        ("党组织", summary.party_orgs),
        ("人员", summary.people),
        ("在职党员报到", summary.member_registrations),
        ("联席会议", summary.meetings),
        ("共建协议", summary.agreements),
        ("干部挂职", summary.postings),
        ("民生事项", summary.issues),
    ):
        print(f"  {label}：{count:,}")
    return 0


class _ProgressPrinter:
    """One line rewritten in place on a terminal; a line per tenth in a log or a pipe."""

    def __init__(self) -> None:
        self.interactive = sys.stderr.isatty()
        self.last_tenth = -1

    def __call__(self, done: int, total: int, what: str) -> None:
        percent = 100 * done // total if total else 100
        if self.interactive:
            print(f"\r载入演示数据 {percent:3d}% {what}\033[K", end="", file=sys.stderr, flush=True)
        elif percent // 10 != self.last_tenth:
            self.last_tenth = percent // 10
            print(f"载入演示数据 {percent:3d}% {what}", file=sys.stderr, flush=True)

    def finish(self) -> None:
        if self.interactive:
            print(file=sys.stderr)


def _screen(text: str) -> str:
    if text.partition("/")[0] not in TABS:
        raise argparse.ArgumentTypeError(f"未知页签：{text}（可选：{'、'.join(TABS)}）")
    return text


def _cmd_screenshot(args: argparse.Namespace, target: str) -> int:
    from app.database import Database

    from ui.screenshot import take_screenshot

    Database(target, must_exist=True).close()  # report a missing or bad file before Qt starts
    try:
        path = take_screenshot(target, args.tab, args.output, args.size)
    except ValueError as error:
        raise CliError(f"这个页签没有名为“{args.tab.partition('/')[2]}”的视图") from error
    print(f"已保存截图：{path}")
    return 0


def _cmd_check(args: argparse.Namespace, target: str) -> int:
    from app.maintenance import check_database

    findings = check_database(target)
    for finding in findings:
        print(f"{finding.check}: {finding.detail}")
    if findings:
        print(f"发现 {len(findings)} 个问题。", file=sys.stderr)
        return EXIT_FAILURE
    print("检查通过：完整性、外键和数据规则均无问题。")
    return 0


def _cmd_backup(args: argparse.Namespace, target: str) -> int:
    from app.maintenance import backup_database

    if args.action == "list":
        if args.output is not None:
            raise CliError("backup list 不能与 -o 同用")
        from app.backup_commands import print_backups

        return print_backups(target, as_json=args.json)
    if args.json:
        raise CliError("--json 只用于 backup list")
    if args.output is not None:
        path = backup_database(target, args.output)
        print(f"已备份并校验：{path}")
        return 0
    from app.backup_commands import back_up_now

    return back_up_now(target)


def _cmd_restore(args: argparse.Namespace, target: str) -> int:
    from app.backup_commands import restore_backup

    return restore_backup(target, args.backup, assume_yes=args.yes)


def _cmd_init(args: argparse.Namespace, target: str) -> int:
    from app.maintenance import init_database

    location = init_database(target, recreate=args.recreate)
    print(f"已建立空数据库：{location}")
    return 0


CORE_COMMANDS: dict[str, Handler] = {
    "init": _cmd_init,
    "restore": _cmd_restore,
    "demo": _cmd_demo,
    "screenshot": _cmd_screenshot,
    "check": _cmd_check,
    "backup": _cmd_backup,
}

if __name__ == "__main__":
    sys.exit(main())
