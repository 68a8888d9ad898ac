"""三率 rows as a table: the unit or community, its orders, the three rates, the score and its
place — "样本不足" where it has too few orders or follow-ups to be ranked. Sortable by any
column; at most a few hundred rows (the units of a street), so they are held in memory."""

from __future__ import annotations

from typing import Any

from app.dashboard.rates import RateRow, ranked
from app.issues.rules import IssueRules

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from ui.models.rows_table import RowsTableModel

ModelIndex = QModelIndex | QPersistentModelIndex
UNRANKED = QColor("#6b6b6b")


def rule_text(rules: IssueRules) -> str:
    """The office's rule in words, shown above the figures."""
    return QCoreApplication.translate(
        "RatesModel",
        "得分＝响应率×{a}%＋解决率×{b}%＋满意率×{c}%；派单不足{n}件或回访不足{m}件的不排名。",
    ).format(a=rules.weights[0], b=rules.weights[1], c=rules.weights[2], n=rules.min_samples,
             m=rules.min_rated)  # fmt: skip


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


class RatesModel(RowsTableModel):
    def __init__(self, first: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = [first, self.tr("件数"), self.tr("响应率"), self.tr("解决率"),
                        self.tr("满意率"), self.tr("得分"), self.tr("排名")]  # fmt: skip
        self.rows: list[RateRow] = []
        self.rules = IssueRules()
        self.places: dict[int, int] = {}

    def load(
        self, rows: list[RateRow], rules: IssueRules, among: list[RateRow] | None = None
    ) -> None:
        """Shows ``rows``, placed among ``among`` (default: themselves)."""
        self.beginResetModel()
        self.rows, self.rules = list(rows), rules
        everyone = rows if among is None else among
        self.places = {id(row): n for n, (row, _s) in enumerate(ranked(everyone, rules), start=1)}
        self.endResetModel()

    def _values(self, row: RateRow) -> tuple[Any, ...]:
        score = row.score(self.rules)
        place = self.places.get(id(row))
        return (row.name, row.received, row.response_rate, row.resolution_rate,
                row.satisfaction_rate, score, place)  # fmt: skip

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        value = self._values(row)[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column in (2, 3, 4):
                return percent(value)
            if column == 5:
                return "—" if value is None else f"{value:.1f}"
            if column == 6:
                return self.tr("样本不足") if value is None else str(value)
            return f"{value:,}" if isinstance(value, int) else value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and id(row) not in self.places:
            return UNRANKED
        if role == Qt.ItemDataRole.ToolTipRole and id(row) not in self.places:
            return self.tr("不足{n}件或回访不足{m}件，不排名").format(
                n=self.rules.min_samples, m=self.rules.min_rated
            )
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Unranked rows and missing figures last, whichever the direction."""
        descending = order == Qt.SortOrder.DescendingOrder

        def key(row: RateRow) -> tuple[bool, Any]:
            value = self._values(row)[column]
            return (value is None, value if value is not None else 0)

        present = [r for r in self.rows if self._values(r)[column] is not None]
        missing = [r for r in self.rows if self._values(r)[column] is None]
        self.beginResetModel()
        self.rows = sorted(present, key=key, reverse=descending) + missing
        self.endResetModel()
