"""Creating, editing and deleting directory records: dialog, save, undo command.

The save happens in the dialog (so a validation error keeps it open with the input intact);
only a saved change is pushed on the undo stack, as a command that is already done.

Signals:
    record_saved(str, str): the kind's key and the record's id, after a create or an edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.errors import UserError
from app.store import Loaded

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from ui.directory.commands import CreateCommand, DeleteCommand, EditCommand
from ui.directory.dialogs.org_unit import OrgUnitDialog
from ui.directory.dialogs.party_org import PartyOrgDialog
from ui.directory.dialogs.person import PersonDialog
from ui.directory.dialogs.resident_unit import ResidentUnitDialog
from ui.directory.kinds import ORG_UNIT, PARTY_ORG, PERSON, RESIDENT_UNIT, RecordKind
from ui.i18n import message_text
from ui.tab import TabContext
from ui.widgets.one_dialog import open_one
from ui.widgets.questions import ask
from ui.widgets.record_dialog import RecordDialog

DIALOGS: dict[str, Callable[..., RecordDialog]] = {
    ORG_UNIT.key: OrgUnitDialog,
    RESIDENT_UNIT.key: ResidentUnitDialog,
    PARTY_ORG.key: PartyOrgDialog,
    PERSON.key: PersonDialog,
}


class RecordEditor(QObject):
    record_saved = Signal(str, str)

    def __init__(self, context: TabContext, owner: QWidget) -> None:
        super().__init__(owner)
        self._context = context
        self._owner = owner
        self.dialog: RecordDialog | None = None  # the dialog open now, if any

    def create(self, kind: RecordKind, data: Any) -> RecordDialog:
        """Opens an empty form (``data`` holds the preselected values) for a new record."""
        dialog = self._dialog(kind, data, None)
        dialog.set_saver(lambda record: self._save_new(kind, record))
        dialog.saved.connect(lambda loaded: self._on_created(kind, loaded))
        return open_one(self, dialog)

    def edit(self, kind: RecordKind, record_id: str) -> RecordDialog | None:
        """Opens the record as stored now; None (after saying why) if it is gone."""
        try:
            with self._context.database.reader() as session:
                before = kind.repository.get(session, record_id)
        except UserError as error:
            self._warn(kind.noun_text, error)
            return None
        operator = self._context.database.operator
        if not operator.may_edit:  # a viewer: the record shown (masked by the core), no saving
            dialog = self._dialog(kind, before.data, record_id)
            dialog.show_read_only()
            return open_one(self, dialog)
        dialog = self._dialog(kind, before.data, record_id)
        dialog.set_saver(lambda record: self._save_edit(kind, before, record))
        dialog.saved.connect(lambda after: self._on_edited(kind, before, after))
        return open_one(self, dialog)

    def delete(self, kind: RecordKind, record_id: str) -> bool:
        """Asks (default No), then deletes; True when the record was deleted."""
        try:
            with self._context.database.reader() as session:
                name = kind.repository.get(session, record_id).data.name
        except UserError as error:
            self._warn(kind.noun_text, error)
            return False
        if not ask(
            self._owner,
            self.tr("删除"),
            kind.text(kind.delete_question, name)
            + "\n"
            + self.tr("删除后可用“撤销”（Ctrl+Z）恢复。"),
        ):
            return False
        try:
            with self._context.database.session() as session:
                kind.repository.delete(session, record_id)
        except UserError as error:
            self._warn(self.tr("无法删除"), error)
            return False
        self._push(DeleteCommand(kind, record_id, name, *self._services()))
        return True

    # saving

    def _save_new(self, kind: RecordKind, data: Any) -> Loaded[Any]:
        with self._context.database.session() as session:
            return kind.repository.create(session, data)

    def _save_edit(self, kind: RecordKind, before: Loaded[Any], data: Any) -> Loaded[Any]:
        if data == before.data:  # nothing changed: no new version, no audit entry
            return before
        with self._context.database.session() as session:
            return kind.repository.update(session, before.id, before.version, data)

    def _on_created(self, kind: RecordKind, loaded: Loaded[Any]) -> None:
        self._push(CreateCommand(kind, loaded.id, loaded.data.name, *self._services()))
        self.record_saved.emit(kind.key, loaded.id)

    def _on_edited(self, kind: RecordKind, before: Loaded[Any], after: Loaded[Any]) -> None:
        if after.data != before.data:
            self._push(EditCommand(kind, before.id, before.data, after.data, *self._services()))
        self.record_saved.emit(kind.key, after.id)

    # plumbing

    def _services(self) -> tuple[Any, Any]:
        return self._context.database, self._context.events

    def _push(self, command: Any) -> None:
        self._context.undo_stack.push(command)

    def _dialog(self, kind: RecordKind, data: Any, record_id: str | None) -> RecordDialog:
        return DIALOGS[kind.key](
            self._context.database, data, record_id=record_id, parent=self._owner
        )

    def _warn(self, title: str, error: UserError) -> None:
        QMessageBox.warning(self._owner, title, message_text(error.message))
