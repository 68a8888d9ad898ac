"""Command-line subcommands for issues: ``gongjian issues list`` and ``gongjian workorder``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.base import CliError, Handler, opened, print_listing, reading, subcommands

DEFAULT_LIMIT = 50


def register(commands: Any) -> dict[str, Handler]:
    """Adds the subcommands to ``commands`` (argparse subparsers); returns their handlers."""
    issue_commands = subcommands(commands, "issues", "民生事项", dest="issues_command")
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
    return {"issues": list_issues, "workorder": export_work_order}


def export_work_order(args: argparse.Namespace, target: str) -> int:
    from sqlalchemy import or_, select

    from app.issues.workorder import write_work_order
    from db.models.issues import Issue

    with opened(target) as database:
        with database.reader() as session:
            found = session.scalar(
                select(Issue.id).where(or_(Issue.number == args.issue, Issue.id == args.issue))
            )
        if found is None:
            raise CliError(f"找不到民生事项：{args.issue}")
        write_work_order(database, found, args.output)
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

    from app.issues.lists import IssueList
    from app.labels import label
    from app.listing import ListQuery
    from app.localtime import to_beijing

    source = IssueList()
    query = ListQuery(filters=filters, sort="reported_at", descending=True)
    with reading(target) as session:
        rows = source.fetch(session, query, 0, args.limit)
        total = source.count_capped(session, query, args.limit + 1)
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
    marks = {"red": "!!", "yellow": "!"}
    more = "，还有更多（用 --limit 列出更多）" if total > len(issues) else ""
    return print_listing(
        issues,
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
        as_json=args.json,
        header=("编号", "状态", "办理时限", "社区", "", "事项"),
        empty="没有符合条件的民生事项。",
        footer=f"列出 {len(issues)} 条{more}。!! 红色预警，! 黄色预警，督 督办。",
    )
