"""Window settings kept per user with QSettings, declared once with their defaults.

Business settings (meeting kinds, deadlines) live in the database, not here.
"""

from __future__ import annotations

from typing import Any, Self, overload

from PySide6.QtCore import QByteArray, QSettings
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES

ORGANISATION = "Gongjian"
APPLICATION = "Gongjian"


class TextSetting:
    """A text kept under ``key`` in its owner's QSettings (``_s``); ``default`` until set."""

    def __init__(self, key: str, default: str = "") -> None:
        self.key, self.default = key, default

    @overload
    def __get__(self, owner: None, kind: type[Any] | None = None) -> Self: ...
    @overload
    def __get__(self, owner: object, kind: type[Any] | None = None) -> str: ...
    def __get__(self, owner: Any, kind: type[Any] | None = None) -> Self | str:
        if owner is None:
            return self
        return str(owner._s.value(self.key, self.default))

    def __set__(self, owner: Any, value: str) -> None:
        owner._s.setValue(self.key, value)


class Settings:
    database = TextSetting("data/database")  # chosen in the settings dialog; empty: the default
    last_tab = TextSetting("window/last_tab", "home")
    last_username = TextSetting("session/last_username")

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings or QSettings(ORGANISATION, APPLICATION)

    @property
    def language(self) -> str:
        value = str(self._s.value("ui/language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value)

    @property
    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    def sync(self) -> None:
        self._s.sync()
