"""What every command-line module shares: the parser class, the handler type, opening the
database for one command, and output as a table or as JSON.

Kept light (no SQLAlchemy, no Qt): the parser is built before the window starts.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from datetime import date

    from sqlalchemy.orm import Session

    from app.database import Database
    from app.list_shape import Row
    from app.listing import ListQuery, ListSource

EXIT_FAILURE = 1
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


def month_argument(text: str) -> Any:
    """An argparse type: a month typed as 2026-10."""
    from app.dashboard.period import parse_month

    try:
        return parse_month(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"月份应写成 年-月，例如 2026-10：{text}") from None


def subcommands(commands: Any, name: str, help: str, *, dest: str, metavar: str = "COMMAND") -> Any:
    """Adds ``gongjian NAME`` to ``commands`` and returns its own subcommands (argparse
    subparsers), one of which must be given."""
    parser = commands.add_parser(name, help=help)
    return parser.add_subparsers(dest=dest, metavar=metavar, required=True, parser_class=Parser)


@contextmanager
def opened(target: str, *, must_exist: bool = True) -> Iterator[Database]:
    """The database at ``target`` for one command, closed however the block ends."""
    from app.database import Database

    database = Database(target, must_exist=must_exist)
    try:
        yield database
    finally:
        database.close()


@contextmanager
def reading(target: str) -> Iterator[Session]:
    """A reading session on the database at ``target``, which is closed afterwards."""
    with opened(target) as database, database.reader() as session:
        yield session


def fetch_all(target: str, source: ListSource, query: ListQuery) -> list[Row]:
    """Every row of a list, in the query's order."""
    with reading(target) as session:
        return source.fetch(session, query, 0, source.count(session, query))


def values_by_key(source: ListSource, row: Row) -> dict[str, Any]:
    """A list row's values under their columns' keys."""
    return dict(zip((column.key for column in source.columns), row.values, strict=True))


def listed_record(
    source: ListSource, row: Row, keys: Sequence[str], labelled: Sequence[str]
) -> dict[str, Any]:
    """A list row for JSON output: its id, the values of ``keys`` (a code for a kind or
    status, ISO for a day), then ``KEY_label``, the shown name, for each key in ``labelled``."""
    from datetime import date
    from enum import StrEnum

    from app.labels import label

    def plain(value: Any) -> Any:
        if isinstance(value, StrEnum):
            return value.value
        return iso(value) if isinstance(value, date) else value

    values = values_by_key(source, row)
    record = {"id": row.id, **{key: plain(values[key]) for key in keys}}
    return record | {f"{key}_label": label(values[key]) for key in labelled}


def iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def print_listing(
    records: object,
    table: Sequence[Sequence[str]],
    *,
    as_json: bool,
    header: Sequence[str],
    empty: str,
    footer: str = "",
) -> int:
    """A list command's answer: ``records`` as JSON, or ``table`` under ``header`` and above
    ``footer``, or ``empty`` when there is nothing to show."""
    if as_json:
        print_json(records)
    elif not table:
        print(empty)
    else:
        print_table(header, table)
        if footer:
            print(footer)
    return 0


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
