"""A tab's first build on a click, for ``bench/run.py startup``:
``python bench/tab_build.py DB START TAB``.

The window reopens on START with the database, as start-up does (its first paint, then
``ui.application.prepare_for_work``, the database's opening and START's build, then preparing
ahead for the other tabs, ``MainWindow.prepare_ahead``); then the user clicks TAB. The time is
the span of the window building TAB until it shows its data, with what it leaves for the next
turn of the event loop (the home tab's charts), repainted: what a user waits for when they
first click a tab. START's own build is part of start-up (``startup``'s database-open time).
``ahead_ms`` is how long preparing ahead took. Prints ``{"start": …, "ahead_ms": …,
"tab": …, "build_ms": …}`` and exits.

Run with ``QT_QPA_PLATFORM=offscreen`` and a throw-away user profile.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from ui.application import create_application, prepare_for_work  # noqa: E402
from ui.main_window import TAB_KEYS, MainWindow  # noqa: E402
from ui.settings import Settings  # noqa: E402
from ui.tab import TabPage  # noqa: E402

TIMEOUT_S = 60.0


class TimedWindow(MainWindow):
    """The main window, timing the first build of each tab until it shows its data."""

    build_ms: dict[str, float] = {}

    def _ensure_page(self, index: int) -> TabPage | None:
        key = TAB_KEYS[index]
        if self.context is None or key in self._pages:
            return super()._ensure_page(index)
        started = time.perf_counter()
        page = super()._ensure_page(index)
        if page is not None:
            _wait_for_data(page)
            _let_settle()
            self.repaint()
            self.build_ms[key] = (time.perf_counter() - started) * 1000
        return page


def _wait_for_data(page: TabPage) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while not page.data_ready():
        if time.perf_counter() > deadline:
            raise SystemExit(f"tab_build: {type(page).__name__} showed no data in {TIMEOUT_S} s")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)


def _let_settle() -> None:
    """Runs what the tab left for the next turn of the event loop (the home tab builds its
    charts and 三率 box after its tiles have painted): the user sees those too."""
    settled = QEventLoop()
    QTimer.singleShot(0, settled.quit)
    settled.exec()


def main(database: str, start: str, tab: str) -> int:
    app = create_application(sys.argv[:1])
    settings = Settings()
    settings.last_tab = start
    window = TimedWindow(database, settings, interactive=False)
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    prepare_for_work(app)
    if not window.open_database():
        raise SystemExit("tab_build: the database did not open")
    started = time.perf_counter()
    waiting = QEventLoop()
    window.prepare_ahead().finished.connect(waiting.quit)
    QTimer.singleShot(int(TIMEOUT_S * 1000), waiting.quit)
    waiting.exec()
    ahead_ms = (time.perf_counter() - started) * 1000
    window.tabs.setCurrentIndex(TAB_KEYS.index(tab))
    times = {"start": start, "ahead_ms": round(ahead_ms, 1), "tab": tab}
    print(json.dumps(times | {"build_ms": round(window.build_ms[tab], 1)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
