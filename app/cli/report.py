"""Command-line subcommand ``gongjian report [--month 2026-10] [--community NAME] -o FILE.pdf``:
the monthly report (工作月报) as PDF; without ``--month``, this month's, or the month just ended
during the first five days of a month."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.base import CliError, Handler, month_argument, reading


def register(commands: Any) -> dict[str, Handler]:
    """Adds the subcommand to ``commands`` (argparse subparsers); returns its handler."""
    report = commands.add_parser("report", help="把一个月的工作月报导出为 PDF")
    report.add_argument(
        "--month",
        type=month_argument,
        metavar="YYYY-MM",
        help="月份（默认本月；每月1日至5日默认上个月）",
    )
    report.add_argument("--community", metavar="NAME", help="只统计这个社区（默认全街道）")
    report.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    return {"report": run}


def run(args: argparse.Namespace, target: str) -> int:
    from app.dashboard.period import month_of, reporting_day
    from app.dashboard.report import community_by_name, monthly_report
    from app.exports.pdf.report import write_report
    from app.localtime import beijing_today
    from db.base import utcnow

    month = args.month or month_of(reporting_day(beijing_today()))
    with reading(target) as session:
        community_id = None
        if args.community:
            community_id = community_by_name(session, args.community)
            if community_id is None:
                raise CliError(f"没有叫“{args.community}”的社区，请检查社区名称。")
        report = monthly_report(session, month, utcnow(), community_id)
    write_report(report, args.output)
    print(f"已导出：{args.output}")
    return 0
