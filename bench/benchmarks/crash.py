"""``crash``: kills the program with SIGKILL at a random moment of each operation that writes,
and checks that nothing is lost or left half done.

Operations (``--trials`` each, default 100): ``demo`` into a new file; a schema ``upgrade``
from revision 0001 (by any command that opens the file); an ``import`` of ``--people``
(default 20,000) people from Excel; ``backup`` (into ``backups/``, and with ``-o FILE`` on
every other trial); ``restore`` of an earlier backup; ``edits``, a series of sessions through
the services (bench/crash_edits.py). Each runs first without a kill to time it; a trial then
kills it after a delay drawn uniformly from that time.

After each kill: SQLite's integrity and foreign-key checks pass; the database opens (an
interrupted upgrade finishes then) and ``gongjian check`` (``app.maintenance``, run here)
finds nothing; what the operation writes is wholly there or wholly absent (the demo, the
imported people, the restored state, each edit's issue with its photo); every backup under
its final name in ``backups/`` or at ``-o`` verifies, and none is half written.

Prints a table per operation and, last, one JSON line with ``trials`` and ``failures``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import ROOT, isolated_env, table
from bench.crash_fixtures import Fixtures, prepare
from bench.registry import benchmark

OPERATIONS = ("demo", "upgrade", "import", "backup", "restore", "edits")
DB_NAME = "gongjian.db"


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--trials", type=int, default=100, help="kills per operation (100)")
    parser.add_argument("--people", type=int, default=20_000, help="people to import (20000)")
    parser.add_argument(
        "--operations", default=",".join(OPERATIONS), help="which, comma-separated (all)"
    )
    parser.add_argument(
        "--small", action="store_true", help="start from a few records instead of the demo"
    )
    parser.add_argument("--seed", type=int, default=2026, help="for the kill moments")


@dataclass
class Tally:
    trials: int = 0
    killed: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


@benchmark("crash", "SIGKILL at random moments of each operation that writes", arguments=_arguments)
def run(args: argparse.Namespace) -> int:
    operations = [op for op in args.operations.split(",") if op]
    unknown = set(operations) - set(OPERATIONS)
    if unknown:
        raise SystemExit(f"bench: unknown operations: {', '.join(sorted(unknown))}")
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="gongjian-crash-") as scratch:
        work = Path(scratch)
        os.environ.update(isolated_env(work / "home"))  # in-process checks use the same profile
        fixtures = prepare(work, small=args.small, people=args.people)
        tallies = {}
        for op in operations:  # a line as each is done: a long run shows where it is
            tallies[op] = tally = _run_operation(op, fixtures, work, args.trials, rng)
            print(
                f"{op}: {tally.trials} trials, {tally.killed} killed, "
                f"{len(tally.failures)} failures",
                flush=True,
            )
    rows = [
        (op, t.trials, t.killed, t.trials - t.killed, round(t.seconds, 1), len(t.failures))
        for op, t in tallies.items()
    ]
    print(table(("operation", "trials", "killed", "finished", "run s", "failures"), rows))
    print(
        json.dumps(
            {
                "trials": {op: t.trials for op, t in tallies.items()},
                "failures": {op: len(t.failures) for op, t in tallies.items()},
                "killed": {op: t.killed for op, t in tallies.items()},
            }
        )
    )
    return 1 if any(t.failures for t in tallies.values()) else 0


def _run_operation(
    op: str, fixtures: Fixtures, work: Path, trials: int, rng: random.Random
) -> Tally:
    """Times one uninterrupted run (its end state is what a finished run leaves), then kills
    ``trials`` runs at moments drawn from that time."""
    from bench.crash_checks import after_kill, start_state

    timing = Tally()
    initial = start_state(op, fixtures)
    duration, complete = _trial(op, fixtures, work / f"{op}-timing", None, timing)
    if timing.failures or complete is None:
        raise SystemExit(f"bench: {op} fails even without a kill: {timing.failures}")
    tally = Tally(seconds=duration)
    for n in range(trials):
        _duration, db = _trial(op, fixtures, work / f"{op}-{n}", rng.uniform(0, duration), tally)
        assert db is not None
        found = [f"{op}-{n}: {problem}" for problem in after_kill(op, db, initial, complete)]
        for problem in found:  # at once: a long run that is stopped still tells what it found
            print(f"FAILED {problem}", flush=True)
        tally.failures += found
        shutil.rmtree(db.parent, ignore_errors=True)
        if (n + 1) % 10 == 0:
            print(
                f"  {op}: {n + 1} trials, {tally.killed} killed, {len(tally.failures)} failures",
                flush=True,
            )
    return tally


def _trial(
    op: str, fixtures: Fixtures, folder: Path, kill_after: float | None, tally: Tally
) -> tuple[float, Any]:
    """Runs ``op`` in ``folder``, killed after ``kill_after`` seconds (None: never). Returns
    how long it ran and, after a kill, the database file to check; after a whole run, the
    facts it left (and the folder is removed)."""
    from db.snapshot import facts_of

    folder.mkdir()
    db = folder / DB_NAME
    if op != "demo":
        shutil.copyfile(fixtures.old if op == "upgrade" else fixtures.head, db)
    if op == "restore":
        shutil.copytree(fixtures.head.parent / "backups", folder / "backups")
    started = time.perf_counter()
    process = subprocess.Popen(
        _command(op, db, fixtures, to_file=tally.trials % 2 == 1),
        cwd=ROOT,
        env=isolated_env(fixtures.home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    tally.trials += 1
    try:
        _out, err = process.communicate(timeout=kill_after)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.communicate()
        tally.killed += 1
    else:
        if process.returncode != 0:
            tally.failures.append(f"{folder.name}: exit {process.returncode}: {err[-300:]!r}")
    elapsed = time.perf_counter() - started
    if kill_after is not None:
        return elapsed, db
    facts = facts_of(db)
    shutil.rmtree(folder, ignore_errors=True)
    return elapsed, facts


def _command(op: str, db: Path, fixtures: Fixtures, *, to_file: bool) -> list[str]:
    app = [sys.executable, "-m", "app", "--db", str(db)]
    if op == "demo":
        return [*app, "demo"]
    if op == "upgrade":
        return [*app, "issues", "list", "--limit", "1"]
    if op == "import":
        return [*app, "import", "people", str(fixtures.people)]
    if op == "backup":
        return [*app, "backup", "-o", str(db.with_name("copy.db"))] if to_file else [*app, "backup"]
    if op == "restore":
        return [*app, "restore", fixtures.earlier.name, "--yes"]
    return [sys.executable, "-m", "bench.crash_edits", str(db), "100"]
