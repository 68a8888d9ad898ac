"""File → 备份数据库: a whole, verified copy to a file the user picks, made off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from app.database import Database

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from ui.background import busy_dialog, wait_for


def run_backup_dialog(parent: QWidget, database: Database) -> None:
    from app.maintenance import backup_database, default_backup_name
    from db.errors import DatabaseError

    start = Path.home() / default_backup_name(database.target)
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("BackupDialog", "备份数据库"),
        str(start),
        QCoreApplication.translate("BackupDialog", "共建台数据库 (*.db)"),
    )
    if not path:
        return
    progress = busy_dialog(parent, QCoreApplication.translate("BackupDialog", "正在备份并校验…"))
    try:  # off the GUI thread: a large database takes a while to copy and check
        wait_for(parent, lambda: backup_database(database.target, Path(path)))
    except (DatabaseError, OSError) as exc:
        QMessageBox.critical(
            parent, QCoreApplication.translate("BackupDialog", "备份失败"), str(exc)
        )
        return
    finally:
        progress.close()
    QMessageBox.information(
        parent,
        QCoreApplication.translate("BackupDialog", "备份完成"),
        QCoreApplication.translate("BackupDialog", "已备份并校验：{path}").format(path=path),
    )
