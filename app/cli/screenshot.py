"""Command-line subcommand ``gongjian screenshot TAB[/VIEW] -o FILE.png``: the main window on
one tab, rendered offscreen (the one command besides opening the window that reaches ui/)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.base import CliError, Handler

TABS = ("home", "meetings", "agreements", "secondments", "issues", "directory")


def register(commands: Any) -> dict[str, Handler]:
    """Adds the subcommand to ``commands`` (argparse subparsers); returns its handler."""
    shot = commands.add_parser("screenshot", help="把主窗口的一个页签渲染为 PNG 图片")
    shot.add_argument(
        "tab",
        metavar="TAB[/VIEW]",
        type=_screen,
        help="页签：" + "、".join(TABS) + "；或 页签/视图",
    )
    shot.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.png")
    shot.add_argument("--size", default="1366x768", type=_size, metavar="WxH")
    return {"screenshot": take}


def _screen(text: str) -> str:
    if text.partition("/")[0] not in TABS:
        raise argparse.ArgumentTypeError(f"未知页签：{text}（可选：{'、'.join(TABS)}）")
    return text


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"尺寸应写成 宽x高，例如 1366x768：{text}") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"尺寸超出范围（320x240 至 7680x4320）：{text}")
    return width, height


def take(args: argparse.Namespace, target: str) -> int:
    from app.database import Database

    from ui.screenshot import take_screenshot

    Database(target, must_exist=True).close()  # report a missing or bad file before Qt starts
    try:
        path = take_screenshot(target, args.tab, args.output, args.size)
    except ValueError as error:
        raise CliError(f"这个页签没有名为“{args.tab.partition('/')[2]}”的视图") from error
    print(f"已保存截图：{path}")
    return 0
