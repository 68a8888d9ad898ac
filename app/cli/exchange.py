"""Command-line subcommands ``gongjian exchange …``: sites, enrolment, packages, status and
conflicts, with ``--json`` where a script reads the answer."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from app.cli.base import (
    CliError,
    Handler,
    opened,
    print_json,
    print_listing,
    print_table,
    subcommands,
)

PASSPHRASE_VARIABLE = "GONGJIAN_ENROL_PASSPHRASE"


def register(commands: Any) -> dict[str, Handler]:
    actions = subcommands(
        commands,
        "exchange",
        "与街道或社区交换数据包（离线：U盘或共享文件夹）",
        dest="exchange_action",
        metavar="ACTION",
    )
    add = actions.add_parser("site-add", help="街道：新建社区站点，写出它的登记文件")
    add.add_argument("--community", required=True, metavar="NAME", help="组织架构中社区的名称")
    add.add_argument("-o", "--output", required=True, type=Path, metavar="ENROLMENT")
    sites = actions.add_parser("sites", help="列出站点")
    sites.add_argument("--json", action="store_true")
    for name, text in (
        ("revoke", "吊销站点（丢失的电脑）：此后拒收它的数据包"),
        ("retire", "停用站点"),
    ):
        state = actions.add_parser(name, help=text)
        state.add_argument("site", metavar="SITE", help="站点的名称、代码或编号")
    enrol = actions.add_parser("enrol", help="社区：用登记文件把这个新数据库登记为社区站点")
    enrol.add_argument("file", type=Path, metavar="FILE")
    enrol.add_argument(
        "--passphrase",
        help=f"街道给出的口令（不写时在终端输入，或用环境变量 {PASSPHRASE_VARIABLE}）",
    )
    export = actions.add_parser("export", help="为一个站点写出数据包")
    export.add_argument("--to", required=True, metavar="SITE", help="站点的名称、代码，或 street")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.gjpkg")
    export.add_argument(
        "--resend", action="store_true", help="从对方确认收到之处起重发（数据包丢失时）"
    )
    load = actions.add_parser("import", help="导入数据包（重复导入无害，缺包时等待）")
    load.add_argument("files", nargs="+", type=Path, metavar="FILE")
    load.add_argument("--json", action="store_true")
    sync = actions.add_parser("sync", help="共享文件夹：导入发给本站点的包，并为每个站点写出新包")
    sync.add_argument("folder", type=Path, metavar="FOLDER")
    status = actions.add_parser("status", help="各站点的交换状态")
    status.add_argument("--json", action="store_true")
    conflicts = actions.add_parser("conflicts", help="列出未处理的冲突")
    conflicts.add_argument("--json", action="store_true")
    return {"exchange": run}


def run(args: argparse.Namespace, target: str) -> int:
    with opened(target, must_exist=args.exchange_action != "enrol") as database:
        return int(_ACTIONS[args.exchange_action](database, args))


def _site_add(database: Any, args: argparse.Namespace) -> int:
    from app.exchange.enrolment import add_community_site

    if args.output.exists():
        raise CliError(f"文件已存在，不覆盖：{args.output}")
    with database.session() as session:
        enrolment = add_community_site(session, args.community)
        _write(args.output, enrolment.data)
    print(f"已新建社区站点 {enrolment.name}（代码 {enrolment.code}），登记文件：{args.output}")
    print(f"口令（只显示这一次，请另行告知社区）：{enrolment.passphrase}")
    return 0


def _sites(database: Any, args: argparse.Namespace) -> int:
    from app.exchange.status import exchange_status

    with database.reader() as session:
        status = exchange_status(session)
    rows = [
        {"id": s.id, "name": s.name, "kind": s.kind.value, "code": s.code, "state": s.state.value}
        for s in status.sites
    ]
    if args.json:
        print_json({"local": status.local, "sites": rows})
        return 0
    print(f"本站点：{status.local or '街道（未参加交换）'}")
    print_table(
        ("代码", "名称", "类型", "状态", "编号"),
        [
            (r["code"] or "-", r["name"], _KINDS[r["kind"]], _STATES[r["state"]], r["id"])
            for r in rows
        ],
    )
    return 0


def _set_state(database: Any, args: argparse.Namespace) -> int:
    from app.exchange.sites import set_state
    from db.models.exchange import SiteState

    state = SiteState.REVOKED if args.exchange_action == "revoke" else SiteState.RETIRED
    with database.session() as session:
        site = set_state(session, args.site, state)
    print(f"站点“{site.name}”已{_STATES[state.value]}。")
    return 0


def _enrol(database: Any, args: argparse.Namespace) -> int:
    from app.exchange.enrolment import enrol

    data = _read(args.file)
    passphrase = args.passphrase or os.environ.get(PASSPHRASE_VARIABLE) or getpass.getpass("口令：")
    with database.session() as session:
        enrolled = enrol(session, data, passphrase)
    print(
        f"本数据库已登记为社区站点“{enrolled.name}”（街道：{enrolled.street}），"
        f"载入 {enrolled.records} 条记录。"
    )
    return 0


def _export(database: Any, args: argparse.Namespace) -> int:
    from app.exchange.exporting import export_package

    with database.session() as session:
        exported = export_package(session, args.to, resend=args.resend)
        _write(args.output, exported.data)
    print(
        f"已写出给“{exported.receiver}”的数据包：{args.output}（序号 {exported.first_seq}–"
        f"{exported.last_seq}，{exported.changes} 项变更，{exported.contents} 个附件）"
    )
    if exported.withheld:
        print(f"有 {exported.withheld} 项变更超出本社区的范围，没有发送。")
    return 0


def _import(database: Any, args: argparse.Namespace) -> int:
    from app.cli.backups import back_up_before

    back_up_before(database.target, "exchange")
    results = [_import_one(database, path) for path in args.files]
    if args.json:
        print_json(results)
    else:
        for result in results:
            print(_describe(result))
    return 0


def _import_one(database: Any, path: Path) -> dict[str, Any]:
    from app.exchange.importing import import_package

    with database.session() as session:
        result = import_package(session, _read(path))
    return {
        "file": str(path),
        "sender": result.sender,
        "first_seq": result.first_seq,
        "last_seq": result.last_seq,
        "applied": result.applied,
        "duplicates": result.duplicates,
        "conflicts": result.conflicts,
        "waiting": result.waiting,
        "missing": list(result.missing) if result.missing else None,
        "mismatches": list(result.mismatches),
    }


def _describe(result: dict[str, Any]) -> str:
    text = (
        f"{result['file']}：来自“{result['sender']}”，序号 {result['first_seq']}–"
        f"{result['last_seq']}，写入 {result['applied']} 项，已有 {result['duplicates']} 项，"
        f"冲突 {result['conflicts']} 项"
    )
    if result["waiting"]:
        text += "；先到的包在等待更早的包"
    if result["missing"]:
        text += f"；缺少序号 {result['missing'][0]}–{result['missing'][1]} 的包"
    if result["mismatches"]:
        text += "；与清单不符：" + "，".join(result["mismatches"])
    return text


def _sync(database: Any, args: argparse.Namespace) -> int:
    from app.cli.backups import back_up_before
    from app.exchange.folder import sync_folder

    back_up_before(database.target, "exchange")
    report = sync_folder(database, args.folder)
    for result in report.imported:
        print(
            f"已导入：{result.sender}，序号 {result.first_seq}–{result.last_seq}，"
            f"写入 {result.applied} 项，冲突 {result.conflicts} 项"
        )
    for path in report.written:
        print(f"已写出：{path}")
    for path, why in report.refused:
        print(f"没有导入 {path.name}：{why}", file=sys.stderr)
    return 1 if report.refused else 0


def _status(database: Any, args: argparse.Namespace) -> int:
    from app.exchange.status import exchange_status

    with database.reader() as session:
        status = exchange_status(session)
    if args.json:
        print_json(_status_json(status))
        return 0
    print(f"本站点：{status.local or '街道（未参加交换）'}；未处理的冲突：{status.open_conflicts}")
    print_table(
        ("站点", "状态", "最近发出", "最近收到", "待发变更", "等待中的包", "缺少的序号"),
        [
            (
                s.name,
                _STATES[s.state.value],
                _when(s.last_sent_at),
                _when(s.last_received_at),
                str(s.unsent),
                str(s.waiting),
                f"{s.missing[0]}–{s.missing[1]}" if s.missing else "-",
            )
            for s in status.sites
        ],
    )
    return 0


def _status_json(status: Any) -> dict[str, Any]:
    return {
        "local": status.local,
        "open_conflicts": status.open_conflicts,
        "sites": [
            {
                "name": s.name,
                "code": s.code,
                "state": s.state.value,
                "last_sent_at": s.last_sent_at.isoformat() if s.last_sent_at else None,
                "last_received_at": s.last_received_at.isoformat() if s.last_received_at else None,
                "unsent": s.unsent,
                "unacknowledged": s.unacknowledged,
                "waiting": s.waiting,
                "missing": list(s.missing) if s.missing else None,
            }
            for s in status.sites
        ],
    }


def _conflicts(database: Any, args: argparse.Namespace) -> int:
    from app.exchange.conflicts import open_conflicts

    with database.reader() as session:
        views = open_conflicts(session)
    return print_listing(
        [
            {
                "id": v.id,
                "table": v.table,
                "record_id": v.record_id,
                "title": v.title,
                "winner_site": v.winner_site,
                "loser_site": v.loser_site,
                "fields": [
                    {"name": f.name, "winner": f.winner, "loser": f.loser} for f in v.fields
                ],
            }
            for v in views
        ],
        [
            (v.id[:8], v.title, v.winner_site, v.loser_site, "、".join(f.name for f in v.fields))
            for v in views
        ],
        as_json=args.json,
        header=("编号", "记录", "采用中（胜出）", "另一版本", "不同的字段"),
        empty="没有未处理的冲突。",
    )


def _when(at: Any) -> str:
    from app.localtime import to_beijing

    return to_beijing(at).strftime("%Y-%m-%d %H:%M") if at else "-"


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise CliError(f"读不了文件：{path}（{error.strerror or error}）") from None


def _write(path: Path, data: bytes) -> None:
    """Written beside, then renamed: a full USB stick leaves no half package."""
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(data)
    partial.replace(path)


_KINDS = {"street": "街道", "community": "社区"}
_STATES = {"active": "使用中", "retired": "停用", "revoked": "吊销"}
_ACTIONS = {
    "site-add": _site_add,
    "sites": _sites,
    "revoke": _set_state,
    "retire": _set_state,
    "enrol": _enrol,
    "export": _export,
    "import": _import,
    "sync": _sync,
    "status": _status,
    "conflicts": _conflicts,
}
