"""A tab's first build, for ``bench/run.py startup``: ``python bench/tab_build.py DB TAB``.

The window opens on TAB with the database, as it does when it reopens there (after its first
paint, with what start-up does then: ``ui.application.prepare_for_work``); the time is the
span of the window building that tab (importing its modules, making its widgets, reading its
first page) until it shows its data, repainted: what a user waits for when they click a tab
for the first time, without the database's own opening (SQLAlchemy and the models), which
``startup``'s other figures count. Prints ``{"tab": TAB, "build_ms": …}`` and exits.

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

from PySide6.QtCore import QEventLoop  # noqa: E402
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
            self.repaint()
            self.build_ms[key] = (time.perf_counter() - started) * 1000
        return page


def _wait_for_data(page: TabPage) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while not page.data_ready():
        if time.perf_counter() > deadline:
            raise SystemExit(f"tab_build: {type(page).__name__} showed no data in {TIMEOUT_S} s")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)


def main(database: str, tab: str) -> int:
    app = create_application(sys.argv[:1])
    settings = Settings()
    settings.last_tab = tab
    window = TimedWindow(database, settings, interactive=False)
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    prepare_for_work(app)
    if not window.open_database():
        raise SystemExit("tab_build: the database did not open")
    print(json.dumps({"tab": tab, "build_ms": round(window.build_ms[tab], 1)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
