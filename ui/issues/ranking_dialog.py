"""红黑榜: for a month, the units (and communities) with the best and the worst scores of the
three rates — only those with enough orders and follow-ups to be ranked; the others are named
apart. The rule (weights, minimum samples) is printed above, as the office set it."""

from __future__ import annotations

from datetime import date

from app.dashboard.period import month_of, previous_month
from app.dashboard.rates import RateRow, community_rates, ranking, unit_rates
from app.dashboard.scope import scope_for
from app.database import Database
from app.issues.rules import IssueRules, load_rules
from app.localtime import beijing_today
from db.base import utcnow

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from ui.issues.rates_model import RatesModel, rule_text
from ui.widgets import palette
from ui.widgets.tables import read_only_view

MONTHS = 24
EARLY_DAYS = 5  # in a month's first days, last month is the one to look at


class _Lists(QWidget):
    """The red list, the black list, and who is not ranked, for units or for communities."""

    def __init__(self, first: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.red, self.black = RatesModel(first, self), RatesModel(first, self)
        self.unranked = QLabel(self)
        self.unranked.setWordWrap(True)
        layout = QVBoxLayout(self)
        for title, model, colour in ((self.tr("红榜"), self.red, palette.ERROR_RED),
                                     (self.tr("黑榜"), self.black, "#202020")):  # fmt: skip
            label = QLabel(title, self)
            label.setStyleSheet(f"font-weight: bold; color: {colour};")
            layout.addWidget(label)
            layout.addWidget(read_only_view(model, self, stretch=0), 1)
        layout.addWidget(self.unranked)

    def show_rows(self, rows: list[RateRow], rules: IssueRules) -> None:
        lists = ranking(rows, rules)
        self.red.load([r for r, _s in lists.red], rules, rows)
        self.black.load([r for r, _s in lists.black], rules, rows)
        names = "、".join(r.name for r in lists.unranked)
        self.unranked.setText(
            self.tr("样本不足，不排名（{n}个）：{names}").format(n=len(lists.unranked), names=names)
            if lists.unranked
            else ""
        )


class RankingDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(self.tr("红黑榜"))
        self.month = QComboBox(self)
        today = beijing_today()
        first = month_of(today).start
        for _ in range(MONTHS):
            self.month.addItem(self.tr("{y}年{m}月").format(y=first.year, m=first.month), first)
            first = previous_month(first)
        self.month.setCurrentIndex(1 if today.day <= EARLY_DAYS else 0)
        self.month.currentIndexChanged.connect(lambda _i: self.reload())
        self.rule = QLabel(self)
        self.rule.setWordWrap(True)
        self.units = _Lists(self.tr("承办单位"), self)
        self.places = _Lists(self.tr("社区"), self)
        tabs = QTabWidget(self)
        tabs.addTab(self.units, self.tr("承办单位"))
        tabs.addTab(self.places, self.tr("社区"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("月份"), self))
        top.addWidget(self.month)
        top.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.rule)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
        self.resize(760, 620)
        self.reload()

    def chosen_month(self) -> date:
        chosen: date = self.month.currentData()
        return chosen

    def reload(self) -> None:
        with self.database.reader() as session:
            scope = scope_for(session, month_of(self.chosen_month()), utcnow())
            rules = load_rules(session)
            units, places = unit_rates(session, scope), community_rates(session, scope)
        self.rule.setText(rule_text(rules))
        self.units.show_rows(units, rules)
        self.places.show_rows(places, rules)
