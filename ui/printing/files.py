"""Saving rendered PDFs where the user chooses, and printing one to a PDF file.

``save_pdf_as`` writes through a temporary file and an atomic replace (``atomic_write_bytes``),
so a failed write never damages a file already there; ``save_pdfs_in_folder`` writes several
into one folder, all or none. ``print_pdf_to_file`` sends the pages
through the same paint path as the printer, into a PDF file: how printing is checked on a
machine with no printer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.errors import UserError
from app.exports.pdf.writing import atomic_write_bytes, atomic_write_files, safe_file_name

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget
from ui.widgets.questions import ask, show_refusal
from ui.widgets.saved_notice import show_saved

_last_folder: list[str] = []  # the folder of the last save, for the next dialog this session


def _start_folder() -> Path:
    if _last_folder:
        return Path(_last_folder[-1])
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


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
    if not _written(parent, lambda: atomic_write_bytes(path, data)):
        return None
    _last_folder.append(str(path.parent))
    if parent is not None:
        show_saved(parent, path)
    return path


def save_pdfs_in_folder(parent: QWidget | None, files: dict[str, bytes]) -> list[Path] | None:
    """Asks for a folder and writes the files (name → PDF) into it, all or none, after asking
    before replacing files already there; the paths saved, or None when cancelled or the
    write failed (after saying why)."""
    chosen = QFileDialog.getExistingDirectory(
        parent,
        QCoreApplication.translate("Printing", "选择保存 PDF 的文件夹"),
        str(_start_folder()),
    )
    if not chosen:
        return None
    targets = {Path(chosen) / name: data for name, data in files.items()}
    there = [path.name for path in targets if path.exists()]
    if there:
        if not ask(
            parent,
            QCoreApplication.translate("Printing", "替换文件"),
            QCoreApplication.translate(
                "Printing", "文件夹中已有 {n} 个同名文件（如“{name}”）。替换它们吗？"
            ).format(n=len(there), name=there[0]),
        ):
            return None
    if not _written(parent, lambda: atomic_write_files(targets)):
        return None
    _last_folder.append(chosen)
    if parent is not None:
        show_saved(parent, Path(chosen))
    return list(targets)


def _written(parent: QWidget | None, write: Callable[[], None]) -> bool:
    """Runs ``write``; when the file system refuses, says why and returns False."""
    try:
        write()
    except UserError as error:
        show_refusal(parent, QCoreApplication.translate("Printing", "无法保存"), error)
        return False
    return True


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
