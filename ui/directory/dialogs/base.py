"""What the four directory forms share: how they are opened (``ui.directory.editing`` passes
the database, the record's data and, for an existing record, its id) and their title, 新建…
for a new record and 修改… for one that exists."""

from __future__ import annotations

from typing import Any

from app.database import Database

from PySide6.QtWidgets import QWidget
from ui.directory.kinds import RecordKind
from ui.widgets.record_dialog import RecordDialog


class DirectoryDialog(RecordDialog):
    record_kind: RecordKind  # what it edits, and its texts

    def __init__(
        self,
        database: Database,
        data: Any,
        *,
        record_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.record_kind.title(record_id is None), parent)
        self._database = database
        self.build(database, record_id)
        self.finish(data)

    def build(self, database: Database, record_id: str | None) -> None:
        """The form's rows; ``record_id`` is the record edited (None for a new one)."""
        raise NotImplementedError
