"""Journeys 4, 5 and 6 of JOURNEYS.md walked through the main window at 1366×768 on the demo
street, counting the user's steps (a click, a key, a choice in a menu or a file dialog), so a
change that adds steps shows up here.

| journey | steps before | steps now |
|---|---|---|
| 4: print the bottom twenty pairs of the 七个共 matrix | 7 (sort, then "first N") | 6 |
| 4: record a joint volunteer service from its cell | 2 (but any click opened a form) | 2 |
| 5: print every evaluation form of the year (23 cadres, 26 forms) | ~70 | 4 |
| 5: only the forms whose two sides disagree, printed | — (no filter) | 3 |
| 5: list the postings ending next month | — (no filter) | 2 |
| 6: on the 1st, last month's figures (shown at once) and report saved as a PDF | 7 | 3 |
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.database import Database
from app.demo import generate
from app.localtime import beijing_today
from tests.ui.conftest import open_copy

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QMenu,
    QPushButton,
    QTabBar,
    QTabWidget,
    QWidget,
)
from ui.main_window import MainWindow
from ui.printing import preview
from ui.settings import APPLICATION, ORGANISATION, Settings

DEMO_DAY = date(2026, 11, 25)  # the demo street as it stands when the year-end review begins


class Steps:
    """Drives the window as a user would and counts each click, key and choice."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def click(self, widget: QWidget) -> None:
        self.count += 1
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def key(
        self, widget: QWidget, key: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.count += 1
        self.qtbot.keyClick(widget, key, modifier)

    def tab(self, tabs: QTabWidget, text: str) -> None:
        bar: QTabBar = tabs.tabBar()
        index = next(i for i in range(bar.count()) if bar.tabText(i).startswith(text))
        self.count += 1
        self.qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())

    def double_click_cell(self, view: QAbstractItemView, row: int, column: int) -> None:
        index = view.model().index(row, column)
        view.scrollTo(index)
        centre = view.visualRect(index).center()
        self.count += 1
        self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        self.qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)

    def choose(self, combo: QComboBox, text: str) -> None:
        """Opens the drop-down and picks the item."""
        self.click(combo)
        view = combo.view()
        view.setCurrentIndex(view.model().index(combo.findText(text), 0))
        self.key(view, Qt.Key.Key_Return)  # as a click on the item does
        assert combo.currentText() == text

    def menu_item(self, button: QPushButton, text: str) -> None:
        """Clicks a button with a menu, then the menu's item."""
        menu = button.menu()
        assert menu is not None
        chosen: list[str] = []

        def choose() -> None:
            action = next(a for a in menu.actions() if a.text() == text)
            self.count += 1
            menu.close()
            chosen.append(text)
            action.trigger()

        QTimer.singleShot(0, choose)
        self.click(button)
        self.qtbot.waitUntil(lambda: bool(chosen))

    def later(self, act: Callable[[], None]) -> None:
        """What the user does in a modal dialog about to open."""
        QTimer.singleShot(0, act)


def freeze_today(monkeypatch: pytest.MonkeyPatch, day: date) -> None:
    """Every module that asks Beijing's date gets ``day``."""
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] in ("app", "ui") and getattr(module, "beijing_today", None) is (
            beijing_today
        ):
            monkeypatch.setattr(module, "beijing_today", lambda: day)


@pytest.fixture(scope="session")
def demo_street(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("journeys") / "demo.db"
    database = Database(str(path))
    generate(database, "street", today=DEMO_DAY)
    database.close()
    return path


@pytest.fixture
def steps(qtbot: QtBot) -> Steps:
    return Steps(qtbot)


@pytest.fixture
def previewed(monkeypatch: pytest.MonkeyPatch, steps: Steps) -> list[tuple[str, bytes]]:
    """The print previews shown, and 打印 pressed in each (a step)."""
    shown: list[tuple[str, bytes]] = []

    def print_from(dialog: preview.PdfPrintPreview) -> int:
        steps.count += 1
        shown.append((dialog.windowTitle(), dialog.data))
        return 1

    monkeypatch.setattr(preview.PdfPrintPreview, "exec", print_from)
    return shown


@pytest.fixture
def open_window(
    qtbot: QtBot, demo_street: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[date], MainWindow]]:
    databases: list[Database] = []

    def start(today: date) -> MainWindow:
        freeze_today(monkeypatch, today)
        QSettings(ORGANISATION, APPLICATION).remove("home")  # a new install's home tab
        databases.append(open_copy(demo_street, tmp_path))
        settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(databases[-1].target, settings, interactive=False)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        window.open_database()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    yield start
    for database in databases:
        database.close()


def pdf_text(data: bytes) -> str:
    done = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return done.stdout.decode()


def test_journey_4_the_bottom_twenty_and_a_cell_recorded(
    open_window: Callable[[date], MainWindow],
    steps: Steps,
    previewed: list[tuple[str, bytes]],
    qtbot: QtBot,
) -> None:
    from app.agreements.matrix import SEVEN, CellState, average_percent
    from db.models.agreements import JointActivity

    from ui.agreements.matrix_model import FIRST_ACTIVITY
    from ui.agreements.matrix_print import MatrixPrintDialog

    window = open_window(DEMO_DAY)
    steps.tab(window.tabs, "共建协议")
    agreements = window.current_page()
    steps.tab(agreements.bar, "七个共")  # type: ignore[union-attr]
    matrix = agreements.current_view()  # type: ignore[union-attr]
    rows = matrix.model.rows
    assert len(rows) >= 200  # the 百对 pairings, most done first

    def bottom_twenty() -> None:
        dialog = matrix.dialog
        assert isinstance(dialog, MatrixPrintDialog)
        steps.click(dialog.lowest)  # 完成率最低的 20 对
        steps.click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    steps.later(bottom_twenty)
    steps.key(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert steps.count == 6, "bottom twenty printed"
    text = "".join(pdf_text(previewed[0][1]).split())
    least = sorted(rows, key=lambda r: r.completion)[:20]
    assert f"完成率最低的20对：共20对结对，平均完成率{average_percent(least)}%" in text
    assert least[0].branch_name in text and rows[0].branch_name not in text

    steps.count = 0
    volunteer = FIRST_ACTIVITY + SEVEN.index(JointActivity.VOLUNTEER_SERVICE)
    row = next(
        i for i, r in enumerate(matrix.model.rows)
        if r.cells[volunteer - FIRST_ACTIVITY].state is CellState.PLANNED
    )  # fmt: skip
    pairing = matrix.model.rows[row].agreement_id
    steps.double_click_cell(matrix.table, row, volunteer)
    dialog = matrix.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)
    steps.key(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # the date is today's
    assert not dialog.isVisible()
    row = matrix.model.row_of(pairing)  # one more done: it moved up the list
    assert matrix.model.index(row, volunteer).data() == f"√ {DEMO_DAY:%m-%d}"
    assert steps.count == 2, "a joint volunteer service recorded"


def test_journey_5_every_evaluation_form_and_the_postings_ending_next_month(
    open_window: Callable[[date], MainWindow],
    steps: Steps,
    previewed: list[tuple[str, bytes]],
    qtbot: QtBot,
) -> None:
    from ui.secondments.assessment import AssessmentDialog

    window = open_window(DEMO_DAY)
    steps.tab(window.tabs, "干部挂职")
    tab = window.current_page()
    steps.click(tab.assessment_button)  # type: ignore[union-attr]
    dialog = window.findChild(AssessmentDialog)
    assert dialog is not None and dialog.isVisible() and dialog.year.value() == 2026
    forms = len(dialog.rows)
    cadres = len({r.posting_id for r in dialog.rows})
    assert forms >= 20 and cadres >= 15
    steps.click(dialog.print_button)  # 打印 N 份评价表…
    assert steps.count == 4, f"{forms} forms of {cadres} cadres printed"
    text = pdf_text(previewed[0][1])
    assert text.count("干部挂职双向评价表") == forms
    assert all(r.person_name in text for r in dialog.rows)

    steps.count = 0
    steps.click(dialog.disagreement_only)
    flagged = len(dialog.rows)
    assert 0 < flagged < forms
    steps.click(dialog.print_button)
    assert pdf_text(previewed[1][1]).count("请核实") == flagged
    assert steps.count == 3, "the disagreements printed"
    dialog.reject()

    steps.count = 0
    steps.choose(tab.filters["ending_within"], "下月到期")  # type: ignore[union-attr]
    model = tab.model  # type: ignore[union-attr]
    ends = model.source.column_index("ends_on")
    shown = [model.row_at(i).values[ends] for i in range(model.rowCount())]  # type: ignore[union-attr]
    assert shown and all((d.year, d.month) == (2026, 12) for d in shown)
    assert steps.count == 2, "postings ending next month listed"


def test_journey_6_on_the_first_the_month_just_ended(
    open_window: Callable[[date], MainWindow],
    steps: Steps,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "月报.pdf"

    def save_here(*_args: Any, **_kwargs: Any) -> tuple[str, str]:
        steps.count += 1  # 保存 in the file dialog
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_here))
    window = open_window(date(2026, 12, 1))
    home = window.current_page()
    assert home is not None and home.data_ready()
    assert home.period_label.text().startswith("2026年11月")  # type: ignore[attr-defined]
    assert home.period_note.text() == "2026年11月"  # type: ignore[attr-defined]
    steps.menu_item(home.report_button, "另存 PDF…")  # type: ignore[attr-defined]
    assert steps.count == 3, "the month just ended as a saved report"
    assert "2026年11月" in pdf_text(target.read_bytes())
    QApplication.processEvents()
    assert isinstance(home.findChild(QMenu), QMenu)  # the menu is the report button's own
