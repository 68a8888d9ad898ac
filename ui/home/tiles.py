"""The home tab's tiles: a figure, its name, and a click that opens the records behind it.

Figures are plain dark text; a tile is coloured only when its figure asks for action (red for
something late, amber for something to plan for: ``app.dashboard.kpis.Attention``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget
from ui.widgets import palette

TILE_STYLE = f"""
QFrame#tile {{ background: #f7f7f5; border: 1px solid #dcdcd6; border-radius: 6px; }}
QFrame#tile:hover, QFrame#tile:focus {{ border: 1px solid #555; }}
QLabel#tileValue {{ font-size: 24px; font-weight: bold; color: #333; }}
QLabel#tileLabel {{ font-size: 13px; color: #444; }}
QFrame#tile[minor="true"] QLabel#tileValue {{ font-size: 16px; color: #555; }}
QFrame#tile[attention="alert"] {{ background: #fdecea; border: 1px solid #e3a19c; }}
QFrame#tile[attention="alert"] QLabel#tileValue {{ color: {palette.ERROR_RED}; }}
QFrame#tile[attention="warning"] {{ background: #fff5dc; border: 1px solid #e5c57a; }}
QFrame#tile[attention="warning"] QLabel#tileValue {{ color: {palette.WARNING_AMBER}; }}
QLabel#tileGroup {{ font-size: 14px; font-weight: bold; color: #333; }}
QLabel#tileGroupNote {{ font-size: 12px; color: {palette.HINT_GREY}; }}
"""

CONTEXT = "HomeTiles"
# the KPI tiles (app.dashboard.kpis.KPI_ORDER), then the directory's counts (app.summary)
LABELS = {
    "open_issues": QT_TRANSLATE_NOOP("HomeTiles", "未办结民生事项"),
    "overdue": QT_TRANSLATE_NOOP("HomeTiles", "超期事项"),
    "resolved": QT_TRANSLATE_NOOP("HomeTiles", "本期办结"),
    "resolve_days": QT_TRANSLATE_NOOP("HomeTiles", "平均办结天数"),
    "satisfaction": QT_TRANSLATE_NOOP("HomeTiles", "满意率"),
    "meetings": QT_TRANSLATE_NOOP("HomeTiles", "本期会议"),
    "open_actions": QT_TRANSLATE_NOOP("HomeTiles", "未完成议定事项"),
    "active_agreements": QT_TRANSLATE_NOOP("HomeTiles", "生效中的协议"),
    "expiring_agreements": QT_TRANSLATE_NOOP("HomeTiles", "即将到期的协议"),
    "seven": QT_TRANSLATE_NOOP("HomeTiles", "本年度七个共完成率"),
    "active_postings": QT_TRANSLATE_NOOP("HomeTiles", "在岗挂职干部"),
    "evaluations_due": QT_TRANSLATE_NOOP("HomeTiles", "待填写的评价"),
    "org_units": QT_TRANSLATE_NOOP("HomeTiles", "街道、片区、社区和网格"),
    "resident_units": QT_TRANSLATE_NOOP("HomeTiles", "驻区单位"),
    "people": QT_TRANSLATE_NOOP("HomeTiles", "人员"),
}
DIRECTORY_KEYS = ("org_units", "resident_units", "people")
# the figures of the period chosen, and the counts as they stand now whatever the period
PERIOD_KEYS = ("resolved", "resolve_days", "satisfaction", "meetings", "seven")
SNAPSHOT_KEYS = (
    *("open_issues", "overdue", "open_actions", "active_agreements", "expiring_agreements"),
    *("active_postings", "evaluations_due"),
)
SHARES = ("satisfaction", "seven")


def figure_text(key: str, value: int | float | None) -> str:
    """A tile's figure: a count with separators, a share in per cent, days with one decimal;
    a dash when there is nothing to measure."""
    if value is None:
        return "—"
    if key in SHARES:
        return f"{value * 100:.1f}%"
    if key == "resolve_days":
        return QCoreApplication.translate("HomeTiles", "{days}天").format(days=f"{value:.1f}")
    return f"{int(value):,}"


class Tile(QFrame):
    """Signals:
    clicked(): the user clicked the tile or pressed Enter or Space on it."""

    clicked = Signal()

    def __init__(self, key: str, parent: QWidget | None = None, *, minor: bool = False) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("tile")
        self.setProperty("minor", minor)
        self.setProperty("attention", "")
        self.value = QLabel("—", self)
        self.value.setObjectName("tileValue")
        self.label = QLabel(QCoreApplication.translate(CONTEXT, str(LABELS[key])), self)
        self.label.setObjectName("tileLabel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.value, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignLeft)
        if not minor:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setMinimumHeight(76)

    def show_value(self, value: int | float | None, attention: str = "") -> None:
        """The figure, and ``attention`` ("", "warning" or "alert") for its colour."""
        self.value.setText(figure_text(self.key, value))
        if self.property("attention") != attention:
            self.setProperty("attention", attention)
            for widget in (self, self.value):  # a changed property restyles only when polished
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if (
            event.button() == Qt.MouseButton.LeftButton
            and self.focusPolicy() != Qt.FocusPolicy.NoFocus
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)
