"""The databases and files the crash harness starts each trial from, made once per run.

``head``: a database at the current schema with data and photos (the street demo, or a few
records with ``--small``), whose ``backups/`` holds ``earlier``, a backup made before its last
edits; ``old``: the same data at schema revision 0001; ``people``: an Excel file of people to
import.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.common import ROOT, create_demo_database, isolated_env

OLDEST_REVISION = "0001"


@dataclass(frozen=True)
class Fixtures:
    home: Path
    head: Path
    earlier: Path
    old: Path
    people: Path
    people_count: int


def gongjian(home: Path, *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=isolated_env(home),
        check=True,
        capture_output=True,
        timeout=1800,
    )


def edits(home: Path, db: Path, sessions: int) -> None:
    subprocess.run(
        [sys.executable, "-m", "bench.crash_edits", str(db), str(sessions)],
        cwd=ROOT,
        env=isolated_env(home),
        check=True,
        capture_output=True,
        timeout=600,
    )


def prepare(work: Path, *, small: bool, people: int) -> Fixtures:
    from app.backups import automatic_backup

    home = work / "home"
    head = work / "head" / "gongjian.db"
    head.parent.mkdir(parents=True)
    if small:
        gongjian(home, "--db", str(head), "init")
    else:
        create_demo_database(head, home)
    edits(home, head, 5)
    earlier = automatic_backup(str(head), "manual").backup.path
    edits(home, head, 5)
    return Fixtures(home, head, earlier, _old(work, head), _people(work, home, people), people)


def _old(work: Path, head: Path) -> Path:
    """The head's data taken back to the first schema revision."""
    from db.engine import make_engine
    from db.migrate import downgrade

    old = work / "old" / "gongjian.db"
    old.parent.mkdir()
    shutil.copyfile(head, old)
    engine = make_engine(str(old))
    try:
        downgrade(engine, OLDEST_REVISION)
    finally:
        engine.dispose()
    return old


def _people(work: Path, home: Path, count: int) -> Path:
    """An Excel file of ``count`` people with valid, distinct ID numbers and phones, written
    into the application's own template."""
    from openpyxl import load_workbook

    from app.validation import id_check_char

    path = work / "people.xlsx"
    gongjian(home, "import-template", "people", str(path))
    book = load_workbook(path)
    sheet = book.worksheets[0]
    for n in range(count):
        day = 101 + n // 1000 % 28 + 100 * (n // 28000 % 12)
        first17 = f"320106198{n // 336000 % 10}{day:04d}{n % 1000:03d}"
        id_number = first17 + id_check_char(first17)
        sheet.append([f"测试人员{n}", "男" if n % 2 else "女", f"139{n:08d}", id_number])
    book.save(path)
    return path
