"""Consistent copies of an SQLite database and the facts that prove one: schema revision, row
counts, SQLite's integrity and foreign-key checks.

Read with the standard library's sqlite3 (no SQLAlchemy), so backups and their checks are cheap
to start and can run on any thread.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from db import sqlite_files
from db.errors import (
    BusyError,
    DamagedDatabaseError,
    DatabaseError,
    explain,
    unless_disk_full,
)

# the records users count on, as the backup list shows them (soft-deleted rows left out)
SHOWN_TABLES = ("people", "meetings", "agreements", "issues")


@dataclass(frozen=True)
class Facts:
    """What a database holds: its schema revision, the rows of every table, and the live rows
    of the tables users know (``shown``)."""

    revision: str | None
    rows: dict[str, int] = field(default_factory=dict)
    shown: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {"revision": self.revision, "rows": self.rows, "shown": self.shown}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Facts:
        revision = data.get("revision")
        rows = data.get("rows") or {}
        shown = data.get("shown") or {}
        assert isinstance(rows, dict) and isinstance(shown, dict)
        return cls(revision if isinstance(revision, str) else None, dict(rows), dict(shown))


def _tables(connection: sqlite3.Connection) -> list[str]:
    """Ordinary tables (virtual tables are left out: their shadow tables are counted)."""
    rows = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
    )
    return [name for (name,) in rows]


def read_facts(connection: sqlite3.Connection) -> Facts:
    tables = _tables(connection)
    revision = None
    if "alembic_version" in tables:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    rows = {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    shown = {
        t: connection.execute(f'SELECT count(*) FROM "{t}" WHERE deleted_at IS NULL').fetchone()[0]
        for t in SHOWN_TABLES
        if t in tables
    }
    return Facts(revision, rows, shown)


def findings(connection: sqlite3.Connection, *, full: bool = True) -> list[tuple[str, str]]:
    """SQLite's own findings as (check, detail): ``integrity_check`` (or the faster
    ``quick_check``) and every row whose foreign key points nowhere. Empty when sound."""
    check = "integrity_check" if full else "quick_check"
    found = [(check, row[0]) for row in connection.execute(f"PRAGMA {check}") if row[0] != "ok"]
    found += [
        ("foreign_key_check", f"{table} 第 {rowid} 行引用了不存在的 {parent}")
        for table, rowid, parent, _fk in connection.execute("PRAGMA foreign_key_check")
    ]
    return found


def problems(connection: sqlite3.Connection, *, full: bool = True) -> list[str]:
    return [detail for _check, detail in findings(connection, full=full)]


def facts_of(path: Path) -> Facts:
    """The facts of a database file, read without writing it."""
    try:
        connection = sqlite_files.connect(path, read_only=True)
        try:
            return read_facts(connection)
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(f"无法读取（文件损坏或不是数据库）：{path}（{exc}）") from exc


def check_file(path: Path, *, full: bool = True) -> list[tuple[str, str]]:
    """SQLite's findings about a file; raises when it cannot read the file at all."""
    try:
        connection = sqlite_files.connect(path, read_only=True)
        try:
            return findings(connection, full=full)
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        explained = explain(exc, path)
        if isinstance(explained, BusyError):
            raise explained from exc
        raise DamagedDatabaseError(f"无法读取数据库（文件损坏或不是数据库）：{path}") from exc


def verify_file(path: Path, *, full: bool = True) -> list[str]:
    """SQLite's findings about a file; a file it cannot read at all is one finding."""
    try:
        return [detail for _check, detail in check_file(path, full=full)]
    except DatabaseError as exc:
        return [str(exc)]


def copy_database(source: Path, destination: Path) -> Facts:
    """Copies ``source`` into the new file ``destination`` with SQLite's backup API (safe while
    others write) and returns the source's facts at that moment, read in the same snapshot.
    The copy uses a rollback journal, so it is one self-contained file."""
    try:
        src = sqlite_files.connect(source, read_only=True)
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(f"无法读取数据库（文件损坏或不是数据库）：{source}") from exc
    try:
        src.execute("BEGIN")
        facts = read_facts(src)
        dst = sqlite3.connect(str(destination), isolation_level=None)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        src.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        damaged = DamagedDatabaseError(f"无法复制数据库（文件损坏或不是数据库）：{source}（{exc}）")
        raise unless_disk_full(exc, destination.parent, damaged) from exc
    except OSError as exc:
        problem = DatabaseError(f"无法写入 {destination}：{exc.strerror or exc}")
        raise unless_disk_full(exc, destination.parent, problem) from exc
    finally:
        src.close()
    return facts
