"""Starting the window: the application object, font, language, error hook, first paint.

With ``GONGJIAN_STARTUP_PROBE=1`` the process prints, as one JSON line, the wall-clock times
of its first paint, of the first paint with data, and of the database being open for work,
then exits (see bench/run.py).
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication
from ui.collector import freeze_and_resume

if TYPE_CHECKING:
    from ui.main_window import MainWindow

PROBE_ENV = "GONGJIAN_STARTUP_PROBE"
log = logging.getLogger("gongjian.ui")
DATA_READY_POLL_MS = 5


class FirstPaint(QObject):
    """Calls back once, right after the watched widget has painted for the first time."""

    def __init__(self, widget: QObject, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            QTimer.singleShot(0, self._callback)
        return False


def create_application(argv: list[str]) -> QApplication:
    from app.paths import resource_path

    from ui.fonts import register_fonts
    from ui.qt_workarounds import guard_bool_refcounts

    guard_bool_refcounts()
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Gongjian")
    app.setOrganizationName("Gongjian")
    app.setApplicationDisplayName("共建台")
    app.setWindowIcon(QIcon(str(resource_path("icons", "gongjian.png"))))
    register_fonts(app)
    return app


def run(target: str | None) -> int:
    """Shows the main window on ``target`` (or the database chosen in the settings)."""
    from app.logs import incident_reference, setup_logging
    from app.paths import database_target

    from ui.errors import install_exception_hook, show_unexpected_error
    from ui.i18n import install_language
    from ui.main_window import MainWindow
    from ui.settings import Settings

    probe = os.environ.get(PROBE_ENV) == "1"
    app = create_application(sys.argv[:1])
    settings = Settings()
    install_language(settings.language)
    install_exception_hook()  # it sets the log up if an error comes before the first paint
    window = MainWindow(
        database_target(target or settings.database or None), settings, interactive=not probe
    )
    if settings.geometry is not None and not probe:
        window.restoreGeometry(settings.geometry)
    else:
        window.resize(1366, 768)
    times: dict[str, float] = {}

    def after_first_paint() -> None:
        times["first_paint"] = time.time()
        prepare_for_work(app)
        if window.show_quick_page():  # the tab's data, read before SQLAlchemy loads
            window.repaint()
            times["data_shown"] = time.time()
            QTimer.singleShot(0, open_database)
        else:
            open_database()

    def open_database() -> None:
        # Opening the database imports SQLAlchemy and builds the models: some 10^5 objects,
        # all long-lived. With PySide's objects already tracked, the automatic collections
        # this triggers walk everything again and again (60-80 ms here) and find no garbage;
        # so none run until the data is shown, and then start-up's objects are frozen.
        gc.disable()
        try:
            opened = window.open_database()
        except Exception:  # the opening dialogs handle the database's own errors
            _end_start_up_gc()
            if probe:
                print('{"error": "database"}', flush=True)
            else:
                reference = incident_reference()
                log.exception("unexpected error while opening the database [%s]", reference)
                show_unexpected_error(reference, str(setup_logging()))
            app.exit(1)
            return
        if not opened:  # signing in was cancelled
            _end_start_up_gc()
            app.quit()
            return
        _when_data_ready(window, database_ready)

    def database_ready() -> None:
        window.repaint()
        times.setdefault("data_shown", time.time())
        times["database_open"] = time.time()
        _end_start_up_gc()
        if probe:
            import json  # the probe's line alone needs it: not on the way to the first paint

            print(json.dumps(times), flush=True)
            app.quit()
            return
        window.check_file_later()
        window.offer_demo_if_empty()
        window.prepare_ahead()

    FirstPaint(window, after_first_paint)
    window.show()
    code = app.exec()
    QThreadPool.globalInstance().waitForDone()  # a check still running ends before the process
    return code


def prepare_for_work(app: QApplication) -> None:
    """What start-up does once the window has painted, before the database opens and any
    form is built: the log file (its handler's imports: sockets, pickle, queues) and the
    wheel guard (it needs Qt's enums, slow to make)."""
    from app.logs import setup_logging

    from ui.widgets.wheel_guard import install_wheel_guard

    setup_logging()
    install_wheel_guard(app)


def _when_data_ready(window: MainWindow, callback: Callable[[], None]) -> None:
    """Calls back once the current tab shows its data (a tab may load it off the GUI thread)."""
    page = window.current_page()
    if page is None or page.data_ready():
        callback()
    else:
        QTimer.singleShot(DATA_READY_POLL_MS, lambda: _when_data_ready(window, callback))


def _end_start_up_gc() -> None:
    """Re-enables the collector; what start-up built (modules, classes, mappers) is frozen,
    so later collections in the running window skip it."""
    freeze_and_resume()
