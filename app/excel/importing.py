"""Importing the rows of a spreadsheet through the same use cases the edit dialogs call.

``preview`` runs the whole import in a transaction and rolls it back, so every rule the
services check (required fields, ID check digits, names that exist, duplicates) is reported
per row without writing anything; ``import_file`` runs it again and commits only when no row
has a problem: all rows or none.

Rows share one transaction without savepoints (SQLite's Python driver commits a released
outermost savepoint): this is sound because every use case checks its input before it writes,
so a refused row has written nothing. A row the database itself refuses (a constraint no
check covers) ends the run, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar, cast

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import audit
from app.access import write_refusal
from app.database import Database
from app.errors import UserError, ValidationError
from app.excel import cells
from app.excel.names import Names
from app.excel.reading import FileRefused, Table, read_table, refused
from app.i18n import QT_TRANSLATE_NOOP, Message

D = TypeVar("D")
Progress = Callable[[int, int], None]  # (rows done, rows in all)
PROGRESS_EVERY = 200  # rows between two progress reports


@dataclass(frozen=True)
class ImportColumn:
    field: str  # the record field whose ValidationError this column shows
    header: str  # QT_TRANSLATE_NOOP("columns", …): the same words as the list's column
    note: str  # what to write, for the template's 说明 (Chinese, as the template is)
    example: str
    required: bool = False
    also: tuple[str, ...] = ()  # other record fields reported in this column


@dataclass(frozen=True)
class Existing:
    """A record already stored that a row duplicates."""

    id: str
    version: int


class Cells:
    """One row's cells by record field (None for a column the file does not have)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self._values = values

    def __getitem__(self, field: str) -> Any:
        return self._values.get(field)

    def text(self, field: str) -> str:
        return cells.text(self._values.get(field))


class ImportKind(Generic[D]):
    """One kind of record a spreadsheet can add: its columns and how a row is saved."""

    key: ClassVar[str]  # the command-line name
    title: ClassVar[str]  # QT_TRANSLATE_NOOP("excel", …)
    area: ClassVar[str]  # the DataEvents area its records belong to
    columns: ClassVar[tuple[ImportColumn, ...]]

    def parse(self, row: Cells, names: Names) -> D:
        """The row as the record the service takes; ValidationError for a bad cell."""
        raise NotImplementedError

    def validate(self, data: D) -> None:
        """The record's own rules (the edit dialog's), checked before duplicates are looked
        for, so that a duplicate that will be skipped is checked too."""
        cast(Any, data).validated()

    def identity(self, data: D) -> tuple[Any, ...] | None:
        """What makes two rows the same record (None: rows are never the same)."""
        raise NotImplementedError

    def existing(self, session: Session, data: D) -> Existing | None:
        raise NotImplementedError

    def create(self, session: Session, data: D) -> None:
        raise NotImplementedError

    def update(self, session: Session, found: Existing, data: D, present: frozenset[str]) -> None:
        """Saves ``data`` over the stored record; fields in no column of the file
        (not in ``present``) keep their stored values."""
        raise NotImplementedError

    def column_of(self, field_name: str) -> str:
        return next((c.header for c in self.columns if field_name in (c.field, *c.also)), "")

    def cell_of(self, field_name: str) -> str:
        """The row's key (a column's field) of the cell a record field is read from."""
        return next((c.field for c in self.columns if field_name in (c.field, *c.also)), "")


def keep_missing(stored: D, data: D, present: frozenset[str]) -> D:
    """``data`` with the fields not in ``present`` taken from ``stored`` (a dataclass)."""
    kept = {f.name: getattr(stored, f.name) for f in fields(stored) if f.name not in present}  # type: ignore[arg-type]
    return replace(data, **kept)  # type: ignore[type-var]


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    SKIP = "skip"
    PROBLEM = "problem"


@dataclass(frozen=True)
class Problem:
    row: int  # the Excel row number
    column: str  # the column header, "" for the row as a whole
    message: Message


@dataclass(frozen=True)
class RowResult:
    row: int
    action: Action
    values: tuple[str, ...]  # the cells of the kind's columns, as text


@dataclass
class Report:
    kind: ImportKind[Any]
    rows: list[RowResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ignored: tuple[str, ...] = ()  # the file's headers that are none of the kind's columns

    def count(self, action: Action) -> int:
        return sum(r.action is action for r in self.rows)

    def ignored_note(self) -> Message | None:
        """Says which columns are not read, so no value is left out unnoticed (a header
        written 是否党员 instead of 党员); None when every column is read."""
        if not self.ignored:
            return None
        return Message(
            "excel",
            QT_TRANSLATE_NOOP(
                "excel",
                "这些列不会导入：{names}。如要导入，请把列名改成“{kind}”导入模板中的列名。",
            ),
            names="、".join(self.ignored),
            kind=Message("excel", self.kind.title),
        )


class ImportRefused(UserError):
    """Some rows have problems: nothing was written."""

    def __init__(self, report: Report) -> None:
        super().__init__(
            Message(
                "excel",
                QT_TRANSLATE_NOOP("excel", "有{n}处问题，没有导入任何记录。"),
                n=len(report.problems),
            )
        )
        self.report = report


def preview(
    database: Database,
    kind: ImportKind[Any],
    path: Path,
    update_duplicates: bool = False,
    progress: Progress | None = None,
) -> Report:
    """What importing ``path`` would do, row by row; nothing is written."""
    table = read_table(path)
    with database.reader() as session:
        try:
            return run(session, kind, table, update_duplicates, progress)
        finally:
            session.rollback()


def import_file(
    database: Database,
    kind: ImportKind[Any],
    path: Path,
    update_duplicates: bool = False,
    progress: Progress | None = None,
) -> Report:
    """Imports every row of ``path`` in one transaction; ImportRefused (nothing written)
    when any row has a problem."""
    if not database.operator.may_edit:  # before reading: not one row per refusal
        raise write_refusal(database.operator)
    table = read_table(path)
    with database.session() as session:
        report = run(session, kind, table, update_duplicates, progress)
        if report.problems:
            raise ImportRefused(report)
        # each record's change is audited on its own; this entry says which file brought them
        counts = {"created": report.count(Action.CREATE), "updated": report.count(Action.UPDATE)}
        audit.event_entry(session, "import", entity=kind.key, detail={"file": path.name, **counts})
    return report


def run(
    session: Session,
    kind: ImportKind[Any],
    table: Table,
    update_duplicates: bool,
    progress: Progress | None = None,
) -> Report:
    """Saves each row of ``table`` in ``session`` (the caller commits or rolls back)."""
    positions = _positions(kind, table)
    present = frozenset(f for c in kind.columns if c.field in positions for f in (c.field, *c.also))
    names = Names(session)
    known = {c.header for c in kind.columns}
    report = Report(kind, ignored=tuple(h for h in table.headers if h and h not in known))
    seen: dict[tuple[Any, ...], int] = {}
    for done, (number, values) in enumerate(table.rows):
        row = {f: values[i] if i < len(values) else None for f, i in positions.items()}
        texts = tuple(cells.text(row.get(c.field)) for c in kind.columns)
        try:
            action = _save_row(
                session,
                kind,
                Cells(row),
                names,
                seen,
                number,
                present if update_duplicates else None,
            )
        except FileRefused:
            raise
        except ValidationError as error:
            for bad in _bad_cells(kind, row, names, error):
                report.problems.append(Problem(number, kind.column_of(bad.field), bad.message))
            action = Action.PROBLEM
        except UserError as error:
            report.problems.append(Problem(number, "", error.message))
            action = Action.PROBLEM
        report.rows.append(RowResult(number, action, texts))
        if progress is not None and (done % PROGRESS_EVERY == 0 or done + 1 == len(table.rows)):
            progress(done + 1, len(table.rows))
    return report


def _bad_cells(
    kind: ImportKind[Any], row: dict[str, Any], names: Names, first: ValidationError
) -> list[ValidationError]:
    """Every bad cell of a row, not only the first, so that one round in Excel fixes them
    all: the row is read again with each bad cell left empty, until it reads or what is
    wrong may come of the emptying (a required cell emptied, a rule over several cells such
    as 至少一个签约方, reported through a column's ``also``)."""
    found = [first]
    emptied = dict(row)
    while (cell := kind.cell_of(found[-1].field)) and emptied.get(cell) is not None:
        emptied[cell] = None
        try:
            kind.validate(kind.parse(Cells(emptied), names))
            break
        except ValidationError as error:
            if kind.cell_of(error.field) != error.field or any(
                e.field == error.field for e in found
            ):
                break
            found.append(error)
        except UserError:
            break  # not a cell's problem: the row's own, reported once it reads
    return found


def _save_row(
    session: Session,
    kind: ImportKind[Any],
    row: Cells,
    names: Names,
    seen: dict[tuple[Any, ...], int],
    number: int,
    update: frozenset[str] | None,
) -> Action:
    """Saves one row; ``update`` holds the fields the file has, None to skip duplicates."""
    data = kind.parse(row, names)
    kind.validate(data)
    identity = kind.identity(data)
    if identity is not None:
        if identity in seen:
            raise UserError(
                Message(
                    "excel",
                    QT_TRANSLATE_NOOP("excel", "与第{row}行重复，请删除其中一行。"),
                    row=seen[identity],
                )
            )
        seen[identity] = number
    found = kind.existing(session, data)
    if found is None:
        kind.create(session, data)
        action = Action.CREATE
    elif update is not None:
        kind.update(session, found, data, update)
        action = Action.UPDATE
    else:
        action = Action.SKIP
    try:
        session.flush()
    except IntegrityError as error:
        session.rollback()
        raise refused(
            QT_TRANSLATE_NOOP(
                "excel", "第{row}行与已有的记录冲突，导入已停止，没有写入任何记录。请核对这一行。"
            ),
            row=number,
        ) from error
    return action


def _positions(kind: ImportKind[Any], table: Table) -> dict[str, int]:
    """Record field → the index of its column in the file; refuses missing required ones."""
    index = {header: i for i, header in enumerate(table.headers)}
    missing = [c.header for c in kind.columns if c.required and c.header not in index]
    if missing:
        raise refused(
            QT_TRANSLATE_NOOP(
                "excel", "文件缺少必填的列：{names}。请使用“{kind}”的导入模板（第1行为列名）。"
            ),
            names="、".join(missing),
            kind=Message("excel", kind.title),
        )
    return {c.field: index[c.header] for c in kind.columns if c.header in index}
