"""How the agreements area keeps attachments: through its service, which refuses changes to
an ended agreement and its fulfilment records."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from sqlalchemy.orm import Session

from app.agreements import attachments

from ui.widgets.attachments_box import AttachmentRules


def _add(session: Session, owner: Mapping[str, str], files: list[Path]) -> None:
    for source in files:
        attachments.add_attachment(session, source=source, **owner)


def _remove(session: Session, _owner: Mapping[str, str], attachment_id: str) -> None:
    attachments.remove_attachment(session, attachment_id)


AGREEMENT_FILES = AttachmentRules(add=_add, remove=_remove)
