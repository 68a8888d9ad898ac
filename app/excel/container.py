"""The xlsx file as a container: refuse, before any parser sees it, what is not a plain xlsx
(an old .xls, a password-protected file, not a zip at all) and any part that would expand
beyond a limit (a zip bomb), so memory stays bounded whatever the file claims.

Sizes are checked twice: first as the zip's directory declares them, then by inflating each
part as a stream and counting, which catches a directory that lies about its sizes.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, Message

MAX_FILE_BYTES = 64 * 2**20  # a 100,000-row sheet is about 6 MB
MAX_UNPACKED_BYTES = 256 * 2**20  # all parts together, inflated
CHUNK = 2**20
OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature … file name length, extra field length
LOCAL_SIGNATURE = b"PK\x03\x04"


class FileRefused(UserError):
    """The file cannot be imported at all (as opposed to problems in some of its rows)."""


def refused(template: str, **params: object) -> FileRefused:
    return FileRefused(Message("excel", template, **params))


def damaged(name: str) -> FileRefused:
    return refused(
        QT_TRANSLATE_NOOP(
            "excel",
            "无法读取“{name}”，它可能已损坏或不是 xlsx 格式。"
            "请在 Excel 中打开它，另存为“Excel 工作簿（.xlsx）”后再导入。",
        ),
        name=name,
    )


def read_container(path: Path) -> bytes:
    """The file's bytes once every part is known to inflate to at most the limit."""
    data = _read(path)
    _check_signature(path, data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise damaged(path.name) from error
    declared = sum(part.file_size for part in parts)
    if declared > MAX_UNPACKED_BYTES:
        raise _too_big(path)
    inflated = 0
    for part in parts:
        inflated += _inflated_size(path, data, part, MAX_UNPACKED_BYTES - inflated)
    return data


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise refused(
                QT_TRANSLATE_NOOP(
                    "excel",
                    "“{name}”有 {size} MB，一次最多导入 {max} MB 的文件。"
                    "请把文件拆成几个较小的文件分别导入。",
                ),
                name=path.name,
                size=size // 2**20,
                max=MAX_FILE_BYTES // 2**20,
            )
        return path.read_bytes()
    except OSError as error:
        raise refused(
            QT_TRANSLATE_NOOP(
                "excel",
                "无法打开“{name}”（{reason}）。请关闭正在使用它的程序，或检查文件是否还在。",
            ),
            name=path.name,
            reason=error.strerror or type(error).__name__,
        ) from error


def _check_signature(path: Path, data: bytes) -> None:
    if data.startswith(OLE_SIGNATURE) and ENCRYPTION_STREAM in data:
        raise refused(
            QT_TRANSLATE_NOOP(
                "excel",
                "文件设置了打开密码，无法读取。"
                "请在 Excel 中打开它，去掉密码后另存为 .xlsx 再导入。",
            )
        )
    if data.startswith(OLE_SIGNATURE):
        raise refused(
            QT_TRANSLATE_NOOP(
                "excel", "这是旧版 Excel（.xls）文件。请在 Excel 中另存为 .xlsx 格式后再导入。"
            )
        )
    if not data.startswith(b"PK"):
        raise refused(
            QT_TRANSLATE_NOOP(
                "excel", "“{name}”不是 Excel（.xlsx）文件。请选择用模板填写的 .xlsx 文件。"
            ),
            name=path.name,
        )


def _inflated_size(path: Path, data: bytes, part: zipfile.ZipInfo, room: int) -> int:
    """The bytes ``part`` really inflates to, counted without keeping them; refused past
    ``room``, or when they differ from what the directory says (size, checksum, end)."""
    start = part.header_offset
    signature, name_length, extra_length = LOCAL_HEADER.unpack_from(data, start)
    if signature != LOCAL_SIGNATURE:
        raise damaged(path.name)
    begin = start + LOCAL_HEADER.size + name_length + extra_length
    packed = memoryview(data)[begin : begin + part.compress_size]
    if part.compress_type == zipfile.ZIP_STORED:
        size, crc, complete = len(packed), zlib.crc32(packed), True
    elif part.compress_type == zipfile.ZIP_DEFLATED:
        size, crc, complete = _inflate(path, packed, room)
    else:  # Excel writes stored and deflated parts only
        raise damaged(path.name)
    if size > room:
        raise _too_big(path)
    if not complete or size != part.file_size or crc != part.CRC:
        raise damaged(path.name)
    return size


def _inflate(path: Path, packed: memoryview, room: int) -> tuple[int, int, bool]:
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    size = crc = 0
    pending = bytes(packed)
    try:
        while pending and not inflater.eof:
            out = inflater.decompress(pending, CHUNK)
            pending = inflater.unconsumed_tail
            size += len(out)
            crc = zlib.crc32(out, crc)
            if size > room:
                raise _too_big(path)
        out = inflater.flush()
    except zlib.error as error:
        raise damaged(path.name) from error
    size += len(out)
    return size, zlib.crc32(out, crc), inflater.eof


def _too_big(path: Path) -> FileRefused:
    return refused(
        QT_TRANSLATE_NOOP(
            "excel",
            "“{name}”解压后超过 {max} MB（一个正常的 10 万行表格远小于此），不能导入。"
            "请在 Excel 中删除多余的内容（图片、空白的格式化区域）后另存，或拆成几个文件。",
        ),
        name=path.name,
        max=MAX_UNPACKED_BYTES // 2**20,
    )
