"""Opening a database: refuse a newer schema, back up an older one, then upgrade it.

Every migration runs in one transaction (on SQLite too: see db.engine), so an upgrade that
fails or is killed leaves the file as it was. The attempt is written down beside the backups
(``backups/NAME-upgrade.json``): an attempt that was killed goes on from the backup of the
first attempt instead of making another, and one that failed is not tried again on every
open, only when asked (or by a version with newer migrations).

Alembic is imported only when the schema is not already at HEAD, so a normal start-up pays
nothing for it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from db.backup_files import Backup, backup_folder, parse
from db.engine import make_engine, sqlite_path, writing
from db.errors import (
    BusyError,
    DamagedDatabaseError,
    DatabaseError,
    DiskFullError,
    MigrationError,
    PartialSchemaError,
    SchemaTooNewError,
    UpgradeFailedBeforeError,
    explain,
)
from db.revision import HEAD_REVISION
from db.snapshot import facts_of, verify_file
from db.sqlite_files import durable_replace, remove

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
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


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names()) - {"alembic_version"}


def _ours(tables: set[str]) -> bool:
    """Whether every table is one of the application's (the issues' search index included)."""
    from db.base import Base
    from db.models import load_all

    load_all()
    return all(t in Base.metadata.tables or t.startswith("issues_fts") for t in tables)


def _holds_rows(connection: Connection, tables: set[str]) -> bool:
    return any(
        connection.exec_driver_sql(f'SELECT 1 FROM "{table}" LIMIT 1').first() is not None
        for table in tables
    )


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
    """One transaction for all the migrations. On SQLite its foreign keys are off while they
    run: SQLite changes a table by copying it and dropping the old one, and with foreign keys
    on, dropping a table that others refer to fails (or deletes what cascades). Every foreign
    key is then checked before the commit, so a migration cannot leave a broken reference."""
    with writing(engine).connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        # the pragma does nothing inside a transaction: sent on the driver's connection, which
        # is in autocommit mode, before the transaction begins
        driver = connection.connection.driver_connection if sqlite else None
        if driver is not None:
            driver.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                yield connection
                if sqlite and (broken := connection.exec_driver_sql(_FK_CHECK).fetchall()):
                    raise MigrationError(f"升级后有记录引用了不存在的数据：{broken[:5]}")
        finally:
            if driver is not None:
                driver.execute("PRAGMA foreign_keys=ON")


def open_database(
    target: str,
    *,
    must_exist: bool = False,
    read_only: bool = False,
    retry_failed_upgrade: bool = False,
) -> Engine:
    """An engine on a database at HEAD: created, or upgraded after a verified backup."""
    engine = make_engine(target, must_exist=must_exist, read_only=read_only)
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
            tables = _tables(connection) if revision is None else set()
            holds_rows = _holds_rows(connection, tables)
    except DBAPIError as exc:
        engine.dispose()
        raise opening_error(exc, target) from exc
    if revision == HEAD_REVISION:
        return engine
    engine_kept = False
    try:
        if revision is None and tables:
            if not holds_rows and _ours(tables):
                raise PartialSchemaError(
                    f"数据库文件只建了一部分表、没有任何数据（上次建立时被中断）：{target}"
                )
            raise DatabaseError(f"这不是共建台的数据库（缺少版本信息），未作改动：{target}")
        if revision is not None and revision not in known_revisions():
            raise SchemaTooNewError(
                f"数据库由更新版本的共建台写入（结构版本 {revision}），"
                f"请安装新版本后再打开：{target}"
            )
        if read_only:
            raise DatabaseError(
                f"这个只读的数据库是旧版本（结构版本 {revision}），只读时无法升级："
                f"请把它复制到可写的位置后再打开：{target}"
            )
        _upgrade_safely(engine, target, revision, retry=retry_failed_upgrade)
        engine_kept = True
    finally:
        if not engine_kept:
            engine.dispose()
    return engine


def opening_error(exc: DBAPIError, target: str) -> DatabaseError:
    """What a driver error while opening means for the user."""
    if sqlite_path(target) is None:
        return DatabaseError(f"无法连接数据库服务器 {target}：{exc.orig}")
    explained = explain(exc, target)
    if explained is not None:
        return explained
    return DamagedDatabaseError(f"无法打开数据库（文件损坏或不是数据库）：{target}（{exc.orig}）")


@dataclass
class _Attempt:
    """An upgrade of one file under way or failed, as written beside its backups."""

    from_revision: str
    to_revision: str
    backup: str  # the first attempt's backup, by file name
    failed: str = ""  # what went wrong, once it did

    @staticmethod
    def path(db_file: Path) -> Path:
        return backup_folder(db_file) / f"{db_file.stem}-upgrade.json"

    @classmethod
    def load(cls, db_file: Path, from_revision: str) -> _Attempt | None:
        try:
            data = json.loads(cls.path(db_file).read_text(encoding="utf-8"))
            attempt = cls(**data)
        except (OSError, ValueError, TypeError):
            return None
        same = (attempt.from_revision, attempt.to_revision) == (from_revision, HEAD_REVISION)
        return attempt if same else None

    def save(self, db_file: Path) -> None:
        path = self.path(db_file)
        partial = path.with_name(path.name + ".partial")
        partial.write_text(json.dumps(asdict(self), ensure_ascii=False), encoding="utf-8")
        durable_replace(partial, path)


def _upgrade_safely(engine: Engine, target: str, from_revision: str | None, *, retry: bool) -> None:
    db_file = sqlite_path(target)
    if db_file is None or from_revision is None:  # a server, or a new file: nothing to keep
        try:
            upgrade(engine)
        except Exception as exc:
            raise explain(exc, target) or MigrationError(f"数据库升级失败：{exc}") from exc
        return
    attempt = _Attempt.load(db_file, from_revision)
    if attempt is not None and attempt.failed and not retry:
        raise UpgradeFailedBeforeError(
            f"上次把数据库升级到结构版本 {HEAD_REVISION} 时失败（{attempt.failed}），"
            f"数据库仍是升级前的版本 {from_revision}，本次不再自动重试。"
            f"升级前的备份：{backup_folder(db_file) / attempt.backup}"
        )
    from db import backups  # only an upgrade backs up (and needs a lock on the folder)

    engine.dispose()  # the backup reads the file through a connection of its own
    backup = _first_backup(db_file, attempt) or backups.make_backup(
        db_file, backup_folder(db_file), f"upgrade-{from_revision}"
    )
    if backup.damaged:
        raise DamagedDatabaseError(
            f"升级前检查发现数据库有损坏（{backup.problems[0]}），没有升级：{target}"
        )
    attempt = _Attempt(from_revision, HEAD_REVISION, backup.path.name)
    attempt.save(db_file)
    try:
        upgrade(engine)
    except Exception as exc:
        engine.dispose()
        if isinstance(explained := explain(exc, target), BusyError | DiskFullError):
            raise explained from exc  # not the upgrade's fault: tried again at the next open
        attempt.failed = str(exc).splitlines()[0][:300] if str(exc) else type(exc).__name__
        outcome = _after_failure(db_file, from_revision, backup)
        attempt.save(db_file)
        raise MigrationError(
            f"数据库升级到结构版本 {HEAD_REVISION} 失败：{attempt.failed}。{outcome}"
        ) from exc
    _Attempt.path(db_file).unlink(missing_ok=True)


def _first_backup(db_file: Path, attempt: _Attempt | None) -> Backup | None:
    """The backup of an earlier attempt, when the file still holds exactly what it saved."""
    from db import backups

    if attempt is None:
        return None
    backup = parse(backup_folder(db_file) / attempt.backup)
    if backup is None or backup.facts is None or backups.verify_backup(backup):
        return None
    return backup if facts_of(db_file) == backup.facts else None


def _after_failure(db_file: Path, from_revision: str, backup: Backup) -> str:
    """Says, truthfully, what state the file is in; restores the backup only when the file no
    longer holds what it held before the upgrade (and the backup is checked to hold it)."""
    try:
        untouched = facts_of(db_file) == backup.facts and not verify_file(db_file)
    except DatabaseError:
        untouched = False
    from db import backups

    if untouched:
        return f"数据库没有改动，仍是升级前的版本 {from_revision}；升级前的备份：{backup.path}"
    problems = backups.verify_backup(backup)
    if backup.facts is None or backup.facts.revision != from_revision or problems:
        return f"数据库可能已改动，而升级前的备份未通过校验，未恢复：{backup.path}"
    assembled = db_file.with_name(db_file.name + ".restoring")
    remove(assembled)  # left by an attempt that was killed
    try:
        backups.assemble(backup, assembled)
        backups.replace_database(db_file, assembled)
    except DatabaseError as exc:
        remove(assembled)
        return f"数据库可能已改动，从备份恢复也失败了（{exc}）：请把 {backup.path} 复制为 {db_file}"
    return f"已从第一次升级前的备份恢复（{backup.path.name}，已校验）。"
