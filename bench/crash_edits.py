"""The crash harness's scripted edits: ``python -m bench.crash_edits DB [SESSIONS]``.

Each session, through the application's services, registers an issue and attaches a photo to
it (one transaction), then the database is closed as the window closes it (log folded in).
Killed at any moment, every issue it registered must have its photo: ``unfinished`` finds
the ones that do not.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
import tempfile
from pathlib import Path

TITLE = "崩溃测试事项"


def run(db: str, sessions: int) -> None:
    from app.attachments import add_attachment
    from app.database import Database
    from app.issues import service
    from app.issues.records import IssueData

    database = Database(db, must_exist=True)
    with tempfile.TemporaryDirectory() as folder:
        for n in range(sessions):
            photo = Path(folder) / f"照片{n}.jpg"
            photo.write_bytes(b"\xff\xd8\xff" + f"{n}".encode() * 2000)
            with database.session() as s:
                issue = service.register(s, IssueData(title=f"{TITLE}{n}"))
                add_attachment(s, issue_id=issue, source=photo)
    database.close()


def unfinished(db: Path) -> list[str]:
    """The scripted issues without exactly one intact photo (empty when the edits held)."""
    connection = sqlite3.connect(db)
    try:
        rows = connection.execute(
            "SELECT i.title, count(a.id), min(c.data), min(c.sha256) FROM issues i"
            " LEFT JOIN attachments a ON a.issue_id = i.id AND a.deleted_at IS NULL"
            " LEFT JOIN attachment_contents c ON c.sha256 = a.sha256"
            " WHERE i.title LIKE ? GROUP BY i.id",
            (f"{TITLE}%",),
        ).fetchall()
    finally:
        connection.close()
    return [
        title
        for title, count, data, sha in rows
        if count != 1 or data is None or hashlib.sha256(data).hexdigest() != sha
    ]


if __name__ == "__main__":
    run(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100)
