"""Joining the exchange as a community site from its enrolment file: choose the .gjenrol
file, type the passphrase the street gave, and the new database is loaded with a moving bar
(off the GUI thread). Used by the first start's offer and by 文件 → 数据交换….

A wrong passphrase, a damaged file or a database that already holds data is said in a
message, and the database is left as it was (the enrolment is one transaction)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import UserError

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget
from ui.background import busy_dialog, wait_for
from ui.i18n import message_text

if TYPE_CHECKING:
    from app.database import Database
    from app.exchange.enrolment import Enrolled

ENROLMENT_FILTER = QCoreApplication.translate("ExchangeDialog", "登记文件 (*.gjenrol)")


def enrol_from_file(parent: QWidget, database: Database) -> Enrolled | None:
    """Asks for the file and the passphrase and enrols; None when cancelled or refused."""
    from app.exchange.enrolment import enrol, enrolment_name

    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("ExchangeDialog", "选择登记文件"), "", ENROLMENT_FILTER
    )
    if not path:
        return None
    try:
        data = Path(path).read_bytes()
        name = enrolment_name(data)
    except OSError as error:
        _refused(
            parent,
            QCoreApplication.translate("ExchangeDialog", "读不了登记文件：{why}").format(
                why=error.strerror or error
            ),
        )
        return None
    except UserError as error:
        _refused(parent, message_text(error.message))
        return None
    passphrase, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("ExchangeDialog", "加入数据交换"),
        QCoreApplication.translate(
            "ExchangeDialog", "登记为“{site}”。请输入街道给出的口令："
        ).format(site=name),
        QLineEdit.EchoMode.Password,
    )
    if not ok or not passphrase.strip():
        return None

    def work() -> Any:
        with database.session() as session:
            return enrol(session, data, passphrase.strip())

    progress = busy_dialog(
        parent, QCoreApplication.translate("ExchangeDialog", "正在载入登记文件…")
    )
    try:
        enrolled: Enrolled = wait_for(parent, work)
    except UserError as error:
        progress.close()
        _refused(parent, message_text(error.message))
        return None
    progress.close()
    return enrolled


def _refused(parent: QWidget, text: str) -> None:
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("ExchangeDialog", "加入数据交换"),
        text
        + "\n"
        + QCoreApplication.translate("ExchangeDialog", "数据库没有改动，可以再试一次。"),
    )
