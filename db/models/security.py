"""Users and roles, the audit log, and business settings kept in the database."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, text
from sqlalchemy.orm import Mapped, mapped_column

# the areas whose tables the foreign keys here point at
import db.models.directory  # noqa: F401
from db.base import Entity, SoftDeleted, enum_type
from db.enums import Role as Role  # re-exported: known as the area's enum


class User(Entity, SoftDeleted):
    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[Role] = mapped_column(enum_type(Role), default=Role.STAFF)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"))
    # wrong passwords in a row, and until when signing in waits after too many of them
    failed_sign_ins: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    locked_until: Mapped[datetime | None]


class AuditEntry(Entity):
    """Who changed what, when, with the record before and after.

    Entries form a hash chain (app/audit_chain.py): ``seq`` numbers them without gaps, and
    ``hash`` covers the entry and the previous entry's hash. Personal data in ``before`` and
    ``after`` enters the hash only as a salted digest (``salt``), so erasing it keeps the
    chain intact."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(unique=True)
    hash: Mapped[str] = mapped_column(String(64))
    salt: Mapped[str | None] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(index=True)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(String(30))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(String(200), default="")


class AuditHead(Entity):
    """The one row that names the newest audit entry, so that deleting the last entries, or
    all of them, shows too."""

    __tablename__ = "audit_head"

    seq: Mapped[int] = mapped_column(default=0)
    hash: Mapped[str] = mapped_column(String(64), default="")


class Setting(Entity):
    """A business setting (meeting kinds, deadlines, margins) as a JSON value under a key."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), unique=True)
    value: Mapped[Any] = mapped_column(JSON)
