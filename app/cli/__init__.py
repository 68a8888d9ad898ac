"""The ``gongjian`` command: no arguments opens the window; subcommands for administrators.

The parser and the dispatch live here; each area's subcommands live in a module of this
package (``app/cli/meetings.py`` …), which adds them to the parser and holds their handlers.
Every failure prints one line on stderr and exits non-zero; tracebacks go to the log only.
Heavy modules are imported inside the command that needs them, so start-up stays fast.
"""

from __future__ import annotations

import importlib
import logging
import sys
from argparse import Namespace
from collections.abc import Sequence

from app import __version__
from app.cli.base import EXIT_FAILURE, CliError, Handler, Parser

AREA_COMMANDS: dict[str, tuple[str, ...]] = {  # module: its commands (register), --help's order
    "app.cli.demo": ("demo",),
    "app.cli.screenshot": ("screenshot",),
    "app.cli.maintenance": ("init", "check"),
    "app.cli.backups": ("backup", "restore"),
    "app.cli.meetings": ("meetings", "minutes", "signin-sheet"),
    "app.cli.secondments": ("secondments",),
    "app.cli.agreements": ("agreements",),
    "app.cli.issues": ("issues", "workorder"),
    "app.cli.holidays": ("holidays",),
    "app.cli.excel": ("import", "import-template", "export"),
    "app.cli.report": ("report",),
    "app.cli.archive": ("archive",),
    "app.cli.exchange": ("exchange",),
    "app.cli.users": ("users",),
    "app.cli.erasure": ("erase",),
    "app.cli.postgres": ("postgres-roles",),
}
BACKED_UP_FIRST = ("import",)  # commands that write much: an automatic backup before them

log = logging.getLogger("gongjian.cli")


def build_parser(
    handlers: dict[str, Handler] | None = None, areas: Sequence[str] = tuple(AREA_COMMANDS)
) -> Parser:
    """The parser with these areas' subcommands (all by default), their handlers put in
    ``handlers``."""
    handlers = {} if handlers is None else handlers
    parser = Parser(prog="gongjian", description="共建台：街道党建共同体工作平台")
    parser.add_argument("--version", action="version", version=f"gongjian {__version__}")
    _add_global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in areas:
        handlers.update(importlib.import_module(module).register(commands))
    return parser


def _add_global_options(parser: Parser) -> None:
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


def _global_arguments(argv: Sequence[str] | None) -> tuple[Namespace, list[str]]:
    """The options every command shares, and the rest of ``argv`` (the command first)."""
    parser = Parser(prog="gongjian", add_help=False)
    _add_global_options(parser)
    parser.set_defaults(command=None)
    return parser.parse_known_args(argv)


def command_areas(argv: Sequence[str] | None) -> list[str]:
    """The area module of the command ``argv`` names, alone: importing every area's module and
    building its parser would take about 50 ms of a short command. Every area for --help,
    --version or a name that is no command, so the message lists them all."""
    _, rest = _global_arguments(argv)
    named = rest[0] if rest else None
    return [area for area, names in AREA_COMMANDS.items() if named in names] or list(AREA_COMMANDS)


def main(argv: Sequence[str] | None = None) -> int:
    handlers: dict[str, Handler] = {}
    args, rest = _global_arguments(argv)
    if rest:  # a command, --help or --version: no argument at all opens the window at once
        args = build_parser(handlers, command_areas(argv)).parse_args(argv)
    if args.command is None:
        from ui.application import run

        return int(run(args.db))
    from app.cli.signin import signed_in_for_command
    from app.logs import setup_logging
    from app.paths import database_target

    setup_logging()
    target = database_target(args.db)
    try:
        with signed_in_for_command(args.user, target):
            if args.command in BACKED_UP_FIRST and not getattr(args, "dry_run", False):
                from app.cli.backups import back_up_before

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


if __name__ == "__main__":
    sys.exit(main())
