"""The wheel over a long form scrolls it; drop-downs, dates and numbers under the pointer keep
their value unless the user has put the focus in them."""

from __future__ import annotations

from typing import Any

from app.database import Database
from app.issues import service
from app.issues.limits import Limit
from db.models.issues import LimitUnit

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QUndoStack, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from ui.issues.tab import IssuesTab
from ui.tab import DataEvents, TabContext

DOWN = -120  # one notch towards the user


def turn_wheel(widget: QWidget, notches: int = 1) -> None:
    """What the wheel sends to the widget under the pointer."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, DOWN * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_issue_form_scrolls_over_its_drop_downs_without_changing_them(
    database: Database, qtbot: Any
) -> None:
    with database.session() as s:
        service.save_category(s, "积水", Limit(3, LimitUnit.WORKING_DAYS))
        service.save_category(s, "噪声扰民", Limit(7, LimitUnit.WORKING_DAYS))
    tab = IssuesTab(TabContext(database, QUndoStack(), DataEvents()))
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    scroll = tab.editor.findChild(QScrollArea)
    assert scroll is not None
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the form is taller than the pane
    combos = [c for c in scroll.widget().findChildren(QComboBox) if c.isVisible()]
    assert len(combos) >= 3  # 来源, 类别, 社区 at least
    for combo in combos:
        assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # a wheel turn never focuses
    before = [c.currentIndex() for c in combos]
    bar.setValue(0)
    for combo in combos:
        turn_wheel(combo)
    assert [c.currentIndex() for c in combos] == before
    assert bar.value() > 0  # the turns scrolled the form instead

    chosen = combos[0]
    chosen.setFocus(Qt.FocusReason.MouseFocusReason)  # clicked into: the wheel is the user's
    qtbot.waitUntil(chosen.hasFocus)
    turn_wheel(chosen)
    assert chosen.currentIndex() != before[0]


def test_dates_and_numbers_in_a_scrolling_form_are_guarded_too(qtbot: Any) -> None:
    from PySide6.QtWidgets import QSpinBox

    area = QScrollArea()
    qtbot.addWidget(area)
    form = QWidget()
    layout = QVBoxLayout(form)
    date = QDateEdit(form)
    number = QSpinBox(form)
    number.setValue(5)
    layout.addWidget(date)
    layout.addWidget(number)
    layout.addSpacing(2000)
    area.setWidget(form)
    area.resize(300, 200)
    area.show()
    day = date.date()
    for field in (date, number):
        assert isinstance(field, QAbstractSpinBox)
        turn_wheel(field)
    assert date.date() == day and number.value() == 5
    assert area.verticalScrollBar().value() > 0


def test_a_drop_down_outside_a_scrolling_form_keeps_the_wheel(qtbot: Any) -> None:
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.addItems(["全部", "登记", "受理"])
    combo.show()
    turn_wheel(combo)
    assert combo.currentIndex() == 1  # a filter bar is no scrolling form
