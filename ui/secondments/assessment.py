"""The annual assessment view (年度考核): every cadre's two-way evaluations of one year.

One row per posting and period, the home and the host unit's grade and score side by side;
a large disagreement (see ``app.secondments.records.is_disagreement``) is marked in red, and
只看差异较大 narrows the list to those. The forms print and export in one go: the rows
selected (Ctrl+A: all), or every row shown when none is; 打印 previews them as one document,
导出 PDF writes one file or one file per posting into a folder. Double-clicking a row selects
that posting in the tab.

Signals:
    posting_chosen(str): the posting of a row double-clicked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from app.database import Database
from app.errors import UserError
from app.secondments.evaluations import AssessmentRow, EvaluationView, annual_assessment

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import enum_text, message_text
from ui.secondments.detail import DISAGREEMENT_FILL, _item
from ui.secondments.form_output import FormOutput
from ui.widgets.screen import fit_to_screen
from ui.widgets.tables import read_only_table

SIZE = (980, 560)
T = TypeVar("T")


class AssessmentDialog(QDialog):
    posting_chosen = Signal(str)

    def __init__(self, database: Database, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self.rows: list[AssessmentRow] = []  # the rows shown
        self.output = FormOutput(database, self)
        self.setWindowTitle(self.tr("年度考核：挂职干部双向评价"))
        fit_to_screen(self, *SIZE)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.year.setSuffix(self.tr(" 年度"))
        self.disagreement_only = QCheckBox(self.tr("只看差异较大"), self)
        self.disagreement_only.setToolTip(
            self.tr("只列出派出单位和挂职单位评价相差较大、需要核实的干部")
        )
        self.summary = QLabel(self)
        self.table = read_only_table(
            [self.tr("姓名"), self.tr("挂职类型"), self.tr("派出单位"), self.tr("挂职单位"),
             self.tr("评价类别"), self.tr("派出单位评价"), self.tr("挂职单位评价"),
             self.tr("两方差异")],
            self,
            alternate=True,
        )  # fmt: skip
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.itemSelectionChanged.connect(self._show_counts)

        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.print_forms)
        self.export_button = QPushButton(self)
        export_menu = QMenu(self.export_button)
        self.export_one = export_menu.addAction(self.tr("合并为一个 PDF 文件…"), self.export_file)
        self.export_each = export_menu.addAction(
            self.tr("每人一个 PDF 文件，存入文件夹…"), self.export_folder
        )
        self.export_button.setMenu(export_menu)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        self.hint = QLabel(
            self.tr(
                "选中几行（Ctrl 或 Shift 加单击，Ctrl+A 全选）只打印这几份；"
                "不选则打印列表中的全部。"
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")

        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(self.disagreement_only)
        top.addWidget(self.summary, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.year.valueChanged.connect(self.reload)
        self.disagreement_only.toggled.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        with self._database.reader() as session:
            every = annual_assessment(session, self.year.value())
        flagged = sum(r.pair.disagreement for r in every)
        only = self.disagreement_only.isChecked()
        self.rows = [r for r in every if r.pair.disagreement] if only else every
        self.table.clearSelection()
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
        people = len({r.posting_id for r in every})
        self.summary.setText(
            self.tr("{people}名干部，{n}份评价，{flagged}处两方差异较大").format(
                people=people, n=len(every), flagged=flagged
            )
        )
        self._show_counts()

    def _grade(self, view: EvaluationView | None) -> str:
        if view is None:
            return self.tr("未评价")
        data = view.data
        grade = enum_text(data.grade) if data.grade else ""
        return f"{grade} {data.score:.1f}" if data.score is not None else grade

    # the forms

    def chosen_rows(self) -> list[AssessmentRow]:
        """The rows selected, in the list's order; every row shown when none is selected."""
        selected = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.rows[i] for i in selected] if selected else list(self.rows)

    def print_forms(self) -> bool:
        """Previews the chosen forms as one document; True when printed from the preview."""
        return bool(self._act(self.output.print_forms))

    def export_file(self) -> Path | None:
        return self._act(self.output.save_file)

    def export_folder(self) -> list[Path] | None:
        return self._act(self.output.save_folder)

    def _act(self, action: Callable[[list[AssessmentRow]], T]) -> T | None:
        rows = self.chosen_rows()
        if not rows:
            return None
        try:
            return action(rows)
        except UserError as error:
            QMessageBox.warning(self, self.tr("无法完成"), message_text(error.message))
            return None

    def _show_counts(self) -> None:
        count = len(self.chosen_rows())
        self.print_button.setText(self.tr("打印 {n} 份评价表…").format(n=count))
        self.export_button.setText(self.tr("导出 {n} 份 PDF").format(n=count))
        for button in (self.print_button, self.export_button):
            button.setEnabled(count > 0)

    def _on_table_double_clicked(self, index: object) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self.posting_chosen.emit(self.rows[row].posting_id)
            self.accept()
