"""Command-line subcommands for Excel: ``gongjian import``, ``import-template`` and ``export``.

The kinds are listed here by name so that ``--help`` stays fast (no SQLAlchemy, no openpyxl);
tests check that they match the kinds and lists of app/excel.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.base import Handler, opened

IMPORT_KINDS = ("units", "party-orgs", "people", "members", "agreements", "issues")
EXPORT_LISTS = (*IMPORT_KINDS, "meetings", "postings", "list-entries")
EXIT_PROBLEMS = 1


def register(commands: Any) -> dict[str, Handler]:
    """Adds the subcommands to ``commands`` (argparse subparsers); returns their handlers."""
    kinds = "、".join(IMPORT_KINDS)
    reading = commands.add_parser(
        "import", help="从 Excel（.xlsx）导入驻区单位、党组织、人员、报到、协议或民生事项"
    )
    reading.add_argument("kind", choices=IMPORT_KINDS, metavar="KIND", help=f"种类：{kinds}")
    reading.add_argument("file", type=Path, metavar="FILE.xlsx")
    reading.add_argument("--dry-run", action="store_true", help="只检查并列出问题，不写入")
    reading.add_argument(
        "--update-duplicates",
        action="store_true",
        help="用文件中的内容更新已有的重复记录（默认跳过重复记录）",
    )
    template = commands.add_parser("import-template", help="生成某种记录的 Excel 导入模板")
    template.add_argument("kind", choices=IMPORT_KINDS, metavar="KIND", help=f"种类：{kinds}")
    template.add_argument("file", type=Path, metavar="FILE.xlsx")
    writing = commands.add_parser("export", help="把一个列表的全部记录导出为 Excel（.xlsx）")
    writing.add_argument(
        "kind", choices=EXPORT_LISTS, metavar="LIST", help="列表：" + "、".join(EXPORT_LISTS)
    )
    writing.add_argument("file", type=Path, metavar="FILE.xlsx")
    writing.add_argument("--search", default="", metavar="TEXT", help="只导出搜索到的记录")
    writing.add_argument(
        "--reveal-personal",
        action="store_true",
        help="身份证号和电话不打码（须以管理员或工作人员登录；记入审计日志）",
    )
    return {"import": import_rows, "import-template": write_template, "export": export_rows}


def import_rows(args: argparse.Namespace, target: str) -> int:
    from app.excel.importing import Action, ImportRefused, Report, import_file, preview
    from app.excel.kinds import IMPORT_KINDS as KINDS

    kind = KINDS[args.kind]
    report: Report
    with opened(target) as database:
        try:
            if args.dry_run:
                report = preview(database, kind, args.file, args.update_duplicates)
            else:
                report = import_file(database, kind, args.file, args.update_duplicates)
        except ImportRefused as refused:
            report = refused.report
    if (ignored := report.ignored_note()) is not None:
        print(ignored, file=sys.stderr)
    for problem in report.problems:
        column = f"“{problem.column}”列" if problem.column else ""
        print(f"第{problem.row}行 {column}：{problem.message}")
    counts = (
        f"新增 {report.count(Action.CREATE)} 条，更新 {report.count(Action.UPDATE)} 条，"
        f"跳过重复 {report.count(Action.SKIP)} 条"
    )
    if report.problems:
        print(
            f"共 {len(report.problems)} 处问题（{len(report.rows)} 行数据中有"
            f" {report.count(Action.PROBLEM)} 行有问题），没有写入任何记录。改正后再导入。",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    done = "检查通过，未写入（--dry-run）：可" if args.dry_run else "已导入："
    print(f"{done}{counts}。{report.note or ''}")
    return 0


def write_template(args: argparse.Namespace, target: str) -> int:
    from app.excel.kinds import IMPORT_KINDS as KINDS
    from app.excel.template import write_template as write

    write(KINDS[args.kind], args.file)
    print(f"已保存导入模板：{args.file}")
    return 0


def export_rows(args: argparse.Namespace, target: str) -> int:
    from app.access import Use, require_reveal
    from app.excel.exporting import export_list
    from app.excel.lists import list_source
    from app.listing import ListQuery

    title, source = list_source(args.kind)
    query = ListQuery(
        search=args.search.strip(),
        sort=source.default_sort,
        descending=source.default_descending,
        use=Use.DOCUMENT if args.reveal_personal else Use.SCREEN,
    )
    with opened(target) as database:
        if args.reveal_personal:
            require_reveal(database.operator)
        count = export_list(database, source, query, args.file, title)
    print(f"已导出 {count:,} 条记录：{args.file}")
    return 0
