"""Which pairs of the 七个共 matrix to print: all shown, the first N in the list's order, or
the N with the lowest completion (what a 大工委 meeting asks for: "the bottom twenty").

The choice and the number are kept for the next print in the same view.
"""

from __future__ import annotations

from enum import StrEnum

from app.agreements.matrix import MatrixRow, lowest_completion

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.buttons import step_buttons

DEFAULT_COUNT = 20


class PrintChoice(StrEnum):
    ALL = "all"
    FIRST = "first"
    LOWEST = "lowest"


class MatrixPrintDialog(QDialog):
    def __init__(
        self,
        total: int,
        parent: QWidget | None = None,
        *,
        choice: PrintChoice = PrintChoice.ALL,
        count: int = DEFAULT_COUNT,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("打印七个共落实情况"))
        self._total = total
        self.all = QRadioButton(self.tr("全部 {n} 对，按列表当前的排序(&A)").format(n=total), self)
        self.first = QRadioButton(self.tr("按列表当前的排序，前(&F)"), self)
        self.lowest = QRadioButton(self.tr("完成率最低的(&L)"), self)
        self.first_count = self._spin(count)
        self.lowest_count = self._spin(count)
        self.group = QButtonGroup(self)
        for button, key in ((self.all, PrintChoice.ALL), (self.first, PrintChoice.FIRST),
                            (self.lowest, PrintChoice.LOWEST)):  # fmt: skip
            self.group.addButton(button)
            button.setProperty("choice", key.value)
        {PrintChoice.ALL: self.all, PrintChoice.FIRST: self.first, PrintChoice.LOWEST: self.lowest}[
            choice
        ].setChecked(True)
        # typing a number chooses its line
        self.first_count.valueChanged.connect(lambda _n: self.first.setChecked(True))
        self.lowest_count.valueChanged.connect(lambda _n: self.lowest.setChecked(True))

        grid = QGridLayout()
        grid.addWidget(self.all, 0, 0, 1, 3)
        grid.addWidget(self.first, 1, 0)
        grid.addWidget(self.first_count, 1, 1)
        grid.addWidget(QLabel(self.tr("对"), self), 1, 2)
        grid.addWidget(self.lowest, 2, 0)
        grid.addWidget(self.lowest_count, 2, 1)
        grid.addWidget(QLabel(self.tr("对，最低的在前"), self), 2, 2)
        grid.setColumnStretch(2, 1)
        self.buttons = step_buttons(self, self.tr("打印预览"))
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.buttons)

    def _spin(self, count: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(1, max(1, self._total))
        spin.setValue(min(count, self._total))
        return spin

    def choice(self) -> PrintChoice:
        button = self.group.checkedButton()
        assert button is not None  # one of the radio buttons is always checked
        return PrintChoice(button.property("choice"))

    def count(self) -> int:
        """The number typed on the chosen line (all the rows for 全部)."""
        choice = self.choice()
        if choice is PrintChoice.FIRST:
            return self.first_count.value()
        if choice is PrintChoice.LOWEST:
            return self.lowest_count.value()
        return self._total

    def chosen_rows(self, rows: list[MatrixRow]) -> tuple[list[MatrixRow], str]:
        """The rows to print and how the document names the choice ("" for all); documents
        are Chinese in any interface language."""
        choice, count = self.choice(), self.count()
        if choice is PrintChoice.FIRST:
            return rows[:count], f"按当前排序的前{count}对"
        if choice is PrintChoice.LOWEST:
            return lowest_completion(rows, count), f"完成率最低的{count}对"
        return rows, ""
