"""Schema migrations: up and down, refusal of newer files, backup and restore around upgrades."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from db import migrate
from db.base import Base
from db.engine import make_engine
from db.errors import (
    DamagedDatabaseError,
    DatabaseError,
    MigrationError,
    PartialSchemaError,
    SchemaTooNewError,
    UpgradeFailedBeforeError,
)
from db.migrate import HEAD_REVISION, downgrade, known_revisions, open_database, upgrade
from db.models import load_all

NEXT = "9000_next"  # a pretend newer revision

load_all()  # every table on the metadata the schema is compared with


def test_head_revision_constant_matches_the_newest_script() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION
    assert HEAD_REVISION in known_revisions()


def test_upgrade_from_empty_to_head_and_back(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "m.db"))
    upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    """Autogenerate finds nothing to do: the migrations and the models agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    def include_object(obj: object, name: str | None, kind: str, *_: object) -> bool:
        # the issues' FTS5 index (migration 0002) is SQLite-only and outside the models
        return not (kind == "table" and (name or "").startswith("issues_fts"))

    engine = open_database(str(tmp_path / "m.db"))
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"render_as_batch": True, "include_object": include_object}
        )
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_open_creates_a_new_database_at_head(tmp_path: Path) -> None:
    engine = open_database(str(tmp_path / "new.db"))
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == HEAD_REVISION
    engine.dispose()
    assert not (tmp_path / "backups").exists()  # nothing to back up in an empty file


def _set_revision(path: Path, revision: str) -> None:
    # closed here, not when collected: closing checkpoints the WAL into the file
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_database(str(path)).dispose()
    _set_revision(path, "9999_future")
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError, match="更新版本"):
        open_database(str(path))
    assert path.read_bytes() == before


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    with pytest.raises(DatabaseError, match="不是共建台"):
        open_database(str(path))


def test_a_corrupt_file_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.db"
    open_database(str(path)).dispose()
    with path.open("r+b") as f:
        f.write(b"this is not an sqlite header at all")
    with pytest.raises(DatabaseError, match="损坏"):
        open_database(str(path))


def _older(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database at HEAD that this test's program takes for one revision older."""
    open_database(str(path)).dispose()
    monkeypatch.setattr(migrate, "HEAD_REVISION", NEXT)
    monkeypatch.setattr(migrate, "known_revisions", lambda: {HEAD_REVISION, NEXT})


def _upgrade_backups(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*-upgrade-{HEAD_REVISION}.db"))


def test_an_older_database_is_backed_up_then_upgraded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "older.db"
    _older(path, monkeypatch)
    upgraded: list[str] = []

    def fake_upgrade(engine: object, revision: str = "head") -> None:
        upgraded.append(revision)

    monkeypatch.setattr(migrate, "upgrade", fake_upgrade)
    open_database(str(path)).dispose()
    assert upgraded == ["head"]
    (backup,) = _upgrade_backups(tmp_path / "backups")
    with sqlite3.connect(backup) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    connection.close()
    assert not (tmp_path / "backups" / "older-upgrade.json").exists()  # done: nothing pending


def test_a_failed_upgrade_leaves_the_file_untouched_says_so_and_is_not_retried_by_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "older.db"
    _older(path, monkeypatch)
    before = migrate.facts_of(path)
    tried: list[str] = []

    def failing_upgrade(engine: object, revision: str = "head") -> None:
        tried.append(revision)
        raise RuntimeError("step 2 failed")

    monkeypatch.setattr(migrate, "upgrade", failing_upgrade)
    with pytest.raises(MigrationError, match="没有改动，仍是升级前的版本") as caught:
        open_database(str(path))
    assert "step 2 failed" in str(caught.value)
    assert migrate.facts_of(path) == before
    with pytest.raises(UpgradeFailedBeforeError, match="不再自动重试"):
        open_database(str(path))
    assert tried == ["head"]  # the second open did not try again, nor back up again
    assert len(_upgrade_backups(tmp_path / "backups")) == 1
    with pytest.raises(MigrationError):
        open_database(str(path), retry_failed_upgrade=True)
    assert tried == ["head", "head"]
    assert len(_upgrade_backups(tmp_path / "backups")) == 1  # the first attempt's backup


def test_an_upgrade_that_changed_the_file_and_failed_restores_the_first_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "older.db"
    engine = open_database(str(path))
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO settings (id, key, value, created_at, updated_at, version)"
                " VALUES ('s1', 'k', '1', '2026-01-01', '2026-01-01', 1)"
            )
        )
    engine.dispose()
    monkeypatch.setattr(migrate, "HEAD_REVISION", NEXT)
    monkeypatch.setattr(migrate, "known_revisions", lambda: {HEAD_REVISION, NEXT})

    def half_done_upgrade(engine: object, revision: str = "head") -> None:
        connection = sqlite3.connect(path)  # a step that commits on its own, then a failure
        connection.execute("DROP TABLE settings")
        connection.commit()
        connection.close()
        raise RuntimeError("step 2 failed")

    monkeypatch.setattr(migrate, "upgrade", half_done_upgrade)
    with pytest.raises(MigrationError, match="已从第一次升级前的备份恢复"):
        open_database(str(path))
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT key FROM settings").fetchall() == [("k",)]
    revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert revision == (HEAD_REVISION,)
    connection.close()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith((".restoring", "-wal"))]


def test_a_killed_upgrade_goes_on_from_the_first_attempts_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "older.db"
    _older(path, monkeypatch)

    def killed(engine: object, revision: str = "head") -> None:
        raise SystemExit("killed")  # not an Exception: nothing after it runs, as with SIGKILL

    monkeypatch.setattr(migrate, "upgrade", killed)
    with pytest.raises(SystemExit):
        open_database(str(path))
    monkeypatch.setattr(migrate, "upgrade", lambda engine, revision="head": None)
    open_database(str(path)).dispose()
    assert len(_upgrade_backups(tmp_path / "backups")) == 1


def test_creating_the_schema_is_one_transaction(tmp_path: Path) -> None:
    """A failure in the last migration leaves a new file with no table at all."""
    from sqlalchemy import event

    path = tmp_path / "new.db"
    engine = make_engine(str(path))

    def fail_late(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "ix_attachments_sha256" in statement:
            raise RuntimeError("interrupted")

    event.listen(engine, "before_cursor_execute", fail_late)
    with pytest.raises(RuntimeError):
        upgrade(engine)
    engine.dispose()
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT name FROM sqlite_master").fetchall() == []
    connection.close()


def test_a_partial_schema_without_data_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "partial.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE settings (id TEXT)")
    connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
    connection.close()
    with pytest.raises(PartialSchemaError, match="只建了一部分表"):
        open_database(str(path))


def test_migrations_run_without_foreign_keys_and_check_them_all_before_the_commit(
    tmp_path: Path,
) -> None:
    """Rebuilding a table others refer to works (foreign keys off while migrating); a broken
    reference is found by the check before the upgrade, which then does not start."""
    path = tmp_path / "older.db"
    engine = open_database(str(path))
    downgrade(engine, "0003")
    with engine.connect() as connection:  # a work log whose posting is gone, written with
        driver = connection.connection.driver_connection  # the keys off, as old bugs did
        driver.execute("PRAGMA foreign_keys=OFF")  # (outside a transaction, or it does nothing)
        connection.exec_driver_sql(
            "INSERT INTO work_logs (id, posting_id, kind, period, logged_on, content, hours,"
            " created_at, updated_at, version)"
            " VALUES ('w1', 'gone', 'entry', '', '2026-01-05', '调研', 2,"
            " '2026-01-05', '2026-01-05', 1)"
        )
        connection.commit()
    engine.dispose()
    with pytest.raises(DamagedDatabaseError, match="引用了不存在的 postings.*没有升级"):
        open_database(str(path))
    with sqlite3.connect(path) as connection:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        assert revision == ("0003",)
        connection.execute("DELETE FROM work_logs WHERE id = 'w1'")
    open_database(str(path)).dispose()  # without the orphan, postings is rebuilt and all is well
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
