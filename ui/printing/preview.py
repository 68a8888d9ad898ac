"""Print preview of a PDF: QPrintPreviewDialog showing the PDF's own pages.

``PdfPrintPreview(parent, data, title)`` is a QPrintPreviewDialog on an A4 printer whose
``paintRequested`` paints the PDF's pages (see ``ui.printing.pages.paint_pdf``); after
``exec()``, ``printed`` says whether the pages went to the printer (or a file) rather than only
to the screen, which is what callers record as "printed".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from ui.printing.pages import PdfError, is_preview, paint_pdf, prepare_printer

PREVIEW_SIZE = (1000, 700)  # fits a 1366×768 screen with the taskbar


def make_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    return printer


class PdfPrintPreview(QPrintPreviewDialog):
    def __init__(self, data: bytes, title: str, parent: QWidget | None = None) -> None:
        self._printer = make_printer()
        prepare_printer(self._printer, data)
        self._printer.setDocName(title)
        super().__init__(self._printer, parent)
        self.data = data
        self.printed = False
        self.pages_printed = 0
        self.setWindowTitle(self.tr("打印预览 — {title}").format(title=title))
        self.resize(*PREVIEW_SIZE)
        self.paintRequested.connect(self._on_paint_requested)

    def _on_paint_requested(self, printer: QPrinter) -> None:
        preview = is_preview(printer)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = paint_pdf(printer, self.data)
        except PdfError as error:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("无法打印"), str(error))
            return
        QApplication.restoreOverrideCursor()
        if not preview:
            self.printed = True
            self.pages_printed = pages


def preview_pdf(parent: QWidget | None, data: bytes, title: str) -> bool:
    """Shows the preview (modal); True when the user printed from it."""
    dialog = PdfPrintPreview(data, title, parent)
    dialog.exec()
    printed = dialog.printed
    dialog.deleteLater()
    return printed
