"""The attachments of an agreement (its scanned signed copy) or of a fulfilment record, through
``app.attachments``, refused once the agreement is terminated or renewed: it stays on the
record as it ended."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app import attachments
from app.agreements.lifecycle import check_editable
from app.agreements.store import live_agreement, live_fulfilment
from app.attachments import AttachmentInfo
from db.models.files import Attachment


def _check_owner(session: Session, agreement_id: str | None, fulfilment_id: str | None) -> None:
    if fulfilment_id is not None:
        agreement_id = live_fulfilment(session, fulfilment_id).agreement_id
    if agreement_id is not None:
        check_editable(live_agreement(session, agreement_id))


def add_attachment(
    session: Session,
    *,
    agreement_id: str | None = None,
    fulfilment_id: str | None = None,
    source: Path,
) -> AttachmentInfo:
    _check_owner(session, agreement_id, fulfilment_id)
    return attachments.add_attachment(
        session,
        agreement_id=agreement_id,
        fulfilment_id=fulfilment_id,
        source=source,
    )


def remove_attachment(session: Session, attachment_id: str) -> None:
    row = session.get(Attachment, attachment_id)
    if row is not None:
        _check_owner(session, row.agreement_id, row.fulfilment_id)
    attachments.remove_attachment(session, attachment_id)
