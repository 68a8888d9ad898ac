"""Fixtures for widget tests: message boxes that answer without a person."""

from __future__ import annotations

from typing import Any

import pytest

from PySide6.QtWidgets import QMessageBox


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
