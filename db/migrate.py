"""Opening a database: refuse a newer schema, back up an older one, then upgrade it.

Alembic is imported only when the schema is not already at HEAD, so a normal start-up pays
nothing for it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from db.engine import make_engine, sqlite_path
from db.errors import DatabaseError, MigrationError, SchemaTooNewError
from db.revision import HEAD_REVISION

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BACKUP_DIR_NAME = "backups"
_FK_CHECK = "PRAGMA foreign_key_check"


def _alembic_config(connection: Connection) -> object:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _has_tables(connection: Connection) -> bool:
    return bool(set(inspect(connection).get_table_names()) - {"alembic_version"})


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with _migrating(engine) as connection:
        command.upgrade(_alembic_config(connection), revision)  # type: ignore[arg-type]


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with _migrating(engine) as connection:
        command.downgrade(_alembic_config(connection), revision)  # type: ignore[arg-type]


@contextmanager
def _migrating(engine: Engine) -> Iterator[Connection]:
    """A transaction for migrations. On SQLite its foreign keys are off while they run: SQLite
    changes a table by copying it and dropping the old one, and with foreign keys on, dropping
    a table that others refer to fails (or deletes what cascades). Every foreign key is then
    checked before the commit, so a migration cannot leave a broken reference behind."""
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # the pragma does nothing inside a transaction: before it begins
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                yield connection
                if sqlite and (broken := connection.exec_driver_sql(_FK_CHECK).fetchall()):
                    raise MigrationError(f"升级后有记录引用了不存在的数据：{broken[:5]}")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def backup_sqlite(source: Path, destination: Path) -> Path:
    """A consistent copy through SQLite's backup API (safe while others write), verified."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(partial)
    try:
        src.backup(dst)
        result = dst.execute("PRAGMA quick_check").fetchone()
    finally:
        dst.close()
        src.close()
    if result is None or result[0] != "ok":
        partial.unlink(missing_ok=True)
        raise DatabaseError(f"备份校验失败（{result}），原数据库未改动：{source}")
    partial.replace(destination)
    return destination


def _restore_sqlite(backup: Path, target: Path) -> None:
    src = sqlite3.connect(backup)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def backup_path_for(db_file: Path, label: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return db_file.parent / BACKUP_DIR_NAME / f"{db_file.stem}-{label}-{stamp}.db"


def open_database(target: str, *, must_exist: bool = False) -> Engine:
    """An engine on a database at HEAD: created, or upgraded after a verified backup."""
    engine = make_engine(target, must_exist=must_exist)
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
            empty = revision is None and not _has_tables(connection)
    except DBAPIError as exc:
        engine.dispose()
        if sqlite_path(target) is None:
            raise DatabaseError(f"无法连接数据库服务器 {target}：{exc.orig}") from exc
        raise DatabaseError(f"无法打开数据库（文件损坏或不是数据库）：{target}") from exc
    if revision == HEAD_REVISION:
        return engine
    if revision is None and not empty:
        engine.dispose()
        raise DatabaseError(f"这不是共建台的数据库（缺少版本信息），未作改动：{target}")
    if revision is not None and revision not in known_revisions():
        engine.dispose()
        raise SchemaTooNewError(
            f"数据库由更新版本的共建台写入（结构版本 {revision}），请安装新版本后再打开：{target}"
        )
    _upgrade_safely(engine, target, backup_first=not empty, from_revision=revision)
    return engine


def _upgrade_safely(
    engine: Engine, target: str, *, backup_first: bool, from_revision: str | None
) -> None:
    db_file = sqlite_path(target)
    backup = None
    if backup_first and db_file is not None:
        backup = backup_sqlite(db_file, backup_path_for(db_file, f"before-upgrade-{from_revision}"))
    try:
        upgrade(engine)
    except Exception as exc:
        engine.dispose()
        if backup is not None and db_file is not None:
            _restore_sqlite(backup, db_file)
            raise MigrationError(
                f"数据库升级失败，已从升级前的备份恢复（{backup}）：{exc}"
            ) from exc
        raise MigrationError(f"数据库升级失败：{exc}") from exc
