"""Choosing an xlsx file to read or write, starting in the folder used last time, and the
kind of records imported last time."""

from __future__ import annotations

from pathlib import Path

from app.exports.pdf.writing import safe_file_name

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget
from ui.settings import APPLICATION, ORGANISATION

FOLDER_KEY = "excel/folder"
KIND_KEY = "excel/import_kind"


def _filter() -> str:
    return QCoreApplication.translate("Excel", "Excel 工作簿 (*.xlsx)")


def last_folder() -> Path:
    stored = str(QSettings(ORGANISATION, APPLICATION).value(FOLDER_KEY, ""))
    if stored and Path(stored).is_dir():
        return Path(stored)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def remember_folder(path: Path) -> None:
    QSettings(ORGANISATION, APPLICATION).setValue(FOLDER_KEY, str(path.parent))


def last_kind() -> str:
    return str(QSettings(ORGANISATION, APPLICATION).value(KIND_KEY, ""))


def remember_kind(key: str) -> None:
    QSettings(ORGANISATION, APPLICATION).setValue(KIND_KEY, key)


def ask_save_path(parent: QWidget | None, caption: str, suggested_name: str) -> Path | None:
    """The file to write (always ending in .xlsx), or None when the user cancels."""
    name = safe_file_name(suggested_name)
    if not name.lower().endswith(".xlsx"):
        name += ".xlsx"
    chosen, _filter_used = QFileDialog.getSaveFileName(
        parent, caption, str(last_folder() / name), _filter()
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    remember_folder(path)
    return path


def ask_open_path(parent: QWidget | None, caption: str) -> Path | None:
    all_files = QCoreApplication.translate("Excel", "所有文件 (*)")
    chosen, _filter_used = QFileDialog.getOpenFileName(
        parent, caption, str(last_folder()), f"{_filter()};;{all_files}"
    )
    if not chosen:
        return None
    remember_folder(Path(chosen))
    return Path(chosen)
