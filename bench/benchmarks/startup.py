"""``startup``: how long the app takes to paint, and to show data, against a bare Qt window.

Both programs are started alternately (the order swaps every pair, so slow drift in the
machine's state falls on both alike) with ``QT_QPA_PLATFORM=offscreen`` and a throw-away
user profile. Each prints ``{"first_paint": epoch_s, "data_shown": epoch_s}``; a time is the
span from ``time.time()`` just before the process is started to that epoch, so it includes the
interpreter's own start. The first pair warms the disk cache and is discarded.

The app is ``python -m app --db DEMO.db`` with ``GONGJIAN_STARTUP_PROBE=1`` (see
``ui/application.py``); the bare program is ``bench/bare_window.py``, which documents what
its data_shown means. The app starts once on the home tab and once on each other tab (its
profile's last tab), as a window reopens where it was left; ``data_shown_ratio_other_tab``
is the worst of those. Then each tab's first build is timed in fresh processes
(``bench/tab_build.py``): the window opens on the tab before it (the directory before home),
then the user clicks it. Goals: app/bare medians ≤ 1.5 for first paint, ≤ 3 for data shown
on any tab; every tab's first build on a click ≤ 0.4 s.
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
BUILD_SCRIPT = Path(__file__).resolve().parent.parent / "tab_build.py"
PROBE_ENV = "GONGJIAN_STARTUP_PROBE"
FIRST_PAINT_GOAL = 1.5
DATA_SHOWN_GOAL = 3.0
TAB_BUILD_GOAL_MS = 400.0
MIN_VALID_PAIRS = 5
TABS = ("home", "meetings", "agreements", "secondments", "issues", "directory")
SET_LAST_TAB = "import sys; from ui.settings import Settings; s = Settings(); "
SET_LAST_TAB += "s.last_tab = sys.argv[1]; s.sync()"


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
    parser.add_argument(
        "--other-tabs",
        nargs="*",
        choices=TABS[1:],
        default=list(TABS[1:]),
        metavar="TAB",
        help="tabs the window also reopens on (default: all but home)",
    )
    parser.add_argument(
        "--builds",
        type=int,
        default=3,
        help="timed first builds of each tab (default 3; 0: none)",
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
        logs = sorted(Path(env["XDG_STATE_HOME"]).rglob("*.log"))
        log = logs[-1].read_text(encoding="utf-8")[-3000:] if logs else "(no log)"
        raise ProbeError(
            f"{' '.join(command)} exited {result.returncode} with {times!r}\n"
            f"stderr: {result.stderr[-2000:]}\nlog: {log}"
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
        database = args.db.resolve() if args.db else work / f"{args.scale}.db"
        if args.db is None:
            print(f"making the {args.scale} demo database …", flush=True)
            seconds = create_demo_database(database, work / "home", args.scale)
            print(f"  done in {seconds:.1f} s", flush=True)
        elif not database.is_file():
            raise SystemExit(f"bench: no such database: {database}")
        tabs = ["home", *args.other_tabs]
        commands = {"bare": [sys.executable, str(BARE_SCRIPT)]}
        envs = {"bare": isolated_env(work / "home", QT_QPA_PLATFORM="offscreen")}
        for tab in tabs:  # a profile each, whose window was last closed on that tab
            env = isolated_env(work / f"home-{tab}", QT_QPA_PLATFORM="offscreen")
            subprocess.run([sys.executable, "-c", SET_LAST_TAB, tab], env=env, check=True)
            commands[tab] = [sys.executable, "-m", "app", "--db", str(database)]
            envs[tab] = {**env, PROBE_ENV: "1"}
        size_mb = database.stat().st_size / 1e6
        print(f"startup: {args.pairs} rounds + 1 warm-up; database {database} ({size_mb:.1f} MB)")
        print("  each round: the bare window and the app reopening on " + ", ".join(tabs))
        samples: dict[str, list[Sample]] = {name: [] for name in commands}
        for pair in range(args.pairs + 1):
            names = list(commands)
            order = names if pair % 2 == 0 else names[::-1]
            got = {name: probe(commands[name], envs[name], args.timeout) for name in order}
            label = "warm-up" if pair == 0 else f"round {pair}/{args.pairs}"
            shown = "  ".join(f"{name} {got[name].data_shown_ms:5.0f}" for name in names)
            print(f"  {label:<11} data shown (ms): {shown}", flush=True)
            if pair > 0:
                for name, sample in got.items():
                    samples[name].append(sample)
        builds = time_builds(database, work, args) if args.builds > 0 else {}
    return report(samples, builds, args.pairs)


def time_builds(database: Path, work: Path, args: argparse.Namespace) -> dict[str, Summary]:
    """Each tab's first build on a click, in ``args.builds`` fresh processes (after one
    discarded warm-up) that open on the tab before it."""
    clicked: dict[str, list[float]] = {tab: [] for tab in TABS}
    for start, tab in zip(TABS, TABS[1:] + TABS[:1], strict=True):
        env = isolated_env(work / f"build-{start}", QT_QPA_PLATFORM="offscreen")
        command = [sys.executable, str(BUILD_SCRIPT), str(database), start, tab]
        for run in range(args.builds + 1):
            result = subprocess.run(
                command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=args.timeout
            )
            lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
            if result.returncode != 0 or not lines:
                raise ProbeError(f"{' '.join(command)} exited {result.returncode}: {result.stderr}")
            if run > 0:
                clicked[tab].append(float(json.loads(lines[-1])["build_ms"]))
        print(
            f"  first build of {tab:<11} {Summary.of(clicked[tab]).median:6.0f} ms on a click "
            f"from {start} (median of {args.builds})",
            flush=True,
        )
    return {tab: Summary.of(times) for tab, times in clicked.items()}


def report(samples: dict[str, list[Sample]], builds: dict[str, Summary], pairs: int) -> int:
    stats = {
        (name, what): Summary.of(getattr(s, f"{what}_ms") for s in runs)
        for name, runs in samples.items()
        for what in ("first_paint", "data_shown")
    }
    rows: list[list[object]] = [
        [f"{_label(name)} {what.replace('_', ' ')}", s.median, s.minimum, s.maximum]
        for (name, what), s in stats.items()
    ]
    opened = [s.database_open_ms for s in samples["home"] if s.database_open_ms is not None]
    if opened:
        open_stats = Summary.of(opened)
        rows.append(
            ["app database open", open_stats.median, open_stats.minimum, open_stats.maximum]
        )
    for tab, build in builds.items():
        rows.append([f"first build of {tab} (click)", build.median, build.minimum, build.maximum])
    print()
    print(table(["ms", "median", "min", "max"], rows))

    def ratio(name: str, what: str) -> float:
        return stats[name, what].median / stats["bare", what].median

    others = {name: ratio(name, "data_shown") for name in samples if name not in ("bare", "home")}
    worst = max(others, key=others.__getitem__) if others else None
    ratios = {
        "first_paint": ratio("home", "first_paint"),
        "data_shown": ratio("home", "data_shown"),
        "data_shown_other_tab": others[worst] if worst else None,
    }
    goals = {
        "first_paint": FIRST_PAINT_GOAL,
        "data_shown": DATA_SHOWN_GOAL,
        "data_shown_other_tab": DATA_SHOWN_GOAL,
    }
    passed = {what: value is None or value <= goals[what] for what, value in ratios.items()}
    slow_builds = [tab for tab, build in builds.items() if build.median > TAB_BUILD_GOAL_MS]
    print()
    for what, goal in goals.items():
        value = ratios[what]
        if value is None:
            continue
        verdict = "PASS" if passed[what] else "FAIL"
        where = f" ({worst})" if what == "data_shown_other_tab" else ""
        print(f"{what.replace('_', ' '):<20} app/bare {value:.2f}  goal ≤ {goal}  {verdict}{where}")
    if builds:
        verdict = "PASS" if not slow_builds else "FAIL: " + ", ".join(slow_builds)
        print(f"first builds (click) ≤ {TAB_BUILD_GOAL_MS:.0f} ms  {verdict}")
    if pairs < MIN_VALID_PAIRS:
        print(f"(only {pairs} rounds: indicative; use at least {MIN_VALID_PAIRS})")
    result = {
        "benchmark": "startup",
        "pairs": pairs,
        "first_paint_ratio": round(ratios["first_paint"], 3),
        "data_shown_ratio": round(ratios["data_shown"], 3),
        "data_shown_ratio_other_tab": _rounded(ratios["data_shown_other_tab"]),
        "slowest_other_tab": worst,
        "data_shown_ratio_by_tab": {name: round(value, 3) for name, value in others.items()},
        "bare_first_paint_ms": round(stats["bare", "first_paint"].median, 1),
        "bare_data_shown_ms": round(stats["bare", "data_shown"].median, 1),
        "app_first_paint_ms": round(stats["home", "first_paint"].median, 1),
        "app_data_shown_ms": round(stats["home", "data_shown"].median, 1),
        "app_database_open_ms": round(Summary.of(opened).median, 1) if opened else None,
        "tab_build_ms": {tab: round(build.median, 1) for tab, build in builds.items()},
        "first_paint_goal": FIRST_PAINT_GOAL,
        "data_shown_goal": DATA_SHOWN_GOAL,
        "tab_build_goal_ms": TAB_BUILD_GOAL_MS,
        "pass": all(passed.values()) and not slow_builds,
    }
    print(json.dumps(result))
    return 0 if result["pass"] else 1


def _label(name: str) -> str:
    return "bare" if name == "bare" else f"app on {name}"


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
