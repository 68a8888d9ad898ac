"""Undo and redo save against the version they wrote.

A step taken back writes the record as it was before the user's change. If someone changed
the record since (another window, another office on the server), writing it back would undo
their work silently; so the step is refused with "changed elsewhere" and the views reload.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ConflictError
from app.i18n import QT_TRANSLATE_NOOP, Message
from db.base import Entity


def stored_version(session: Session, model: type[Entity], record_id: str) -> int | None:
    """The record's version as stored now (deleted or not); None when there is no such row."""
    return session.scalar(select(model.version).where(model.id == record_id))


def check_unchanged(
    session: Session, model: type[Entity], record_id: str, version: int | None
) -> None:
    """Refuses when the record is no longer at ``version``, the one the last step wrote."""
    if version is not None and stored_version(session, model, record_id) != version:
        raise ConflictError(
            Message(
                "errors",
                QT_TRANSLATE_NOOP(
                    "errors",
                    "这条记录在您修改之后已被别处修改（其他窗口或其他电脑）。"
                    "撤销或重做会覆盖那次修改，所以没有执行。",
                ),
            )
        )
