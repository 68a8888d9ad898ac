"""A bare sqlite3 connection is offered only for a file that needs nothing done first."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from db import direct
from db.revision import HEAD_REVISION


@pytest.fixture
def current(tmp_path: Path, empty_database_file: Path) -> Path:
    path = tmp_path / "数据 #1" / "gongjian.db"
    path.parent.mkdir()
    shutil.copyfile(empty_database_file, path)
    return path


def test_a_current_writable_file_opens_with_foreign_keys_on(current: Path) -> None:
    connection = direct.open_current(str(current))
    assert connection is not None
    try:
        assert connection.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (HEAD_REVISION,)
        ]
    finally:
        direct.close(connection)
    assert not current.with_name(current.name + "-wal").exists()  # folded into the file


def test_anything_else_is_left_to_the_usual_opening(current: Path, tmp_path: Path) -> None:
    assert direct.open_current(f"sqlite:///{current}") is None  # a URL
    assert direct.open_current(str(tmp_path / "missing.db")) is None
    (tmp_path / "folder.db").mkdir()
    assert direct.open_current(str(tmp_path / "folder.db")) is None
    not_ours = tmp_path / "other.db"
    sqlite3.connect(not_ours).close()
    assert direct.open_current(str(not_ours)) is None
    older = tmp_path / "older.db"
    shutil.copyfile(current, older)
    with sqlite3.connect(older) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    assert direct.open_current(str(older)) is None  # to be upgraded first, after a backup
    current.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        assert direct.open_current(str(current)) is None  # a read-only copy
    finally:
        current.chmod(stat.S_IRUSR | stat.S_IWUSR)
