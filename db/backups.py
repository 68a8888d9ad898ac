"""Making, checking and restoring backups of an SQLite database file.

A backup is made with SQLite's backup API under a temporary name, checked (``integrity_check``,
``foreign_key_check``, the schema revision and the rows of every table equal to the source's at
that moment), its attachment contents moved to the folder's shared ``contents/`` (each stored
once, by hash), written to disk (fsync) and only then renamed. A source SQLite finds damaged
still gets its copy, flagged ``-damaged``: it never takes the place of a good backup. One
program at a time works in a folder (a lock file), so leftovers of an interrupted backup can
be removed safely.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

from filelock import FileLock, Timeout

from db import sqlite_files
from db.backup_files import (
    PARTIAL_SUFFIX,
    Backup,
    backup_name,
    list_folder,
    manifest_path,
    parse,
    to_remove,
    write_manifest,
)
from db.contents import CONTENTS_DIR_NAME, ContentStore
from db.errors import (
    BusyError,
    DatabaseError,
    ReadOnlyLocationError,
    is_busy,
    unless_disk_full,
)
from db.snapshot import Facts, copy_database, problems, read_facts

SERVER_BACKUP = (
    "服务器数据库（PostgreSQL）请用 pg_dump 备份、pg_restore 恢复；本命令只用于 SQLite 数据库文件。"
)
LOCK_NAME = ".lock"
LOCK_TIMEOUT_S = 120.0
CONTENTS_TABLE = "attachment_contents"


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Holds the folder's lock (released by the system if the program dies)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        problem = ReadOnlyLocationError(f"无法建立备份文件夹 {folder}：{exc.strerror or exc}")
        raise unless_disk_full(exc, folder, problem) from exc
    try:
        with FileLock(str(folder / LOCK_NAME), timeout=LOCK_TIMEOUT_S):
            yield
    except Timeout as exc:
        raise BusyError(f"另一个程序正在使用备份文件夹，请稍后重试：{folder}") from exc


def _remove_leftovers(folder: Path) -> None:
    """Partial files of a backup that was interrupted, and manifests whose backup never came."""
    for path in folder.glob("*" + PARTIAL_SUFFIX):
        sqlite_files.remove(path)
    for manifest in folder.glob("*.db.json"):
        if not manifest.with_suffix("").exists():
            manifest.unlink(missing_ok=True)


def make_backup(source: Path, folder: Path, reason: str, *, now: datetime | None = None) -> Backup:
    """A verified backup of the database ``source`` in ``folder``, then the folder thinned."""
    with folder_lock(folder):
        _remove_leftovers(folder)
        taken_at = (now or datetime.now()).astimezone().replace(microsecond=0)
        backup = _write_backup(source, folder, reason, taken_at)
        thin(folder, source.stem, taken_at)
    return backup


def _free_name(folder: Path, stem: str, taken_at: datetime, reason: str) -> datetime:
    while any(
        (folder / backup_name(stem, taken_at, reason, damaged)).exists()
        for damaged in (False, True)
    ):
        taken_at += timedelta(seconds=1)
    return taken_at


def _write_backup(source: Path, folder: Path, reason: str, taken_at: datetime) -> Backup:
    taken_at = _free_name(folder, source.stem, taken_at, reason)
    partial = folder / (backup_name(source.stem, taken_at, reason, False) + PARTIAL_SUFFIX)
    if sqlite_files.path_too_long(partial.with_name(partial.name + "-damaged")):
        raise DatabaseError(
            f"备份文件的路径太长（SQLite 最多约 {sqlite_files.MAX_PATH} 字节）：请把数据库"
            f"移到路径较短的文件夹，或设置路径较短的第二备份文件夹：{folder}"
        )
    manifest_partial = manifest_path(partial)
    try:
        facts = copy_database(source, partial)
        found, stripped = _check_and_strip(partial, facts, ContentStore(folder / CONTENTS_DIR_NAME))
        final = folder / backup_name(source.stem, taken_at, reason, bool(found))
        write_manifest(manifest_partial, facts, stripped, found)
        sqlite_files.durable_replace(manifest_partial, manifest_path(final))
        sqlite_files.durable_replace(partial, final)
    except OSError as exc:
        problem = DatabaseError(f"无法写入备份 {folder}：{exc.strerror or exc}")
        raise unless_disk_full(exc, folder, problem) from exc
    finally:
        sqlite_files.remove(partial)
        manifest_partial.unlink(missing_ok=True)
    backup = parse(final)
    assert backup is not None
    return backup


def _check_and_strip(
    copy: Path, source_facts: Facts, store: ContentStore
) -> tuple[list[str], list[str]]:
    """SQLite's findings about the copy (which are the source's), after checking it holds what
    the source held; a sound copy then has its attachment contents moved to ``store``."""
    connection = sqlite3.connect(str(copy), isolation_level=None)
    try:
        found = problems(connection)
        if not found and read_facts(connection) != source_facts:
            raise DatabaseError(f"备份与数据库的记录数不一致，备份未保存：{copy.name}")
        stripped = [] if found else _strip_contents(connection, store)
        if stripped and (after := problems(connection, full=False)):
            raise DatabaseError(f"备份校验失败（{after[0]}），备份未保存：{copy.name}")
        return found, stripped
    except sqlite3.DatabaseError as exc:
        problem = DatabaseError(f"备份校验失败（{exc}），备份未保存：{copy.name}")
        raise unless_disk_full(exc, copy.parent, problem) from exc
    finally:
        connection.close()


def _strip_contents(connection: sqlite3.Connection, store: ContentStore) -> list[str]:
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (CONTENTS_TABLE,)
    ).fetchone()
    if not has_table:
        return []
    hashes = [
        sha
        for (sha,) in connection.execute(
            f"SELECT sha256 FROM {CONTENTS_TABLE} WHERE data IS NOT NULL ORDER BY sha256"
        )
    ]
    for sha in hashes:  # one at a time: an attachment may be tens of megabytes
        (data,) = connection.execute(
            f"SELECT data FROM {CONTENTS_TABLE} WHERE sha256 = ?", (sha,)
        ).fetchone()
        if hashlib.sha256(data).hexdigest() != sha:
            raise DatabaseError(f"数据库中的附件内容与其哈希不符：{sha[:12]}…")
        store.put(sha, data)
    if hashes:
        connection.execute(f"UPDATE {CONTENTS_TABLE} SET data = NULL")
        connection.execute("VACUUM")
    return hashes


def thin(folder: Path, stem: str, now: datetime) -> list[Path]:
    """Removes the backups of ``stem`` that thinning does not keep, then the attachment
    contents no backup in the folder refers to. The caller holds the folder's lock."""
    removed = []
    for backup in to_remove(list_folder(folder, stem), now):
        manifest_path(backup.path).unlink(missing_ok=True)
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
    used = {sha for backup in list_folder(folder) for sha in backup.stripped}
    ContentStore(folder / CONTENTS_DIR_NAME).remove_unused(used)
    return removed


def verify_backup(backup: Backup) -> list[str]:
    """Everything that keeps ``backup`` from being restored; empty when it can be. Its file is
    checked by SQLite, its rows against the manifest written when it was made, and every
    attachment content it moved out must still be in the folder."""
    if backup.damaged:
        return ["这份备份来自一个已损坏的数据库"]
    try:
        connection = sqlite_files.connect(backup.path, read_only=True)
        try:
            found = problems(connection)
            facts = read_facts(connection)
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return [f"无法读取：{exc}"]
    if found:
        return found
    if backup.facts is not None and facts.rows != backup.facts.rows:
        return ["记录数与备份时记下的不一致"]
    store = ContentStore(backup.path.parent / CONTENTS_DIR_NAME)
    missing = [sha for sha in backup.stripped if not store.path(sha).is_file()]
    if missing:
        return [f"缺少 {len(missing)} 个附件内容（{store.folder}）"]
    return []


def assemble(backup: Backup, destination: Path) -> Facts:
    """Writes the whole database a backup holds (its attachment contents put back, each
    checked by hash) to the new file ``destination``, checks it, and returns its facts."""
    copy_database(backup.path, destination)
    store = ContentStore(backup.path.parent / CONTENTS_DIR_NAME)
    connection = sqlite3.connect(str(destination), isolation_level=None)
    try:
        connection.execute("BEGIN")
        for sha in backup.stripped:
            connection.execute(
                f"UPDATE {CONTENTS_TABLE} SET data = ? WHERE sha256 = ?", (store.get(sha), sha)
            )
        connection.execute("COMMIT")
        found = problems(connection)
        facts = read_facts(connection)
    except sqlite3.DatabaseError as exc:
        problem = DatabaseError(f"无法从备份恢复（{exc}）：{backup.path}")
        raise unless_disk_full(exc, destination.parent, problem) from exc
    finally:
        connection.close()
    if found:
        raise DatabaseError(f"备份未通过校验（{found[0]}）：{backup.path}")
    if backup.facts is not None and facts.rows != backup.facts.rows:
        raise DatabaseError(f"备份的记录数与备份时记下的不一致：{backup.path}")
    sqlite_files.fsync_file(destination)
    return facts


def in_use(db_file: Path) -> bool:
    """Whether some program has the database open now (SQLite's exclusive lock is refused)."""
    if not db_file.exists():
        return False
    try:
        connection = sqlite3.connect(str(db_file), timeout=0.1, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        connection.execute("PRAGMA locking_mode=EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")
        connection.execute("ROLLBACK")
        return False
    except sqlite3.Error as exc:
        return is_busy(exc)
    finally:
        connection.close()


def replace_database(db_file: Path, assembled: Path, *, damaged: bool = False) -> Path | None:
    """Puts ``assembled`` in place of ``db_file`` in one rename, leaving no ``-wal`` or
    ``-shm`` of the old file beside it (they would be replayed onto the new one). A damaged
    file (one SQLite cannot open, or ``damaged``) is renamed aside, never deleted; returns its
    new name then."""
    aside = clear_place(db_file, damaged=damaged)
    sqlite_files.durable_replace(assembled, db_file)
    return aside


def clear_place(db_file: Path, *, damaged: bool = False) -> Path | None:
    """The first half of ``replace_database``: the old file checkpointed (no ``-wal`` or
    ``-shm`` left), or renamed aside when damaged; returns its new name then."""
    if in_use(db_file):
        raise BusyError(f"数据库正在被使用（共建台窗口或其他程序），请先关闭它：{db_file}")
    aside = None
    if db_file.exists() and (not _checkpoint(db_file) or damaged):
        aside = sqlite_files.set_aside(db_file, "damaged")
    for companion in sqlite_files.companions(db_file):
        companion.unlink()
    return aside


def _checkpoint(db_file: Path) -> bool:
    """Folds the write-ahead log into the file and closes it, so no ``-wal`` is left; False
    when SQLite finds it damaged or no database at all."""
    try:
        connection = sqlite3.connect(str(db_file), isolation_level=None)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            return connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False
