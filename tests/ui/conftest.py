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
from PySide6.QtWidgets import QMessageBox
from ui.tab import DataEvents, TabContext


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
