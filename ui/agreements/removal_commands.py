"""Undo and redo of the removals in the 三张清单 and 在职党员 views: a list entry raised by
mistake, a member's registration, a service record (see ui.widgets.undo for how they work)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.agreements import claims, members
from app.agreements.members import ServiceData
from app.agreements.store import live_entry, live_registration
from app.changes import Area
from app.i18n import QT_TRANSLATE_NOOP
from db.base import Entity
from db.models.agreements import ListEntry, MemberRegistration, ServiceRecord

from PySide6.QtCore import QCoreApplication
from ui.tab import DataEvents
from ui.widgets.undo import ServiceCommand

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.database import Database

REGISTRATION_REMOVED = QT_TRANSLATE_NOOP("RemovalCommands", "移除“{name}”的报到登记")
SERVICE_REMOVED = QT_TRANSLATE_NOOP("RemovalCommands", "删除服务记录“{name}”")
ENTRY_DELETED = QT_TRANSLATE_NOOP("RemovalCommands", "删除清单“{name}”")


class RemovalCommand(ServiceCommand):
    area = Area.AGREEMENTS

    def __init__(self, template: str, name: str, database: Database, events: DataEvents) -> None:
        text = QCoreApplication.translate("RemovalCommands", template).format(name=name)
        super().__init__(text, database, events)


class RemoveRegistrationCommand(RemovalCommand):
    """Redo removes the registration, undo restores it."""

    def __init__(
        self, registration_id: str, name: str, database: Database, events: DataEvents
    ) -> None:
        super().__init__(REGISTRATION_REMOVED, name, database, events)
        self.registration_id = registration_id

    def guarded_record(self) -> tuple[type[Entity], str] | None:
        return MemberRegistration, self.registration_id

    def apply(self, session: Session) -> None:
        version = live_registration(session, self.registration_id).version
        members.remove_registration(session, self.registration_id, version)

    def revert(self, session: Session) -> None:
        members.restore_registration(session, self.registration_id)


class RemoveServiceCommand(RemovalCommand):
    """Undo records the service again (a new record with the same data); redo deletes it."""

    def __init__(
        self,
        service_id: str,
        registration_id: str,
        data: ServiceData,
        database: Database,
        events: DataEvents,
    ) -> None:
        super().__init__(SERVICE_REMOVED, data.activity, database, events)
        self.service_id = service_id
        self.registration_id = registration_id
        self.data = data

    def guarded_record(self) -> tuple[type[Entity], str] | None:
        return ServiceRecord, self.service_id

    def apply(self, session: Session) -> None:
        members.remove_service(session, self.service_id)

    def revert(self, session: Session) -> None:
        self.service_id = members.add_service(session, self.registration_id, self.data)


class DeleteEntryCommand(RemovalCommand):
    """Redo deletes the list entry, undo restores it."""

    def __init__(self, entry_id: str, name: str, database: Database, events: DataEvents) -> None:
        super().__init__(ENTRY_DELETED, name, database, events)
        self.entry_id = entry_id

    def guarded_record(self) -> tuple[type[Entity], str] | None:
        return ListEntry, self.entry_id

    def apply(self, session: Session) -> None:
        claims.delete_entry(session, self.entry_id, live_entry(session, self.entry_id).version)

    def revert(self, session: Session) -> None:
        claims.restore_entry(session, self.entry_id)
