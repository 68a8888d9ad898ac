"""``gongjian erase KIND ID --reason TEXT``: an administrator erases the personal data of a
person, a resident unit's contact or an issue's reporter (see app/erasure.py)."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.base import Handler, opened

KINDS = {"person": "people", "unit": "resident_units", "issue": "issues"}


def register(commands: Any) -> dict[str, Handler]:
    """Adds the subcommand to ``commands`` (argparse subparsers); returns its handler."""
    erase = commands.add_parser(
        "erase", help="删除一个人的身份证号、电话和地址（含审计日志中的，须以管理员登录）"
    )
    erase.add_argument("kind", choices=tuple(KINDS), metavar="KIND", help="person、unit 或 issue")
    erase.add_argument(
        "record", metavar="ID", help="人员的身份证号、驻区单位的名称、民生事项的编号，或记录的 ID"
    )
    erase.add_argument("--reason", required=True, metavar="TEXT", help="依据，如“本人书面申请”")
    return {"erase": run}


def run(args: argparse.Namespace, target: str) -> int:
    from app.erasure import erase_personal_data, find_erasable, require_may_erase

    entity = KINDS[args.kind]
    with opened(target) as database:
        require_may_erase(database.operator)
        with database.session() as session:
            record_id = find_erasable(session, entity, args.record).record_id
            done = erase_personal_data(session, database.operator, entity, record_id, args.reason)
    print(
        f"已删除 {args.record} 的 {'、'.join(done.fields)}，"
        f"并改写了审计日志中的 {done.entries} 条记录（数值换成摘要，链条保持完整）。"
    )
    return 0
