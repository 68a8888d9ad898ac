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
DISPLAY, ALIGNMENT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole
FOREGROUND, TOOLTIP = Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


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
        # each row's figures and texts, worked out once: a view asks data() some twenty
        # times per cell as it sizes and paints
        self._figures: dict[int, tuple[Any, ...]] = {}
        self._texts: dict[int, tuple[str, ...]] = {}

    def load(
        self, rows: list[RateRow], rules: IssueRules, among: list[RateRow] | None = None
    ) -> None:
        """Shows ``rows``, placed among ``among`` (default: themselves)."""
        self.beginResetModel()
        self.rows, self.rules = list(rows), rules
        everyone = rows if among is None else among
        self.places = {id(row): n for n, (row, _s) in enumerate(ranked(everyone, rules), start=1)}
        self._figures = {id(row): self._work_out(row) for row in self.rows}
        self._texts = {key: self._text(figures) for key, figures in self._figures.items()}
        self.endResetModel()

    def _work_out(self, row: RateRow) -> tuple[Any, ...]:
        score = row.score(self.rules)
        place = self.places.get(id(row))
        return (row.name, row.received, row.response_rate, row.resolution_rate,
                row.satisfaction_rate, score, place)  # fmt: skip

    def _text(self, figures: tuple[Any, ...]) -> tuple[str, ...]:
        name, received, response, resolution, satisfaction, score, place = figures
        return (name, f"{received:,}", percent(response), percent(resolution),
                percent(satisfaction), "—" if score is None else f"{score:.1f}",
                self.tr("样本不足") if place is None else str(place))  # fmt: skip

    def _values(self, row: RateRow) -> tuple[Any, ...]:
        return self._figures[id(row)]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == DISPLAY:
            return self._texts[id(row)][index.column()]
        if role == ALIGNMENT and index.column() > 0:
            return RIGHT
        if role == FOREGROUND and id(row) not in self.places:
            return UNRANKED
        if role == TOOLTIP and id(row) not in self.places:
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
