"""A printed document's two ways out of a screen: print preview and print, or save a copy.

A document is built on demand from what is saved (``build`` returns the PDF's bytes and the
file name to suggest), under the wait cursor; printing and saving use the same bytes, so
paper, preview and file never differ. A build the rules refuse (a ``UserError``) is reported
under ``title`` and nothing is shown or written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from ui.widgets.questions import attempt

Built = tuple[bytes, str]  # the PDF, and the file name to suggest


@contextmanager
def busy() -> Iterator[None]:
    """The wait cursor while a document is built."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def print_document(parent: QWidget | None, title: str, build: Callable[[], Built]) -> bool:
    """打印预览 of the built document; True when the user printed from it."""
    from ui.printing.preview import preview_pdf

    built = attempt(parent, title, build)
    if built is None:
        return False
    data, name = built
    return preview_pdf(parent, data, name.removesuffix(".pdf"))


def save_document(parent: QWidget | None, title: str, build: Callable[[], Built]) -> Path | None:
    """另存 PDF…: asks where and writes the built document atomically; the path, or None
    when refused or cancelled."""
    from ui.printing.files import save_pdf_as

    built = attempt(parent, title, build)
    if built is None:
        return None
    data, name = built
    return save_pdf_as(parent, data, name)
