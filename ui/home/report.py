"""The monthly report (工作月报) from the home tab: print preview and print, or save a copy.

Built by ``app.dashboard.report.monthly_report`` and ``app.exports.pdf.report``; previewed with
``ui.printing`` as the meetings tab does the minutes, so paper and file are the same bytes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.dashboard.period import month_of
from app.dashboard.report import monthly_report
from app.database import Database
from app.exports.pdf.report import render_report
from db.base import utcnow

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from ui.printing.documents import busy, print_document, save_document


def report_pdf(database: Database, month: date, community_id: str | None) -> tuple[bytes, str]:
    """The report's PDF for the month containing ``month``, and the file name to suggest."""
    with busy():
        with database.reader() as session:
            report = monthly_report(session, month_of(month), utcnow(), community_id)
        data = render_report(report)
    return data, f"{report.title}.pdf"


def _refused() -> str:
    return QCoreApplication.translate("MonthlyReport", "无法完成")


def print_report(
    parent: QWidget | None, database: Database, month: date, community_id: str | None
) -> bool:
    """打印预览 of the report; True when the user printed from it."""
    return print_document(parent, _refused(), lambda: report_pdf(database, month, community_id))


def save_report(
    parent: QWidget | None, database: Database, month: date, community_id: str | None
) -> Path | None:
    """另存 PDF…: asks where, writes atomically."""
    return save_document(parent, _refused(), lambda: report_pdf(database, month, community_id))
