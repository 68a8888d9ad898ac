"""Command-line subcommands for meetings: list, minutes PDF, sign-in sheet PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.base import Handler, fetch_all, print_listing, reading, subcommands


def register(commands: Any) -> dict[str, Handler]:
    """Adds the subcommands to ``commands`` (argparse subparsers); returns their handlers."""
    meeting_commands = subcommands(commands, "meetings", "联席会议", dest="meetings_command")
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
    from app.labels import label
    from app.listing import ListQuery
    from app.localtime import to_beijing
    from app.meetings.lists import MeetingList

    source = MeetingList()
    rows = fetch_all(target, source, ListQuery(sort="starts_at", descending=True))
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
    return print_listing(
        meetings,
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
        as_json=args.json,
        header=("ID", "时间", "会议类型", "状态", "会议名称"),
        empty="还没有会议。",
        footer=f"共 {len(meetings)} 次会议。",
    )


def export_minutes(args: argparse.Namespace, target: str) -> int:
    from app.meetings.minutes_export import export_minutes as export

    export(target, args.meeting_id, args.output)
    print(f"已导出纪要：{args.output}")
    return 0


def export_signin(args: argparse.Namespace, target: str) -> int:
    from app.exports.pdf import write_signin_sheet
    from app.meetings.minutes import signin_sheet

    with reading(target) as session:
        sheet = signin_sheet(session, args.meeting_id)
    write_signin_sheet(sheet, args.output)
    print(f"已导出签到表：{args.output}")
    return 0
