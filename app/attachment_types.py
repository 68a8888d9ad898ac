"""Which files may be attachments: images, PDF and office documents, and nothing the shell
would run when the file is opened (``.exe``, ``.bat``, a script, a shortcut).

A file passes when its name ends in one of these types and its first bytes are what that type
starts with: a program renamed ``照片.jpg`` is refused too. Checked before anything is copied,
and again before a stored file is opened.
"""

from __future__ import annotations

from pathlib import Path

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, Message

_ZIP = (b"PK\x03\x04",)
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # Word, Excel, PowerPoint and WPS before 2007
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".jpg": (b"\xff\xd8",),  # a JPEG's start-of-image marker
    ".jpeg": (b"\xff\xd8",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".bmp": (b"BM",),
    ".tif": (b"II*\x00", b"MM\x00*"),
    ".tiff": (b"II*\x00", b"MM\x00*"),
    ".webp": (b"RIFF",),
    ".pdf": (b"%PDF-",),
    ".ofd": _ZIP,  # GB/T 33190, the Chinese layout document format
    ".docx": _ZIP,
    ".xlsx": _ZIP,
    ".pptx": _ZIP,
    ".odt": _ZIP,
    ".ods": _ZIP,
    ".odp": _ZIP,
    ".doc": _OLE,
    ".xls": _OLE,
    ".ppt": _OLE,
    ".wps": _OLE,
    ".et": _OLE,
    ".dps": _OLE,
    ".rtf": (b"{\\rtf",),
}
ALLOWED_TEXT = (
    "JPG、PNG、GIF、BMP、TIFF、WebP、PDF、OFD、Word、Excel、PowerPoint、WPS、OpenDocument、RTF"
)


def check_attachment_type(path: Path, name: str = "") -> None:
    """Refuses ``path`` unless it is an image, a PDF or an office document, named and made as
    one (``name``: how the user knows the file, if not by its path's name); a file that
    cannot be read is left to the caller's own message."""
    name = name or path.name
    signatures = SIGNATURES.get(path.suffix.lower())
    if signatures is None:
        raise UserError(
            Message(
                "errors",
                QT_TRANSLATE_NOOP(
                    "errors", "“{name}”不能作为附件：只接受图片、PDF 和办公文档（{types}）。"
                ),
                name=name,
                types=ALLOWED_TEXT,
            )
        )
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError:
        return
    if not head.startswith(signatures):
        raise UserError(
            Message(
                "errors",
                QT_TRANSLATE_NOOP(
                    "errors",
                    "“{name}”的内容与它的扩展名不符，不能作为附件。请用原始文件，不要只改扩展名。",
                ),
                name=name,
            )
        )
