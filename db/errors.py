"""Errors the storage layer raises for the user to read (the message names the fix)."""

from __future__ import annotations

import errno
import sqlite3


class DatabaseError(Exception):
    """A database that cannot be opened or used; ``str()`` is one sentence for the user."""


class SchemaTooNewError(DatabaseError):
    """The file was written by a newer Gongjian whose schema this version does not know."""


class MigrationError(DatabaseError):
    """An upgrade failed; the message says what state the file was left in."""


class UpgradeFailedBeforeError(MigrationError):
    """An earlier upgrade of this file by this version failed: it is not tried again by itself."""


class DamagedDatabaseError(DatabaseError):
    """The file is not a database, or SQLite finds it damaged."""


class PartialSchemaError(DatabaseError):
    """The file holds some of the tables and no data: a creation that never finished."""


class BusyError(DatabaseError):
    """Another program holds the database's write lock longer than the busy timeout."""


class DiskFullError(DatabaseError):
    """The disk (or the user's quota) is full."""


class ReadOnlyLocationError(DatabaseError):
    """The file could be written, but SQLite needs its folder or companion files writable."""


class MissingDatabaseError(DatabaseError):
    """The file (or its folder) does not exist."""


def _sqlite_error(error: BaseException) -> BaseException:
    return getattr(error, "orig", None) or error


def is_disk_full(error: BaseException) -> bool:
    inner = _sqlite_error(error)
    if isinstance(inner, OSError):
        return inner.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
    return isinstance(inner, sqlite3.Error) and (
        getattr(inner, "sqlite_errorname", "") == "SQLITE_FULL" or "disk is full" in str(inner)
    )


def is_busy(error: BaseException) -> bool:
    inner = _sqlite_error(error)
    return isinstance(inner, sqlite3.OperationalError) and (
        getattr(inner, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
        or "database is locked" in str(inner)
    )


def is_damage(error: BaseException) -> bool:
    inner = _sqlite_error(error)
    return isinstance(inner, sqlite3.DatabaseError) and (
        getattr(inner, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB")
        or "malformed" in str(inner)
        or "not a database" in str(inner)
    )


def _at(where: object) -> str:
    return f"：{where}" if where else ""


def busy_error(where: object) -> BusyError:
    return BusyError(
        f"数据库正被其他程序使用（例如另一个窗口正在导入或恢复），请稍后重试{_at(where)}"
    )


def disk_full_error(where: object) -> DiskFullError:
    return DiskFullError(
        f"磁盘已满，无法写入{_at(where)}。已保存的数据没有受影响；请清理磁盘空间后重试。"
    )


def unless_disk_full(
    error: BaseException, where: object, otherwise: DatabaseError
) -> DatabaseError:
    """A full disk said as such (at ``where``); any other failure as ``otherwise``."""
    return disk_full_error(where) if is_disk_full(error) else otherwise


def explain(error: BaseException, where: object) -> DatabaseError | None:
    """The storage condition behind a driver error, as the user should read it; None when it
    is none of the known ones (a program error, to be logged and shown as such)."""
    if is_disk_full(error):
        return disk_full_error(where)
    if is_busy(error):
        return busy_error(where)
    if is_damage(error):
        return DamagedDatabaseError(f"数据库文件已损坏或不是数据库{_at(where)}")
    return None
