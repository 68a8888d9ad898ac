"""What a kind of record needs to be imported: its columns, how a row becomes the record the
services take, how duplicates are found, and how its rows are staged and written."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from typing import Any, ClassVar, Generic, TypeVar, cast

from sqlalchemy.orm import Session

from app.changes import Area
from app.errors import UserError
from app.excel import cells
from app.excel.cells import E
from app.excel.names import Names
from app.i18n import Message

D = TypeVar("D")
Tick = Callable[[], None]  # one row staged (reports progress, raises Cancelled)


@dataclass(frozen=True)
class ImportColumn:
    field: str  # the record field whose ValidationError this column shows
    header: str  # QT_TRANSLATE_NOOP("columns", …): the same words as the list's column
    note: str  # what to write, for the template's 说明 (Chinese, as the template is)
    example: str
    required: bool = False
    also: tuple[str, ...] = ()  # other record fields reported in this column
    choices: tuple[str, ...] = ()  # the values allowed, offered as a drop-down in the template
    as_text: bool = False  # digits that are not a number (ID numbers, phones): a text column

    @classmethod
    def required_choice(
        cls, field: str, header: str, choices: tuple[str, ...], example: str
    ) -> ImportColumn:
        """A required column whose cell is one of ``choices``; its note lists them."""
        note = "必填：" + "、".join(choices)
        return cls(field, header, note, example, required=True, choices=choices)


@dataclass(frozen=True)
class Existing:
    """A record already stored that a row duplicates."""

    id: str
    version: int


class Cells:
    """One row's cells by record field (None for a column the file does not have), each
    read as the field takes it; a bad cell raises the ValidationError of its field."""

    def __init__(self, values: dict[str, Any]) -> None:
        self._values = values

    def __getitem__(self, field: str) -> Any:
        return self._values.get(field)

    def text(self, field: str) -> str:
        return cells.checked_text(field, self[field])

    def named(
        self,
        field: str,
        found: Mapping[str, Iterable[str]],
        what: str,
        hint: str = cells.SAME_NAME_HINT,
    ) -> str | None:
        """The id of the record the cell names (``cells.one_of``); None when it is empty."""
        return cells.one_of(field, self.text(field), found, what, hint)

    def member(self, field: str, enum: type[E]) -> E:
        """The member of ``enum`` a required cell names, by its label or stored code."""
        found = cells.enum_value(field, self[field], enum)
        assert found is not None  # an empty required cell has raised
        return found

    def optional_member(self, field: str, enum: type[E]) -> E | None:
        return cells.enum_value(field, self[field], enum, required=False)

    def day(self, field: str, *, planned: bool = False) -> date | None:
        return cells.day(field, self[field], planned=planned)

    def moment(self, field: str) -> datetime | None:
        return cells.moment(field, self[field])

    def flag(self, field: str) -> bool:
        return cells.flag(field, self[field])

    def count(self, field: str) -> int:
        return cells.count(field, self[field])

    def id_text(self, field: str) -> str:
        return cells.id_text(field, self[field])


@dataclass(frozen=True)
class Batch(Generic[D]):
    """The rows to stage, by Excel row number: new records, the duplicates to save over
    stored ones, the fields the file has columns for, and the tick of each row staged."""

    creates: list[tuple[int, D]]
    updates: list[tuple[int, Existing, D]]
    present: frozenset[str]
    tick: Tick


@dataclass
class Staged:
    """Rows made ready to write: what the services refused (by Excel row number), and what
    writes the rest (for rows the services built in the session: nothing more)."""

    problems: dict[int, UserError] = field(default_factory=dict)
    write: Callable[[Session], None] = lambda _session: None
    note: Message | None = None  # what else the import does, for its summary


class ImportKind(Generic[D]):
    """One kind of record a spreadsheet can add: its columns and how a row is saved."""

    key: ClassVar[str]  # the command-line name
    title: ClassVar[str]  # QT_TRANSLATE_NOOP("excel", …)
    area: ClassVar[Area]  # the area its records belong to
    also_changes: ClassVar[tuple[Area, ...]] = ()  # other areas an import may add records to
    columns: ClassVar[tuple[ImportColumn, ...]]

    def parse(self, row: Cells, names: Names) -> D:
        """The row as the record the service takes; ValidationError for a bad cell."""
        raise NotImplementedError

    def validate(self, data: D) -> D:
        """The record after its own rules (the edit dialog's), checked before duplicates are
        looked for, so that a duplicate that will be skipped is checked too."""
        return cast(D, cast(Any, data).validated())

    def identity(self, data: D) -> tuple[Any, ...] | None:
        """What makes two rows the same record (None: rows are never the same)."""
        raise NotImplementedError

    def existing(self, session: Session, data: D) -> Existing | None:
        raise NotImplementedError

    def find_existing(self, session: Session, records: list[D]) -> list[Existing | None]:
        """``existing`` of each record; kinds imported by the thousand ask in bulk."""
        return [self.existing(session, data) for data in records]

    def create(self, session: Session, data: D) -> None:
        raise NotImplementedError

    def update(self, session: Session, found: Existing, data: D, present: frozenset[str]) -> None:
        """Saves ``data`` over the stored record; fields in no column of the file
        (not in ``present``) keep their stored values."""
        raise NotImplementedError

    def stage(self, session: Session, batch: Batch[D]) -> Staged:
        """Runs each row through its service in ``session``, which defers every write to
        the end (``audit.DEFER_FLUSH``, no autoflush): the records are built, not written."""
        staged = Staged()
        for number, data in batch.creates:
            try:
                self.create(session, data)
            except UserError as error:
                staged.problems[number] = error
            batch.tick()
        for number, found, data in batch.updates:
            try:
                self.update(session, found, data, batch.present)
            except UserError as error:
                staged.problems[number] = error
            batch.tick()
        return staged

    def column_of(self, field_name: str) -> str:
        return next((c.header for c in self.columns if field_name in (c.field, *c.also)), "")

    def cell_of(self, field_name: str) -> str:
        """The row's key (a column's field) of the cell a record field is read from."""
        return next((c.field for c in self.columns if field_name in (c.field, *c.also)), "")


def keep_missing(stored: D, data: D, present: frozenset[str]) -> D:
    """``data`` with the fields not in ``present`` taken from ``stored`` (a dataclass)."""
    kept = {f.name: getattr(stored, f.name) for f in fields(stored) if f.name not in present}  # type: ignore[arg-type]
    return replace(data, **kept)  # type: ignore[type-var]
