"""PDF documents: the minutes (纪要) in the GB/T 9704-2012 layout and the sign-in sheet (签到表).

Everything a user types prints as typed; fonts are embedded; writing is atomic. reportlab is
imported when a document is first rendered, not when this package is imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.meetings.documents import MinutesDocument, SignInSheet

__all__ = ["render_minutes", "render_signin_sheet", "write_minutes", "write_signin_sheet"]


def render_minutes(document: MinutesDocument) -> bytes:
    """The minutes as the bytes of a PDF file."""
    from app.exports.pdf.minutes import render_minutes as render

    return render(document)


def write_minutes(document: MinutesDocument, path: Path) -> None:
    """Renders the minutes and writes them to ``path`` atomically; UserError on failure."""
    from app.exports.pdf.minutes import write_minutes as write

    write(document, path)


def render_signin_sheet(sheet: SignInSheet) -> bytes:
    """The sign-in sheet as the bytes of a PDF file."""
    from app.exports.pdf.signin import render_signin_sheet as render

    return render(sheet)


def write_signin_sheet(sheet: SignInSheet, path: Path) -> None:
    """Renders the sign-in sheet and writes it to ``path`` atomically; UserError on failure."""
    from app.exports.pdf.signin import write_signin_sheet as write

    write(sheet, path)
