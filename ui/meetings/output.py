"""The minutes and the sign-in sheet of a meeting as PDF: preview and print, or save a copy;
and the meeting's archive bundle (归档包) written into a folder the user picks.

The PDF is built from what is saved (so save first); printing and saving use the same bytes,
so paper, preview and file never differ. Printing records the printed time, saving the minutes
records the exported time (neither moves the meeting's version on).
"""

from __future__ import annotations

from pathlib import Path

from app.database import Database
from app.exports.pdf import render_minutes, render_signin_sheet
from app.meetings import service
from app.meetings.minutes import minutes_document, minutes_file_name, signin_sheet

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget
from ui.printing.documents import busy, print_document, save_document
from ui.widgets.questions import attempt


def minutes_pdf(database: Database, meeting_id: str) -> tuple[bytes, str]:
    """The minutes' PDF and the file name to suggest (heading and date)."""
    with busy(), database.reader() as session:
        document = minutes_document(session, meeting_id)
        data = render_minutes(document)
    return data, minutes_file_name(document)


def signin_pdf(database: Database, meeting_id: str) -> tuple[bytes, str]:
    with busy(), database.reader() as session:
        sheet = signin_sheet(session, meeting_id)
        data = render_signin_sheet(sheet)
    sign_in = QCoreApplication.translate("MeetingOutput", "签到表")
    return data, f"{sheet.heading} {sign_in} {sheet.starts_at:%Y-%m-%d}.pdf"


def _refused() -> str:
    return QCoreApplication.translate("MeetingOutput", "无法完成")


def export_minutes(parent: QWidget | None, database: Database, meeting_id: str) -> Path | None:
    """导出纪要PDF…: asks where, writes atomically, records the exported time."""
    path = save_document(parent, _refused(), lambda: minutes_pdf(database, meeting_id))
    if path is not None:
        with database.session() as session:
            service.mark_exported(session, meeting_id)
    return path


def print_minutes(parent: QWidget | None, database: Database, meeting_id: str) -> bool:
    """打印预览 of the minutes; records the printed time when the user printed."""
    printed = print_document(parent, _refused(), lambda: minutes_pdf(database, meeting_id))
    if printed:
        with database.session() as session:
            service.mark_printed(session, meeting_id)
    return printed


def print_signin_sheet(parent: QWidget | None, database: Database, meeting_id: str) -> bool:
    return print_document(parent, _refused(), lambda: signin_pdf(database, meeting_id))


def save_signin_sheet(parent: QWidget | None, database: Database, meeting_id: str) -> Path | None:
    return save_document(parent, _refused(), lambda: signin_pdf(database, meeting_id))


def archive_meeting(parent: QWidget | None, database: Database, meeting_id: str) -> Path | None:
    """归档包…: asks for a folder, writes the bundle there (audited); the bundle's path, or
    None when cancelled or refused (after saying why)."""
    from app.archive.bundle import archive_meeting as write_bundle

    from PySide6.QtWidgets import QFileDialog

    folder = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("MeetingOutput", "归档包存放到哪个文件夹")
    )
    if not folder:
        return None

    def write() -> Path:
        with busy(), database.session() as session:
            return write_bundle(session, meeting_id, Path(folder)).path

    path = attempt(parent, _refused(), write)
    if isinstance(path, Path):
        QMessageBox.information(
            parent,
            QCoreApplication.translate("MeetingOutput", "已归档"),
            QCoreApplication.translate(
                "MeetingOutput", "归档包已存入：{path}\n其中 SHA256SUMS 记有每个文件的校验值。"
            ).format(path=path),
        )
        return path
    return None
