"""The ``gongjian`` command: no arguments opens the window; subcommands for administrators.

Every failure prints one line on stderr and exits non-zero; tracebacks go to the log only.
Heavy modules are imported inside the command that needs them, so start-up stays fast.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from app import __version__

TABS = ("home", "meetings", "agreements", "secondments", "issues", "directory")
EXIT_FAILURE = 1
EXIT_USAGE = 2

log = logging.getLogger("gongjian.cli")


class CliError(Exception):
    """A failure to report as one line."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"gongjian: 参数错误：{message}（gongjian --help 查看用法）\n")


def build_parser() -> Parser:
    parser = Parser(prog="gongjian", description="共建台：街道党建共同体工作平台")
    parser.add_argument("--version", action="version", version=f"gongjian {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="SQLite 数据库文件或 SQLAlchemy URL（默认：环境变量 GONGJIAN_DB，或用户数据文件夹）",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    demo = commands.add_parser("demo", help="向空数据库载入演示数据")
    demo.add_argument("--scale", choices=("street", "district", "huge"), default="street")

    shot = commands.add_parser("screenshot", help="把主窗口的一个页签渲染为 PNG 图片")
    shot.add_argument("tab", choices=TABS)
    shot.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.png")
    shot.add_argument("--size", default="1366x768", type=_size, metavar="WxH")

    commands.add_parser("check", help="检查数据库的完整性与数据规则")

    backup = commands.add_parser("backup", help="在程序运行时也能做的一致、经过校验的备份")
    backup.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")

    meetings = commands.add_parser("meetings", help="联席会议")
    meeting_commands = meetings.add_subparsers(
        dest="meetings_command", metavar="COMMAND", required=True, parser_class=Parser
    )
    listing = meeting_commands.add_parser("list", help="列出会议（最新的在前）")
    listing.add_argument("--json", action="store_true", help="输出 JSON")

    minutes = commands.add_parser("minutes", help="把会议纪要导出为 PDF")
    minutes.add_argument("meeting_id", metavar="ID")
    minutes.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")

    signin = commands.add_parser("signin-sheet", help="把会议签到表导出为 PDF")
    signin.add_argument("meeting_id", metavar="ID")
    signin.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
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
    args = build_parser().parse_args(argv)
    if args.command is None:
        from ui.application import run

        return int(run(args.db))
    from app.logs import setup_logging
    from app.paths import database_target

    setup_logging()
    target = database_target(args.db)
    try:
        return COMMANDS[args.command](args, target)
    except KeyboardInterrupt:
        print("gongjian: 已中断，未完成的操作没有写入。", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:
        log.exception("command %s failed", args.command)
        print(f"gongjian: {_one_line(exc)}", file=sys.stderr)
        return EXIT_FAILURE


def _one_line(exc: BaseException) -> str:
    from app.errors import UserError
    from db.errors import DatabaseError

    if isinstance(exc, UserError | DatabaseError | CliError):
        return str(exc).splitlines()[0]
    if isinstance(exc, OSError):
        return f"文件操作失败：{exc.strerror or exc}（{exc.filename or ''}）"
    return f"意外错误（{type(exc).__name__}），详情见日志文件。"


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


def _cmd_screenshot(args: argparse.Namespace, target: str) -> int:
    from app.database import Database

    from ui.screenshot import take_screenshot

    Database(target, must_exist=True).close()  # report a missing or bad file before Qt starts
    path = take_screenshot(target, args.tab, args.output, args.size)
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

    path = backup_database(target, args.output)
    print(f"已备份并校验：{path}")
    return 0


def _cmd_meetings(args: argparse.Namespace, target: str) -> int:
    import json

    from app.database import Database
    from app.labels import label
    from app.listing import ListQuery
    from app.localtime import to_beijing
    from app.meetings.lists import MeetingList

    source = MeetingList()
    database = Database(target, must_exist=True)
    try:
        with database.reader() as session:
            query = ListQuery(sort="starts_at", descending=True)
            rows = source.fetch(session, query, 0, source.count(session, query))
    finally:
        database.close()
    at, kind, title, status = (
        source.column_index(key) for key in ("starts_at", "kind", "title", "status")
    )
    meetings = [
        {
            "id": row.id,
            "date": to_beijing(row.values[at]).date().isoformat(),
            "starts_at": to_beijing(row.values[at]).isoformat(),
            "kind": row.values[kind],
            "title": row.values[title],
            "status": row.values[status].value,
        }
        for row in rows
    ]
    try:
        if args.json:
            print(json.dumps(meetings, ensure_ascii=False, indent=2))
        else:
            _print_meetings(meetings, [label(row.values[status]) for row in rows])
    except BrokenPipeError:  # `gongjian meetings list | head`: the reader has seen enough
        sys.stdout = open(os.devnull, "w")  # Python's advice: no second error at exit
    return 0


def _print_meetings(meetings: list[dict[str, str]], statuses: list[str]) -> None:
    if not meetings:
        print("还没有会议。")
        return
    table = [("ID", "时间", "会议类型", "状态", "会议名称")] + [
        (
            m["id"],
            m["starts_at"][:16].replace("T", " "),
            m["kind"],
            status,
            m["title"],
        )
        for m, status in zip(meetings, statuses, strict=True)
    ]
    widths = [max(_width(line[i]) for line in table) for i in range(len(table[0]) - 1)]
    for line in table:
        cells = [c + " " * (w - _width(c)) for c, w in zip(line[:-1], widths, strict=True)]
        print("  ".join([*cells, line[-1]]))
    print(f"共 {len(meetings)} 次会议。")


def _width(text: str) -> int:
    """Columns a text takes in a terminal: Chinese characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cmd_minutes(args: argparse.Namespace, target: str) -> int:
    from app.database import Database
    from app.meetings.minutes import minutes_document
    from app.meetings.service import mark_exported

    database = Database(target, must_exist=True)
    try:
        with database.reader() as session:
            document = minutes_document(session, args.meeting_id)
        write_minutes = _pdf_writer("write_minutes")
        write_minutes(document, args.output)
        with database.session() as session:
            mark_exported(session, args.meeting_id)
    finally:
        database.close()
    print(f"已导出纪要：{args.output}")
    return 0


def _cmd_signin_sheet(args: argparse.Namespace, target: str) -> int:
    from app.database import Database
    from app.meetings.minutes import signin_sheet

    database = Database(target, must_exist=True)
    try:
        with database.reader() as session:
            sheet = signin_sheet(session, args.meeting_id)
    finally:
        database.close()
    write_signin_sheet = _pdf_writer("write_signin_sheet")
    write_signin_sheet(sheet, args.output)
    print(f"已导出签到表：{args.output}")
    return 0


def _pdf_writer(name: str) -> Callable[[Any, Path], object]:
    """A writer of app.exports.pdf, imported only when a PDF is asked for (it pulls reportlab)."""
    try:
        from app.exports import pdf
    except ImportError as exc:
        raise CliError(f"此版本不能导出 PDF：{exc}") from exc
    writer: Callable[[Any, Path], object] = getattr(pdf, name)
    return writer


COMMANDS = {
    "demo": _cmd_demo,
    "screenshot": _cmd_screenshot,
    "check": _cmd_check,
    "backup": _cmd_backup,
    "meetings": _cmd_meetings,
    "minutes": _cmd_minutes,
    "signin-sheet": _cmd_signin_sheet,
}

if __name__ == "__main__":
    sys.exit(main())
