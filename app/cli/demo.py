"""Command-line subcommand ``gongjian demo [--scale street|district|huge]``: the generated demo
street, loaded into an empty database with its progress on stderr."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.base import Handler, opened


def register(commands: Any) -> dict[str, Handler]:
    """Adds the subcommand to ``commands`` (argparse subparsers); returns its handler."""
    demo = commands.add_parser("demo", help="向空数据库载入演示数据")
    demo.add_argument("--scale", choices=("street", "district", "huge"), default="street")
    return {"demo": load_demo}


def load_demo(args: argparse.Namespace, target: str) -> int:
    from app.demo import generate

    with opened(target, must_exist=False) as database:
        progress = _ProgressPrinter()
        summary = generate(database, args.scale, progress=progress)
        progress.finish()
    print(f"已载入演示数据（{args.scale}）到 {database.location}：")
    for label, count in (
        ("街道、片区、社区、网格和科室", summary.org_units),
        ("驻区单位", summary.resident_units),
        ("党组织", summary.party_orgs),
        ("人员", summary.people),
        ("在职党员报到", summary.member_registrations),
        ("联席会议", summary.meetings),
        ("共建协议", summary.agreements),
        ("干部挂职", summary.postings),
        ("民生事项", summary.issues),
    ):
        print(f"  {label}：{count:,}")
    return 0


class _ProgressPrinter:
    """One line rewritten in place on a terminal; a line per tenth in a log or a pipe."""

    def __init__(self) -> None:
        self.interactive = sys.stderr.isatty()
        self.last_tenth = -1

    def __call__(self, done: int, total: int, what: str) -> None:
        percent = 100 * done // total if total else 100
        if self.interactive:
            print(f"\r载入演示数据 {percent:3d}% {what}\033[K", end="", file=sys.stderr, flush=True)
        elif percent // 10 != self.last_tenth:
            self.last_tenth = percent // 10
            print(f"载入演示数据 {percent:3d}% {what}", file=sys.stderr, flush=True)

    def finish(self) -> None:
        if self.interactive:
            print(file=sys.stderr)
