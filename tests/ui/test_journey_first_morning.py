"""Journey 1, "First morning" (shared/JOURNEYS.md), through the main window: 小王 imports the
street's resident units and in-service party members from the sheets the office has (the
templates offered), sees the three rows with wrong ID numbers by row and column before
anything is saved, fixes them in Excel and imports again.

Steps are counted as a user makes them: a click or a key is one step; a menu item two (the
menu, the item); a drop-down choice two; a file dialog two (the file, 打开 or 保存). What is
typed in Excel is not counted. Before the import dialog stayed open, remembered the kind,
defaulted its confirmation to 导入 and created members with their registrations, the same
journey took about 50 steps (the members sheet imported twice, as 人员 and as 报到).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.database import Database
from app.validation import id_check_char
from db.models.agreements import MemberRegistration
from db.models.directory import Person, ResidentUnit
from tests.app.test_excel_import import build_streets
from tests.ui.keys import answer_next_box

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget
from ui.excel.files import KIND_KEY
from ui.excel.import_dialog import ImportDialog
from ui.main_window import MainWindow
from ui.settings import APPLICATION, ORGANISATION, Settings

STEPS_GOAL = 30  # about 50 before; a later change that adds steps shows up here

UNITS = [
    ("江苏省某某研究院", "科研院所", "宁海路社区", "王明", "025-83301234"),
    ("南京某某大学", "高校", "玉泉社区", "陈静", "025-83592000"),
    ("某某科技有限公司", "非公企业", "", "刘洋", "13812345678"),
]


def id_number(serial: int) -> str:
    first17 = f"32010619{80 + serial % 20}0{1 + serial % 9}1{serial % 10}{serial:03d}"
    return first17 + id_check_char(first17)


def wrong(number: str) -> str:
    """The number with a wrong check digit, as when one digit was mistyped."""
    return number[:-1] + ("0" if number[-1] != "0" else "1")


MEMBERS = [  # 姓名, 身份证号, 性别, 手机, 工作单位, 职务, 报到社区, 报到日期
    (
        f"党员{n}",
        id_number(n),
        "男" if n % 2 else "女",
        f"139000000{n:02d}",
        unit,
        "干部",
        place,
        "2026-03-02",
    )
    for n, (unit, place) in enumerate(
        [
            ("江苏省某某研究院", "宁海路社区"),
            ("江苏省某某研究院", "玉泉社区"),
            ("南京某某大学", "玉泉社区"),
            ("南京某某大学", "宁海路社区"),
            ("某某科技有限公司", "玉泉社区"),
            ("某某科技有限公司", "宁海路社区"),
            ("江苏省某某研究院", "宁海路社区"),
            ("南京某某大学", "玉泉社区"),
        ],
        start=1,
    )
]
BAD_ROWS = (3, 5, 8)  # Excel rows (the header is row 1) whose ID numbers were mistyped


class Steps:
    """Drives the widgets as a user does and counts the steps."""

    def __init__(self, qtbot: QtBot, files: list[Path]) -> None:
        self.qtbot = qtbot
        self.files = files
        self.count = 0

    def click(self, button: QWidget) -> None:
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.count += 1

    def menu(self, window: MainWindow, text: str) -> None:
        action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == text)
        action.trigger()
        self.count += 2

    def choose(self, box: QComboBox, data: str) -> None:
        box.setCurrentIndex(box.findData(data))
        self.count += 2

    def file(self, path: Path) -> None:
        """The next file dialog answers ``path``."""
        self.files.append(path)
        self.count += 2

    def enter_in_next_box(self) -> list[str]:
        self.count += 1
        return answer_next_box()


def fill(template: Path, rows: list[tuple[Any, ...]]) -> None:
    """What the user types into the template in Excel."""
    book = load_workbook(template)
    for row in rows:
        book.worksheets[0].append(list(row))
    book.save(template)


def button(dialog: ImportDialog, text: str) -> QPushButton:
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == text)


def counts(database: Database) -> tuple[int, int, int]:
    with database.reader() as s:
        return tuple(  # type: ignore[return-value]
            int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (ResidentUnit, Person, MemberRegistration)
        )


def test_first_morning(
    qtbot: QtBot, database: Database, tmp_path: Path, chosen: list[Path]
) -> None:
    build_streets(database)  # the street's communities, as the office set them up
    QSettings(ORGANISATION, APPLICATION).remove(KIND_KEY)  # a new install remembers nothing
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(database.target, settings, interactive=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_database()
    steps = Steps(qtbot, chosen)

    steps.menu(window, "从 Excel 导入(&I)…")
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible()

    # the resident units: template, filled in Excel, checked, imported
    steps.choose(dialog.kind, "units")
    steps.file(tmp_path / "驻区单位导入模板.xlsx")
    steps.click(button(dialog, "下载模板…"))
    fill(tmp_path / "驻区单位导入模板.xlsx", UNITS)
    steps.file(tmp_path / "驻区单位导入模板.xlsx")
    steps.click(button(dialog, "选择文件…"))
    assert "新增 3" in dialog.summary.text() and dialog.import_button.isEnabled()
    confirmed = steps.enter_in_next_box()
    steps.click(dialog.import_button)
    assert "新增 3 条" in confirmed[0]
    assert counts(database) == (3, 0, 0) and dialog.isVisible()

    # the members: the same dialog, the members template, three mistyped ID numbers
    steps.choose(dialog.kind, "members")
    members = tmp_path / "在职党员报到导入模板.xlsx"
    steps.file(members)
    steps.click(button(dialog, "下载模板…"))
    fill(
        members,
        [
            (row[0], wrong(row[1]), *row[2:]) if number in BAD_ROWS else row
            for number, row in enumerate(MEMBERS, start=2)
        ],
    )
    steps.file(members)
    steps.click(button(dialog, "选择文件…"))
    problems = dialog.problems_model
    assert [
        (problems.index(r, 0).data(), problems.index(r, 1).data())
        for r in range(problems.rowCount())
    ] == [(row, "身份证号") for row in BAD_ROWS]
    assert "身份证号校验位不对" in problems.index(0, 2).data()
    assert not dialog.import_button.isEnabled() and counts(database) == (3, 0, 0)

    fill_fixed = load_workbook(members)  # she corrects the three cells in Excel and saves
    for row in BAD_ROWS:
        fill_fixed.worksheets[0].cell(row, 2).value = MEMBERS[row - 2][1]
    fill_fixed.save(members)
    steps.click(dialog.recheck_button)
    assert problems.rowCount() == 0
    assert "其中 8 人在系统中原来没有，同时新建为人员（党员）。" in dialog.summary.text()
    confirmed = steps.enter_in_next_box()
    steps.click(dialog.import_button)
    assert "新增 8 条" in confirmed[0]
    assert counts(database) == (3, 8, 8)
    steps.click(button(dialog, "关闭"))
    assert not dialog.isVisible()

    print(f"journey 1, first morning: {steps.count} steps")  # noqa: T201 - for the report
    assert steps.count <= STEPS_GOAL
