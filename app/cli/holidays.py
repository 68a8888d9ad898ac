"""Command-line subcommand ``gongjian holidays``: the holiday calendar that issues' deadlines
count on, listed by year, imported from or exported to a holiday file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.base import CliError, Handler, opened, print_listing


def register(commands: Any) -> dict[str, Handler]:
    """Adds the subcommand to ``commands`` (argparse subparsers); returns its handler."""
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
    return {"holidays": holidays}


def holidays(args: argparse.Namespace, target: str) -> int:
    """Lists a year's holidays and make-up working days, or imports or exports a year."""
    from app.issues import holidays as calendar
    from app.labels import label
    from app.localtime import beijing_today

    year = args.year or beijing_today().year
    if not 2000 <= year <= 2100:
        raise CliError("--year 须在2000到2100之间")
    with opened(target) as database:
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
    off = sum(not d.is_workday for d in days)
    return print_listing(
        [
            {
                "date": d.day.isoformat(),
                "workday": d.is_workday,
                "name": d.name,
                "origin": d.origin.value,
                "source": d.source,
            }
            for d in days
        ],
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
        as_json=args.json,
        header=("日期", "星期", "类型", "名称", "来源"),
        empty=f"{year}年没有节假日与调休记录：请导入这一年的节假日文件（--import）。",
        footer=f"{year}年：放假{off}天，调休上班{len(days) - off}天。",
    )
