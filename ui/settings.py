"""Window settings kept per user with QSettings, declared once with their defaults.

Business settings (meeting kinds, deadlines) live in the database, not here.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES

ORGANISATION = "Gongjian"
APPLICATION = "Gongjian"


class Settings:
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
    def database(self) -> str:
        """The database chosen in the settings dialog; empty means the default location."""
        return str(self._s.value("data/database", ""))

    @database.setter
    def database(self, value: str) -> None:
        self._s.setValue("data/database", value)

    @property
    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def last_tab(self) -> str:
        return str(self._s.value("window/last_tab", "home"))

    @last_tab.setter
    def last_tab(self, value: str) -> None:
        self._s.setValue("window/last_tab", value)

    @property
    def last_username(self) -> str:
        return str(self._s.value("session/last_username", ""))

    @last_username.setter
    def last_username(self, value: str) -> None:
        self._s.setValue("session/last_username", value)

    def sync(self) -> None:
        self._s.sync()
