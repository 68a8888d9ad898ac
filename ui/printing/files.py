"""Saving a rendered PDF where the user chooses, and printing one to a PDF file.

``save_pdf_as`` writes through a temporary file and an atomic replace (``atomic_write_bytes``),
so a failed write never damages a file already there. ``print_pdf_to_file`` sends the pages
through the same paint path as the printer, into a PDF file: how printing is checked on a
machine with no printer.
"""

from __future__ import annotations

from pathlib import Path

from app.errors import UserError
from app.exports.pdf.writing import atomic_write_bytes

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from ui.i18n import message_text
from ui.widgets.saved_notice import show_saved

_last_folder: list[str] = []  # the folder of the last save, for the next dialog this session


def _start_folder() -> Path:
    if _last_folder:
        return Path(_last_folder[-1])
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def safe_file_name(name: str) -> str:
    """A file name without the characters Windows refuses."""
    cleaned = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in name).strip(" .")
    return cleaned or "document"


def save_pdf_as(parent: QWidget | None, data: bytes, suggested_name: str) -> Path | None:
    """Asks where to save (suggesting ``suggested_name``), writes atomically and shows the
    saved-file notice; the path saved, or None when cancelled or the write failed (after
    saying why)."""
    name = safe_file_name(suggested_name)
    if not name.lower().endswith(".pdf"):
        name += ".pdf"
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Printing", "保存 PDF"),
        str(_start_folder() / name),
        QCoreApplication.translate("Printing", "PDF 文件 (*.pdf)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        atomic_write_bytes(path, data)
    except UserError as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Printing", "无法保存"),
            message_text(error.message),
        )
        return None
    _last_folder.append(str(path.parent))
    if parent is not None:
        show_saved(parent, path)
    return path


def print_pdf_to_file(data: bytes, path: Path) -> int:
    """Prints the PDF's pages through the printer paint path into the PDF file ``path``;
    returns the number of pages printed."""
    from PySide6.QtPrintSupport import QPrinter
    from ui.printing.pages import paint_pdf, prepare_printer

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    prepare_printer(printer, data)
    return paint_pdf(printer, data)
