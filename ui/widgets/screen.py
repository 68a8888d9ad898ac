"""Sizing a window to what the screen can show (a laptop at 1366×768 has less than asked)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resizes ``window`` to ``width`` × ``height``, less where the screen is smaller."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width() - 40)
        height = min(height, available.height() - 60)
    window.resize(width, height)
