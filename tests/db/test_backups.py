"""Backups of a database file: verified copies, damaged sources flagged, thinning, attachment
contents kept once per hash, leftovers removed, restoring without stale companions."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from app.attachments import add_attachment
from app.database import Database
from app.issues import service
from app.issues.records import IssueData
from db import backups
from db.backup_files import Backup, list_folder, to_remove
from db.errors import BusyError, DiskFullError, explain
from db.snapshot import facts_of, verify_file

PHOTO = b"\xff\xd8\xff" + bytes(range(256)) * 64


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    """A database with an issue and a photo attached to it."""
    path = tmp_path / "g.db"
    database = Database(str(path))
    photo = tmp_path / "积水.jpg"
    photo.write_bytes(PHOTO)
    with database.session() as s:
        issue = service.register(s, IssueData(title="建宁路33号雨后积水"))
        add_attachment(s, issue_id=issue, source=photo)
    database.close()
    return path


def _damage_an_index(path: Path) -> None:
    """Makes an index disagree with its table: every row is still readable (quick_check
    passes), but integrity_check finds the index entries that do not match."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA writable_schema=ON")
    connection.execute(
        "UPDATE sqlite_master SET sql = replace(sql, '(deleted_at)', '(status)')"
        " WHERE name = 'ix_issues_deleted_at'"
    )
    connection.commit()
    connection.close()


def test_a_backup_is_a_checked_single_file_holding_what_the_source_held(
    db_file: Path, tmp_path: Path
) -> None:
    made = backups.make_backup(db_file, tmp_path / "backups", "manual")
    assert not made.damaged and made.path.name.endswith("-manual.db")
    assert made.facts == facts_of(db_file)
    assert made.facts is not None and made.facts.shown["issues"] == 1
    assert backups.verify_backup(made) == []
    assert [p.name for p in made.path.parent.iterdir() if p.suffix == ".partial"] == []
    connection = sqlite3.connect(made.path)
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    # the photo was moved to the shared contents/ folder, the backup keeps its row
    assert connection.execute("SELECT count(*) FROM attachment_contents").fetchone() == (1,)
    assert connection.execute("SELECT data FROM attachment_contents").fetchone() == (None,)
    connection.close()
    assert len(made.stripped) == 1
    assert (tmp_path / "backups" / "contents" / made.stripped[0][:2] / made.stripped[0]).is_file()


def test_contents_are_stored_once_for_every_backup_and_put_back_on_restore(
    db_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    first = backups.make_backup(db_file, folder, "manual")
    second = backups.make_backup(db_file, folder, "manual")
    assert first.stripped == second.stripped
    assert len(list((folder / "contents").glob("*/*"))) == 1
    restored = tmp_path / "restored.db"
    facts = backups.assemble(second, restored)
    assert facts == second.facts
    connection = sqlite3.connect(restored)
    assert connection.execute("SELECT data FROM attachment_contents").fetchone() == (PHOTO,)
    connection.close()


def test_a_backup_missing_a_content_is_not_restorable(db_file: Path, tmp_path: Path) -> None:
    made = backups.make_backup(db_file, tmp_path / "backups", "manual")
    for content in (tmp_path / "backups" / "contents").glob("*/*"):
        content.unlink()
    assert "缺少 1 个附件内容" in backups.verify_backup(made)[0]


def test_a_damaged_source_is_flagged_and_never_displaces_a_good_backup(
    db_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    good = backups.make_backup(db_file, folder, "close")
    _damage_an_index(db_file)
    assert verify_file(db_file, full=False) == []  # quick_check sees nothing wrong
    assert verify_file(db_file)  # integrity_check does
    flagged = backups.make_backup(db_file, folder, "close")
    assert flagged.damaged and flagged.path.name.endswith("-close-damaged.db")
    assert flagged.problems and backups.verify_backup(flagged)
    assert [b.path for b in list_folder(folder, "g")] == [flagged.path, good.path]
    assert backups.verify_backup(good) == []


def _backup(taken_at: datetime, damaged: bool = False) -> Backup:
    return Backup(Path(f"{taken_at:%Y%m%d%H%M}.db"), taken_at, "auto", damaged, None, ())


def test_thinning_keeps_48_hours_then_days_weeks_and_months() -> None:
    now = datetime(2026, 12, 1, 12, 0).astimezone()
    every_six_hours = [_backup(now - timedelta(hours=6 * k)) for k in range(4 * 500)]
    removed = {b.path for b in to_remove(every_six_hours, now)}
    kept = [b for b in every_six_hours if b.path not in removed]
    ages = [now - b.taken_at for b in kept]
    assert sum(age <= timedelta(hours=48) for age in ages) == 9
    daily = [b for b, age in zip(kept, ages, strict=True) if timedelta(hours=48) < age]
    days = [b.taken_at.date() for b in daily]
    assert len(days) - len(set(days)) <= 2  # one a day (two where a window ends)
    assert max(ages) <= timedelta(hours=48, days=12 + 70 + 9 * 31)
    assert 12 + 9 + 8 <= len(daily) <= 12 + 11 + 10 + 2


def test_copies_of_a_damaged_source_take_no_place_of_good_ones() -> None:
    now = datetime(2026, 12, 1, 12, 0).astimezone()
    good = [_backup(now - timedelta(days=3 + k)) for k in range(5)]
    damaged = [_backup(now - timedelta(hours=k), damaged=True) for k in range(5)]
    removed = to_remove(good + damaged, now)
    assert not set(good) & set(removed)
    assert set(removed) == set(damaged[2:])  # the two newest damaged copies stay


def test_leftovers_of_an_interrupted_backup_are_removed(db_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "g-20261201-101010-close.db.partial").write_bytes(b"half")
    (folder / "g-20261201-101010-close.db.partial-journal").write_bytes(b"hot")
    (folder / "g-20261201-101010-close.db.json").write_text("{}")  # its backup never came
    backups.make_backup(db_file, folder, "manual")
    names = sorted(p.name for p in folder.iterdir() if p.is_file())
    assert [n for n in names if "101010" in n] == []


def test_replacing_a_database_leaves_no_stale_companions_and_waits_for_its_users(
    db_file: Path, tmp_path: Path
) -> None:
    made = backups.make_backup(db_file, tmp_path / "backups", "manual")
    database = Database(str(db_file))
    with database.session() as s:
        service.register(s, IssueData(title="后来登记的事项"))
    assembled = tmp_path / "g.db.restoring"
    backups.assemble(made, assembled)
    with pytest.raises(BusyError):  # the database is open
        backups.replace_database(db_file, assembled)
    database.engine.dispose()  # closed without its log folded in
    assert backups.replace_database(db_file, assembled) is None
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("g.db")] == ["g.db"]
    assert facts_of(db_file).shown["issues"] == 1


def test_a_damaged_file_is_renamed_aside_never_deleted(db_file: Path, tmp_path: Path) -> None:
    made = backups.make_backup(db_file, tmp_path / "backups", "manual")
    with db_file.open("r+b") as f:
        f.write(b"\0" * 100)
    assembled = tmp_path / "g.db.restoring"
    backups.assemble(made, assembled)
    aside = backups.replace_database(db_file, assembled)
    assert aside is not None and aside.name.startswith("g.damaged-")
    assert aside.read_bytes()[:100] == b"\0" * 100
    assert verify_file(db_file) == []


@pytest.fixture
def small_disk(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    """A small file system (tmpfs, 256 KB unless the test says), where the machine allows
    mounting one (as root)."""
    folder = tmp_path / "usb"
    folder.mkdir()
    size = getattr(request, "param", "256k")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small file system here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def test_a_full_disk_is_reported_as_such_and_leaves_nothing_behind(
    db_file: Path, small_disk: Path
) -> None:
    before = db_file.read_bytes()
    with pytest.raises(DiskFullError, match="磁盘已满"):
        backups.make_backup(db_file, small_disk / "backups", "manual")
    assert db_file.read_bytes() == before
    names = [p.name for p in (small_disk / "backups").rglob("*") if p.is_file()]
    assert names == [".lock"]


@pytest.mark.parametrize("small_disk", ["4m"], indirect=True)
def test_a_write_to_a_full_disk_is_reported_as_such_and_keeps_what_was_saved(
    small_disk: Path,
) -> None:
    database = Database(str(small_disk / "g.db"))
    with database.session() as s:
        kept = service.register(s, IssueData(title="已保存的事项"))
    filler = small_disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:  # the disk is full
        pass
    finally:
        os.close(fd)
    with pytest.raises(OperationalError) as caught, database.session() as s:
        for n in range(200):
            service.register(s, IssueData(title=f"新事项{n}", description="长" * 2000))
    assert isinstance(explain(caught.value, "g.db"), DiskFullError)
    filler.unlink()
    with database.reader() as s:
        assert service.issue_detail(s, kept).data.title == "已保存的事项"
    database.close()
