"""The mouse wheel scrolls the form; it never changes a field the pointer merely passes over.

Qt lets the wheel change a drop-down, a date, a time or a number under the pointer even when
it has no focus, so scrolling a long form silently turns 来访 into 来电. One guard, installed
on the application, covers every such field in every window, present and future: these
fields take focus by click or Tab only, and while unfocused inside something that scrolls,
their wheel turns go to the scrolling area instead. A focused field keeps the wheel, as users
expect. (A filter on the whole application would run Python for each of its events — some
100 ms more before the first paint, 0.2–0.3 s more to open the meeting editor — so the
application's style hands each field its own filter as it is polished.)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QProxyStyle,
    QWidget,
)

GUARDED = (QComboBox, QAbstractSpinBox)  # drop-downs; dates, times and numbers


def _scrolling_ancestor(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        if parent.isWindow():
            return None
        parent = parent.parentWidget()
    return None


class WheelGuard(QObject):
    """The event filter each guarded field gets; see the module's docstring."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        if watched.hasFocus():
            return False
        area = _scrolling_ancestor(watched)
        if area is None:  # a filter bar above a list: nothing to scroll instead
            return False
        assert isinstance(event, QWheelEvent)
        viewport = area.viewport()
        position = viewport.mapFromGlobal(event.globalPosition().toPoint())
        forwarded = QWheelEvent(
            position.toPointF(),
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
        )
        QApplication.sendEvent(viewport, forwarded)
        return True


class GuardingStyle(QProxyStyle):
    """The application's style as it was, which also hands each new drop-down, date, time or
    number field its guard as Qt polishes it: Python runs once per such field (and then for
    its own events), not for every event of the application."""

    def __init__(self, guard: WheelGuard) -> None:
        super().__init__()
        self._guard = guard

    def polish(self, target: Any) -> Any:
        if isinstance(target, GUARDED):
            if target.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                target.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turn never focuses
            target.installEventFilter(self._guard)
        return super().polish(target)


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Installs the guard once on ``app``; returns it (it lives as long as the application)."""
    existing = app.findChild(WheelGuard)
    if existing is not None:
        return existing
    guard = WheelGuard(app)
    app.setStyle(GuardingStyle(guard))
    return guard
