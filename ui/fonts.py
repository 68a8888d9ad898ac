"""The bundled Chinese font, registered so text renders on a machine with no CJK font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

UI_FONT_FILE = "WenQuanYiMicroHei-GBK.ttf"
UI_POINT_SIZE = 10


def register_fonts(app: QApplication) -> str:
    """Registers the bundled font and makes it the application's font; returns its family."""
    from app.paths import resource_path

    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", UI_FONT_FILE)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return app.font().family()
    font = QFont(families[0], UI_POINT_SIZE)
    app.setFont(font)
    return families[0]
