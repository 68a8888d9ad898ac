"""``dashboard``: how long the home tab takes to refresh, at the street demo size and at a
million issues.

One worker process per database (``QT_QPA_PLATFORM=offscreen``, the bundled fonts) builds the
home tab as the window does, waits for its charts, then times ``HomeTab.refresh()`` and the
repaint that follows — every tile, chart and reminder read in SQL and drawn — as the median of
``--repeats`` runs after one warm-up, for the default period (this month, the whole street).
The same is reported for the whole year (``*_year_ms``, no goal: twelve months of a million
issues is the most a user can ask for short of a custom range).

Goal: ``refresh_ms_huge`` ≤ 500 ms. The million-issue database is made once with ``gongjian
demo --scale huge`` (about two minutes) and kept in ``CACHE`` for later runs; ``--db`` uses
another one (it is upgraded to the current schema first if older).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import create_demo_database, run_worker, table
from bench.registry import benchmark

GOAL_MS = 500.0
CACHE = Path(tempfile.gettempdir()) / "gongjian-bench-dashboard" / "huge.db"


def _arguments(parser: argparse.ArgumentParser) -> None:
    made = f"a database with 1,000,000 issues (default: made once, {CACHE})"
    parser.add_argument("--db", type=Path, metavar="FILE", help=made)
    parser.add_argument("--street-db", type=Path, metavar="FILE", help="the street demo database")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs per case (default 5)")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)


def _timed_refreshes(tab: Any, app: Any, repeats: int) -> float:
    times = []
    for run in range(repeats + 1):
        started = time.perf_counter()
        tab.refresh()
        tab.repaint()
        app.processEvents()
        if run:  # the first run warms up
            times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def worker(db: Path, repeats: int) -> dict[str, Any]:
    """Runs in its own process: times the refreshes, prints one JSON line."""
    from app.database import Database

    from PySide6.QtCore import QEvent, QSettings
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication
    from ui.fonts import register_fonts
    from ui.home.remembered import HomeChoice
    from ui.home.tab import HomeTab
    from ui.qt_workarounds import guard_bool_refcounts
    from ui.tab import DataEvents, TabContext

    guard_bool_refcounts()
    app = QApplication.instance() or QApplication([])
    register_fonts(app)  # type: ignore[arg-type]
    database = Database(str(db), must_exist=True)
    scratch = tempfile.TemporaryDirectory(prefix="gongjian-bench-")
    settings = QSettings(str(Path(scratch.name) / "home.ini"), QSettings.Format.IniFormat)
    context = TabContext(database, QUndoStack(), DataEvents())
    tab = HomeTab(context, choice=HomeChoice(settings))
    tab.resize(1366, 740)
    tab.show()
    while tab.charts is None:
        app.processEvents()
    month_ms = _timed_refreshes(tab, app, repeats)
    tab.kind.blockSignals(True)
    tab.kind.setCurrentIndex(tab.kind.findData("year"))
    tab.kind.blockSignals(False)
    year_ms = _timed_refreshes(tab, app, repeats)
    issues = database.engine.connect().exec_driver_sql("SELECT count(*) FROM issues").scalar()
    tab.close()
    tab.deleteLater()  # gone before the interpreter's own clean-up, which pyqtgraph dislikes
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    database.close()
    scratch.cleanup()
    return {"refresh_ms": month_ms, "refresh_year_ms": year_ms, "issues": issues}


@benchmark("dashboard", "the home tab's refresh at the street size and at a million issues",
           arguments=_arguments)  # fmt: skip
def run(args: argparse.Namespace) -> int:
    if args.worker:
        print(json.dumps(worker(args.worker, args.repeats)))
        return 0
    with tempfile.TemporaryDirectory(prefix="gongjian-bench-") as tmp:
        work = Path(tmp)
        home = work / "home"
        huge = args.db.resolve() if args.db else CACHE
        if not huge.exists():
            print(f"making the huge demo database (1,000,000 issues) in {huge} …", flush=True)
            huge.parent.mkdir(parents=True, exist_ok=True)
            create_demo_database(huge, home, "huge")
        street = args.street_db.resolve() if args.street_db else work / "street.db"
        if args.street_db is None:
            print("making the street demo database …", flush=True)
            create_demo_database(street, home, "street")
        small = run_worker("dashboard", street, args.repeats, home)
        big = run_worker("dashboard", huge, args.repeats, home)
    passed = big["refresh_ms"] <= GOAL_MS
    print(table(("database", "issues", "this month ms", "this year ms", ""), [
        ("street", small["issues"], small["refresh_ms"], small["refresh_year_ms"], ""),
        ("huge", big["issues"], big["refresh_ms"], big["refresh_year_ms"],
         "ok" if passed else f"MISSED (goal ≤ {GOAL_MS:.0f} ms)"),
    ]))  # fmt: skip
    result = {
        "refresh_ms_street": small["refresh_ms"],
        "refresh_ms_huge": big["refresh_ms"],
        "refresh_year_ms_street": small["refresh_year_ms"],
        "refresh_year_ms_huge": big["refresh_year_ms"],
        "pass": bool(passed),
    }
    print(json.dumps(result))
    return 0 if passed else 1
