"""Engines for an SQLite file (the default) or a server URL, with SQLite's safety pragmas."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from db.errors import DatabaseError
from db.paths import is_network_path, is_url

BUSY_TIMEOUT_MS = 5000


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
        raise DatabaseError(f"数据库所在的文件夹不存在：{path.parent}")
    if must_exist and not path.is_file():
        raise DatabaseError(f"数据库文件不存在：{path}")
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise DatabaseError(f"没有读写数据库文件的权限：{path}")


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def make_engine(target: str, *, must_exist: bool = False) -> Engine:
    """An engine for a file path or an SQLAlchemy URL; refuses unsafe SQLite locations."""
    path = sqlite_path(target)
    if path is not None:
        check_sqlite_path(path, must_exist=must_exist)
        url = f"sqlite:///{path.resolve()}"
    elif is_url(target):
        url = target
    else:  # pragma: no cover - sqlite_path returns a path for every non-URL target
        raise DatabaseError(f"无法识别的数据库位置：{target}")
    try:
        # hide_parameters: a failed statement's error (logged, shown) never quotes a row's values
        engine = create_engine(url, hide_parameters=True)
    except (ImportError, NoSuchModuleError, ArgumentError) as exc:
        raise DatabaseError(
            f"无法使用数据库地址 {target}：{exc}。连接 PostgreSQL 请安装驱动："
            'pip install "gongjian[postgres]"，地址写作 postgresql+psycopg://用户@服务器/库名'
        ) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine
