"""What the crash harness checks after each kill (see bench/benchmarks/crash.py)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.crash_edits import unfinished
from bench.crash_fixtures import Fixtures
from db.snapshot import Facts

BACKUPS = "backups"


def start_state(op: str, fixtures: Fixtures) -> Facts:
    """What the file holds before the operation (for ``demo``: a new, empty database)."""
    from app.database import Database
    from db.snapshot import facts_of

    if op != "demo":
        return facts_of(fixtures.old if op == "upgrade" else fixtures.head)
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.db"
        Database(str(empty)).close()
        return facts_of(empty)


def after_kill(op: str, db: Path, initial: Facts, complete: Facts) -> list[str]:
    """Everything wrong with the trial's folder after a kill; empty when all held."""
    from db.errors import DatabaseError
    from db.snapshot import facts_of

    problems: list[str] = []
    if db.is_file() and db.stat().st_size:
        try:
            facts = facts_of(db)  # SQLite's own checks run in gongjian check below
        except DatabaseError as exc:
            return [f"SQLite cannot read the file: {exc}"]
        if op == "edits":
            problems += [f"an edit half saved: {title}" for title in unfinished(db)]
        elif (
            facts not in (initial, complete)
            and facts.rows
            and not _opening_cut_short(facts, initial)
        ):
            problems.append(f"neither the state before nor after: {_difference(facts, initial)}")
    problems += _opens_and_passes_check(db)
    problems += _backups_verify(db.parent, initial)
    if op == "backup":
        problems += _next_backup_clears_leftovers(db)
    return problems


FILLED_ON_OPENING = {"holidays", "settings"}  # the shipped calendar (app.issues.holidays)


def _opening_cut_short(facts: Facts, initial: Facts) -> bool:
    """A new file killed after its schema was committed but before the shipped holiday
    calendar was installed: the next opening installs it (as the check below does), so it is the
    state before. (Without tables at all it is a new file too.)"""
    changed = {t for t, n in facts.rows.items() if initial.rows.get(t) != n}
    return (
        facts.revision == initial.revision
        and changed <= FILLED_ON_OPENING
        and all(facts.rows[t] == 0 for t in changed)
    )


def _difference(facts: Facts, initial: Facts) -> str:
    changed = {
        table: (initial.rows.get(table), count)
        for table, count in facts.rows.items()
        if initial.rows.get(table) != count
    }
    return f"revision {facts.revision}, rows (before, now): {changed}"


def _opens_and_passes_check(db: Path) -> list[str]:
    from app.database import Database
    from app.maintenance import check_database

    try:
        Database(str(db)).close()  # an interrupted upgrade finishes here
    except Exception as exc:
        return [f"does not open: {type(exc).__name__}: {exc}"]
    try:
        return [f"gongjian check: {f.check}: {f.detail}" for f in check_database(str(db))]
    except Exception as exc:
        return [f"gongjian check fails: {type(exc).__name__}: {exc}"]


def _backups_verify(folder: Path, initial: Facts) -> list[str]:
    """Every backup under its final name is whole and verified; so is a ``-o`` copy."""
    from db import backups
    from db.backup_files import parse
    from db.snapshot import facts_of, verify_file

    problems = []
    for path in sorted((folder / BACKUPS).glob("*.db")):
        backup = parse(path)
        if backup is None:
            problems.append(f"a backup without its manifest: {path.name}")
        elif found := backups.verify_backup(backup):
            problems.append(f"backup {path.name} does not verify: {found[0]}")
    copy = folder / "copy.db"
    if copy.exists():
        if found := verify_file(copy):
            problems.append(f"backup -o does not verify: {found[0]}")
        elif facts_of(copy) != initial:
            problems.append("backup -o holds other rows than the database")
    return problems


def _next_backup_clears_leftovers(db: Path) -> list[str]:
    from db import backups

    folder = db.parent / BACKUPS
    backups.make_backup(db, folder, "manual")
    left = [p.name for p in folder.glob("*.partial")]
    left += [p.name for p in (folder / "contents").glob("*/.incoming-*")]
    return [f"leftovers after the next backup: {left}"] if left else []
