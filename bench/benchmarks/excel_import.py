"""``import``: importing 20,000 people from Excel into the street demo database.

The file is made once per run from the demo's own units and communities (20,000 new people
with valid ID numbers, mobiles, employers, communities). Each timed run imports it into a
fresh copy of the database, in a worker process of its own, as ``gongjian import people``
does, and reports:

* ``read_s``: the file read (zip limits checked, cells read);
* ``seconds``: the whole import (read, plan, write, commit), from which ``rows_per_s``;
* ``lock_s``: how long the database's write lock is held: from the first INSERT to the
  commit (before, an import held it from its first row to its last);
* ``preview_s``: a preview of the same file, which takes no write lock at all;
* ``cpu_s``: the processor time the import itself used, which other work on the machine
  does not inflate as it does ``seconds`` (on an idle machine the two are close).

Goal: ``seconds`` < 10 for 20,000 people. The medians of ``--repeats`` runs are reported,
with the machine's load average.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import ROOT, create_demo_database, isolated_env, table
from bench.registry import benchmark

GOAL_S = 10.0
PEOPLE = 20_000
HEADERS = ("姓名", "性别", "手机", "身份证号", "工作单位", "职务", "所在社区网格", "党员", "网格员")


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rows", type=int, default=PEOPLE, help="people in the file (20,000)")
    parser.add_argument("--repeats", type=int, default=3, help="timed imports (default 3)")
    parser.add_argument("--db", type=Path, metavar="FILE", help="a street demo database to copy")
    parser.add_argument("--worker", nargs=2, type=Path, help=argparse.SUPPRESS)


def make_people_file(db: Path, path: Path, rows: int) -> None:
    """``rows`` new people in the people template's columns, named after the demo's units
    and communities (names that occur once, as an office's own sheet would use)."""
    import sqlite3

    from openpyxl import Workbook

    from app.validation import id_check_char

    with sqlite3.connect(db) as connection:
        units = _unique(connection, "SELECT name FROM resident_units WHERE deleted_at IS NULL")
        places = _unique(
            connection,
            "SELECT name FROM org_units WHERE level = 'community' AND deleted_at IS NULL",
        )
    pick = random.Random(2026)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("人员")
    sheet.append(HEADERS)
    for n in range(rows):
        born = f"{1960 + n % 40}{1 + n % 12:02d}{1 + n % 28:02d}"
        first17 = f"3201{n // 1000 % 100:02d}{born}{n % 1000:03d}"
        sheet.append(
            [
                f"导入测试{n:05d}",
                "男" if n % 2 else "女",
                f"139{n:08d}",
                first17 + id_check_char(first17),
                pick.choice(units),
                "干部",
                pick.choice(places),
                "是",
                "否",
            ]
        )
    book.save(path)


def _unique(connection: Any, query: str) -> list[str]:
    names = [row[0] for row in connection.execute(query)]
    return sorted(name for name in set(names) if names.count(name) == 1)


def worker(db: Path, path: Path) -> dict[str, Any]:
    """Runs in its own process: one preview and one import of ``path`` into ``db``."""
    from sqlalchemy import event

    from app.database import Database
    from app.excel.importing import Action, import_file, preview
    from app.excel.kinds import IMPORT_KINDS
    from app.excel.reading import read_table

    kind = IMPORT_KINDS["people"]
    database = Database(str(db), must_exist=True)
    started = time.perf_counter()
    read_table(path)
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    preview(database, kind, path)
    preview_s = time.perf_counter() - started
    first_insert: list[float] = []

    def on_statement(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not first_insert and statement.lstrip().upper().startswith("INSERT"):
            first_insert.append(time.perf_counter())

    event.listen(database.engine, "before_cursor_execute", on_statement)
    started, processor = time.perf_counter(), time.process_time()
    report = import_file(database, kind, path)
    ended, cpu_s = time.perf_counter(), time.process_time() - processor
    database.close()
    return {
        "read_s": round(read_s, 2),
        "preview_s": round(preview_s, 2),
        "seconds": round(ended - started, 2),
        "lock_s": round(ended - first_insert[0], 2),
        "cpu_s": round(cpu_s, 2),
        "created": report.count(Action.CREATE),
        "problems": len(report.problems),
    }


def _run_worker(db: Path, path: Path, home: Path) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "import", "--worker", str(db), str(path)],
        cwd=ROOT, env=isolated_env(home), capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(f"bench: import worker failed: {result.stderr[-3000:]}")
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


@benchmark("import", "importing 20,000 people from Excel: seconds, rows/s, write lock held",
           arguments=_arguments)  # fmt: skip
def run(args: argparse.Namespace) -> int:
    if args.worker:
        print(json.dumps(worker(*args.worker)))
        return 0
    with tempfile.TemporaryDirectory(prefix="gongjian-bench-") as tmp:
        work = Path(tmp)
        home = work / "home"
        street = args.db.resolve() if args.db else work / "street.db"
        if args.db is None:
            print("making the street demo database …", flush=True)
            create_demo_database(street, home, "street")
        people = work / "people.xlsx"
        make_people_file(street, people, args.rows)
        runs = []
        for n in range(args.repeats):
            copy = work / f"run{n}.db"
            shutil.copyfile(street, copy)
            runs.append(_run_worker(copy, people, home))
    if any(r["problems"] or r["created"] != args.rows for r in runs):
        raise SystemExit(f"bench: the import did not create every row: {runs}")
    median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    passed = median["seconds"] < GOAL_S
    rows_per_s = round(args.rows / median["seconds"])
    load = round(os.getloadavg()[0], 2)
    print(table(
        ("people", "read s", "preview s", "import s", "cpu s", "rows/s", "write lock s", "load",
         ""),
        [(f"{args.rows:,}", median["read_s"], median["preview_s"], median["seconds"],
          median["cpu_s"], f"{rows_per_s:,}", median["lock_s"], load,
          "ok" if passed else f"MISSED (goal < {GOAL_S:.0f} s)")],
    ))  # fmt: skip
    print(
        json.dumps(
            {
                "rows": args.rows,
                "seconds": median["seconds"],
                "rows_per_s": rows_per_s,
                "read_s": median["read_s"],
                "preview_s": median["preview_s"],
                "lock_s": median["lock_s"],
                "cpu_s": median["cpu_s"],
                "load_average": load,
                "runs": len(runs),
                "pass": passed,
            }
        )
    )
    return 0 if passed else 1
