"""Writing finished files so that a failure never damages the ones already there.

The bytes go to a temporary file in the same folder (same file system, so the final rename is
atomic), are flushed to disk, and only then replace the target; several files are written all
or none. Any OSError becomes a
:class:`~app.errors.UserError` that says, in Chinese, what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, Message

CONTEXT = "exports"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Writes ``data`` to ``path`` through a temporary file and an atomic replace."""
    atomic_write_files({Path(path): data})


def atomic_write_files(files: Mapping[Path, bytes]) -> None:
    """Writes several files all or none. Every file goes to a temporary file beside it first;
    only when all are on disk do they replace their targets, the old files moved aside until
    all are in place. A full disk, a file open in a PDF reader or a folder where a file should
    go then leaves the targets as they were."""
    for path in files:
        if not path.parent.is_dir():
            raise UserError(
                Message(
                    CONTEXT,
                    QT_TRANSLATE_NOOP("exports", "无法保存文件：文件夹不存在：{folder}"),
                    folder=str(path.parent),
                )
            )
    temporaries: dict[Path, str] = {}
    placed: list[tuple[Path, str | None]] = []  # (target, where its old file was moved)
    current = next(iter(files), Path())
    try:
        for current, data in files.items():
            temporaries[current] = _write_temporary(current, data)
        for current, temporary in temporaries.items():
            if current.is_dir():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(current))
            old = f"{temporary}.old" if current.exists() else None
            if old is not None:
                os.replace(current, old)
            placed.append((current, old))
            os.replace(temporary, current)
    except OSError as error:
        _take_back(placed, temporaries)
        raise _user_error(current, error) from error
    finally:
        for temporary in temporaries.values():
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    for _target, old in placed:
        if old is not None:
            with contextlib.suppress(OSError):
                os.unlink(old)
    for folder in {path.parent for path in files}:
        _sync_folder(folder)


def _write_temporary(path: Path, data: bytes) -> str:
    """The data in a new temporary file beside ``path``, on disk; removed again on failure."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def _take_back(placed: list[tuple[Path, str | None]], temporaries: dict[Path, str]) -> None:
    """Undoes what a failed ``atomic_write_files`` placed, latest first: each target gets its
    old file back, or is removed if it was new."""
    for target, old in reversed(placed):
        new_in_place = not os.path.exists(temporaries[target])
        with contextlib.suppress(OSError):
            if old is not None:
                os.replace(old, target)
            elif new_in_place:
                os.unlink(target)


def safe_file_name(name: str) -> str:
    """A file name without the characters Windows refuses."""
    cleaned = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in name).strip(" .")
    return cleaned or "document"


def _sync_folder(folder: Path) -> None:
    """Makes the rename itself durable where the system allows it (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _user_error(path: Path, error: OSError) -> UserError:
    if isinstance(error, PermissionError):
        template = QT_TRANSLATE_NOOP(
            "exports",
            "无法保存文件：没有写入权限，或文件正被其他程序（如 PDF 阅读器）打开：{path}",
        )
    elif error.errno == errno.ENOSPC:
        template = QT_TRANSLATE_NOOP("exports", "无法保存文件：磁盘空间不足：{path}")
    else:
        template = QT_TRANSLATE_NOOP("exports", "无法保存文件：{path}（{reason}）")
    reason = error.strerror or type(error).__name__
    return UserError(Message(CONTEXT, template, path=str(path), reason=reason))
