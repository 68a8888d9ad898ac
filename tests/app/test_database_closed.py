"""A closed database opens its file no more: a read left over (a worker, a step run in an idle
moment) fails instead of opening a file that a restore may be replacing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from app.database import Database


def test_a_closed_database_refuses_to_read_and_leaves_its_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    database = Database(str(path))
    database.close()
    path.rename(tmp_path / "moved.db")  # a connection now would make a new, empty file here
    with pytest.raises(RuntimeError, match="closed"), database.reader() as session:
        session.execute(text("SELECT 1"))
    assert not path.exists()
    database.close()  # closing again is harmless
