"""Command-line subcommand ``gongjian agreements list``."""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.cli_base import Handler, Parser, day_count, print_table

STATUSES = ("draft", "active", "expiring", "expired", "terminated", "renewed")


def register(commands: Any) -> dict[str, Handler]:
    """Adds the subcommands to ``commands`` (argparse subparsers); returns their handlers."""
    agreements = commands.add_parser("agreements", help="共建协议")
    sub = agreements.add_subparsers(
        dest="agreements_command", metavar="COMMAND", required=True, parser_class=Parser
    )
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
    from app.database import Database
    from app.labels import label
    from app.listing import ListQuery

    source = AgreementList()
    filters: dict[str, Any] = {}
    if args.status:
        filters["status"] = args.status
    if args.expiring_days is not None:
        filters["expiring_within"] = args.expiring_days
    expiring = args.expiring_days is not None
    query = ListQuery(filters=filters, sort="valid_to" if expiring else "number")
    database = Database(target, must_exist=True)
    try:
        with database.reader() as session:
            rows = source.fetch(session, query, 0, source.count(session, query))
    finally:
        database.close()
    keys = ("number", "kind", "title", "signed_on", "valid_to", "status")
    index = {key: source.column_index(key) for key in keys}
    agreements = []
    for row in rows:
        values = {key: row.values[i] for key, i in index.items()}
        agreements.append(
            {
                "id": row.id,
                "number": values["number"],
                "kind": values["kind"].value,
                "title": values["title"],
                "signed_on": _iso(values["signed_on"]),
                "valid_to": _iso(values["valid_to"]),
                "status": values["status"].value,
                "kind_label": label(values["kind"]),
                "status_label": label(values["status"]),
            }
        )
    if args.json:
        print(json.dumps(agreements, ensure_ascii=False, indent=2))
    elif not agreements:
        print("没有符合条件的协议。")
    else:
        print_table(
            ("编号", "类型", "状态", "有效期至", "协议名称"),
            [
                (a["number"], a["kind_label"], a["status_label"], a["valid_to"], a["title"])
                for a in agreements
            ],
        )
        print(f"共 {len(agreements)} 项协议。")
    return 0


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None
