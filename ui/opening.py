"""Opening the database from the window: one window per file (a second one may read), and for
every way opening can fail a dialog that says what happened and offers the ways on: restore
the newest good backup, open another file, open read-only, recreate an unfinished file, retry,
or quit. Every unexpected error is logged."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from app.backups import RestoreOutcome, newest_good_backup, restore
from app.database import Database
from app.errors import UserError
from app.operator import Operator
from db.backup_files import Backup
from db.engine import sqlite_path
from db.errors import DamagedDatabaseError, DatabaseError
from db.sqlite_files import set_aside

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from ui.background import busy_dialog, wait_for
from ui.dialogs.opening_problem import Action, OpeningProblemDialog
from ui.i18n import message_text
from ui.instance_lock import InstanceLock

log = logging.getLogger("gongjian.ui")


@dataclass
class Opened:
    database: Database
    target: str
    lock: InstanceLock | None


def _take_lock(parent: QWidget, target: str) -> tuple[InstanceLock | None, bool] | None:
    """The file's lock, and whether the file must open read-only (another window has it);
    None when the user cancels."""
    lock = InstanceLock.for_target(target)
    if lock is None or lock.acquire():
        return lock, False
    holder = lock.holder()
    where = (
        QCoreApplication.translate("Opening", "（{program}，进程 {pid}，电脑 {host}）").format(
            program=holder.program, pid=holder.pid, host=holder.host
        )
        if holder is not None
        else ""
    )
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("Opening", "数据库已经打开"),
        "",
        parent=parent,
    )
    box.setText(
        QCoreApplication.translate(
            "Opening",
            "这个数据库已经在本机的另一个共建台窗口中打开{where}：\n{path}\n\n"
            "可以只读打开它来查看、打印和导出；要修改，请回到那个窗口。",
        ).format(where=where, path=target)
    )
    read_only = box.addButton(
        QCoreApplication.translate("Opening", "只读打开"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("Opening", "取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(read_only)
    box.exec()
    return (None, True) if box.clickedButton() is read_only else None


def find_good_backup(parent: QWidget, target: str) -> Backup | None:
    """The newest backup that passes verification (checked off the GUI thread)."""
    if sqlite_path(target) is None:
        return None
    progress = busy_dialog(parent, QCoreApplication.translate("Opening", "正在查找通过校验的备份…"))
    try:
        found: Backup | None = wait_for(parent, lambda: newest_good_backup(target))
        return found
    except DatabaseError:
        return None
    finally:
        progress.close()


def restore_with_progress(
    parent: QWidget, target: str, backup: Backup, *, damaged: bool, by: Operator | None = None
) -> RestoreOutcome | None:
    """Restores ``backup`` off the GUI thread; None (and the reason shown) when it fails.
    ``by``: who asks (None when a damaged file is recovered before anyone signed in)."""
    progress = busy_dialog(parent, QCoreApplication.translate("Opening", "正在从备份恢复…"))
    try:
        outcome: RestoreOutcome = wait_for(
            parent, lambda: restore(target, backup, damaged=damaged, by=by)
        )
        return outcome
    except (DatabaseError, OSError, UserError) as error:
        text = message_text(error.message) if isinstance(error, UserError) else str(error)
        QMessageBox.critical(parent, QCoreApplication.translate("Opening", "恢复失败"), text)
        return None
    finally:
        progress.close()


def choose_other_file(parent: QWidget, target: str) -> str | None:
    path = sqlite_path(target)
    start = str(path.parent) if path is not None else ""
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Opening", "打开其他数据库文件"),
        start,
        QCoreApplication.translate("Opening", "共建台数据库 (*.db);;所有文件 (*)"),
    )
    return name or None


def ask(parent: QWidget, error: BaseException, target: str) -> tuple[Action, Backup | None]:
    """Shows what went wrong; returns the way on the user chose (and the backup offered)."""
    backup = find_good_backup(parent, target) if isinstance(error, DamagedDatabaseError) else None
    dialog = OpeningProblemDialog(error, target, backup, parent)
    dialog.exec()
    return dialog.action, backup


def open_interactively(parent: QWidget, target: str) -> Opened | None:
    """Opens ``target``, asking the user at every problem; None when they quit."""
    taken = _take_lock(parent, target)
    if taken is None:
        return None
    lock, read_only = taken
    retry_upgrade = False
    while True:
        try:
            database = Database(
                target, read_only=True if read_only else None, retry_failed_upgrade=retry_upgrade
            )
            return Opened(database, target, lock)
        except DatabaseError as error:
            log.info("cannot open the database: %s", error)
            action, backup = ask(parent, error, target)
        except Exception as error:
            log.exception("unexpected error while opening the database")
            action, backup = ask(parent, error, target)
        if action is Action.QUIT:
            if lock is not None:
                lock.release()
            return None
        if action is Action.READ_ONLY:
            read_only = True
        elif action is Action.RETRY_UPGRADE:
            retry_upgrade = True
        elif action is Action.RECREATE and (path := sqlite_path(target)) is not None:
            set_aside(path, "incomplete")
        elif action is Action.RESTORE and backup is not None:
            restore_with_progress(parent, target, backup, damaged=True)
        elif action is Action.OTHER_FILE and (other := choose_other_file(parent, target)):
            if lock is not None:
                lock.release()
            target = str(Path(other))
            taken = _take_lock(parent, target)
            if taken is None:
                return None
            lock, read_only = taken
