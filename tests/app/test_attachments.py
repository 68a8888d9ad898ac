"""Attachments: stored once by content hash in the database, checked when read, soft-deleted
with audit; files of the earlier per-user folder move in on upgrade."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import attachments
from app.attachments import (
    add_attachment,
    attachment_bytes,
    attachment_file,
    attachments_of,
    remove_attachment,
)
from app.database import Database
from app.errors import UserError
from app.issues import service
from app.issues.records import IssueData
from db.migrate import downgrade
from db.models.files import Attachment, AttachmentContent
from db.models.security import AuditEntry

PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


@pytest.fixture
def issue(database: Database) -> str:
    with database.session() as s:
        return service.register(s, IssueData(title="建宁路33号雨后积水"))


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "incoming" / "积水照片.PNG"
    path.parent.mkdir()
    path.write_bytes(PHOTO)
    return path


def _damage(database: Database) -> None:
    with database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE attachment_contents SET data = x'00'")


def test_add_stores_the_content_by_hash_and_records(
    database: Database, issue: str, photo: Path, tmp_path: Path
) -> None:
    with database.session() as s:
        info = add_attachment(s, issue_id=issue, source=photo)
    digest = hashlib.sha256(PHOTO).hexdigest()
    assert info.file_name == "积水照片.PNG"
    assert info.sha256 == digest and info.size == len(PHOTO)
    with database.reader() as s:
        assert attachments_of(s, issue_id=issue) == [info]
        assert attachment_bytes(s, info) == PHOTO
        opened = attachment_file(s, info, tmp_path / "cache")
    assert opened.name == "积水照片.PNG" and opened.read_bytes() == PHOTO


def test_same_content_is_stored_once(
    database: Database, issue: str, photo: Path, tmp_path: Path
) -> None:
    other = tmp_path / "copy.png"
    other.write_bytes(PHOTO)
    with database.session() as s:
        first = add_attachment(s, issue_id=issue, source=photo)
        second = add_attachment(s, issue_id=issue, source=other)
    assert first.sha256 == second.sha256 and first.id != second.id
    with database.reader() as s:
        assert len(s.scalars(select(AttachmentContent)).all()) == 1
        assert [a.file_name for a in attachments_of(s, issue_id=issue)] == [
            "积水照片.PNG",
            "copy.png",
        ]


def test_missing_file_is_refused_by_name(database: Database, issue: str, tmp_path: Path) -> None:
    with database.session() as s, pytest.raises(UserError) as caught:
        add_attachment(s, issue_id=issue, source=tmp_path / "不存在.jpg")
    assert "不存在.jpg" in str(caught.value.message) and "找不到" in str(caught.value.message)


def test_directory_is_not_a_file(database: Database, issue: str, tmp_path: Path) -> None:
    with database.session() as s, pytest.raises(UserError):
        add_attachment(s, issue_id=issue, source=tmp_path)


def test_too_large_file_is_refused(
    database: Database, issue: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attachments, "MAX_BYTES", 100)
    big = tmp_path / "大照片.jpg"
    big.write_bytes(b"x" * 101)
    with database.session() as s, pytest.raises(UserError) as caught:
        add_attachment(s, issue_id=issue, source=big)
    assert "大照片.jpg" in str(caught.value.message)
    with database.reader() as s:
        assert s.scalars(select(AttachmentContent)).all() == []


def test_a_damaged_content_is_reported_and_adding_again_repairs_it(
    database: Database, issue: str, photo: Path, tmp_path: Path
) -> None:
    with database.session() as s:
        info = add_attachment(s, issue_id=issue, source=photo)
    _damage(database)
    with database.reader() as s, pytest.raises(UserError) as caught:
        attachment_file(s, info, tmp_path / "cache")
    assert "附件已损坏或丢失" in str(caught.value.message)
    with database.session() as s:
        add_attachment(s, issue_id=issue, source=photo)
    with database.reader() as s:
        assert attachment_bytes(s, info) == PHOTO


def test_remove_is_soft_and_audited(database: Database, issue: str, photo: Path) -> None:
    with database.session() as s:
        info = add_attachment(s, issue_id=issue, source=photo)
    with database.session() as s:
        remove_attachment(s, info.id)
    with database.reader() as s:
        assert attachments_of(s, issue_id=issue) == []
        row = s.get(Attachment, info.id)
        assert row is not None and row.deleted_at is not None
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == info.id)).all()
        assert list(actions) == ["create", "delete"]
        assert attachment_bytes(s, info) == PHOTO  # other rows may share the content
    with database.session() as s, pytest.raises(UserError):
        remove_attachment(s, info.id)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("报告.exe", b"MZ\x90\x00", "只接受图片、PDF 和办公文档"),
        ("处理.bat", b"@echo off", "只接受图片、PDF 和办公文档"),
        ("快捷方式.lnk", b"L\x00\x00\x00", "只接受图片、PDF 和办公文档"),
        ("照片.jpg", b"MZ\x90\x00 a program renamed", "内容与它的扩展名不符"),
    ],
)
def test_only_images_pdf_and_office_documents_are_attached_and_nothing_is_copied(
    database: Database, issue: str, tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    with database.session() as s, pytest.raises(UserError) as caught:
        add_attachment(s, issue_id=issue, source=source)
    assert name in str(caught.value.message) and problem in str(caught.value.message)
    with database.reader() as s:
        assert attachments_of(s, issue_id=issue) == []
        assert s.scalar(select(func.count()).select_from(AttachmentContent)) == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("扫描件.PDF", b"%PDF-1.7\n"),
        ("纪要.docx", b"PK\x03\x04 word"),
        ("台账.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 excel 97"),
        ("通知.ofd", b"PK\x03\x04 ofd"),
        ("现场.jpeg", b"\xff\xd8\xff\xe0 jfif"),
    ],
)
def test_documents_and_images_are_accepted(
    database: Database, issue: str, tmp_path: Path, name: str, content: bytes
) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    with database.session() as s:
        info = add_attachment(s, issue_id=issue, source=source)
    assert info.file_name == name


def test_files_of_the_old_data_folder_move_into_the_database_on_upgrade(
    tmp_path: Path, photo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database of the previous version: its attachment files in the per-user folder are
    read in when it is upgraded; a file already missing stays reported as missing."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = tmp_path / "older.db"
    database = Database(str(path))
    with database.session() as s:
        issue = service.register(s, IssueData(title="建宁路33号雨后积水"))
    downgrade(database.engine, "0004")
    database.close()
    folder = tmp_path / "data" / "Gongjian" / "attachments"  # the downgrade made it
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(PHOTO).hexdigest()
    (folder / f"{digest}.png").write_bytes(PHOTO)
    lost = hashlib.sha256(b"lost").hexdigest()
    with sqlite3.connect(path) as connection:
        for row_id, sha, stored in (("a1", digest, f"{digest}.png"), ("a2", lost, lost)):
            connection.execute(
                "INSERT INTO attachments (id, issue_id, file_name, stored_name, sha256, size,"
                " created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, 4, '2026-01-01',"
                " '2026-01-01', 1)",
                (row_id, issue, f"{row_id}.png", stored, sha),
            )
    connection.close()
    database = Database(str(path))
    try:
        with database.reader() as s:
            moved, missing = attachments_of(s, issue_id=issue)
            assert attachment_bytes(s, moved) == PHOTO
            with pytest.raises(UserError, match="附件已损坏或丢失"):
                attachment_bytes(s, missing)
    finally:
        database.close()
