"""SQL that SQLite and PostgreSQL spell differently, written once (the two databases the
application opens: an SQLite file, or the shared office server).

- ``joined(value, separator)``: the values of a group joined into one text
  (SQLite ``group_concat``, PostgreSQL ``string_agg``);
- ``likely(condition)``: SQLite's planner hint that a condition is nearly always true (so it
  walks the sort index instead of the condition's); other databases get the plain condition;
- ``position_of(text, part)``: where ``part`` starts in ``text``, from 1; 0 when it is not in
  it (SQLite ``instr``, PostgreSQL ``strpos``). Unlike LIKE, ``%`` and ``_`` are plain
  characters and case matters, as typed;
- ``beijing_date(time)``: the Beijing calendar day of a stored (UTC) time;
- ``days_between(start, end)``: days, with fractions, from one time to another.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Boolean, Date, Float, Integer, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class joined(FunctionElement[str]):  # noqa: N801 - read as SQL functions
    type = String()
    inherit_cache = True


class likely(FunctionElement[bool]):  # noqa: N801
    type = Boolean()
    inherit_cache = True


class position_of(FunctionElement[int]):  # noqa: N801
    type = Integer()
    inherit_cache = True


class beijing_date(FunctionElement[date]):  # noqa: N801
    type = Date()
    inherit_cache = True


class days_between(FunctionElement[float]):  # noqa: N801
    type = Float()
    inherit_cache = True


def _spelled(function: type[FunctionElement[Any]], sqlite: str, other: str) -> None:
    """``function(args)`` becomes ``sqlite(args)`` on SQLite and ``other(args)`` elsewhere
    (just ``args`` when ``other`` is empty)."""

    def on_sqlite(element: Any, compiler: SQLCompiler, **kw: Any) -> str:
        return f"{sqlite}({compiler.process(element.clauses, **kw)})"

    def elsewhere(element: Any, compiler: SQLCompiler, **kw: Any) -> str:
        arguments = compiler.process(element.clauses, **kw)
        return f"{other}({arguments})" if other else arguments

    compiles(function, "sqlite")(on_sqlite)
    compiles(function)(elsewhere)


_spelled(joined, "group_concat", "string_agg")
_spelled(likely, "likely", "")
_spelled(position_of, "instr", "strpos")


@compiles(beijing_date, "sqlite")
def _beijing_date_sqlite(element: beijing_date, compiler: SQLCompiler, **kw: Any) -> str:
    return f"date({compiler.process(element.clauses, **kw)}, '+8 hours')"


@compiles(beijing_date)
def _beijing_date_other(element: beijing_date, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(({compiler.process(element.clauses, **kw)} + INTERVAL '8 hours') AS DATE)"


@compiles(days_between, "sqlite")
def _days_between_sqlite(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = (compiler.process(c, **kw) for c in element.clauses)
    return f"(julianday({end}) - julianday({start}))"


@compiles(days_between)
def _days_between_other(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = (compiler.process(c, **kw) for c in element.clauses)
    return f"(EXTRACT(EPOCH FROM ({end} - {start})) / 86400.0)"
