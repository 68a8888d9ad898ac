"""Command-line subcommands ``gongjian archive meeting ID -o DIR`` and ``gongjian archive month
YYYY-MM -o DIR`` (``--zip`` for a .zip instead of a folder)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.base import Handler, month_argument, opened, subcommands


def register(commands: Any) -> dict[str, Handler]:
    """Adds the subcommands to ``commands`` (argparse subparsers); returns their handler."""
    kinds = subcommands(
        commands, "archive", "把会议或一个月的材料导出为归档包", dest="archive_kind", metavar="KIND"
    )
    meeting = kinds.add_parser("meeting", help="一次会议：纪要、签到表、附件、议定事项、校验清单")
    meeting.add_argument("meeting_id", metavar="ID")
    month = kinds.add_parser("month", help="一个月：当月每次定稿会议的归档包和工作月报")
    month.add_argument("month", type=month_argument, metavar="YYYY-MM")
    for parser in (meeting, month):
        parser.add_argument("-o", "--output", required=True, type=Path, metavar="DIR")
        parser.add_argument("--zip", action="store_true", help="写成一个 .zip 文件")
    return {"archive": run}


def run(args: argparse.Namespace, target: str) -> int:
    from app.archive.bundle import archive_meeting, archive_month
    from db.base import utcnow

    with opened(target) as database, database.session() as session:
        if args.archive_kind == "meeting":
            bundle = archive_meeting(session, args.meeting_id, args.output, as_zip=args.zip)
        else:
            bundle = archive_month(session, args.month, args.output, utcnow(), as_zip=args.zip)
    print(f"已归档 {len(bundle.files)} 个文件：{bundle.path}")
    return 0
