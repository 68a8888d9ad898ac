"""Attachments: records of files, and their contents kept once per SHA-256 in the database.

The contents live in the database, not in a folder beside it: a PostgreSQL server holds them
for every PC, the .db file alone (copied to a USB stick, or restored) carries them, a record
and its content commit together, and a data package can carry a content by its hash. Backups
keep each content once for all their generations (db.backups).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, deferred, mapped_column

# the areas whose tables the foreign keys here point at
import db.models.agreements  # noqa: F401
import db.models.issues  # noqa: F401
import db.models.meetings  # noqa: F401
from db.base import Base, Entity, SoftDeleted, exactly_one, utcnow

OWNER_COLUMNS = ("agreement_id", "fulfilment_id", "issue_id", "meeting_id")


class AttachmentContent(Base):
    """The bytes of a file, stored once however many attachments share them. ``data`` is
    NULL for a file that was already missing when attachments moved into the database."""

    __tablename__ = "attachment_contents"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    data: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Attachment(Entity, SoftDeleted):
    __tablename__ = "attachments"
    __table_args__ = (CheckConstraint(exactly_one(*OWNER_COLUMNS), name="one_owner"),)

    agreement_id: Mapped[str | None] = mapped_column(ForeignKey("agreements.id"), index=True)
    fulfilment_id: Mapped[str | None] = mapped_column(
        ForeignKey("fulfilment_records.id"), index=True
    )
    issue_id: Mapped[str | None] = mapped_column(ForeignKey("issues.id"), index=True)
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))  # as the user named it
    sha256: Mapped[str] = mapped_column(
        String(64), ForeignKey("attachment_contents.sha256"), index=True
    )
    size: Mapped[int]
