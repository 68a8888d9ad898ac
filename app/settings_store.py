"""Business settings kept in the database (``settings``: a JSON value under a key), each change
audited."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from db.models.security import Setting


def stored_setting(session: Session, key: str) -> Any:
    """The value under ``key``, or None when it was never set."""
    return session.scalar(select(Setting.value).where(Setting.key == key))


def store_setting(session: Session, key: str, value: Any) -> None:
    """Stores ``value`` under ``key``; a new or changed value is audited, the same one is not."""
    setting = session.scalar(select(Setting).where(Setting.key == key))
    if setting is None:
        setting = Setting(key=key, value=value)
        session.add(setting)
        audit.record(session, "create", setting, None)
    elif setting.value != value:
        before = audit.snapshot(setting)
        setting.value = value
        audit.record(session, "update", setting, before)
