"""What a list shows, free of SQLAlchemy: its columns, how each value is shown, and a row.

The list sources (``app.listing``) and the plain-SQL readers of a tab's first page (each
area's ``first_page.py``, read before SQLAlchemy has loaded) share these shapes, so a list's
columns are written once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

PAGE_SIZE = 200  # the rows a list reads at a time: the window's pages, the early first page


class ColumnKind(StrEnum):
    """How the UI shows a value."""

    TEXT = "text"
    ENUM = "enum"  # a StrEnum value, shown by its translated label
    DATE = "date"
    DATETIME = "datetime"
    NUMBER = "number"
    BOOL = "bool"


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # a QT_TRANSLATE_NOOP("columns", …) template
    kind: ColumnKind = ColumnKind.TEXT
    sortable: bool = True
    width: int = 120  # pixels at the default font, a starting point the user can change
    stretch: bool = False  # takes the spare width (the longest text, not a narrow last column)


@dataclass(frozen=True)
class Row:
    id: str
    version: int
    values: tuple[Any, ...]
    key: tuple[Any, ...] = ()  # (sort value, id) for ``fetch_after``; empty when not keyset
    style: str = ""  # how to show the row: "red" or "yellow", and/or "supervised"; "" plain
