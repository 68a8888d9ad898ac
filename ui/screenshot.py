"""Rendering the main window on one tab to a PNG, offscreen, with the database's data."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QWidget
from ui.main_window import TAB_KEYS


def take_screenshot(target: str, screen: str, output: Path, size: tuple[int, int]) -> Path:
    """Render ``screen``: a tab key, or ``tab/view`` for one of the tab's views."""
    from PySide6.QtCore import QSettings, QThreadPool
    from ui.application import create_application
    from ui.i18n import DEFAULT_LANGUAGE, install_language
    from ui.main_window import MainWindow
    from ui.settings import Settings

    tab, _, view = screen.partition("/")
    if tab not in TAB_KEYS:
        raise ValueError(tab)
    with tempfile.TemporaryDirectory() as scratch:
        if _offscreen_default():
            os.environ["QT_QPA_PLATFORM"] = _offscreen_platform(Path(scratch), size)
        app = create_application(["gongjian"])
        install_language(DEFAULT_LANGUAGE)
        settings = Settings(QSettings(str(Path(scratch) / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(target, settings, interactive=False)
        window.resize(*size)
        window.show()
        window.open_database()
        page = window.show_tab(tab)
        if view and (page is None or not page.show_view(view)):
            raise ValueError(screen)
        QApplication.processEvents()  # what a tab fills in once its list shows starts here
        QThreadPool.globalInstance().waitForDone()  # and what it reads off the GUI thread ends
        for _ in range(2):
            QApplication.processEvents()
        image = _front_window(window).grab()
        window.close()
        if window.database is not None:
            window.database.close()
    app.processEvents()
    if not image.save(str(output), "PNG"):
        raise OSError(f"无法写入图片文件：{output}")
    return output


def _offscreen_default() -> bool:
    """True before Qt has started when no display is chosen, or the plain offscreen one: its
    screen is then given the screenshot's size."""
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    return QApplication.instance() is None and platform == "offscreen"


def _offscreen_platform(folder: Path, size: tuple[int, int]) -> str:
    """Qt's offscreen platform with a screen of ``size`` (its default is 800 × 800): windows
    that fit themselves to the screen, like the editors, then look as they do on a PC."""
    width, height = size
    screen = {"name": "screenshot", "x": 0, "y": 0, "width": width, "height": height}
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96}]}), encoding="utf-8")
    return f"offscreen:configfile={config}"


def _front_window(window: QWidget) -> QWidget:
    """The dialog a view opened over the main window, or the main window itself."""
    dialogs = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
    ]
    return dialogs[-1] if dialogs else window
