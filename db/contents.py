"""Attachment contents kept outside a database, one file per SHA-256, shared by every backup
in a folder: a photo that fifty backups hold is stored once (``backups/contents/ab/abcd…``).

Each file is written under a temporary name and renamed when complete, so a name always holds
the whole content, and it is checked against its hash when read back.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from db import sqlite_files
from db.errors import DatabaseError

CONTENTS_DIR_NAME = "contents"


class ContentStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / sha256

    def has(self, sha256: str, size: int) -> bool:
        try:
            return self.path(sha256).stat().st_size == size
        except OSError:
            return False

    def put(self, sha256: str, data: bytes) -> None:
        """Stores ``data`` under its hash, unless it is there already."""
        target = self.path(sha256)
        if self.has(sha256, len(data)):
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            sqlite_files.durable_replace(Path(temp), target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    def get(self, sha256: str) -> bytes:
        """The content stored under ``sha256``, checked against it."""
        try:
            data = self.path(sha256).read_bytes()
        except OSError as exc:
            raise DatabaseError(f"备份缺少附件内容 {sha256[:12]}…（{self.folder}）") from exc
        if hashlib.sha256(data).hexdigest() != sha256:
            raise DatabaseError(f"备份中的附件内容已损坏：{sha256[:12]}…（{self.folder}）")
        return data

    def remove_unused(self, used: set[str]) -> int:
        """Removes contents no backup refers to any more, and leftovers of interrupted writes;
        returns how many. The caller holds the folder's lock, so no backup is being made."""
        if not self.folder.is_dir():
            return 0
        unused = [path for path in self.folder.glob("*/*") if path.name not in used]
        for path in unused:
            path.unlink(missing_ok=True)
        return len(unused)
