"""Folders named as users name them (``2026#1``, ``?``, ``%41``, spaces, Chinese, a path near
Windows' 260 characters): the database opens, backs up, upgrades (and survives a failing
upgrade) and restores there, attachments included, and no other file is ever touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import backups as app_backups
from app.attachments import add_attachment, attachment_bytes, attachments_of
from app.database import Database
from app.issues import service
from app.issues.records import IssueData
from db import migrate
from db.backup_files import backup_folder
from db.errors import DatabaseError, MigrationError
from db.revision import HEAD_REVISION
from db.snapshot import facts_of

PHOTO = b"\x89PNG\r\n\x1a\n" + b"photo" * 500
FOLDERS = ["2026#1", "a?b", "%41", "with space", "共建台 数据", "long"]


def _folder(tmp_path: Path, name: str) -> Path:
    if name != "long":
        return tmp_path / name
    folder = tmp_path
    while len(str(folder)) < 245:  # the database file's path ends near 250 characters
        folder = folder / "深层 folder #%41 ?"
    return folder


@pytest.fixture(params=FOLDERS)
def folder(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = _folder(tmp_path, request.param)
    path.mkdir(parents=True)
    return path


def issue_with_photo(database: Database, folder: Path, title: str) -> str:
    """An issue registered with a photo of its own (its bytes end with the title)."""
    photo = folder / f"{title}.png"
    photo.write_bytes(PHOTO + title.encode())
    with database.session() as s:
        issue = service.register(s, IssueData(title=title))
        add_attachment(s, issue_id=issue, source=photo)
    return issue


def test_back_up_upgrade_and_restore_in_an_awkward_folder(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = str(folder / "g.db")
    database = Database(target)
    kept = issue_with_photo(database, folder, "积水")
    database.close()
    assert sorted(p.name for p in folder.parent.iterdir()) == [folder.name]  # nothing beside

    made = app_backups.automatic_backup(target, "manual").backup
    assert made.path.parent == backup_folder(folder / "g.db")
    assert made.facts == facts_of(folder / "g.db")

    database = Database(target)  # an edit after the backup, to be undone by the restore
    later = issue_with_photo(database, folder, "噪声")
    migrate.downgrade(database.engine, "0004")  # and the file taken back a schema revision
    database.close()

    monkeypatch.setattr(migrate, "upgrade", _failing)
    with pytest.raises(MigrationError, match="没有改动"):
        Database(target)
    monkeypatch.undo()
    database = Database(target, retry_failed_upgrade=True)  # upgraded after a backup
    with database.reader() as s:
        assert len(attachments_of(s, issue_id=later)) == 1
    database.close()
    upgrade_backups = list(backup_folder(folder / "g.db").glob("g-*-upgrade-0004.db"))
    assert len(upgrade_backups) == 1

    outcome = app_backups.restore(target, made)
    assert outcome.previous is not None and outcome.set_aside is None
    database = Database(target)
    try:
        with database.reader() as s:
            (photo,) = attachments_of(s, issue_id=kept)
            assert attachment_bytes(s, photo) == PHOTO + "积水".encode()
            assert attachments_of(s, issue_id=later) == []
            assert facts_of(folder / "g.db").revision == HEAD_REVISION
    finally:
        database.close()


def test_a_path_too_long_for_sqlite_is_refused_with_the_reason(tmp_path: Path) -> None:
    folder = tmp_path / ("深" * 60) / ("层" * 60) / ("夹" * 60)
    folder.mkdir(parents=True)
    with pytest.raises(DatabaseError, match="路径太长"):
        Database(str(folder / "g.db"))
    assert list(folder.iterdir()) == []


def _failing(engine: object, revision: str = "head") -> None:
    raise RuntimeError("a migration failed")
