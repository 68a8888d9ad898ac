"""Writing a finished file so that a failure never damages the one already there.

The bytes go to a temporary file in the same folder (same file system, so the final rename is
atomic), are flushed to disk, and only then replace the target. Any OSError becomes a
:class:`~app.errors.UserError` that says, in Chinese, what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, Message

CONTEXT = "exports"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Writes ``data`` to ``path`` through a temporary file and an atomic replace."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise UserError(
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP("exports", "无法保存文件：文件夹不存在：{folder}"),
                folder=str(folder),
            )
        )
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
        temporary = None
        _sync_folder(folder)
    except OSError as error:
        raise _user_error(path, error) from error
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


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
