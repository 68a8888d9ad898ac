"""The annual assessment view (年度考核): every cadre's two-way evaluations of one year.

One row per posting and period, the home and the host unit's grade and score side by side;
a large disagreement (see ``app.secondments.records.is_disagreement``) is marked in red.
Double-clicking a row selects that posting in the tab.

Signals:
    posting_chosen(str): the posting of a row double-clicked.
"""

from __future__ import annotations

from app.database import Database
from app.secondments.evaluations import AssessmentRow, EvaluationView, annual_assessment

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import enum_text
from ui.secondments.detail import DISAGREEMENT_FILL, _item, _table
from ui.widgets.screen import fit_to_screen

SIZE = (980, 560)


class AssessmentDialog(QDialog):
    posting_chosen = Signal(str)

    def __init__(self, database: Database, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self.rows: list[AssessmentRow] = []
        self.setWindowTitle(self.tr("年度考核：挂职干部双向评价"))
        fit_to_screen(self, *SIZE)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.year.setSuffix(self.tr(" 年度"))
        self.summary = QLabel(self)
        self.table = _table(
            self,
            [
                self.tr("姓名"),
                self.tr("挂职类型"),
                self.tr("派出单位"),
                self.tr("挂职单位"),
                self.tr("评价类别"),
                self.tr("派出单位评价"),
                self.tr("挂职单位评价"),
                self.tr("两方差异"),
            ],  # fmt: skip
        )
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.year.valueChanged.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        with self._database.reader() as session:
            self.rows = annual_assessment(session, self.year.value())
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            pair = row.pair
            fill = DISAGREEMENT_FILL if pair.disagreement else None
            cells = [
                row.person_name,
                enum_text(row.kind),
                row.home_name,
                row.host_name,
                enum_text(pair.period),
                self._grade(pair.home),
                self._grade(pair.host),
                self.tr("差异较大") if pair.disagreement else "",
            ]
            for column, text in enumerate(cells):
                self.table.setItem(number, column, _item(text, row.posting_id, fill))
        flagged = sum(r.pair.disagreement for r in self.rows)
        people = len({r.posting_id for r in self.rows})
        self.summary.setText(
            self.tr("{people}名干部，{n}份评价，{flagged}处两方差异较大").format(
                people=people, n=len(self.rows), flagged=flagged
            )
        )

    def _grade(self, view: EvaluationView | None) -> str:
        if view is None:
            return self.tr("未评价")
        data = view.data
        grade = enum_text(data.grade) if data.grade else ""
        return f"{grade} {data.score:.1f}" if data.score is not None else grade

    def _on_table_double_clicked(self, index: object) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self.posting_chosen.emit(self.rows[row].posting_id)
            self.accept()
