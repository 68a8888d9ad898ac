"""Data safety in the window, as a user meets it: a backup when closing after an edit, the log
folded into the file; restore from the menu with attachments; the recovery dialog for a damaged
file; a second window on the same file; the storage's own refusals said in words."""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app import backups as app_backups
from app.attachments import attachment_bytes, attachments_of
from app.database import Database
from app.errors import UserError
from app.issues import service
from app.issues.records import IssueData
from db import backups
from db.backup_files import backup_folder, list_folder
from db.snapshot import facts_of
from tests.app.test_backup_paths import PHOTO, issue_with_photo

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from ui.dialogs.opening_problem import Action, OpeningProblemDialog
from ui.dialogs.restore import BACKUP_ROLE, RestoreDialog
from ui.main_window import MainWindow
from ui.settings import Settings

SHOTS = os.environ.get("GONGJIAN_TEST_SHOTS")  # a folder to keep the dialogs' pictures in


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    folder = tmp_path / "2026#1 数据"
    folder.mkdir()
    path = folder / "g.db"
    database = Database(str(path))
    issue_with_photo(database, tmp_path, "建宁路33号雨后积水")
    database.close()
    return path


def _window(qtbot: QtBot, target: Path, settings: Settings) -> MainWindow:
    window = MainWindow(str(target), settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.open_database()
    return window


def _keep(widget: Any, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / name))


def test_closing_after_an_edit_leaves_a_verified_backup_and_a_complete_file(
    qtbot: QtBot, db_file: Path, settings: Settings, tmp_path: Path
) -> None:
    window = _window(qtbot, db_file, settings)
    assert db_file.with_name("g.db.lock").exists()  # one window per file
    assert window.database is not None
    issue_with_photo(window.database, tmp_path, "颐和路噪声扰民")
    window.close()
    qtbot.waitUntil(lambda: window.database is None, timeout=20000)
    (made,) = [b for b in list_folder(backup_folder(db_file), "g") if b.reason == "close"]
    assert backups.verify_backup(made) == []
    assert made.facts is not None and made.facts.shown["issues"] == 2
    names = sorted(p.name for p in db_file.parent.iterdir())
    assert names == ["backups", "g.db"]  # no -wal left: the .db alone is complete; lock gone
    assert facts_of(db_file).shown["issues"] == 2


def test_closing_without_changes_makes_no_backup(
    qtbot: QtBot, db_file: Path, settings: Settings
) -> None:
    window = _window(qtbot, db_file, settings)
    window.close()
    assert window.database is None
    assert not backup_folder(db_file).exists()


def test_a_file_with_its_header_overwritten_offers_the_newest_good_backup(
    qtbot: QtBot,
    db_file: Path,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    older = app_backups.automatic_backup(str(db_file), "close").backup
    database = Database(str(db_file))
    issue_with_photo(database, tmp_path, "颐和路噪声扰民")
    database.close()
    newest = app_backups.automatic_backup(str(db_file), "close").backup
    with db_file.open("r+b") as f:
        f.write(b"\0" * 100)
    shown: list[str] = []

    def choose_restore(dialog: OpeningProblemDialog) -> int:
        dialog.show()
        _keep(dialog, "recovery-dialog.png")
        shown.extend([dialog.windowTitle(), dialog.explanation.text(), dialog.backup_label.text()])
        dialog.buttons[Action.RESTORE].click()
        return dialog.result()

    monkeypatch.setattr(OpeningProblemDialog, "exec", choose_restore)
    window = _window(qtbot, db_file, settings)
    title, explanation, offered = shown
    assert title == "数据库文件已损坏" and "不会被删除" in explanation
    assert newest.path.name in offered and older.path.name not in offered
    assert "事项 2" in offered and newest.taken_at.strftime("%Y-%m-%d %H:%M:%S") in offered
    assert window.database is not None and "事项 2" in window.counts_label.text()
    (aside,) = db_file.parent.glob("g.damaged-*.db")
    assert aside.read_bytes()[:100] == b"\0" * 100  # renamed, never deleted
    window.close()


def test_restore_from_the_menu_brings_back_an_earlier_state_with_attachments(
    qtbot: QtBot,
    db_file: Path,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _window(qtbot, db_file, settings)
    assert window.database is not None
    with window.database.reader() as s:
        issue = s.execute(_first_issue()).scalar_one()
    earlier = app_backups.automatic_backup(str(db_file), "manual").backup
    with window.database.session() as s:  # later: the photo removed, another issue added
        (photo,) = attachments_of(s, issue_id=issue)
        service.remove_attachment(s, issue, photo.id)
    issue_with_photo(window.database, tmp_path, "后来登记的事项")

    def choose_earlier(dialog: RestoreDialog) -> int:
        dialog.show()
        qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
        _keep(dialog, "restore-dialog.png")
        rows = [dialog.model.index(r, 0).data(BACKUP_ROLE) for r in range(dialog.model.rowCount())]
        dialog.table.selectRow([b.path for b in rows].index(earlier.path))
        monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
        dialog.restore_button.click()
        return dialog.result()

    monkeypatch.setattr(RestoreDialog, "exec", choose_earlier)
    window.restore_action.trigger()
    assert window.database is not None
    with window.database.reader() as s:
        (restored,) = attachments_of(s, issue_id=issue)
        assert attachment_bytes(s, restored) == PHOTO + "建宁路33号雨后积水".encode()
    assert "事项 1" in window.counts_label.text()
    reasons = {b.reason for b in list_folder(backup_folder(db_file), "g")}
    assert "restore" in reasons  # the state it replaced was backed up first
    window.close()


def _first_issue() -> Any:
    from sqlalchemy import select

    from db.models.issues import Issue

    return select(Issue.id).limit(1)


def test_a_second_window_on_the_same_file_opens_it_read_only(
    qtbot: QtBot, db_file: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _window(qtbot, db_file, settings)
    told: list[str] = []

    def read_only(box: QMessageBox) -> int:
        told.append(box.text())
        box.buttons()[0].click()  # 只读打开
        return 0

    monkeypatch.setattr(QMessageBox, "exec", read_only)
    second = _window(qtbot, db_file, settings)
    assert told and "已经在本机的另一个共建台窗口中打开" in told[0]
    assert f"进程 {os.getpid()}" in told[0]
    assert second.database is not None and second.database.read_only
    assert "（只读）" in second.location_label.text()
    with pytest.raises(UserError, match="只读"), second.database.session() as s:
        service.register(s, IssueData(title="不能保存"))
    second.close()
    first.close()


def test_a_write_refused_by_a_busy_database_is_said_in_words(
    qtbot: QtBot, db_file: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from ui import errors

    monkeypatch.setattr("db.engine.BUSY_TIMEOUT_MS", 100)
    database = Database(str(db_file))
    other = sqlite3.connect(db_file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.raises(Exception) as caught, database.session() as s:
            service.register(s, IssueData(title="稍后再存"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    previous = sys.excepthook
    errors.install_exception_hook(str(tmp_path / "gongjian.log"))
    try:
        sys.excepthook(type(caught.value), caught.value, None)
    finally:
        sys.excepthook = previous
    assert shown and "正被其他程序使用" in shown[0]
    database.close()


def test_a_read_only_file_opens_read_only_for_viewing_and_backup(
    db_file: Path, tmp_path: Path
) -> None:
    from app.maintenance import backup_database

    db_file.chmod(0o444)
    database = Database(str(db_file))
    try:
        assert database.read_only
        with database.reader() as s:
            assert s.execute(_first_issue()).scalar_one()
        with pytest.raises(UserError, match="只读"), database.session() as s:
            service.register(s, IssueData(title="不能保存"))
    finally:
        database.close()
    copy = backup_database(str(db_file), tmp_path / "copy.db")
    assert facts_of(copy) == facts_of(db_file)


@pytest.mark.parametrize("read_only", ["folder", "-shm"])
def test_a_read_only_folder_or_companion_file_is_named_as_the_cause(
    db_file: Path, read_only: str
) -> None:
    from db.errors import ReadOnlyLocationError

    if read_only == "folder":
        db_file.parent.chmod(0o555)
        expected = "文件夹是只读的"
    else:
        shm = db_file.with_name("g.db-shm")
        shm.write_bytes(b"")
        shm.chmod(0o444)
        expected = "g.db-shm 是只读的"
    try:
        with pytest.raises(ReadOnlyLocationError, match=expected):
            Database(str(db_file))
    finally:
        db_file.parent.chmod(0o755)


def test_an_unfinished_file_is_offered_to_be_created_again(
    qtbot: QtBot, tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "g.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE settings (id TEXT)")  # a creation killed half-way
    connection.close()
    offered: list[list[Action]] = []

    def recreate(dialog: OpeningProblemDialog) -> int:
        offered.append(list(dialog.buttons))
        dialog.buttons[Action.RECREATE].click()
        return dialog.result()

    monkeypatch.setattr(OpeningProblemDialog, "exec", recreate)
    window = _window(qtbot, path, settings)
    assert offered == [[Action.RECREATE, Action.OTHER_FILE, Action.QUIT]]
    assert window.database is not None and window.is_empty()
    assert len(list(tmp_path.glob("g.incomplete-*.db"))) == 1  # kept, renamed
    window.close()


def test_an_unexpected_error_while_opening_is_shown_and_logged(
    qtbot: QtBot,
    db_file: Path,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("ui.opening.Database", broken)
    shown: list[str] = []

    def quit_(dialog: OpeningProblemDialog) -> int:
        shown.append(dialog.windowTitle())
        return 0

    monkeypatch.setattr(OpeningProblemDialog, "exec", quit_)
    window = MainWindow(str(db_file), settings)
    qtbot.addWidget(window)
    with caplog.at_level(logging.ERROR, logger="gongjian.ui"):
        assert not window.open_database()
    assert shown == ["打开数据库时出现意外错误"]
    assert "RuntimeError: a bug" in caplog.text
    assert not db_file.with_name("g.db.lock").exists()  # let go when the user quit


def test_backing_up_to_a_chosen_file_from_the_menu(
    qtbot: QtBot,
    db_file: Path,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "U盘 #1" / "备份.db"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    window = _window(qtbot, db_file, settings)
    window._on_backup()
    assert told == [f"已备份并校验：{target}"]
    assert facts_of(target) == facts_of(db_file)
    window.close()
