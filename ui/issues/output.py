"""The work order (工单) of an issue as PDF: print preview and print, or save a copy.

Built from what is saved, by ``app.issues.workorder.work_order``; previewed and saved
with ``ui.printing`` as the meetings tab does the minutes, so paper and file are the same.
"""

from __future__ import annotations

from pathlib import Path

from app.database import Database
from app.errors import UserError
from app.issues.workorder import work_order

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from ui.i18n import message_text

CONTEXT = "IssueOutput"


def work_order_pdf(database: Database, issue_id: str) -> tuple[bytes, str]:
    """The work order's PDF and the file name to suggest (民生事项工单 and the number)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        detail, data = work_order(database, issue_id)
    finally:
        QApplication.restoreOverrideCursor()
    title = QCoreApplication.translate(CONTEXT, "民生事项工单")
    return data, f"{title} {detail.number}.pdf"


def _built(parent: QWidget | None, database: Database, issue_id: str) -> tuple[bytes, str] | None:
    try:
        return work_order_pdf(database, issue_id)
    except UserError as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate(CONTEXT, "无法完成"),
            message_text(error.message),
        )
        return None


def print_work_order(parent: QWidget | None, database: Database, issue_id: str) -> bool:
    """打印预览 of the work order; True when the user printed from it."""
    from ui.printing.preview import preview_pdf

    built = _built(parent, database, issue_id)
    if built is None:
        return False
    data, name = built
    return preview_pdf(parent, data, name.removesuffix(".pdf"))


def save_work_order(parent: QWidget | None, database: Database, issue_id: str) -> Path | None:
    """另存 PDF…: asks where, writes atomically."""
    from ui.printing.files import save_pdf_as

    built = _built(parent, database, issue_id)
    if built is None:
        return None
    data, name = built
    return save_pdf_as(parent, data, name)
