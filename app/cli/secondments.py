"""Command-line subcommands for cadre secondments: ``gongjian secondments list``,
``gongjian secondments form`` (the 双向评价表 or 挂职鉴定表 of a posting as PDF) and
``gongjian secondments forms`` (a year's 双向评价表 of every cadre, in one file or a folder)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.base import (
    CliError,
    Handler,
    day_count,
    fetch_all,
    listed_record,
    print_listing,
    reading,
    subcommands,
)


def register(commands: Any) -> dict[str, Handler]:
    """Adds the subcommands to ``commands`` (argparse subparsers); returns their handlers."""
    sub = subcommands(commands, "secondments", "干部挂职", dest="secondments_command")
    listing = sub.add_parser("list", help="列出挂职（最近开始的在前）")
    listing.add_argument("--json", action="store_true", help="输出 JSON")
    listing.add_argument("--active", action="store_true", help="只列在岗（含延期）的挂职")
    ending = listing.add_mutually_exclusive_group()
    ending.add_argument(
        "--ending-days",
        type=day_count,
        metavar="N",
        help="只列 N 天内到期的在岗挂职（按结束日期排序）",
    )
    ending.add_argument(
        "--ending-next-month",
        action="store_true",
        help="只列下个月到期的在岗挂职（按结束日期排序），以便安排接替",
    )
    form = sub.add_parser("form", help="把一项挂职的双向评价表或挂职鉴定表导出为 PDF")
    form.add_argument("posting_id", metavar="ID")
    form.add_argument(
        "--kind",
        choices=("evaluation", "assessment"),
        default="evaluation",
        help="evaluation：双向评价表（默认）；assessment：挂职鉴定表",
    )
    form.add_argument(
        "--period",
        choices=("mid_term", "annual", "end_of_term"),
        help="评价类别（双向评价表；默认最近一次评价的类别）",
    )
    form.add_argument("--year", type=int, help="评价年度（双向评价表；默认最近一次评价的年度）")
    form.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    forms = sub.add_parser(
        "forms", help="把某一年度每位挂职干部的双向评价表导出为一个 PDF，或每人一个 PDF 存入文件夹"
    )
    forms.add_argument("--year", type=int, required=True, help="评价年度")
    forms.add_argument("--disagreement-only", action="store_true", help="只导出两方评价差异较大的")
    where = forms.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output", type=Path, metavar="FILE.pdf", help="合并为一个文件")
    where.add_argument("--folder", type=Path, metavar="DIR", help="每人一个文件，存入这个文件夹")
    return {"secondments": run}


def run(args: argparse.Namespace, target: str) -> int:
    if args.secondments_command == "form":
        return export_form(args, target)
    if args.secondments_command == "forms":
        return export_forms(args, target)
    return list_postings(args, target)


def export_forms(args: argparse.Namespace, target: str) -> int:
    from app.exports.pdf.writing import atomic_write_bytes
    from app.secondments import form_batch
    from app.secondments.evaluations import annual_assessment

    with reading(target) as session:
        rows = annual_assessment(session, args.year)
        if args.disagreement_only:
            rows = [r for r in rows if r.pair.disagreement]
        requests = form_batch.requests_of(rows)
        forms = form_batch.read_forms(session, requests)
    if not forms:
        raise CliError(f"{args.year}年没有符合条件的双向评价。")
    rendered = form_batch.render_forms(requests, forms)
    if args.output is not None:
        atomic_write_bytes(args.output, form_batch.combined_pdf(rendered))
        print(f"已导出 {len(rendered)} 份评价表：{args.output}")
    else:
        written = form_batch.write_folder(args.folder, form_batch.files_per_posting(rendered))
        print(f"已导出 {len(rendered)} 份评价表，共 {len(written)} 个文件：{args.folder}")
    return 0


def export_form(args: argparse.Namespace, target: str) -> int:
    from app.secondments import documents, evaluations
    from db.models.secondments import EvaluationPeriod

    with reading(target) as session:
        if args.kind == "assessment":
            from app.exports.pdf.assessment import write_assessment_form

            write_assessment_form(documents.assessment_form(session, args.posting_id), args.output)
        else:
            from app.exports.pdf.evaluation import write_evaluation_form

            pairs = evaluations.evaluation_pairs(session, args.posting_id)
            wanted = [
                p
                for p in pairs
                if (args.period is None or p.period.value == args.period)
                and (args.year is None or p.year == args.year)
            ]
            if wanted:
                period, year = wanted[-1].period, wanted[-1].year
            elif args.period is not None and args.year is not None:
                period, year = EvaluationPeriod(args.period), args.year  # a blank form
            else:
                raise CliError(
                    "这项挂职还没有符合条件的评价；要打印空白表请给出 --period 和 --year。"
                )
            form = documents.evaluation_form(session, args.posting_id, period, year)
            write_evaluation_form(form, args.output)
    print(f"已导出：{args.output}")
    return 0


def list_postings(args: argparse.Namespace, target: str) -> int:
    from app.listing import ListQuery
    from app.secondments.lists import NEXT_MONTH, PostingList

    source = PostingList()
    filters: dict[str, Any] = {}
    if args.active:
        filters["active"] = True
    if args.ending_days is not None:
        filters["ending_within"] = args.ending_days
    if args.ending_next_month:
        filters["ending_within"] = NEXT_MONTH
    ending = "ending_within" in filters
    query = ListQuery(
        filters=filters,
        sort="ends_on" if ending else "starts_on",
        descending=not ending,
    )
    # planned_ends_on: the agreed end, where 延期 or 提前结束 moved it; else null
    keys = ("person", "kind", "home", "host", "host_post", "starts_on", "ends_on",
            "planned_ends_on", "status")  # fmt: skip
    postings = [
        listed_record(source, row, keys, ("kind", "status"))
        for row in fetch_all(target, source, query)
    ]
    return print_listing(
        postings,
        [
            (
                p["id"],
                p["person"],
                p["kind_label"],
                p["status_label"],
                p["starts_on"],
                p["ends_on"],
                p["planned_ends_on"] or "",
                p["host"],
                p["host_post"],
            )
            for p in postings
        ],
        as_json=args.json,
        header=("ID", "姓名", "类型", "状态", "开始", "结束", "原定结束", "挂职单位", "挂职岗位"),
        empty="没有符合条件的挂职。",
        footer=f"共 {len(postings)} 项挂职。",
    )
