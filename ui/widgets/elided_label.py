"""A one-line label that shortens its text with "…" in the middle when room is short (a long
database path in the status bar), the whole text in its tooltip.

It is built before the window's first paint, so it leaves Qt's ``Qt`` namespace alone until
a text actually needs shortening (PySide builds that namespace's enums on first use, some
50 ms).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

LEAST_CHARACTERS = 12


class ElidedLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def text(self) -> str:
        """The whole text, however much of it shows."""
        return self._full

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        self._full = text
        self.setToolTip(text)
        self._fit()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        hint.setWidth(self.fontMetrics().averageCharWidth() * LEAST_CHARACTERS)
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        room = self.contentsRect().width()
        shown = self._full
        if self.isVisible() and metrics.horizontalAdvance(shown) > room > 0:
            from PySide6.QtCore import Qt

            shown = metrics.elidedText(shown, Qt.TextElideMode.ElideMiddle, room)
        QLabel.setText(self, shown)
