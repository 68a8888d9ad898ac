"""``issues``: the issues list at a million issues, through the app's list model vs raw SQL.

One worker process per database (``QT_QPA_PLATFORM=offscreen``) opens it the way the app
does and times, as medians after one warm-up, four list states:

* ``first_page``: the default list (newest first);
* ``filter``: a filter change, status 归档 + the community with most issues;
* ``search3``: a 3-character search (建宁路), ``search2``: a 2-character search (积水).

Each is timed through ``PagedTableModel`` over ``IssueList`` — ``set_query`` (the capped
count) and then every cell of the first 50 rows, as a view would paint them — and as the raw
``sqlite3`` query that returns the same 200 rows of the first page (same columns, same
order; the rows are compared). The raw search queries use the same FTS5 index, the 2-character
one after the same vocabulary look-up. Then the worker's resident memory (VmRSS) is read; the
same is done on the street demo database: ``rss_ratio`` = huge ÷ street.

Goals: each app time ≤ 150 ms; app ≤ raw + max(15 ms, 50 % of raw); ``rss_ratio`` ≤ 1.3.
``python bench/run.py issues --db /tmp/huge.db`` (make one with ``gongjian --db /tmp/huge.db
demo --scale huge``; without ``--db`` it is made here, which takes minutes).
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

TIME_GOAL_MS = 150.0
OVERHEAD_MS = 15.0
OVERHEAD_SHARE = 0.5
RSS_GOAL = 1.3
CASES = ("first_page", "filter", "search3", "search2")
SEARCH3 = "建宁路"
SEARCH2 = "积水"
SHOWN_ROWS = 50

RAW_SELECT = """
SELECT i.id, i.version, i.number, i.title, i.status, i.due_at,
       coalesce((SELECT group_concat(coalesce(
                    (SELECT name FROM org_units WHERE id = d.org_unit_id),
                    (SELECT name FROM resident_units WHERE id = d.resident_unit_id)), '、')
                 FROM dispatches d WHERE d.issue_id = i.id AND d.status != 'returned'), ''),
       coalesce(cu.name, ''), coalesce(c.name, ''), coalesce(g.name, ''), i.reported_at,
       i.satisfaction
FROM issues i
LEFT JOIN issue_categories c ON c.id = i.category_id
LEFT JOIN org_units cu ON cu.id = i.community_id
LEFT JOIN org_units g ON g.id = i.grid_id
WHERE +i.deleted_at IS NULL {where}
ORDER BY i.reported_at DESC, i.id DESC
LIMIT 200
"""


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, metavar="FILE", help="a database with 1,000,000 issues")
    parser.add_argument("--street-db", type=Path, metavar="FILE", help="the street demo database")
    parser.add_argument("--repeats", type=int, default=7, help="timed runs per case (default 7)")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _queries(db: Path) -> dict[str, tuple[dict[str, Any], str, tuple[Any, ...]]]:
    """Per case: the list's filters/search, and the raw query's WHERE and parameters."""
    import sqlite3

    with sqlite3.connect(db) as c:
        community = c.execute(
            "SELECT community_id FROM issues WHERE community_id IS NOT NULL "
            "GROUP BY community_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
    return {
        "first_page": ({}, "", ()),
        "filter": (
            {"filters": {"status": "closed", "community_id": community}},
            "AND i.status = ? AND i.community_id = ?",
            ("closed", community),
        ),
        "search3": ({"search": SEARCH3}, "SEARCH3", ()),
        "search2": ({"search": SEARCH2}, "SEARCH2", ()),
    }


def _raw(connection: Any, where: str, params: tuple[Any, ...]) -> list[str]:
    if where in ("SEARCH3", "SEARCH2"):
        needle = SEARCH3 if where == "SEARCH3" else SEARCH2
        if len(needle) >= 3:
            match = f'"{needle}"'
        else:
            terms = connection.execute(
                "SELECT term FROM issues_fts_vocab WHERE term >= ? AND term < ?",
                (needle, needle + "\U0010ffff"),
            ).fetchall()
            match = " OR ".join(f'"{t}"' for (t,) in terms)
        where = (
            "AND (+i.rowid IN (SELECT rowid FROM issues_fts WHERE issues_fts MATCH ?) "
            "OR i.number = ?)"
        )
        params = (match, needle)
    rows = connection.execute(RAW_SELECT.format(where=where), params).fetchall()
    return [r[0] for r in rows]


def worker(db: Path, repeats: int) -> dict[str, Any]:
    """Runs in its own process: times every case, prints one JSON line."""
    import sqlite3

    from app.database import Database
    from app.issues.lists import IssueList
    from app.listing import ListQuery

    from PySide6.QtWidgets import QApplication
    from ui.models.paged_table import ID_ROLE, PagedTableModel

    qt_app = QApplication.instance() or QApplication([])

    database = Database(str(db), must_exist=True)
    source = IssueList()
    model = PagedTableModel(database, source)
    raw = sqlite3.connect(db)
    queries = _queries(db)
    times: dict[str, list[float]] = {f"{c}{s}": [] for c in CASES for s in ("", "_raw")}
    rows: dict[str, int] = {}
    for run in range(repeats + 1):
        for case in CASES:
            spec, where, params = queries[case]
            query = ListQuery(sort="reported_at", descending=True, **spec)
            source.forget()  # no search expansion remembered from the previous round
            started = time.perf_counter()
            model.set_query(query)
            shown = min(SHOWN_ROWS, model.rowCount())
            for r in range(shown):
                for c in range(model.columnCount()):
                    model.data(model.index(r, c))
            app_ms = (time.perf_counter() - started) * 1000
            app_ids = [
                model.data(model.index(r, 0), ID_ROLE) for r in range(min(200, model.rowCount()))
            ]
            started = time.perf_counter()
            raw_ids = _raw(raw, where, params)
            raw_ms = (time.perf_counter() - started) * 1000
            if app_ids != raw_ids:
                raise SystemExit(f"bench: {case}: the model and the raw query differ")
            rows[case] = model.rowCount()
            if run:  # the first round warms up
                times[case].append(app_ms)
                times[f"{case}_raw"].append(raw_ms)
            model.set_query(ListQuery(filters={"status": "rejected"}))  # leave the state
    result = {f"{k}_ms": round(statistics.median(v), 1) for k, v in times.items()}
    result["rss_kb"] = _rss_kb()
    result["rows_shown"] = rows
    raw.close()
    database.close()
    del qt_app
    return result


@benchmark("issues", "the issues list at a million issues: list model vs raw SQL, memory",
           arguments=_arguments)  # fmt: skip
def run(args: argparse.Namespace) -> int:
    if args.worker:
        print(json.dumps(worker(args.worker, args.repeats)))
        return 0
    with tempfile.TemporaryDirectory(prefix="gongjian-bench-") as tmp:
        work = Path(tmp)
        home = work / "home"
        huge = args.db.resolve() if args.db else work / "huge.db"
        if args.db is None:
            print("making the huge demo database (1,000,000 issues) …", flush=True)
            create_demo_database(huge, home, "huge")
        street = args.street_db.resolve() if args.street_db else work / "street.db"
        if args.street_db is None:
            print("making the street demo database …", flush=True)
            create_demo_database(street, home, "street")
        big = run_worker("issues", huge, args.repeats, home)
        small = run_worker("issues", street, args.repeats, home)
    lines = []
    passed = True
    result: dict[str, Any] = {}
    for case in CASES:
        app_ms, raw_ms = big[f"{case}_ms"], big[f"{case}_raw_ms"]
        allowed = raw_ms + max(OVERHEAD_MS, OVERHEAD_SHARE * raw_ms)
        ok = app_ms <= TIME_GOAL_MS and app_ms <= allowed
        passed &= ok
        lines.append((case, app_ms, raw_ms, round(app_ms - raw_ms, 1), big["rows_shown"][case],
                      "ok" if ok else "MISSED"))  # fmt: skip
        result[f"{case}_ms"] = app_ms
        result[f"{case}_raw_ms"] = raw_ms
    ratio = round(big["rss_kb"] / small["rss_kb"], 3)
    passed &= ratio <= RSS_GOAL
    print(table(("case", "app ms", "raw ms", "overhead ms", "rows in view", ""), lines))
    print(f"RSS: huge {big['rss_kb'] / 1024:.1f} MB, street {small['rss_kb'] / 1024:.1f} MB, "
          f"ratio {ratio} (goal ≤ {RSS_GOAL})")  # fmt: skip
    result = {
        "first_page_ms": result["first_page_ms"],
        "filter_ms": result["filter_ms"],
        "search3_ms": result["search3_ms"],
        "search2_ms": result["search2_ms"],
        "first_page_raw_ms": result["first_page_raw_ms"],
        "filter_raw_ms": result["filter_raw_ms"],
        "search3_raw_ms": result["search3_raw_ms"],
        "search2_raw_ms": result["search2_raw_ms"],
        "rss_ratio": ratio,
        "rss_huge_mb": round(big["rss_kb"] / 1024, 1),
        "rss_street_mb": round(small["rss_kb"] / 1024, 1),
        "pass": bool(passed),
    }
    print(json.dumps(result))
    return 0 if passed else 1
