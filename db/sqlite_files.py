"""The files of an SQLite database: opened by name without URI surprises, written durably,
checked for write access, and moved aside (never deleted) when they must make way.

Names and URIs: a plain file name is passed with ``uri=False``, so ``#``, ``?`` and ``%41`` in
a folder's name mean themselves; a URI (needed for ``mode=ro``) is built with
``Path.as_uri()``, which quotes them. Pasting a path into ``file:…`` opens a different file.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
BUSY_TIMEOUT_S = 5.0
# SQLite's longest file name, less room for "-journal": 512 bytes of UTF-8 on POSIX; on
# Windows, where paths are counted in UTF-16 units, the system's own 260
MAX_PATH = 250 if os.name == "nt" else 500


def path_too_long(path: Path) -> bool:
    text = str(path.resolve())
    return len(text) > MAX_PATH if os.name == "nt" else len(text.encode()) > MAX_PATH


def file_uri(path: Path, **params: str) -> str:
    """An SQLite URI naming exactly ``path`` (with query parameters such as ``mode=ro``)."""
    uri = path.resolve().as_uri()
    return f"{uri}?{urlencode(params)}" if params else uri


def connect(
    path: Path, *, read_only: bool = False, timeout: float = BUSY_TIMEOUT_S
) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are begun explicitly).

    Read-only connections never create the file. Where the file can be written they open it
    for writing but refuse to write (``query_only``): SQLite removes the ``-wal`` and ``-shm``
    files only when the last connection to close could write, so a read-only one would leave
    them beside the file. On a medium nobody can write to (a CD, a read-only folder) they open
    it as immutable, since SQLite cannot make its shared-memory file there and nobody else can
    change the file either."""
    if not read_only:
        return sqlite3.connect(
            str(path.resolve()), timeout=timeout, isolation_level=None, check_same_thread=False
        )
    folder_writable = is_writable(path.parent)
    writable = folder_writable and is_writable(path)
    params = {"mode": "rw" if writable else "ro"}
    if not folder_writable and not path.with_name(path.name + "-shm").exists():
        params["immutable"] = "1"
    connection = sqlite3.connect(
        file_uri(path, **params),
        uri=True,
        timeout=timeout,
        isolation_level=None,
        check_same_thread=False,
    )
    if writable:
        connection.execute("PRAGMA query_only = ON")
    return connection


def companions(path: Path) -> list[Path]:
    """The ``-wal``, ``-shm`` and ``-journal`` files beside a database that exist now."""
    return [p for s in COMPANION_SUFFIXES if (p := path.with_name(path.name + s)).exists()]


def remove(path: Path) -> None:
    """Removes a database file that is no longer wanted (an unfinished copy) with its
    companions: a ``-journal`` left beside a new file of the same name would be rolled back
    into it."""
    for companion in companions(path):
        companion.unlink(missing_ok=True)
    path.unlink(missing_ok=True)


def is_writable(path: Path) -> bool:
    """Whether the program may write ``path``. A file or folder whose write permission bits are
    all cleared (an archive copy marked read-only) counts as read-only even for an
    administrator, who could write it anyway: the user marked it so on purpose."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    if not os.access(path, os.W_OK):
        return False
    if os.name == "nt" and stat.S_ISDIR(mode):  # Windows' read-only flag on folders means nothing
        return True
    return bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def fsync_file(path: Path) -> None:
    with path.open("rb+") as f:
        os.fsync(f.fileno())


def fsync_folder(folder: Path) -> None:
    """Makes a rename in ``folder`` durable (POSIX; Windows commits renames with the file)."""
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def durable_replace(source: Path, target: Path) -> None:
    """Moves a finished file under its final name so that a crash leaves either the old file
    or the whole new one: its data reaches the disk before the rename, the rename after."""
    fsync_file(source)
    os.replace(source, target)
    fsync_folder(target.parent)


def set_aside(path: Path, label: str) -> Path:
    """Renames a database and its companion files to ``NAME.LABEL-YYYYmmdd-HHMMSS.db`` in the
    same folder, so a new file can take its place; returns the new name of the database."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}")
    for companion in companions(path):
        os.replace(companion, aside.with_name(aside.name + companion.name[len(path.name) :]))
    os.replace(path, aside)
    fsync_folder(path.parent)
    return aside
