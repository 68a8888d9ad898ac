"""Telling the user, when a record is saved, which of its characters cannot be printed."""

from __future__ import annotations

from typing import Any

from app.exports.printable import text_values, unprintable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def warn_unprintable(parent: QWidget | None, record: Any) -> list[str]:
    """Warns (after a save: nothing is undone) when ``record``'s text holds characters no
    font of the printed documents covers; returns them."""
    missing = unprintable(text_values(record))
    if missing:
        from app.exports.pdf.fonts import OFFICE_FONT_FOLDER
        from app.paths import data_dir

        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Printing", "有字符无法打印"),
            QCoreApplication.translate(
                "Printing",
                "已保存。但以下字符没有可用的字体，打印和导出 PDF 时会显示为空框：{chars}\n"
                "请改用规范汉字，或把含有这些字的字体文件放进文件夹 {folder} 后重新打开程序。",
            ).format(chars="、".join(missing), folder=str(data_dir() / OFFICE_FONT_FOLDER)),
        )
    return missing
