"""Attachments (photos of an issue, scans of an agreement…): files copied into the data
folder under a name made from their SHA-256, so the same content is stored once, and checked
against that hash whenever they are opened.

A file is copied through a temporary file, fsync and ``os.replace``: a crash never leaves a
half-written file under a final name. Removing an attachment marks the row deleted (audited);
the stored file stays, since other rows may share it.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.attachment_types import check_attachment_type
from app.errors import UserError, not_found
from app.i18n import QT_TRANSLATE_NOOP, Message
from db.base import utcnow
from db.models.files import OWNER_COLUMNS, Attachment

MAX_BYTES = 50 * 1024 * 1024
CHUNK = 1024 * 1024
WHAT = QT_TRANSLATE_NOOP("fields", "附件")


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    file_name: str
    stored_name: str
    sha256: str
    size: int
    added_at: datetime


def default_dir() -> Path:
    from app.paths import data_dir

    return data_dir() / "attachments"


def _refuse(template: str, **params: object) -> UserError:
    return UserError(Message("errors", template, **params))


def _info(row: Attachment) -> AttachmentInfo:
    return AttachmentInfo(
        row.id, row.file_name, row.stored_name, row.sha256, row.size, row.created_at
    )


def _hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _stored_name(sha256: str, source: Path) -> str:
    suffix = source.suffix.lower()
    if len(suffix) > 10 or not suffix[1:].isalnum():
        suffix = ""
    return sha256 + suffix


def _copy(source: Path, target: Path) -> str:
    """Copies ``source`` into ``target`` atomically; returns the SHA-256 of what was copied."""
    digest = hashlib.sha256()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as f:
            while chunk := f.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return digest.hexdigest()


def add_attachment(
    session: Session,
    *,
    issue_id: str | None = None,
    meeting_id: str | None = None,
    agreement_id: str | None = None,
    fulfilment_id: str | None = None,
    source: Path,
    attachments_dir: Path | None = None,
) -> AttachmentInfo:
    """Copies ``source`` into the attachments folder and records it for its one owner."""
    owners = {
        "issue_id": issue_id,
        "meeting_id": meeting_id,
        "agreement_id": agreement_id,
        "fulfilment_id": fulfilment_id,
    }
    given = {k: v for k, v in owners.items() if v}
    if len(given) != 1:
        raise ValueError(f"exactly one owner of {OWNER_COLUMNS} must be given")
    folder = attachments_dir or default_dir()
    source = Path(source)
    name = source.name
    try:
        size = source.stat().st_size
        if not source.is_file():
            raise OSError
    except OSError:
        raise _refuse(
            QT_TRANSLATE_NOOP("errors", "找不到文件或无法读取：{name}"), name=name
        ) from None
    if size > MAX_BYTES:
        raise _refuse(
            QT_TRANSLATE_NOOP("errors", "文件“{name}”超过{max} MB，不能作为附件。"),
            name=name,
            max=MAX_BYTES // (1024 * 1024),
        )
    check_attachment_type(source)  # images, PDF and office documents only
    try:
        sha256 = _hash(source)
        stored_name = _stored_name(sha256, source)
        target = folder / stored_name
        if not (target.is_file() and _hash(target) == sha256):
            copied = _copy(source, target)
            if copied != sha256:  # the file changed while it was being copied
                raise OSError
    except OSError:
        raise _refuse(
            QT_TRANSLATE_NOOP("errors", "无法读取或复制文件：{name}"), name=name
        ) from None
    row = Attachment(
        file_name=name[:255], stored_name=stored_name, sha256=sha256, size=size, **given
    )
    session.add(row)
    audit.record(session, "create", row, None)
    return _info(row)


def attachments_of(
    session: Session,
    *,
    issue_id: str | None = None,
    meeting_id: str | None = None,
    agreement_id: str | None = None,
    fulfilment_id: str | None = None,
) -> list[AttachmentInfo]:
    """The owner's attachments that are not deleted, oldest first."""
    query = select(Attachment).where(Attachment.deleted_at.is_(None))
    for column, value in (
        (Attachment.issue_id, issue_id),
        (Attachment.meeting_id, meeting_id),
        (Attachment.agreement_id, agreement_id),
        (Attachment.fulfilment_id, fulfilment_id),
    ):
        if value:
            query = query.where(column == value)
    if not any((issue_id, meeting_id, agreement_id, fulfilment_id)):
        raise ValueError("an owner must be given")
    rows = session.scalars(query.order_by(Attachment.created_at, Attachment.file_name))
    return [_info(r) for r in rows]


def attachment_path(info: AttachmentInfo, attachments_dir: Path | None = None) -> Path:
    """The stored file, after checking it still has the hash recorded when it was added."""
    path = (attachments_dir or default_dir()) / info.stored_name
    try:
        intact = path.is_file() and _hash(path) == info.sha256
    except OSError:
        intact = False
    if not intact:
        raise _refuse(QT_TRANSLATE_NOOP("errors", "附件已损坏或丢失：{name}"), name=info.file_name)
    return path


def remove_attachment(session: Session, attachment_id: str) -> None:
    """Marks the attachment deleted (the stored file stays; it may be shared)."""
    row = session.get(Attachment, attachment_id)
    if row is None or row.deleted_at is not None:
        raise not_found(WHAT, attachment_id)
    before = audit.snapshot(row)
    row.deleted_at = utcnow()
    audit.record(session, "delete", row, before)
