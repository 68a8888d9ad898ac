"""Command-line subcommands for meetings: list, minutes PDF, sign-in sheet PDF."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.cli_base import Handler, Parser, print_table


def register(commands: Any) -> dict[str, Handler]:
    """Adds the subcommands to ``commands`` (argparse subparsers); returns their handlers."""
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
    return {"meetings": list_meetings, "minutes": export_minutes, "signin-sheet": export_signin}


def list_meetings(args: argparse.Namespace, target: str) -> int:
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
    if args.json:
        print(json.dumps(meetings, ensure_ascii=False, indent=2))
    elif not meetings:
        print("还没有会议。")
    else:
        print_table(
            ("ID", "时间", "会议类型", "状态", "会议名称"),
            [
                (
                    m["id"],
                    m["starts_at"][:16].replace("T", " "),
                    m["kind"],
                    label(row.values[status]),
                    m["title"],
                )
                for m, row in zip(meetings, rows, strict=True)
            ],
        )
        print(f"共 {len(meetings)} 次会议。")
    return 0


def export_minutes(args: argparse.Namespace, target: str) -> int:
    from app.meetings.minutes_export import export_minutes as export

    export(target, args.meeting_id, args.output)
    print(f"已导出纪要：{args.output}")
    return 0


def export_signin(args: argparse.Namespace, target: str) -> int:
    from app.database import Database
    from app.exports.pdf import write_signin_sheet
    from app.meetings.minutes import signin_sheet

    database = Database(target, must_exist=True)
    try:
        with database.reader() as session:
            sheet = signin_sheet(session, args.meeting_id)
    finally:
        database.close()
    write_signin_sheet(sheet, args.output)
    print(f"已导出签到表：{args.output}")
    return 0
