"""Attachments (photos of an issue, scans of an agreement…): their contents are stored in the
database once per SHA-256 (db.models.files says why), in the same transaction as the record,
and checked against that hash whenever they are read back.

Opening one with the system's viewer needs a file: ``attachment_file`` writes the checked
content to the user's cache folder under the name the user gave it. Removing an attachment
marks the row deleted (audited); its content stays, since other rows may share it.
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
from app.errors import refuse
from app.i18n import QT_TRANSLATE_NOOP
from app.store import live
from db.base import utcnow
from db.models.files import OWNER_COLUMNS, Attachment, AttachmentContent

MAX_BYTES = 50 * 1024 * 1024
WHAT = QT_TRANSLATE_NOOP("fields", "附件")


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    file_name: str
    sha256: str
    size: int
    added_at: datetime


def _info(row: Attachment) -> AttachmentInfo:
    return AttachmentInfo(row.id, row.file_name, row.sha256, row.size, row.created_at)


def _read(source: Path) -> bytes:
    name = source.name
    try:
        size = source.stat().st_size
        if not source.is_file():
            raise OSError
    except OSError:
        raise refuse(
            QT_TRANSLATE_NOOP("errors", "找不到文件或无法读取：{name}"), name=name
        ) from None
    if size > MAX_BYTES:
        raise refuse(
            QT_TRANSLATE_NOOP("errors", "文件“{name}”超过{max} MB，不能作为附件。"),
            name=name,
            max=MAX_BYTES // (1024 * 1024),
        )
    check_attachment_type(source)  # images, PDF and office documents only
    try:
        return source.read_bytes()
    except OSError:
        raise refuse(QT_TRANSLATE_NOOP("errors", "无法读取文件：{name}"), name=name) from None


def _store(session: Session, data: bytes) -> str:
    """The content's hash, after storing it unless it is stored already (a content whose
    bytes were lost is stored again: adding the same file repairs it)."""
    sha256 = hashlib.sha256(data).hexdigest()
    content = session.get(AttachmentContent, sha256)
    if content is None:
        session.add(AttachmentContent(sha256=sha256, size=len(data), data=data))
        session.flush()  # before the record that refers to it (no relationship orders them)
    elif _intact(content) is None:
        content.data = data
    return sha256


def add_attachment(
    session: Session,
    *,
    issue_id: str | None = None,
    meeting_id: str | None = None,
    agreement_id: str | None = None,
    fulfilment_id: str | None = None,
    source: Path,
) -> AttachmentInfo:
    """Stores the file's content and records it for its one owner."""
    owners = {
        "issue_id": issue_id,
        "meeting_id": meeting_id,
        "agreement_id": agreement_id,
        "fulfilment_id": fulfilment_id,
    }
    given = {k: v for k, v in owners.items() if v}
    if len(given) != 1:
        raise ValueError(f"exactly one owner of {OWNER_COLUMNS} must be given")
    source = Path(source)
    data = _read(source)
    sha256 = _store(session, data)
    row = Attachment(file_name=source.name[:255], sha256=sha256, size=len(data), **given)
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


def _intact(content: AttachmentContent | None) -> bytes | None:
    if content is None or content.data is None:
        return None
    return content.data if hashlib.sha256(content.data).hexdigest() == content.sha256 else None


def attachment_bytes(session: Session, info: AttachmentInfo) -> bytes:
    """The attachment's content, after checking it still has the hash recorded when added."""
    data = _intact(session.get(AttachmentContent, info.sha256))
    if data is None:
        raise refuse(QT_TRANSLATE_NOOP("errors", "附件已损坏或丢失：{name}"), name=info.file_name)
    return data


def attachment_file(session: Session, info: AttachmentInfo, folder: Path | None = None) -> Path:
    """A readable file holding the attachment (for the system's viewer), under the name the
    user gave it, in ``folder`` (default: the user's cache folder)."""
    data = attachment_bytes(session, info)
    if folder is None:
        from app.paths import cache_dir

        folder = cache_dir() / "attachments"
    target = folder / info.sha256 / (Path(info.file_name).name or info.sha256)
    if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == info.sha256:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


def remove_attachment(session: Session, attachment_id: str) -> None:
    """Marks the attachment deleted (its content stays; other records may share it)."""
    row = live(session, Attachment, attachment_id, WHAT)
    before = audit.snapshot(row)
    row.deleted_at = utcnow()
    audit.record(session, "delete", row, before)
