"""Attachments: copied once by content hash, checked when opened, soft-deleted with audit."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from app import attachments
from app.attachments import add_attachment, attachment_path, attachments_of, remove_attachment
from app.database import Database
from app.errors import UserError
from app.issues import service
from app.issues.records import IssueData
from db.models.files import Attachment
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


def test_add_copies_by_hash_and_records(
    database: Database, issue: str, photo: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    with database.session() as s:
        info = add_attachment(s, issue_id=issue, source=photo, attachments_dir=store)
    digest = hashlib.sha256(PHOTO).hexdigest()
    assert info.file_name == "积水照片.PNG"
    assert info.stored_name == digest + ".png"
    assert info.sha256 == digest and info.size == len(PHOTO)
    assert (store / info.stored_name).read_bytes() == PHOTO
    assert not [p for p in store.iterdir() if p.name.startswith(".incoming")]
    with database.reader() as s:
        assert attachments_of(s, issue_id=issue) == [info]
    assert attachment_path(info, store) == store / info.stored_name


def test_same_content_is_stored_once(
    database: Database, issue: str, photo: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    other = tmp_path / "copy.png"
    other.write_bytes(PHOTO)
    with database.session() as s:
        first = add_attachment(s, issue_id=issue, source=photo, attachments_dir=store)
        second = add_attachment(s, issue_id=issue, source=other, attachments_dir=store)
    assert first.stored_name == second.stored_name and first.id != second.id
    assert len(list(store.iterdir())) == 1
    with database.reader() as s:
        assert [a.file_name for a in attachments_of(s, issue_id=issue)] == [
            "积水照片.PNG",
            "copy.png",
        ]


def test_missing_file_is_refused_by_name(database: Database, issue: str, tmp_path: Path) -> None:
    with database.session() as s, pytest.raises(UserError) as caught:
        add_attachment(s, issue_id=issue, source=tmp_path / "不存在.jpg", attachments_dir=tmp_path)
    assert "不存在.jpg" in str(caught.value.message) and "找不到" in str(caught.value.message)


def test_directory_is_not_a_file(database: Database, issue: str, tmp_path: Path) -> None:
    with database.session() as s, pytest.raises(UserError):
        add_attachment(s, issue_id=issue, source=tmp_path, attachments_dir=tmp_path / "s")


def test_too_large_file_is_refused(
    database: Database, issue: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attachments, "MAX_BYTES", 100)
    big = tmp_path / "大照片.jpg"
    big.write_bytes(b"x" * 101)
    with database.session() as s, pytest.raises(UserError) as caught:
        add_attachment(s, issue_id=issue, source=big, attachments_dir=tmp_path / "s")
    assert "大照片.jpg" in str(caught.value.message)
    assert not (tmp_path / "s").exists()


def test_changed_or_missing_stored_file_is_reported(
    database: Database, issue: str, photo: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    with database.session() as s:
        info = add_attachment(s, issue_id=issue, source=photo, attachments_dir=store)
    (store / info.stored_name).write_bytes(b"tampered")
    with pytest.raises(UserError) as caught:
        attachment_path(info, store)
    assert "附件已损坏或丢失" in str(caught.value.message)
    (store / info.stored_name).unlink()
    with pytest.raises(UserError):
        attachment_path(info, store)


def test_adding_again_repairs_a_damaged_stored_file(
    database: Database, issue: str, photo: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    with database.session() as s:
        info = add_attachment(s, issue_id=issue, source=photo, attachments_dir=store)
    (store / info.stored_name).write_bytes(b"tampered")
    with database.session() as s:
        add_attachment(s, issue_id=issue, source=photo, attachments_dir=store)
    assert attachment_path(info, store).read_bytes() == PHOTO


def test_remove_is_soft_and_audited(
    database: Database, issue: str, photo: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    with database.session() as s:
        info = add_attachment(s, issue_id=issue, source=photo, attachments_dir=store)
    with database.session() as s:
        remove_attachment(s, info.id)
    with database.reader() as s:
        assert attachments_of(s, issue_id=issue) == []
        row = s.get(Attachment, info.id)
        assert row is not None and row.deleted_at is not None
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == info.id)).all()
        assert list(actions) == ["create", "delete"]
    assert (store / info.stored_name).exists()  # other rows may share the file
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
    store = tmp_path / "store"
    with database.session() as s, pytest.raises(UserError) as caught:
        add_attachment(s, issue_id=issue, source=source, attachments_dir=store)
    assert name in str(caught.value.message) and problem in str(caught.value.message)
    assert not store.exists()
    with database.reader() as s:
        assert attachments_of(s, issue_id=issue) == []


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
        info = add_attachment(s, issue_id=issue, source=source, attachments_dir=tmp_path / "s")
    assert info.file_name == name
