"""The meetings list's filters beyond the plain drop-downs: the period and the host.

A period is this month, this quarter, this year, all, or from–to dates, in Beijing time; it
becomes the list's ``starts_from`` / ``starts_before`` filters (from ≤ start < before).

Signals (PeriodFilter):
    changed(): the period changed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from app.database import Database
from app.directory.choices import org_unit_choices
from app.directory.lists import org_tree, subtree_ids
from app.enums import OrgLevel
from app.i18n import QT_TRANSLATE_NOOP
from app.localtime import BEIJING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget
from ui.i18n import translate

ALL, MONTH, QUARTER, YEAR, RANGE = range(5)
PERIODS = (
    QT_TRANSLATE_NOOP("PeriodFilter", "全部时间"),
    QT_TRANSLATE_NOOP("PeriodFilter", "本月"),
    QT_TRANSLATE_NOOP("PeriodFilter", "本季度"),
    QT_TRANSLATE_NOOP("PeriodFilter", "本年"),
    QT_TRANSLATE_NOOP("PeriodFilter", "自定义…"),
)
HOSTS = (OrgLevel.STREET, OrgLevel.ZONE, OrgLevel.COMMUNITY, OrgLevel.DEPARTMENT)


def today() -> date:
    return datetime.now(BEIJING).date()


def period_bounds(period: int, day: date, first: date, last: date) -> tuple[date | None, ...]:
    """(from, before) of a period around ``day``; ``first``/``last`` for a from–to range."""
    if period == MONTH:
        start = day.replace(day=1)
        return start, (start + timedelta(days=32)).replace(day=1)
    if period == QUARTER:
        start = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        return start, (start + timedelta(days=95)).replace(day=1)
    if period == YEAR:
        return date(day.year, 1, 1), date(day.year + 1, 1, 1)
    if period == RANGE:
        return first, last + timedelta(days=1)
    return None, None


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class PeriodFilter(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setToolTip(self.tr("会议时间"))
        for text in PERIODS:
            self.combo.addItem(translate("PeriodFilter", text))
        now = today()
        self.first = QDateEdit(_qdate(now.replace(day=1)), self)
        self.last = QDateEdit(_qdate(now), self)
        self.dash = QLabel("–", self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.changed)
        self.combo.currentIndexChanged.connect(self._on_combo_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.combo)
        layout.addWidget(self.first)
        layout.addWidget(self.dash)
        layout.addWidget(self.last)
        self._show_range(False)

    def _show_range(self, shown: bool) -> None:
        for widget in (self.first, self.dash, self.last):
            widget.setVisible(shown)

    def _on_combo_changed(self, index: int) -> None:
        self._show_range(index == RANGE)
        self.changed.emit()

    def set_range(self, start: date | None, before: date | None) -> None:
        """Shows meetings from ``start`` up to (not including) ``before``; None, None: all."""
        if start is None or before is None:
            self.combo.setCurrentIndex(ALL)
            return
        self.blockSignals(True)
        self.first.setDate(_qdate(start))
        self.last.setDate(_qdate(before - timedelta(days=1)))
        self.blockSignals(False)
        self.combo.setCurrentIndex(RANGE)
        self.changed.emit()

    def bounds(self) -> tuple[date | None, ...]:
        return period_bounds(
            self.combo.currentIndex(), today(), _date(self.first.date()), _date(self.last.date())
        )


class HostFilter(QComboBox):
    """The host filter: an org unit, meaning it and everything below it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip(self.tr("主办"))
        self.setMaximumWidth(200)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        self._subtrees: dict[str, tuple[str, ...]] = {}
        self.addItem(self.tr("全部主办"), None)

    def reload(self, database: Database) -> None:
        """Re-reads the org units, keeping the one chosen (signals blocked)."""
        with database.reader() as session:
            nodes = org_tree(session)
            choices = org_unit_choices(session, HOSTS, tree=nodes)
        self._subtrees = {c.id: tuple(sorted(subtree_ids(nodes, c.id))) for c in choices}
        kept = self.currentData()
        self.blockSignals(True)
        while self.count() > 1:
            self.removeItem(1)
        for choice in choices:
            self.addItem(choice.label, choice.id)
        self.setCurrentIndex(max(self.findData(kept), 0) if kept else 0)
        self.blockSignals(False)

    def host_id(self) -> str | None:
        value = self.currentData()
        return value if isinstance(value, str) else None

    def org_unit_ids(self) -> tuple[str, ...] | None:
        host = self.host_id()
        return self._subtrees.get(host, (host,)) if host else None
