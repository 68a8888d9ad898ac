"""Attachments: files copied into the data folder and checked by hash."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Entity, SoftDeleted, exactly_one

OWNER_COLUMNS = ("agreement_id", "fulfilment_id", "issue_id", "meeting_id")


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
    stored_name: Mapped[str] = mapped_column(String(80))  # under the data folder's attachments/
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
