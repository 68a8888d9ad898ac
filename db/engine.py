"""Engines for an SQLite file (the default) or a server URL, with SQLite's safety pragmas.

Transactions on SQLite: the standard library's driver sends no ``BEGIN`` before DDL, so each
``CREATE TABLE`` of a migration would commit on its own and a crash would leave half a schema.
As SQLAlchemy documents for pysqlite, the driver's own transaction handling is switched off
(autocommit connections) and the ``begin`` event sends ``BEGIN`` itself: schema changes,
migrations and data then commit or roll back as one. Sessions that write ask for
``BEGIN IMMEDIATE`` (``writing``), so they wait for the write lock up front instead of failing
half-way when another program wrote since they started reading.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import QueuePool

from db import sqlite_files
from db.errors import DatabaseError, MissingDatabaseError, ReadOnlyLocationError
from db.paths import is_network_path, is_url

BUSY_TIMEOUT_MS = int(sqlite_files.BUSY_TIMEOUT_S * 1000)
IMMEDIATE = "gongjian_begin_immediate"  # execution option: BEGIN IMMEDIATE on SQLite


def sqlite_path(target: str) -> Path | None:
    """The file behind an SQLite target, or None for a server or an in-memory database."""
    if not is_url(target):
        return Path(target).expanduser()
    url = make_url(target)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database).expanduser()


def check_sqlite_path(path: Path, *, must_exist: bool) -> None:
    if is_network_path(path):
        raise DatabaseError(
            f"数据库文件在网络共享上（{path}）：SQLite 在网络共享上会损坏数据。"
            "多台电脑共用数据请使用 PostgreSQL 服务器（--db postgresql://…）。"
        )
    if not path.parent.is_dir():
        raise MissingDatabaseError(f"数据库所在的文件夹不存在：{path.parent}")
    if sqlite_files.path_too_long(path):
        raise DatabaseError(
            f"数据库文件的路径太长（SQLite 最多约 {sqlite_files.MAX_PATH} 字节）："
            f"请把它移到路径较短的文件夹：{path}"
        )
    if must_exist and not path.is_file():
        raise MissingDatabaseError(f"数据库文件不存在：{path}")
    if path.exists() and not path.is_file():
        raise DatabaseError(f"这是一个文件夹，不是数据库文件：{path}")


def is_read_only_file(path: Path) -> bool:
    """An existing database file the program may not write (an archive copy, a CD)."""
    return path.is_file() and not sqlite_files.is_writable(path)


def check_writable_location(path: Path) -> None:
    """Refuses, naming the cause, a database SQLite could not write: a read-only file, or a
    writable one whose folder or ``-wal``/``-shm`` files are read-only (SQLite writes them)."""
    if is_read_only_file(path):
        raise ReadOnlyLocationError(
            f"数据库文件是只读的（{path}）：只能查看、备份和导出。要修改数据，请去掉文件的"
            "只读属性，或把它复制到可写的位置。"
        )
    if not sqlite_files.is_writable(path.parent):
        raise ReadOnlyLocationError(
            f"数据库所在的文件夹是只读的（{path.parent}）：SQLite 需要在数据库旁边建立临时文件"
            "（-wal、-shm）。请把文件夹改为可写，或把数据库复制到可写的位置。"
        )
    for companion in sqlite_files.companions(path):
        if not sqlite_files.is_writable(companion):
            raise ReadOnlyLocationError(
                f"数据库旁边的 {companion.name} 是只读的（可能由另一位用户留下）：请关闭所有使用"
                "这个数据库的程序，再让管理员把它改为可写或删除它。"
            )


def _set_sqlite_pragmas(read_only: bool) -> Any:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    return on_connect


def _begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(IMMEDIATE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def writing(engine: Engine) -> Engine:
    """The same engine (and pool), whose transactions take SQLite's write lock when they begin."""
    return engine.execution_options(**{IMMEDIATE: True})


def make_engine(target: str, *, must_exist: bool = False, read_only: bool = False) -> Engine:
    """An engine for a file path or an SQLAlchemy URL; refuses unsafe SQLite locations.

    ``read_only`` opens an SQLite file without ever writing it (nor creating ``-wal``)."""
    path = sqlite_path(target)
    if path is not None:
        check_sqlite_path(path, must_exist=must_exist or read_only)
        if not read_only:
            check_writable_location(path)
        file = path.resolve()
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite_files.connect(file, read_only=read_only),
            poolclass=QueuePool,
            # a failed statement's error (logged, shown) never quotes a row's values
            hide_parameters=True,
        )
        event.listen(engine, "connect", _set_sqlite_pragmas(read_only))
        event.listen(engine, "begin", _begin)
        return engine
    try:
        return create_engine(target, hide_parameters=True)
    except (ImportError, NoSuchModuleError, ArgumentError) as exc:
        raise DatabaseError(
            f"无法使用数据库地址 {target}：{exc}。连接 PostgreSQL 请安装驱动："
            'pip install "gongjian[postgres]"，地址写作 postgresql+psycopg://用户@服务器/库名'
        ) from exc
