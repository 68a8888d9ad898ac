"""Automatic backups, the list of them, and restoring one: for the window and the command line.

Backups live in ``backups/`` beside the database file (db.backups makes and checks them), and
also in a second folder when one is set (a USB disk, another drive): it is kept in the
database's settings, so the window and the command line use the same. A second folder that is
missing is reported and skipped; the backup beside the database is made all the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.access import write_refusal
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.operator import Operator
from db import backups, sqlite_files
from db.backup_files import Backup, backup_folder, list_folder, parse
from db.engine import sqlite_path
from db.errors import BusyError, DamagedDatabaseError, DatabaseError
from db.migrate import known_revisions
from db.models.security import Setting
from db.revision import HEAD_REVISION
from db.snapshot import Facts, facts_of
from db.sqlite_files import remove

SECOND_FOLDER_KEY = "backup.second_folder"
REASONS = {
    "auto": QT_TRANSLATE_NOOP("backups", "修改期间定时"),
    "close": QT_TRANSLATE_NOOP("backups", "关闭程序时"),
    "import": QT_TRANSLATE_NOOP("backups", "导入前"),
    "restore": QT_TRANSLATE_NOOP("backups", "恢复前"),
    "manual": QT_TRANSLATE_NOOP("backups", "手动"),
    "file": QT_TRANSLATE_NOOP("backups", "备份文件"),
}
UPGRADE_REASON = QT_TRANSLATE_NOOP("backups", "升级前（结构版本 {revision}）")


def reason_text(reason: str) -> Message:
    """Why a backup was made, for the list."""
    if reason.startswith("upgrade-"):
        return Message("backups", UPGRADE_REASON, revision=reason.removeprefix("upgrade-"))
    return Message("backups", REASONS.get(reason, reason))


@dataclass(frozen=True)
class BackupOutcome:
    """The backup made beside the database, and what became of the second folder's copy."""

    backup: Backup
    second: Backup | None = None
    second_problem: str = ""  # why the second folder got no copy ("" when it did, or is unset)


@dataclass(frozen=True)
class RestoreOutcome:
    restored: Backup
    facts: Facts  # what the database holds now
    previous: Backup | None  # the backup of the file it replaced
    set_aside: Path | None  # where a damaged file it replaced was renamed to


def database_file(target: str) -> Path:
    path = sqlite_path(target)
    if path is None:
        raise DatabaseError(backups.SERVER_BACKUP)
    return path.resolve()


def second_folder(session: Session) -> Path | None:
    value = session.scalar(select(Setting.value).where(Setting.key == SECOND_FOLDER_KEY))
    return Path(value) if isinstance(value, str) and value else None


def set_second_folder(session: Session, folder: Path | None) -> None:
    """Sets (or, with None, clears) the second backup folder."""
    setting = session.scalar(select(Setting).where(Setting.key == SECOND_FOLDER_KEY))
    value = str(folder) if folder is not None else ""
    if setting is None:
        session.add(Setting(key=SECOND_FOLDER_KEY, value=value))
    else:
        setting.value = value


def automatic_backup(target: str, reason: str, second: Path | None = None) -> BackupOutcome:
    """A verified backup in ``backups/`` beside the database, then in the second folder."""
    db_file = database_file(target)
    made = backups.make_backup(db_file, backup_folder(db_file), reason)
    if second is None:
        return BackupOutcome(made)
    if not second.is_dir():
        return BackupOutcome(made, second_problem=f"第二备份文件夹不存在或未连接：{second}")
    try:
        return BackupOutcome(made, backups.make_backup(db_file, second, reason))
    except (DatabaseError, OSError) as exc:
        return BackupOutcome(made, second_problem=f"无法备份到第二备份文件夹（{exc}）：{second}")


def list_backups(target: str, second: Path | None = None) -> list[Backup]:
    """The backups of the database, beside it and in the second folder, newest first."""
    db_file = database_file(target)
    found = list_folder(backup_folder(db_file), db_file.stem)
    if second is not None and second.resolve() != backup_folder(db_file).resolve():
        found += list_folder(second, db_file.stem)
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def facts(backup: Backup) -> Facts:
    """What a backup holds, from its manifest or (an old one without) from the file."""
    return backup.facts if backup.facts is not None else facts_of(backup.path)


def find_backup(target: str, name: str, second: Path | None = None) -> Backup:
    """A backup named on the command line: a file's path, or a name from ``backup list``.
    A file that is not one of ours (a copy made with ``backup -o``) is taken as a whole
    database."""
    path = Path(name).expanduser()
    if not path.is_file():
        matches = [b for b in list_backups(target, second) if b.path.name == name]
        if not matches:
            raise DatabaseError(f"找不到备份：{name}（gongjian backup list 列出所有备份）")
        return matches[0]
    backup = parse(path.resolve())
    if backup is not None:
        return backup
    taken_at = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    return Backup(path.resolve(), taken_at, "file", False, None, ())


def newest_good_backup(target: str, second: Path | None = None) -> Backup | None:
    """The newest backup that passes verification and this program can open."""
    known = known_revisions()
    for backup in list_backups(target, second):
        if backup.damaged or backups.verify_backup(backup):
            continue
        if facts(backup).revision in known:
            return backup
    return None


def restore(
    target: str,
    backup: Backup,
    second: Path | None = None,
    *,
    damaged: bool = False,
    by: Operator | None = None,
) -> RestoreOutcome:
    """Replaces the database with what ``backup`` holds, attachments included: the backup is
    verified and must be of this program's schema or older; the current file is backed up
    first, or, if it is ``damaged`` (or SQLite cannot open it), renamed aside; then it is
    swapped for the restored one in one rename, and the restored database's audit log says
    who restored what (written before the swap when the backup is of this schema, so a crash
    cannot leave the restored file without it). The database must not be open anywhere (the
    window closes it first).

    ``by`` is who asks (an administrator, since every later change is undone); None when a
    damaged file is recovered before anyone could sign in."""
    if by is not None:
        require_may_restore(by)
    db_file = database_file(target)
    found = backups.verify_backup(backup)
    if found:
        raise DatabaseError(f"备份未通过校验，没有恢复（{found[0]}）：{backup.path}")
    held = facts(backup)
    if held.revision not in known_revisions():
        raise DatabaseError(
            f"备份来自更新版本的共建台（结构版本 {held.revision}，本程序为 {HEAD_REVISION}），"
            f"没有恢复：{backup.path}"
        )
    if backups.in_use(db_file):
        raise BusyError(f"数据库正在被使用（共建台窗口或其他程序），请先关闭它再恢复：{db_file}")
    previous = None if damaged else _back_up_current(db_file, second)
    assembled = db_file.with_name(db_file.name + ".restoring")
    remove(assembled)  # left by a restore that was interrupted
    current = held.revision == HEAD_REVISION  # else it is upgraded when opened, after the swap
    try:
        restored = backups.assemble(backup, assembled)
        aside = backups.clear_place(db_file, damaged=damaged)
        outcome = RestoreOutcome(backup, restored, previous, aside)
        if current:
            _record_restore(str(assembled), outcome, by)
        sqlite_files.durable_replace(assembled, db_file)
    finally:
        remove(assembled)
    if not current:
        _record_restore(target, outcome, by)
    return outcome


def require_may_restore(by: Operator) -> None:
    """Refuses anyone but an administrator (on a database without users, whoever works on
    it is its administrator)."""
    if not by.signed_in:
        raise write_refusal(by)
    if not by.may_manage_users:
        raise UserError(
            Message("backups", QT_TRANSLATE_NOOP("backups", "只有管理员可以从备份恢复数据库。"))
        )


def _record_restore(target: str, outcome: RestoreOutcome, by: Operator | None) -> None:
    from app.database import Database

    database = Database(target)
    try:
        with database.system_session() as session:
            detail = {
                "backup": outcome.restored.path.name,
                "taken_at": outcome.restored.taken_at.isoformat(),
                "previous": outcome.previous.path.name if outcome.previous else None,
                "set_aside": outcome.set_aside.name if outcome.set_aside else None,
            }
            user_id = by.user_id if by is not None else None
            audit.event_entry(session, "restore", entity="database", detail=detail, user_id=user_id)
    finally:
        database.close()


def _back_up_current(db_file: Path, second: Path | None) -> Backup | None:
    """The current file's backup before a restore; None when it is damaged or not there (it
    is then renamed aside by the restore, never lost)."""
    if not db_file.exists():
        return None
    try:
        made = automatic_backup(str(db_file), "restore", second).backup
    except DamagedDatabaseError:
        return None
    return None if made.damaged else made
