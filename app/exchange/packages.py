"""The contents of a ``.gjpkg`` package: a zip of a manifest, the changes and attachment
contents by hash, sealed (app/exchange/sealing.py) with the key the two sites share.

The manifest names sender and receiver, the range of the sender's change log the package
covers, what the sender has received from the receiver (``ack``), the count of changes per
table, the SHA-256 of every other entry, the schema revision and the time it was made.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, Message

CONTEXT = "exchange"
PACKAGE_MAGIC = b"GJPKG1\n"
FORMAT = 1
MANIFEST = "manifest.json"
CHANGES = "changes.json"
CONTENTS = "contents/"


@dataclass(frozen=True)
class PackageChange:
    seq: int
    table: str
    record_id: str
    operation: str
    version: int
    origin: str
    base_version: int | None
    base_site: str | None
    resolves: bool
    values: dict[str, Any] | None


@dataclass
class Manifest:
    sender: str
    receiver: str
    first_seq: int
    last_seq: int
    ack: int
    schema: str
    created_at: str
    counts: dict[str, int] = field(default_factory=dict)
    entries: dict[str, str] = field(default_factory=dict)  # entry name → SHA-256
    format: int = FORMAT


@dataclass
class Package:
    manifest: Manifest
    changes: list[PackageChange]
    contents: dict[str, bytes]  # SHA-256 → bytes


def packed(manifest: Manifest, changes: list[PackageChange], contents: dict[str, bytes]) -> bytes:
    """The zip of a package; fills the manifest's counts and entry digests."""
    body = json.dumps([asdict(c) for c in changes], ensure_ascii=False).encode()
    manifest.counts = dict(Counter(c.table for c in changes))
    manifest.entries = {CHANGES: hashlib.sha256(body).hexdigest()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(CHANGES, body)
        for sha256, data in contents.items():
            manifest.entries[CONTENTS + sha256] = sha256
            archive.writestr(CONTENTS + sha256, data, compress_type=zipfile.ZIP_STORED)
        archive.writestr(MANIFEST, json.dumps(asdict(manifest), ensure_ascii=False))
    return buffer.getvalue()


def unpacked(data: bytes) -> Package:
    """A package's zip, every entry checked against the manifest."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            manifest = Manifest(**json.loads(archive.read(MANIFEST)))
            if manifest.format != FORMAT or set(archive.namelist()) - {MANIFEST} != set(
                manifest.entries
            ):
                raise _damaged()
            entries = {name: archive.read(name) for name in manifest.entries}
    except (zipfile.BadZipFile, KeyError, TypeError, ValueError):
        raise _damaged() from None
    for name, digest in manifest.entries.items():
        if hashlib.sha256(entries[name]).hexdigest() != digest:
            raise _damaged()
    changes = [PackageChange(**c) for c in json.loads(entries[CHANGES])]
    if dict(Counter(c.table for c in changes)) != manifest.counts:
        raise _damaged()
    contents = {name[len(CONTENTS) :]: value for name, value in entries.items() if name != CHANGES}
    return Package(manifest, changes, contents)


def _damaged() -> UserError:
    return UserError(
        Message(
            CONTEXT,
            QT_TRANSLATE_NOOP(
                "exchange", "数据包内容与清单不符（条目缺失或校验值不对），没有导入任何数据。"
            ),
        )
    )
