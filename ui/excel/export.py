"""Exporting the list a panel shows (its filters, sort and masking) to an xlsx file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.access import Use
from app.errors import UserError
from app.excel.exporting import export_list as write_list

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget
from ui.excel.files import ask_save_path
from ui.excel.work import Cancelled, run_in_background
from ui.i18n import message_text
from ui.models.paged_table import PagedTableModel
from ui.widgets.saved_notice import show_saved


def export_list(model: PagedTableModel, title: str, parent: QWidget) -> None:
    """Asks for a file (title and today's date as the name) and writes every row of the
    model's list as it is filtered, sorted and masked; the saved-file notice says where."""
    path = ask_save_path(
        parent, QCoreApplication.translate("Excel", "导出为 Excel"), f"{title}{date.today():%Y%m%d}"
    )
    if path is None:
        return
    # lists on screen mask personal data; a file takes it as the user's role allows
    database = model.database
    source = model.source
    query = replace(model.query, use=Use.DOCUMENT)
    try:
        count = run_in_background(
            parent,
            QCoreApplication.translate("Excel", "正在导出“{title}”…").format(title=title),
            lambda progress: write_list(database, source, query, path, title, progress),
        )
    except Cancelled:
        return
    except UserError as error:
        QMessageBox.warning(
            parent, QCoreApplication.translate("Excel", "无法导出"), message_text(error.message)
        )
        return
    show_saved(
        parent, path, QCoreApplication.translate("Excel", "共 {n} 条记录").format(n=f"{count:,}")
    )
