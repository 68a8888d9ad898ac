"""The number fields the fulfilment and service dialogs share."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QWidget


def people_spin(parent: QWidget) -> QSpinBox:
    """How many took part."""
    box = QSpinBox(parent)
    box.setRange(0, 100_000)
    box.setSuffix(QCoreApplication.translate("SpinBoxes", " 人"))
    return box


def hours_spin(parent: QWidget, maximum: float) -> QDoubleSpinBox:
    """Hours in half-hour steps, up to ``maximum``."""
    box = QDoubleSpinBox(parent)
    box.setRange(0, maximum)
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setSuffix(QCoreApplication.translate("SpinBoxes", " 小时"))
    return box
