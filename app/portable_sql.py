"""SQL functions that SQLite and PostgreSQL spell differently, written once.

- ``joined(value, separator)``: the values of a group joined into one text
  (SQLite ``group_concat``, PostgreSQL ``string_agg``);
- ``likely(condition)``: SQLite's planner hint that a condition is nearly always true (so it
  walks the sort index instead of the condition's); other databases get the plain condition;
- ``position_of(text, part)``: where ``part`` starts in ``text``, from 1; 0 when it is not in
  it (SQLite ``instr``, PostgreSQL ``strpos``). Unlike LIKE, ``%`` and ``_`` are plain
  characters and case matters, as typed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class joined(FunctionElement[str]):  # noqa: N801 - read as a SQL function
    type = String()
    name = "joined"
    inherit_cache = True


class likely(FunctionElement[bool]):  # noqa: N801 - read as a SQL function
    type = Boolean()
    name = "likely"
    inherit_cache = True


class position_of(FunctionElement[int]):  # noqa: N801 - read as a SQL function
    type = Integer()
    name = "position_of"
    inherit_cache = True


@compiles(joined, "sqlite")
def _joined_sqlite(element: joined, compiler: SQLCompiler, **kw: Any) -> str:
    return f"group_concat({compiler.process(element.clauses, **kw)})"


@compiles(joined)
def _joined_other(element: joined, compiler: SQLCompiler, **kw: Any) -> str:
    return f"string_agg({compiler.process(element.clauses, **kw)})"


@compiles(likely, "sqlite")
def _likely_sqlite(element: likely, compiler: SQLCompiler, **kw: Any) -> str:
    return f"likely({compiler.process(element.clauses, **kw)})"


@compiles(likely)
def _likely_other(element: likely, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(position_of, "sqlite")
def _position_sqlite(element: position_of, compiler: SQLCompiler, **kw: Any) -> str:
    return f"instr({compiler.process(element.clauses, **kw)})"


@compiles(position_of)
def _position_other(element: position_of, compiler: SQLCompiler, **kw: Any) -> str:
    return f"strpos({compiler.process(element.clauses, **kw)})"
