"""The archive bundle (归档包): what a meeting's and a month's bundle hold, the SHA-256
manifest, nothing left behind on failure, the audit entry, and ``gongjian archive``."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app import attachments
from app.archive.bundle import MANIFEST, archive_meeting, archive_month
from app.cli import main
from app.dashboard.period import parse_month
from app.database import Database
from app.errors import UserError
from app.meetings import service
from db.base import utcnow
from db.models.security import AuditEntry
from tests.app.test_meetings_service import World, create, finalised, full_content, world

__all__ = ["world"]  # the fixture, used by name


@pytest.fixture
def final_meeting(database: Database, world: World, tmp_path: Path) -> str:
    meeting_id = finalised(database, world).id
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8 a photograph of the car park")
    with database.session() as s:
        attachments.add_attachment(s, meeting_id=meeting_id, source=photo)
    return meeting_id


def manifest_of(root: Path) -> dict[str, str]:
    lines = (root / MANIFEST).read_text(encoding="utf-8").splitlines()
    return {line[66:]: line[:64] for line in lines}


def test_a_meeting_bundle_holds_its_documents_and_their_hashes(
    database: Database, final_meeting: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with database.session() as s:
        bundle = archive_meeting(s, final_meeting, out)
    assert bundle.path.parent == out and bundle.path.is_dir()
    names = sorted(p.relative_to(bundle.path).as_posix() for p in bundle.path.rglob("*"))
    assert names == sorted(
        [MANIFEST, "纪要.pdf", "签到表.pdf", "议定事项.xlsx", "附件", "附件/现场照片.jpg"]
    )
    manifest = manifest_of(bundle.path)
    assert manifest == bundle.files and len(manifest) == 4  # every file but the manifest
    for name, digest in manifest.items():
        assert hashlib.sha256((bundle.path / name).read_bytes()).hexdigest() == digest
    if shutil.which("sha256sum"):  # the manifest is what sha256sum -c checks
        subprocess.run(["sha256sum", "-c", "--quiet", MANIFEST], cwd=bundle.path, check=True)
    sheet = load_workbook(bundle.path / "议定事项.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("议题", "议定事项", "牵头单位/责任人", "完成时限", "状态", "民生事项")
    assert len(rows) > 1 and all(row[1] for row in rows[1:])
    assert list(out.iterdir()) == [bundle.path]  # nothing else left in the folder


def test_the_archive_is_audited(database: Database, final_meeting: str, tmp_path: Path) -> None:
    with database.session() as s:
        bundle = archive_meeting(s, final_meeting, tmp_path, as_zip=True)
    with database.reader() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "archive")).one()
    assert (entry.entity, entry.entity_id) == ("meetings", final_meeting)
    assert entry.after is not None and entry.after["files"] == bundle.files
    with zipfile.ZipFile(bundle.path) as archive:
        inside = archive.namelist()
    assert bundle.path.suffix == ".zip" and f"{bundle.path.stem}/{MANIFEST}" in inside


def test_a_draft_is_refused_and_nothing_is_left(
    database: Database, world: World, tmp_path: Path
) -> None:
    draft = create(database, full_content(world))
    out = tmp_path / "out"
    out.mkdir()
    with database.session() as s, pytest.raises(UserError) as refused:
        archive_meeting(s, draft, out)
    assert "草稿" in str(refused.value) and "定稿后才能归档" in str(refused.value)
    assert list(out.iterdir()) == []


def test_an_existing_bundle_is_not_overwritten(
    database: Database, final_meeting: str, tmp_path: Path
) -> None:
    with database.session() as s:
        first = archive_meeting(s, final_meeting, tmp_path)
        (first.path / "纪要.pdf").write_bytes(b"signed copy")
        with pytest.raises(UserError) as refused:
            archive_meeting(s, final_meeting, tmp_path)
    assert "已存在" in str(refused.value)
    assert (first.path / "纪要.pdf").read_bytes() == b"signed copy"


def test_a_damaged_attachment_stops_the_bundle_whole(
    database: Database, final_meeting: str, tmp_path: Path
) -> None:
    with database.engine.begin() as connection:  # its stored bytes no longer fit their hash
        connection.exec_driver_sql("UPDATE attachment_contents SET data = x'00'")
    out = tmp_path / "out"
    out.mkdir()
    with database.session() as s, pytest.raises(UserError) as refused:
        archive_meeting(s, final_meeting, out)
    assert "附件已损坏或丢失" in str(refused.value)
    assert list(out.iterdir()) == []


def test_a_month_bundle_holds_each_final_meeting_and_the_report(
    database: Database, final_meeting: str, tmp_path: Path
) -> None:
    with database.reader() as s:
        starts = service.get_meeting(s, final_meeting).data.starts_at
    month = parse_month(f"{starts:%Y-%m}")
    with database.session() as s:
        bundle = archive_month(s, month, tmp_path, utcnow())
    assert bundle.path.name == f"{starts:%Y-%m} 归档"
    assert "工作月报.pdf" in bundle.files
    assert sum(name.endswith("/纪要.pdf") for name in bundle.files) == 1
    assert manifest_of(bundle.path) == bundle.files
    with database.session() as s:
        empty = archive_month(s, parse_month("2020-01"), tmp_path, utcnow())
    assert set(empty.files) == {"工作月报.pdf"}


def test_gongjian_archive_meeting_and_month(
    database: Database, final_meeting: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = database.target
    database.close()
    out = tmp_path / "归档"
    out.mkdir()
    assert main(["--db", target, "archive", "meeting", final_meeting, "-o", str(out)]) == 0
    assert "已归档 4 个文件" in capsys.readouterr().out
    month = f"{date.today():%Y-%m}"
    assert main(["--db", target, "archive", "month", month, "-o", str(out), "--zip"]) == 0
    assert (out / f"{month} 归档.zip").is_file()
    assert main(["--db", target, "archive", "meeting", "nope", "-o", str(out)]) == 1
    assert "找不到会议" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--db", target, "archive", "month", "2026-13", "-o", str(out)])
