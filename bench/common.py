"""Helpers shared by benchmarks: an isolated user profile, the demo database, statistics."""

from __future__ import annotations

import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEMO_TIMEOUT_S = 1800


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for a child process whose settings, data and logs stay under ``home``.

    The application must never read or write the real user's QSettings, data or log folders
    during a benchmark, so every per-user location Qt and platformdirs look at points here.
    """
    env = dict(os.environ)
    env.pop("GONGJIAN_DB", None)
    locations = {
        "HOME": home,
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_STATE_HOME": home / ".local" / "state",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_RUNTIME_DIR": home / ".runtime",
    }
    for name, path in locations.items():
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        env[name] = str(path)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    # An installed app has its bytecode compiled (pip and PyInstaller write it). With
    # PYTHONDONTWRITEBYTECODE set, as it may be in a dev shell, every start would compile the
    # project's modules again; keep the bytecode in the throw-away profile instead, written by
    # the warm-up run, so the measured runs start like an installed app.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / ".pycache")
    env.update(extra)
    return env


def run_worker(benchmark: str, db: Path, repeats: int, home: Path) -> dict[str, Any]:
    """Runs ``bench/run.py BENCHMARK --worker DB`` offscreen in a fresh process (its own
    memory and start-up, the user's folders in ``home``) and returns its last line's JSON."""
    env = isolated_env(home, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), benchmark, "--worker", str(db),
         "--repeats", str(repeats)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(f"bench: worker failed on {db}: {result.stderr[-3000:]}")
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def demo_available() -> bool:
    try:
        return importlib.util.find_spec("app.demo") is not None
    except ImportError:
        return False


def create_demo_database(path: Path, home: Path, scale: str = "street") -> float:
    """Fills a new database with ``gongjian --db PATH demo``; returns the seconds it took."""
    if not demo_available():
        raise SystemExit(
            "bench: app.demo is not importable yet, so no demo database can be made; "
            "pass --db with an existing database"
        )
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(path), "demo", "--scale", scale],
        cwd=ROOT,
        env=isolated_env(home),
        capture_output=True,
        text=True,
        timeout=DEMO_TIMEOUT_S,
    )
    if result.returncode != 0:
        raise SystemExit(f"bench: demo data failed ({result.returncode}): {result.stderr[-2000:]}")
    return time.perf_counter() - started


@dataclass(frozen=True)
class Summary:
    median: float
    minimum: float
    maximum: float

    @classmethod
    def of(cls, values: Iterable[float]) -> Summary:
        data = list(values)
        return cls(statistics.median(data), min(data), max(data))


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table: the first column left-aligned, the others right-aligned."""
    cells = [[str(h) for h in headers], *[[_cell(v) for v in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        first = row[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


def _cell(value: object) -> str:
    return f"{value:.1f}" if isinstance(value, float) else str(value)
