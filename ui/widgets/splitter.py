"""A list beside its detail (or a tree beside its forms), as the tabs and editors lay them out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget


def side_by_side(
    parent: QWidget,
    left: QWidget,
    right: QWidget,
    sizes: tuple[int, int],
    stretch: tuple[int, int] = (3, 2),
) -> QSplitter:
    """``left`` and ``right`` in a splitter neither side can be collapsed away: they start at
    ``sizes`` and share a wider window by ``stretch``."""
    splitter = QSplitter(Qt.Orientation.Horizontal, parent)
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(left)
    splitter.addWidget(right)
    for index, factor in enumerate(stretch):
        splitter.setStretchFactor(index, factor)
    splitter.setSizes(list(sizes))
    return splitter
