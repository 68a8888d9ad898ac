"""三率 on the home tab: per unit and per community for the period shown, each with its score
and place (样本不足 where too few to rank), the office's rule above, and the red and black
lists one click away."""

from __future__ import annotations

from app.dashboard.board import Board

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from ui.issues.rates_model import RatesModel, rule_text
from ui.widgets.tables import read_only_view

ROWS_SHOWN = 8  # the table's height; more rows scroll


class RatesBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("三率（响应率、解决率、满意率）"), parent)
        self.units = RatesModel(self.tr("承办单位"), self)
        self.places = RatesModel(self.tr("社区"), self)
        self.rule = QLabel(self)
        self.rule.setWordWrap(True)
        self.ranking_button = QPushButton(self.tr("红黑榜…"), self)
        self.tabs = QTabWidget(self)
        for model, title in ((self.units, self.tr("承办单位")), (self.places, self.tr("社区"))):
            table = read_only_view(model, self, stretch=0)
            table.setSortingEnabled(True)
            table.setMinimumHeight(28 * ROWS_SHOWN)
            self.tabs.addTab(table, title)
        top = QHBoxLayout()
        top.addWidget(self.rule, 1)
        top.addWidget(self.ranking_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)

    def show_board(self, board: Board, by_grid: bool) -> None:
        self.units.load(board.unit_rates, board.rules)
        self.places.load(board.place_rates, board.rules)
        self.places.headers[0] = self.tr("网格") if by_grid else self.tr("社区")
        self.tabs.setTabText(1, self.places.headers[0])
        self.rule.setText(rule_text(board.rules))
