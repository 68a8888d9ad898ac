"""Errors use cases raise for the user: each names the field and says how to fix it."""

from __future__ import annotations

from typing import Protocol

from app.i18n import QT_TRANSLATE_NOOP, Message, field_label

CONTEXT = "errors"


class UserError(Exception):
    """An error whose message is meant for the user, in their language."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


class ValidationError(UserError):
    """Bad input in one field; ``field`` is the dataclass attribute the UI highlights."""

    def __init__(self, field: str, message: Message) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(UserError):
    pass


class ConflictError(UserError):
    """The record changed since it was read (another window or another office saved it)."""

    @classmethod
    def stale(cls) -> ConflictError:
        return cls(
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP("errors", "这条记录已被别处修改。请关闭后重新打开，再做修改。"),
            )
        )


def not_found(what: str, key: str) -> NotFoundError:
    """``what`` is a ``QT_TRANSLATE_NOOP("fields", …)`` noun, translated with the message."""
    return NotFoundError(
        Message(
            CONTEXT,
            QT_TRANSLATE_NOOP("errors", "找不到{what}：{key}"),
            what=field_label(what),
            key=key,
        )
    )


def refuse(template: str, **params: object) -> UserError:
    """A step that is not allowed now; ``template`` is a ``QT_TRANSLATE_NOOP("errors", …)``."""
    return UserError(Message(CONTEXT, template, **params))


def invalid(field: str, template: str, **params: object) -> ValidationError:
    """Bad input in ``field``; ``template`` is a ``QT_TRANSLATE_NOOP("validation", …)``."""
    return ValidationError(field, Message("validation", template, **params))


class Versioned(Protocol):
    version: int


def check_version(record: Versioned, version: int) -> None:
    """Refuses to change a record someone saved since the user read ``version``."""
    if record.version != version:
        raise ConflictError.stale()
