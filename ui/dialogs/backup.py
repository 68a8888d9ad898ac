"""File → 备份数据库: a verified copy to a file the user picks."""

from __future__ import annotations

from pathlib import Path

from app.database import Database

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


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
    try:
        backup_database(database.target, Path(path))
    except (DatabaseError, OSError) as exc:
        QMessageBox.critical(
            parent, QCoreApplication.translate("BackupDialog", "备份失败"), str(exc)
        )
        return
    QMessageBox.information(
        parent,
        QCoreApplication.translate("BackupDialog", "备份完成"),
        QCoreApplication.translate("BackupDialog", "已备份并校验：{path}").format(path=path),
    )
