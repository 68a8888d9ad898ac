"""Marking user-visible text in app/ for Qt's translation tools without importing Qt.

``pyside6-lupdate`` collects ``QT_TRANSLATE_NOOP(context, text)`` calls by name; the UI
translates the template with ``QCoreApplication.translate(context, template)`` and then fills
in its parameters. The source language is Simplified Chinese.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


Translator = Callable[[str, str], str]


def field_label(text: str) -> Message:
    """A field's name as shown to the user; pass ``QT_TRANSLATE_NOOP("fields", "…")``."""
    return Message("fields", text)


class Message:
    """A translatable template with named parameters, formatted late in the user's language."""

    __slots__ = ("context", "template", "params")

    def __init__(self, context: str, template: str, **params: object) -> None:
        self.context = context
        self.template = template
        self.params = params

    def format(self, translate: Translator | None = None) -> str:
        """The text; ``translate(context, template)`` gives it in the user's language."""
        params = {
            key: value.format(translate) if isinstance(value, Message) else value
            for key, value in self.params.items()
        }
        template = translate(self.context, self.template) if translate else self.template
        return template.format(**params)

    def __str__(self) -> str:
        return self.format()

    def __repr__(self) -> str:
        return f"Message({self.format()!r})"


class Label(str):
    """A translatable label that is also its own (Chinese) text: a list shows it in the
    interface language, a file that keeps Chinese writes it as it is."""

    context: str

    def __new__(cls, context: str, text: str) -> Label:
        label = super().__new__(cls, text)
        label.context = context
        return label


def date_text(day: date) -> Message:
    """A day as the user reads it: ``2026年12月6日`` in Chinese, ``2026-12-06`` in English."""
    return Message(
        "dates",
        QT_TRANSLATE_NOOP("dates", "{year}年{month}月{day}日"),
        year=day.year,
        month=day.month,
        day=day.day,
    )
