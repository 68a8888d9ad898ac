"""Importing the rows of a spreadsheet through the same use cases the edit dialogs call.

An import is planned before anything is written: every row is read, checked against the
records' own rules and the services' (required fields, ID check digits, names that exist,
duplicates) and built, in a session that defers every write (``audit.DEFER_FLUSH``, no
autoflush). ``preview`` stops there and rolls back: it never takes the database's write lock,
so another window or program can go on saving while the user reads the preview. ``import_file``
plans the same way and, when no row has a problem, writes everything in one short
transaction at the end: all rows or none, the write lock held only for that last step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from app import audit
from app.access import write_refusal
from app.database import Database
from app.errors import UserError, ValidationError
from app.excel import cells
from app.excel.container import refused
from app.excel.headers import match_headers, near_miss, refuse_missing
from app.excel.kind import Batch, Cells, Existing, ImportKind, Staged
from app.excel.names import Names
from app.excel.reading import Oddity, Table, read_table
from app.i18n import QT_TRANSLATE_NOOP, Message

Progress = Callable[[int, int], None]  # (steps done, steps in all)
PROGRESS_EVERY = 200  # rows between two progress reports


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    SKIP = "skip"
    PROBLEM = "problem"


@dataclass(frozen=True)
class Problem:
    row: int  # the Excel row number (1: the column names)
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
    note: Message | None = None  # what else importing does (members added to the directory)

    def count(self, action: Action) -> int:
        return sum(r.action is action for r in self.rows)

    def ignored_note(self) -> Message | None:
        """Says which columns are not read, so no value is left out unnoticed; None when
        every column is read."""
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


class DatabaseBusy(UserError):
    """Another program held the database's write lock longer than the busy timeout."""

    def __init__(self) -> None:
        super().__init__(
            Message(
                "excel",
                QT_TRANSLATE_NOOP(
                    "excel",
                    "数据库正被另一个程序（或另一个共建台窗口）写入，等待后仍未空出，"
                    "没有导入任何记录。请稍后重试。",
                ),
            )
        )


def preview(
    database: Database,
    kind: ImportKind[Any],
    path: Path,
    update_duplicates: bool = False,
    progress: Progress | None = None,
) -> Report:
    """What importing ``path`` would do, row by row; nothing is written."""
    table = read_table(path)
    with _busy_reported(), database.reader() as session:
        try:
            return plan(session, kind, table, update_duplicates, progress)[0]
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
    when any row has a problem, DatabaseBusy when the database stays locked."""
    if not database.operator.may_edit:  # before reading: not one row per refusal
        raise write_refusal(database.operator)
    table = read_table(path)
    # the write lock is taken at the first write, after every row was checked and built
    with _busy_reported(), database.session(lock_at_once=False) as session:
        report, staged = plan(session, kind, table, update_duplicates, progress)
        if report.problems:
            raise ImportRefused(report)
        try:
            with session.no_autoflush:  # bulk rows first: the records built may refer to them
                staged.write(session)
            session.flush()
        except IntegrityError as error:
            raise refused(
                QT_TRANSLATE_NOOP(
                    "excel",
                    "有记录与刚刚别处保存的记录冲突，没有导入任何记录。请重新检查后再导入。",
                )
            ) from error
        # each record's change is audited on its own; this entry says which file brought them
        counts = {"created": report.count(Action.CREATE), "updated": report.count(Action.UPDATE)}
        audit.event_entry(session, "import", entity=kind.key, detail={"file": path.name, **counts})
    return report


@contextmanager
def _busy_reported() -> Iterator[None]:
    try:
        yield
    except OperationalError as error:
        reason = str(error.orig).lower()
        if "locked" in reason or "busy" in reason:
            raise DatabaseBusy() from error
        raise


def plan(
    session: Session,
    kind: ImportKind[Any],
    table: Table,
    update_duplicates: bool,
    progress: Progress | None = None,
) -> tuple[Report, Staged]:
    """Reads, checks and builds every row of ``table`` in ``session`` without writing; the
    caller writes (``Staged.write``, then a flush) or rolls back."""
    session.info[audit.DEFER_FLUSH] = True
    with session.no_autoflush:
        return _Planner(session, kind, table, progress).run(update_duplicates)


class _Planner:
    def __init__(
        self, session: Session, kind: ImportKind[Any], table: Table, progress: Progress | None
    ) -> None:
        self.session = session
        self.kind = kind
        self.table = table
        self.progress = progress
        self.steps = 0
        self.total = 2 * len(table.rows)  # each row read, then staged
        matched = match_headers(table.headers, [c.header for c in kind.columns])
        refuse_missing(kind, matched.positions, matched.near)
        self.positions = {
            c.field: matched.positions[c.header]
            for c in kind.columns
            if c.header in matched.positions
        }
        self.report = Report(kind, ignored=matched.ignored)
        for header, like in matched.near.items():
            self._problem(1, header, near_miss(header, like))
        self.cell_problems = _cell_problems(table, {i: h for h, i in matched.positions.items()})

    def run(self, update_duplicates: bool) -> tuple[Report, Staged]:
        kind = self.kind
        names = Names(self.session)
        seen: dict[tuple[Any, ...], int] = {}
        actions: dict[int, Action] = {}
        texts: dict[int, tuple[str, ...]] = {}
        parsed: list[tuple[int, Any]] = []
        for number, values in self.table.rows:
            row = {f: values[i] if i < len(values) else None for f, i in self.positions.items()}
            texts[number] = tuple(cells.text(row.get(c.field)) for c in kind.columns)
            odd = self.cell_problems.get(number, [])
            for column, message in odd:
                self._problem(number, column, message)
            data = self._parse(number, row, names, seen, {column for column, _m in odd})
            if data is not None and not odd:
                parsed.append((number, data))
            else:
                actions[number] = Action.PROBLEM
            self._tick()
        present = frozenset(
            f for c in kind.columns if c.field in self.positions for f in (c.field, *c.also)
        )
        staged = self._stage(parsed, actions, present if update_duplicates else None)
        self.report.note = staged.note
        for number, error in staged.problems.items():
            self._refused(number, error)
            actions[number] = Action.PROBLEM
        self.report.rows = [RowResult(n, actions[n], texts[n]) for n, _values in self.table.rows]
        self.report.problems.sort(key=lambda p: p.row)  # stable: a row's own order is kept
        return self.report, staged

    def _parse(
        self,
        number: int,
        row: dict[str, Any],
        names: Names,
        seen: dict[tuple[Any, ...], int],
        explained: set[str],
    ) -> Any:
        """The row's record, or None after noting every problem of the row (but those of the
        ``explained`` columns, whose cells read as empty for a reason already given)."""
        kind = self.kind
        try:
            data = kind.validate(kind.parse(Cells(row), names))
        except ValidationError as error:
            for bad in _bad_cells(kind, row, names, error):
                if (column := kind.column_of(bad.field)) not in explained:
                    self._problem(number, column, bad.message)
            return None
        except UserError as error:
            self._problem(number, "", error.message)
            return None
        identity = kind.identity(data)
        if identity is not None:
            if identity in seen:
                self._problem(
                    number,
                    "",
                    Message(
                        "excel",
                        QT_TRANSLATE_NOOP("excel", "与第{row}行重复，请删除其中一行。"),
                        row=seen[identity],
                    ),
                )
                return None
            seen[identity] = number
        return data

    def _stage(
        self,
        parsed: list[tuple[int, Any]],
        actions: dict[int, Action],
        update: frozenset[str] | None,
    ) -> Staged:
        found = self.kind.find_existing(self.session, [data for _n, data in parsed])
        creates: list[tuple[int, Any]] = []
        updates: list[tuple[int, Existing, Any]] = []
        for (number, data), existing in zip(parsed, found, strict=True):
            if existing is None:
                creates.append((number, data))
                actions[number] = Action.CREATE
            elif update is not None:
                updates.append((number, existing, data))
                actions[number] = Action.UPDATE
            else:
                actions[number] = Action.SKIP
                self._tick()
        self.steps += len(self.table.rows) - len(parsed)  # rows with problems: nothing to stage
        batch = Batch(creates, updates, update or frozenset(), self._tick)
        return self.kind.stage(self.session, batch)

    def _refused(self, number: int, error: UserError) -> None:
        column = self.kind.column_of(error.field) if isinstance(error, ValidationError) else ""
        self._problem(number, column, error.message)

    def _problem(self, row: int, column: str, message: Message) -> None:
        self.report.problems.append(Problem(row, column, message))

    def _tick(self) -> None:
        self.steps += 1
        if self.progress is not None and (
            self.steps % PROGRESS_EVERY == 0 or self.steps >= self.total
        ):
            self.progress(min(self.steps, self.total), self.total)


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


def _cell_problems(table: Table, headers: dict[int, str]) -> dict[int, list[tuple[str, Message]]]:
    """Problems of cells that read as empty but are not, in the columns that are read:
    merged cells below their first row, formulas without a value, error values."""
    found: dict[int, list[tuple[str, Message]]] = {}
    for merge in table.merges:
        read = [
            headers[c] for c in range(merge.first_column, merge.last_column + 1) if c in headers
        ]
        if not read or merge.first_row < 2:
            continue
        message = Message(
            "excel",
            QT_TRANSLATE_NOOP(
                "excel",
                "第{first}–{last}行的“{column}”是合并的单元格（{ref}）：合并后只有第一行有内容，"
                "其余行会成为空白。请取消合并，并在每一行填上内容。",
            ),
            first=merge.first_row,
            last=merge.last_row,
            column=read[0],
            ref=merge.ref,
        )
        for row in range(merge.first_row, merge.last_row + 1):
            found.setdefault(row, []).append((read[0], message))
    for odd in table.odd_cells:
        if odd.column not in headers or odd.row < 2:
            continue
        message = (
            Message(
                "excel",
                QT_TRANSLATE_NOOP(
                    "excel",
                    "这一格是公式（={formula}），但文件中没有它的计算结果（文件不是由 Excel"
                    " 保存的）。请在 Excel 中打开并保存后再导入，或把公式换成数值。",
                ),
                formula=odd.text,
            )
            if odd.oddity is Oddity.FORMULA
            else Message(
                "excel",
                QT_TRANSLATE_NOOP("excel", "这一格是错误值 {error}，请改成正确的内容。"),
                error=odd.text,
            )
        )
        found.setdefault(odd.row, []).append((headers[odd.column], message))
    return found
