"""The list of meeting kinds users choose from, kept in the database (Setting "meeting_kinds")."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.settings_store import store_setting
from db.models.security import Setting

SETTING_KEY = "meeting_kinds"
DEFAULT_KINDS = (
    "大工委全体会议",
    "片区党建联盟协调议事会",
    "街社党建共同体议事会",
    "社区大党委会议",
    "联络员会议",
)


def meeting_kinds(session: Session) -> list[str]:
    """The configured kinds in their order; the five of the design when none are set."""
    value = session.scalar(select(Setting.value).where(Setting.key == SETTING_KEY))
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return list(value)
    return list(DEFAULT_KINDS)


def _error(template: str, **params: object) -> ValidationError:
    return ValidationError("kinds", Message("validation", template, **params))


def validated_kinds(kinds: Sequence[str]) -> list[str]:
    """Stripped, blank lines dropped; refuses an empty list, duplicates and long names."""
    from app.meetings.records import KIND_MAX  # the records load with the first meeting shown

    clean = [k.strip() for k in kinds if k.strip()]
    if not clean:
        raise _error(QT_TRANSLATE_NOOP("validation", "会议类型至少要有一种。"))
    for kind in clean:
        if len(kind) > KIND_MAX:
            raise _error(
                QT_TRANSLATE_NOOP("validation", "会议类型“{kind}”太长：最多{max}个字。"),
                kind=kind,
                max=KIND_MAX,
            )
    seen: set[str] = set()
    for kind in clean:
        if kind in seen:
            raise _error(
                QT_TRANSLATE_NOOP("validation", "会议类型“{kind}”重复了，请删去一个。"), kind=kind
            )
        seen.add(kind)
    return clean


def set_meeting_kinds(session: Session, kinds: Sequence[str]) -> list[str]:
    """Stores the list (audited). Meetings of a kind taken off the list keep their kind."""
    clean = validated_kinds(kinds)
    store_setting(session, SETTING_KEY, clean)
    return clean
