"""What every command-line module shares: the parser class, the handler type, table output.

Kept light (no SQLAlchemy, no Qt): the parser is built before the window starts.
"""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from typing import NoReturn

EXIT_USAGE = 2

Handler = Callable[[argparse.Namespace, str], int]
"""Runs one subcommand on (arguments, database target); returns the exit code."""


class CliError(Exception):
    """A failure to report as one line."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"gongjian: 参数错误：{message}（gongjian --help 查看用法）\n")


def day_count(text: str) -> int:
    """An argparse type: a number of days from 0 to ten years."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"天数应为整数：{text}") from None
    if not 0 <= value <= 3650:
        raise argparse.ArgumentTypeError(f"天数应在0到3650之间：{text}")
    return value


def display_width(text: str) -> int:
    """Columns a text takes in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Columns padded to line up in a terminal; the last column is left ragged."""
    lines = [tuple(header), *(tuple(row) for row in rows)]
    widths = [max(display_width(line[i]) for line in lines) for i in range(len(header) - 1)]
    try:
        for line in lines:
            cells = [
                c + " " * (w - display_width(c)) for c, w in zip(line[:-1], widths, strict=True)
            ]
            print("  ".join([*cells, line[-1]]))
    except BrokenPipeError:  # `gongjian … list | head`: the reader has seen enough
        sys.stdout = open(os.devnull, "w")  # Python's advice: no second error at exit
