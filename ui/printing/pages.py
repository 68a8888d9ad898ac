"""Painting the pages of a PDF onto a printer: the one paint path of preview and printing.

Each PDF page is rendered to an image by QtPdf and drawn at its physical size from the paper's
top-left corner (the PDF carries its own margins), so an A4 page prints at 100 %. Only when
the paper is smaller than the page is it scaled down, evenly, to fit. Printing renders at
300 dpi; the on-screen preview at 150 dpi, which is plenty for a screen and keeps it quick.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QEventLoop, QIODevice, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPaintEngine, QPainter

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

PRINT_DPI = 300
PREVIEW_DPI = 150
POINTS_PER_INCH = 72.0


class PdfError(RuntimeError):
    """The bytes are not a PDF QtPdf can read (never expected of the app's own documents)."""


@contextmanager
def open_pdf(data: bytes) -> Iterator[QPdfDocument]:
    """The PDF loaded from memory, kept alive (with its buffer) for the ``with`` block."""
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() == QPdfDocument.Status.Loading:  # loading may finish asynchronously
        loop = QEventLoop()
        document.statusChanged.connect(loop.quit)
        while document.status() == QPdfDocument.Status.Loading:
            loop.exec()
    if document.status() != QPdfDocument.Status.Ready:
        raise PdfError(f"cannot read the PDF ({document.error()})")
    try:
        yield document
    finally:
        document.close()
        buffer.close()


def page_count(data: bytes) -> int:
    with open_pdf(data) as document:
        return document.pageCount()


def prepare_printer(printer: QPrinter, data: bytes) -> None:
    """Paper size and orientation of the document's first page (A4 portrait for ours)."""
    with open_pdf(data) as document:
        size = document.pagePointSize(0) if document.pageCount() else QSizeF(595.3, 841.9)
    portrait = size.height() >= size.width()
    page_size = QPageSize(
        QSizeF(min(size.width(), size.height()), max(size.width(), size.height())),
        QPageSize.Unit.Point,
        matchPolicy=QPageSize.SizeMatchPolicy.FuzzyMatch,
    )
    printer.setPageSize(page_size)
    printer.setPageOrientation(
        QPageLayout.Orientation.Portrait if portrait else QPageLayout.Orientation.Landscape
    )
    printer.setFullPage(True)  # painter coordinates start at the paper's corner


def is_preview(printer: QPrinter) -> bool:
    """True while QPrintPreviewDialog records pages for the screen (not printing them)."""
    engine = printer.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Picture


def target_rect(page_points: QSizeF, paper: QRectF, resolution: int) -> QRectF:
    """Where a page goes on the paper, in device pixels: its physical size at the corner, or
    scaled down evenly (and centred) when the paper is too small."""
    width = page_points.width() / POINTS_PER_INCH * resolution
    height = page_points.height() / POINTS_PER_INCH * resolution
    scale = min(1.0, paper.width() / width, paper.height() / height)
    if scale >= 0.999:
        return QRectF(paper.left(), paper.top(), width, height)
    width, height = width * scale, height * scale
    left = paper.left() + (paper.width() - width) / 2
    top = paper.top() + (paper.height() - height) / 2
    return QRectF(left, top, width, height)


def paint_pdf(printer: QPrinter, data: bytes) -> int:
    """Paints every page of the PDF (or the printer's page range) onto ``printer``; returns
    the number of pages painted. Connect QPrintPreviewDialog.paintRequested to this."""
    from PySide6.QtPrintSupport import QPrinter

    dpi = PREVIEW_DPI if is_preview(printer) else PRINT_DPI
    resolution = printer.resolution()
    with open_pdf(data) as document:
        pages = list(range(document.pageCount()))
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            pages = pages[printer.fromPage() - 1 : printer.toPage() or None]
        if not pages:
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            raise PdfError("the printer cannot be painted on")
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            for n, page in enumerate(pages):
                if n and not printer.newPage():
                    raise PdfError("the printer refused a new page")
                points = document.pagePointSize(page)
                image = document.render(
                    page,
                    QSize(
                        round(points.width() / POINTS_PER_INCH * dpi),
                        round(points.height() / POINTS_PER_INCH * dpi),
                    ),
                )
                painter.drawImage(target_rect(points, paper, resolution), image)
        finally:
            painter.end()
    return len(pages)
