"""Fixtures for widget tests: template databases, a tab context, message boxes that answer
without a person."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.database import Database

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox
from ui.tab import DataEvents, TabContext
from ui.widgets import unsaved as unsaved_module
from ui.widgets.unsaved import Answer


class Asked(list[str]):
    """The questions QMessageBox.question was asked; it answers from ``answers``, else No."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[QMessageBox.StandardButton] = []


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Asked:
    calls = Asked()

    def question(parent: Any, title: str, text: str, *args: Any) -> Any:
        calls.append(text)
        return calls.answers.pop(0) if calls.answers else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return calls


class UnsavedQuestions(list[str]):
    """What the 保存 / 放弃 / 取消 question asked about (the record's name); it answers from
    ``answers``, else 取消 — so no test waits for a click nobody makes."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[Answer] = []

    def ask(self, _parent: Any, _title: str, what: str = "") -> Answer:
        self.append(what)
        return self.answers.pop(0) if self.answers else Answer.CANCEL


@pytest.fixture(autouse=True)
def unsaved(monkeypatch: pytest.MonkeyPatch) -> UnsavedQuestions:
    """Every widget test answers the unsaved-changes question from a list (see the class);
    ``monkeypatch.undo()`` brings back the real message box for a test that clicks it."""
    questions = UnsavedQuestions()
    monkeypatch.setattr(unsaved_module, "ask_unsaved", questions.ask)
    return questions


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the open and save dialogs answer with, in turn."""
    files: list[Path] = []

    def answer(*_args: Any) -> tuple[str, str]:
        return str(files.pop(0)), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(answer))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return files


@pytest.fixture
def warned(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the warnings shown, each answered with OK."""
    texts: list[str] = []

    def warning(parent: Any, title: str, text: str, *args: Any) -> Any:
        texts.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return texts


def build_templates(root: Path, populate: Callable[[Database], Any]) -> tuple[Path, Path, Any]:
    """An empty and a populated database, migrated and filled once: a test then copies a file,
    which is much faster than migrating and filling a new one. Returns (empty, filled, ids)."""
    empty, filled = root / "empty.db", root / "filled.db"
    Database(str(empty)).close()
    shutil.copyfile(empty, filled)
    database = Database(str(filled))
    ids = populate(database)
    database.close()
    return empty, filled, ids


def open_copy(template: Path, folder: Path) -> Database:
    """A fresh database per test, copied from ``template``."""
    target = folder / "gongjian.db"
    shutil.copyfile(template, target)
    return Database(str(target))


@pytest.fixture(scope="session")
def demo_street(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file holding the demo street (made once per test run, ~10 s): copy it."""
    from app.demo import generate

    path = tmp_path_factory.mktemp("demo") / "street.db"
    database = Database(str(path))
    generate(database, "street")
    database.close()
    return path


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    """The interface in English for one test; Chinese, the source language, again after."""
    from ui.i18n import install_language

    assert install_language("en")
    try:
        yield
    finally:
        install_language("zh_CN")  # other tests expect the Chinese source strings


def show_main_window(
    qtbot: Any, target: str, folder: Path, *, last_tab: str = "home", interactive: bool = False
) -> Any:
    """The main window on ``target`` at 1366×768 with its own settings file, database open."""
    from PySide6.QtCore import QSettings
    from ui.main_window import MainWindow
    from ui.settings import Settings

    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    settings.last_tab = last_tab
    main = MainWindow(target, settings, interactive=interactive)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    assert main.open_database()
    return main


@pytest.fixture
def context(database: Database, qapp: Any) -> Iterator[TabContext]:
    yield TabContext(database, QUndoStack(), DataEvents())


@pytest.fixture
def previewed(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bytes]]:
    """The print previews opened, as (window title, PDF), without showing them."""
    from ui.printing import preview

    shown: list[tuple[str, bytes]] = []
    monkeypatch.setattr(
        preview.PdfPrintPreview, "exec", lambda self: shown.append((self.windowTitle(), self.data))
    )
    return shown
