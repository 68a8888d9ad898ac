"""The work order (工单) of an issue as PDF: print preview and print, or save a copy.

Built from what is saved, by ``app.issues.workorder.work_order``; previewed and saved
with ``ui.printing`` as the meetings tab does the minutes, so paper and file are the same.
"""

from __future__ import annotations

from pathlib import Path

from app.database import Database
from app.issues.workorder import work_order

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from ui.printing.documents import busy, print_document, save_document

CONTEXT = "IssueOutput"


def work_order_pdf(database: Database, issue_id: str) -> tuple[bytes, str]:
    """The work order's PDF and the file name to suggest (民生事项工单 and the number)."""
    with busy():
        detail, data = work_order(database, issue_id)
    title = QCoreApplication.translate(CONTEXT, "民生事项工单")
    return data, f"{title} {detail.number}.pdf"


def _refused() -> str:
    return QCoreApplication.translate(CONTEXT, "无法完成")


def print_work_order(parent: QWidget | None, database: Database, issue_id: str) -> bool:
    """打印预览 of the work order; True when the user printed from it."""
    return print_document(parent, _refused(), lambda: work_order_pdf(database, issue_id))


def save_work_order(parent: QWidget | None, database: Database, issue_id: str) -> Path | None:
    """另存 PDF…: asks where, writes atomically."""
    return save_document(parent, _refused(), lambda: work_order_pdf(database, issue_id))
