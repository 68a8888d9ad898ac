"""Command-line subcommand ``gongjian agreements list``."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.base import (
    Handler,
    day_count,
    fetch_all,
    listed_record,
    print_listing,
    subcommands,
)

STATUSES = ("draft", "active", "expiring", "expired", "terminated", "renewed")


def register(commands: Any) -> dict[str, Handler]:
    """Adds the subcommands to ``commands`` (argparse subparsers); returns their handlers."""
    sub = subcommands(commands, "agreements", "共建协议", dest="agreements_command")
    listing = sub.add_parser("list", help="列出共建协议（按编号排序）")
    listing.add_argument("--json", action="store_true", help="输出 JSON")
    listing.add_argument("--status", choices=STATUSES, help="只列这一状态的协议")
    listing.add_argument(
        "--expiring-days",
        type=day_count,
        metavar="N",
        help="只列 N 天内到期的生效协议（按到期日期排序）",
    )
    return {"agreements": run}


def run(args: argparse.Namespace, target: str) -> int:
    from app.agreements.lists import AgreementList
    from app.listing import ListQuery

    source = AgreementList()
    filters: dict[str, Any] = {}
    if args.status:
        filters["status"] = args.status
    if args.expiring_days is not None:
        filters["expiring_within"] = args.expiring_days
    expiring = args.expiring_days is not None
    query = ListQuery(filters=filters, sort="valid_to" if expiring else "number")
    keys = ("number", "kind", "title", "signed_on", "valid_to", "status")
    agreements = [
        listed_record(source, row, keys, ("kind", "status"))
        for row in fetch_all(target, source, query)
    ]
    return print_listing(
        agreements,
        [
            (a["number"], a["kind_label"], a["status_label"], a["valid_to"], a["title"])
            for a in agreements
        ],
        as_json=args.json,
        header=("编号", "类型", "状态", "有效期至", "协议名称"),
        empty="没有符合条件的协议。",
        footer=f"共 {len(agreements)} 项协议。",
    )
