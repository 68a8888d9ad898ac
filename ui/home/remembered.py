"""The home tab's period and community, remembered between sessions (window state, so in
QSettings next to ui.settings' keys, not in the database)."""

from __future__ import annotations

from datetime import date

from app.dashboard.period import PeriodKind

from PySide6.QtCore import QSettings
from ui.settings import APPLICATION, ORGANISATION, TextSetting


class HomeChoice:
    community_id = TextSetting("home/community")  # the community shown; empty: the whole street

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings or QSettings(ORGANISATION, APPLICATION)

    @property
    def kind(self) -> PeriodKind:
        value = str(self._s.value("home/period", PeriodKind.MONTH.value))
        return PeriodKind(value) if value in set(PeriodKind) else PeriodKind.MONTH

    @kind.setter
    def kind(self, value: PeriodKind) -> None:
        self._s.setValue("home/period", value.value)

    def _day(self, key: str) -> date | None:
        try:
            return date.fromisoformat(str(self._s.value(key, "")))
        except ValueError:
            return None

    @property
    def custom(self) -> tuple[date, date] | None:
        """The custom range last chosen."""
        first, last = self._day("home/custom_first"), self._day("home/custom_last")
        return (first, last) if first and last else None

    @custom.setter
    def custom(self, value: tuple[date, date]) -> None:
        self._s.setValue("home/custom_first", value[0].isoformat())
        self._s.setValue("home/custom_last", value[1].isoformat())
