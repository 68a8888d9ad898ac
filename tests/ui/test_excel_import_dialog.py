"""从 Excel 导入 as a user does it: choose a file with a bad row, see the problem, fix the
file, check again, import; the records appear and the area is told to refresh."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.changes import Area, Changes
from app.database import Database
from db.models.directory import ResidentUnit
from tests.app.test_excel_import import build_streets, write_sheet
from tests.ui.keys import answer_next_box

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from ui.excel.import_dialog import ImportDialog
from ui.tab import TabContext


def button(dialog: ImportDialog, text: str) -> QPushButton:
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == text)


def opened(
    qtbot: Any, context: TabContext, kind: str, path: Path, chosen: list[Path]
) -> ImportDialog:
    """The dialog shown, ``kind`` chosen and ``path`` picked with 选择文件…"""
    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    chosen.append(path)
    qtbot.mouseClick(button(dialog, "选择文件…"), Qt.MouseButton.LeftButton)
    return dialog


def unit_names(database: Database) -> list[str]:
    with database.reader() as s:
        return list(s.scalars(select(ResidentUnit.name).order_by(ResidentUnit.name)))


def test_fix_a_bad_row_then_import(
    qtbot: Any,
    qtmodeltester: Any,
    context: TabContext,
    database: Database,
    tmp_path: Path,
    chosen: list[Path],
) -> None:
    build_streets(database)
    path = write_sheet(
        tmp_path / "单位.xlsx",
        [
            ("单位名称", "类别", "所在社区"),
            ("江苏省某某研究院", "科研院所", "宁海路社区"),
            ("某某科技公司", "民营企业", "玉泉社区"),
        ],
    )
    dialog = opened(qtbot, context, "units", path, chosen)

    assert dialog.problems_model.rowCount() == 1
    assert dialog.problems_model.index(0, 0).data() == 3
    assert dialog.problems_model.index(0, 1).data() == "类别"
    assert "“民营企业”不是可选的值" in dialog.problems_model.index(0, 2).data()
    assert dialog.preview_model.index(1, 1).data() == "有问题"
    assert "1 行有问题" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert "不是可选的值" in dialog.preview_model.index(1, 3).data(Qt.ItemDataRole.ToolTipRole)
    qtmodeltester.check(dialog.preview_model)
    qtmodeltester.check(dialog.problems_model)

    book = load_workbook(path)  # the user fixes the cell in Excel and saves
    book.active["B3"] = "非公企业"  # type: ignore[index]
    book.save(path)
    qtbot.mouseClick(dialog.recheck_button, Qt.MouseButton.LeftButton)
    assert dialog.problems_model.rowCount() == 0
    assert "新增 2" in dialog.summary.text() and dialog.import_button.isEnabled()
    assert unit_names(database) == []  # checking writes nothing

    confirmed = answer_next_box()  # the confirmation's default button is 导入: Enter
    with qtbot.waitSignal(context.events.announced) as changed:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert changed.args[0] == Changes.of(Area.DIRECTORY)
    assert "新增 2 条" in confirmed[0]
    assert unit_names(database) == ["某某科技公司", "江苏省某某研究院"]
    assert dialog.isVisible()  # it stays open for the next file, its kind remembered
    assert dialog.summary.text() == (
        "已从“单位.xlsx”导入：新增 2 条，更新 0 条，跳过重复 0 条。可以接着选择下一个文件，或关闭。"
    )
    assert not dialog.import_button.isEnabled()
    again = ImportDialog(context)
    qtbot.addWidget(again)
    assert again.kind.currentData() == "units"


def test_a_database_in_use_elsewhere_can_be_retried(
    qtbot: Any,
    context: TabContext,
    database: Database,
    tmp_path: Path,
    chosen: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sqlite3

    build_streets(database)
    path = write_sheet(tmp_path / "u.xlsx", [("单位名称", "类别"), ("某单位", "高校")])
    dialog = opened(qtbot, context, "units", path, chosen)
    assert dialog.import_button.isEnabled()  # the check needs no write lock
    other = sqlite3.connect(database.file, isolation_level=None)  # another program writes
    other.execute("BEGIN IMMEDIATE")
    warnings: list[str] = []

    def warning(_parent: Any, _title: str, text: str, *args: Any) -> Any:
        warnings.append(text)
        other.rollback()  # the other program finishes while the user reads the message
        return QMessageBox.StandardButton.Retry

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    monkeypatch.setattr("db.engine.BUSY_TIMEOUT_MS", 100)
    database.engine.dispose()  # new connections take the short timeout
    answer_next_box()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    other.close()
    assert warnings == [
        "数据库正被另一个程序（或另一个共建台窗口）写入，等待后仍未空出，没有导入任何记录。请稍后重试。"
    ]
    assert unit_names(database) == ["某单位"]  # imported on the retry, once


def test_a_file_that_is_not_xlsx_and_the_template(
    qtbot: Any, context: TabContext, tmp_path: Path, chosen: list[Path]
) -> None:
    bad = tmp_path / "名单.xlsx"
    bad.write_text("姓名\n李华\n", encoding="utf-8")
    dialog = opened(qtbot, context, "people", bad, chosen)
    assert (
        dialog.summary.text()
        == "“名单.xlsx”不是 Excel（.xlsx）文件。请选择用模板填写的 .xlsx 文件。"
    )
    assert dialog.preview_model.rowCount() == 0 and not dialog.import_button.isEnabled()

    chosen.append(tmp_path / "人员导入模板")
    qtbot.mouseClick(button(dialog, "下载模板…"), Qt.MouseButton.LeftButton)
    book = load_workbook(tmp_path / "人员导入模板.xlsx")
    assert book.sheetnames == ["人员", "说明"] and book["人员"]["A1"].value == "姓名"


def test_duplicates_can_be_updated_instead_of_skipped(
    qtbot: Any, context: TabContext, database: Database, tmp_path: Path, chosen: list[Path]
) -> None:
    build_streets(database)
    path = write_sheet(tmp_path / "u.xlsx", [("单位名称", "类别"), ("某单位", "高校")])
    dialog = opened(qtbot, context, "units", path, chosen)
    from app.excel.importing import import_file
    from app.excel.kinds import IMPORT_KINDS

    import_file(database, IMPORT_KINDS["units"], path)  # someone imported it meanwhile
    qtbot.mouseClick(dialog.recheck_button, Qt.MouseButton.LeftButton)
    assert dialog.preview_model.index(0, 1).data() == "跳过（重复）"
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.update_duplicates, Qt.MouseButton.LeftButton)
    assert dialog.preview_model.index(0, 1).data() == "更新"
    assert dialog.import_button.isEnabled()


def test_a_column_the_kind_does_not_have_is_named_not_silently_left_out(
    qtbot: Any, context: TabContext, database: Database, tmp_path: Path, chosen: list[Path]
) -> None:
    """Before, a header written 是否党员 (the column is 党员) dropped its values unnoticed;
    now it is a problem of row 1 that blocks the import, and an unrelated column a note."""
    build_streets(database)
    path = write_sheet(
        tmp_path / "人员.xlsx",
        [("序号", "姓名", "是否党员"), (1, "李华", "是"), (2, "王喆", "否")],
    )
    dialog = opened(qtbot, context, "people", path, chosen)
    assert not dialog.import_button.isEnabled()
    assert dialog.problems_model.index(0, 0).data() == 1
    assert dialog.problems_model.index(0, 1).data() == "是否党员"
    assert "像是“党员”" in dialog.problems_model.index(0, 2).data()
    assert dialog.ignored.isVisible()
    assert dialog.ignored.text() == (
        "这些列不会导入：序号。如要导入，请把列名改成“人员”导入模板中的列名。"
    )
    chosen.append(write_sheet(tmp_path / "好.xlsx", [("姓名", "党员"), ("李华", "是")]))
    qtbot.mouseClick(button(dialog, "选择文件…"), Qt.MouseButton.LeftButton)
    assert not dialog.ignored.isVisible() and dialog.import_button.isEnabled()
