"""Command-line subcommands for issues: ``gongjian issues list``, ``gongjian workorder``, and
the holiday calendar deadlines count on: ``gongjian holidays``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.cli_base import CliError, Handler, Parser, print_table

DEFAULT_LIMIT = 50


def register(commands: Any) -> dict[str, Handler]:
    """Adds the subcommands to ``commands`` (argparse subparsers); returns their handlers."""
    issues = commands.add_parser("issues", help="民生事项")
    issue_commands = issues.add_subparsers(
        dest="issues_command", metavar="COMMAND", required=True, parser_class=Parser
    )
    listing = issue_commands.add_parser("list", help="列出民生事项（最新登记的在前）")
    listing.add_argument("--json", action="store_true", help="输出 JSON")
    listing.add_argument("--status", metavar="S", help="状态，如 办理中 或 in_progress")
    listing.add_argument("--overdue", action="store_true", help="只列超过办理时限的")
    listing.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"最多列出N条（默认{DEFAULT_LIMIT}）",
    )
    order = commands.add_parser("workorder", help="把民生事项工单导出为 PDF")
    order.add_argument("issue", metavar="NUMBER", help="事项编号（如 MS2026-000123）或 ID")
    order.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    calendar = commands.add_parser(
        "holidays", help="节假日与调休（办理时限按它计算）：列出一年，或导入、导出节假日文件"
    )
    calendar.add_argument("--year", type=int, metavar="YYYY", help="年份（默认今年）")
    calendar.add_argument("--json", action="store_true", help="输出 JSON")
    what = calendar.add_mutually_exclusive_group()
    what.add_argument(
        "--import", dest="import_file", type=Path, metavar="FILE.toml", help="导入一年的节假日文件"
    )
    what.add_argument(
        "--export", dest="export_file", type=Path, metavar="FILE.toml", help="把这一年导出为文件"
    )
    return {"issues": list_issues, "workorder": export_work_order, "holidays": holidays}


def holidays(args: argparse.Namespace, target: str) -> int:
    """Lists a year's holidays and make-up working days, or imports or exports a year."""
    from app.database import Database
    from app.issues import holidays as calendar
    from app.labels import label
    from app.localtime import beijing_today

    year = args.year or beijing_today().year
    if not 2000 <= year <= 2100:
        raise CliError("--year 须在2000到2100之间")
    database = Database(target, must_exist=True)
    try:
        if args.import_file is not None:
            if not args.import_file.is_file():
                raise CliError(f"找不到文件：{args.import_file}")
            with database.session() as session:
                done = calendar.import_holiday_file(session, args.import_file)
            print(
                f"已导入{done.year}年：放假{done.days_off}天，调休上班{done.workdays}天"
                f"（替换原有{done.replaced}天）。"
            )
            return 0
        if args.export_file is not None:
            with database.reader() as session:
                path = calendar.export_holiday_file(session, year, args.export_file)
            print(f"已导出{year}年的节假日：{path}")
            return 0
        with database.reader() as session:
            days = calendar.holidays(session, year)
    finally:
        database.close()
    if args.json:
        rows = [
            {
                "date": d.day.isoformat(),
                "workday": d.is_workday,
                "name": d.name,
                "origin": d.origin.value,
                "source": d.source,
            }
            for d in days
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not days:
        print(f"{year}年没有节假日与调休记录：请导入这一年的节假日文件（--import）。")
        return 0
    print_table(
        ("日期", "星期", "类型", "名称", "来源"),
        [
            (
                d.day.isoformat(),
                "一二三四五六日"[d.day.weekday()],
                "上班" if d.is_workday else "休息",
                d.name,
                f"{label(d.origin)} {d.source}".strip(),
            )
            for d in days
        ],
    )
    off = sum(not d.is_workday for d in days)
    print(f"{year}年：放假{off}天，调休上班{len(days) - off}天。")
    return 0


def export_work_order(args: argparse.Namespace, target: str) -> int:
    from sqlalchemy import or_, select

    from app.database import Database
    from app.issues.workorder import write_work_order
    from db.models.issues import Issue

    database = Database(target, must_exist=True)
    try:
        with database.reader() as session:
            found = session.scalar(
                select(Issue.id).where(or_(Issue.number == args.issue, Issue.id == args.issue))
            )
        if found is None:
            raise CliError(f"找不到民生事项：{args.issue}")
        write_work_order(database, found, args.output)
    finally:
        database.close()
    print(f"已导出工单：{args.output}")
    return 0


def _status(text: str) -> str:
    from app.labels import label
    from db.models.issues import IssueStatus

    for status in IssueStatus:
        if text in (status.value, label(status)):
            return status.value
    names = "、".join(label(s) for s in IssueStatus)
    raise CliError(f"没有“{text}”这个状态，可用：{names}")


def _colour(style: str) -> str:
    """ "red" or "yellow" of a row's style ("red supervised"), else ""."""
    return next((word for word in style.split() if word in ("red", "yellow")), "")


def list_issues(args: argparse.Namespace, target: str) -> int:
    if args.limit < 1:
        raise CliError("--limit 须是正整数")
    filters: dict[str, object] = {}
    if args.status:
        filters["status"] = _status(args.status)
    if args.overdue:
        filters["overdue"] = True

    from app.database import Database
    from app.issues.lists import IssueList
    from app.labels import label
    from app.listing import ListQuery
    from app.localtime import to_beijing

    source = IssueList()
    query = ListQuery(filters=filters, sort="reported_at", descending=True)
    database = Database(target, must_exist=True)
    try:
        with database.reader() as session:
            rows = source.fetch(session, query, 0, args.limit)
            total = source.count_capped(session, query, args.limit + 1)
    finally:
        database.close()
    keys = [c.key for c in source.columns]
    issues = []
    for row in rows:
        v = dict(zip(keys, row.values, strict=True))
        issues.append(
            {
                "id": row.id,
                "number": v["number"],
                "title": v["title"],
                "category": v["category"],
                "community": v["community"],
                "grid": v["grid"],
                "status": v["status"].value,
                "reported_at": to_beijing(v["reported_at"]).isoformat(),
                "deadline": v["due"][:10] or None,
                "due": v["due"] or None,
                "units": v["units"],
                "satisfaction": v["satisfaction"].value if v["satisfaction"] else None,
                "warning": _colour(row.style) or None,
                "supervised": "supervised" in row.style.split(),
            }
        )
    if args.json:
        print(json.dumps(issues, ensure_ascii=False, indent=2))
        return 0
    if not issues:
        print("没有符合条件的民生事项。")
        return 0
    marks = {"red": "!!", "yellow": "!"}
    print_table(
        ("编号", "状态", "办理时限", "社区", "", "事项"),
        [
            (
                i["number"],
                label(row.values[keys.index("status")]),
                i["due"] or "",
                i["community"],
                marks.get(_colour(row.style), "") + ("督" if i["supervised"] else ""),
                i["title"],
            )
            for i, row in zip(issues, rows, strict=True)
        ],
    )
    more = "，还有更多（用 --limit 列出更多）" if total > len(issues) else ""
    print(f"列出 {len(issues)} 条{more}。!! 红色预警，! 黄色预警，督 督办。")
    return 0
