"""``startup``: how long the app takes to paint, and to show data, against a bare Qt window.

Both programs are started alternately (the order swaps every pair, so slow drift in the
machine's state falls on both alike) with ``QT_QPA_PLATFORM=offscreen`` and a throw-away
user profile. Each prints ``{"first_paint": epoch_s, "data_shown": epoch_s}``; a time is the
span from ``time.time()`` just before the process is started to that epoch, so it includes the
interpreter's own start. The first pair warms the disk cache and is discarded.

The app is ``python -m app --db DEMO.db`` with ``GONGJIAN_STARTUP_PROBE=1`` (see
``ui/application.py``); the bare program is ``bench/bare_window.py``, which documents what
its data_shown means. Goals: app/bare medians ≤ 1.5 for first paint, ≤ 3 for data shown.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import ROOT, Summary, create_demo_database, isolated_env, table
from bench.registry import benchmark

BARE_SCRIPT = Path(__file__).resolve().parent.parent / "bare_window.py"
PROBE_ENV = "GONGJIAN_STARTUP_PROBE"
FIRST_PAINT_GOAL = 1.5
DATA_SHOWN_GOAL = 3.0
MIN_VALID_PAIRS = 5


@dataclass(frozen=True)
class Sample:
    first_paint_ms: float
    data_shown_ms: float
    database_open_ms: float | None = None  # the app only: open for work (all tabs usable)


class ProbeError(RuntimeError):
    pass


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pairs", type=_positive, default=7, help="measured pairs, after one warm-up (default 7)"
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="FILE",
        help="use this existing database instead of making a demo one (it is opened, not changed)",
    )
    parser.add_argument(
        "--scale", default="street", help="demo data scale when making one (default street)"
    )
    parser.add_argument(
        "--timeout", type=float, default=60.0, help="seconds one start may take (default 60)"
    )


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def probe(command: list[str], env: dict[str, str], timeout: float) -> Sample:
    """Starts ``command`` once and returns its times, in ms since just before the start."""
    started = time.time()
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    times = None
    for line in reversed(result.stdout.splitlines()):
        if line.startswith("{"):
            times = json.loads(line)
            break
    if result.returncode != 0 or times is None or "first_paint" not in times:
        raise ProbeError(
            f"{' '.join(command)} exited {result.returncode} with {times!r}\n"
            f"stderr: {result.stderr[-2000:]}"
        )
    return Sample(
        first_paint_ms=(times["first_paint"] - started) * 1000,
        data_shown_ms=(times["data_shown"] - started) * 1000,
        database_open_ms=(times["database_open"] - started) * 1000
        if "database_open" in times
        else None,
    )


@benchmark("startup", "start-up time of the window against a bare Qt window", arguments=_arguments)
def run(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="gongjian-bench-") as tmp:
        work = Path(tmp)
        home = work / "home"
        database = args.db.resolve() if args.db else work / f"{args.scale}.db"
        if args.db is None:
            print(f"making the {args.scale} demo database …", flush=True)
            seconds = create_demo_database(database, home, args.scale)
            print(f"  done in {seconds:.1f} s", flush=True)
        elif not database.is_file():
            raise SystemExit(f"bench: no such database: {database}")
        env = isolated_env(home, QT_QPA_PLATFORM="offscreen")
        commands = {
            "bare": [sys.executable, str(BARE_SCRIPT)],
            "app": [sys.executable, "-m", "app", "--db", str(database)],
        }
        envs = {"bare": env, "app": {**env, PROBE_ENV: "1"}}
        size_mb = database.stat().st_size / 1e6
        print(f"startup: {args.pairs} pairs + 1 warm-up; database {database} ({size_mb:.1f} MB)")
        samples: dict[str, list[Sample]] = {"bare": [], "app": []}
        for pair in range(args.pairs + 1):
            order = ("bare", "app") if pair % 2 == 0 else ("app", "bare")
            got = {name: probe(commands[name], envs[name], args.timeout) for name in order}
            label = "warm-up" if pair == 0 else f"pair {pair}/{args.pairs}"
            print(
                f"  {label:<10} bare {got['bare'].first_paint_ms:6.0f} / "
                f"{got['bare'].data_shown_ms:6.0f} ms   app {got['app'].first_paint_ms:6.0f} / "
                f"{got['app'].data_shown_ms:6.0f} ms   (first paint / data shown)",
                flush=True,
            )
            if pair > 0:
                for name, sample in got.items():
                    samples[name].append(sample)
    return report(samples, args.pairs)


def report(samples: dict[str, list[Sample]], pairs: int) -> int:
    stats = {
        (name, what): Summary.of(getattr(s, f"{what}_ms") for s in runs)
        for name, runs in samples.items()
        for what in ("first_paint", "data_shown")
    }
    rows = [
        [f"{name} {what.replace('_', ' ')}", s.median, s.minimum, s.maximum]
        for (name, what), s in sorted(stats.items(), key=lambda item: item[0][0] != "bare")
    ]
    opened = [s.database_open_ms for s in samples["app"] if s.database_open_ms is not None]
    if opened:
        open_stats = Summary.of(opened)
        rows.append(
            ["app database open", open_stats.median, open_stats.minimum, open_stats.maximum]
        )
    print()
    print(table(["ms since process start", "median", "min", "max"], rows))
    ratios = {
        what: stats["app", what].median / stats["bare", what].median
        for what in ("first_paint", "data_shown")
    }
    goals = {"first_paint": FIRST_PAINT_GOAL, "data_shown": DATA_SHOWN_GOAL}
    passed = {what: ratios[what] <= goals[what] for what in goals}
    print()
    for what, goal in goals.items():
        verdict = "PASS" if passed[what] else "FAIL"
        print(f"{what.replace('_', ' '):<11} app/bare {ratios[what]:.2f}  goal ≤ {goal}  {verdict}")
    if pairs < MIN_VALID_PAIRS:
        print(f"(only {pairs} pairs: indicative; use at least {MIN_VALID_PAIRS})")
    result = {
        "benchmark": "startup",
        "pairs": pairs,
        "first_paint_ratio": round(ratios["first_paint"], 3),
        "data_shown_ratio": round(ratios["data_shown"], 3),
        "bare_first_paint_ms": round(stats["bare", "first_paint"].median, 1),
        "bare_data_shown_ms": round(stats["bare", "data_shown"].median, 1),
        "app_first_paint_ms": round(stats["app", "first_paint"].median, 1),
        "app_data_shown_ms": round(stats["app", "data_shown"].median, 1),
        "app_database_open_ms": round(Summary.of(opened).median, 1) if opened else None,
        "first_paint_goal": FIRST_PAINT_GOAL,
        "data_shown_goal": DATA_SHOWN_GOAL,
        "pass": all(passed.values()),
    }
    print(json.dumps(result))
    return 0 if result["pass"] else 1
