"""Item models of the import preview: the rows with what will happen to each, and the
problems (row, column, message)."""

from __future__ import annotations

from typing import Any

from app.excel.importing import Action, Problem, Report, RowResult
from app.excel.kind import ImportKind
from app.i18n import QT_TRANSLATE_NOOP

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from ui.i18n import message_text, translate
from ui.models.rows_table import ModelIndex, RowsTableModel
from ui.widgets import palette

ROW_BACKGROUND = QColor(palette.ERROR_FILL)  # a row with a problem
CELL_BACKGROUND = QColor("#f4a9a3")  # the cell the problem is in
PROBLEM_TEXT = QColor(palette.ERROR_RED)
ACTIONS: dict[Action, str] = {
    Action.CREATE: QT_TRANSLATE_NOOP("Excel", "新增"),
    Action.UPDATE: QT_TRANSLATE_NOOP("Excel", "更新"),
    Action.SKIP: QT_TRANSLATE_NOOP("Excel", "跳过（重复）"),
    Action.PROBLEM: QT_TRANSLATE_NOOP("Excel", "有问题"),
}
RESULT = QT_TRANSLATE_NOOP("Excel", "导入结果")
PROBLEM_HEADERS = (
    QT_TRANSLATE_NOOP("Excel", "行"),
    QT_TRANSLATE_NOOP("Excel", "列"),
    QT_TRANSLATE_NOOP("Excel", "问题"),
)


def action_text(action: Action) -> str:
    return translate("Excel", ACTIONS[action])


class PreviewModel(RowsTableModel):
    """The file's rows: its Excel row number, what importing does, then the cells."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._report: Report | None = None
        self.headers: list[str] = []
        self.rows: list[RowResult] = []
        self._problems: dict[tuple[int, str], list[str]] = {}
        self._row_brush = QBrush(ROW_BACKGROUND)
        self._cell_brush = QBrush(CELL_BACKGROUND)
        self._text_brush = QBrush(PROBLEM_TEXT)

    def set_report(self, kind: ImportKind[Any], report: Report | None) -> None:
        """Shows ``report``; without one, only the columns of ``kind`` (no rows)."""
        self.beginResetModel()
        self._report = report
        self.rows = list(report.rows) if report is not None else []
        self.headers = [translate("Excel", PROBLEM_HEADERS[0]), translate("Excel", RESULT)]
        self.headers += [translate("columns", c.header) for c in kind.columns]
        self._problems = {}
        if report is not None:
            for problem in report.problems:
                key = (problem.row, problem.column)
                self._problems.setdefault(key, []).append(message_text(problem.message))
        self.endResetModel()

    def row_of(self, excel_row: int) -> int | None:
        """The model row that shows the file's row ``excel_row``."""
        if self._report is None:
            return None
        return next((i for i, r in enumerate(self._report.rows) if r.row == excel_row), None)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._report is None:
            return None
        result = self._report.rows[index.row()]
        column = index.column()
        header = self._report.kind.columns[column - 2].header if column >= 2 else ""
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return result.row
            if column == 1:
                return action_text(result.action)
            return result.values[column - 2]
        if result.action is not Action.PROBLEM:
            return None
        messages = self._problems.get((result.row, header), [])
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._cell_brush if messages else self._row_brush
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return self._text_brush
        if role == Qt.ItemDataRole.ToolTipRole:
            row_messages = messages or self._problems.get((result.row, ""), [])
            return "\n".join(row_messages) or None
        return None


class ProblemsModel(RowsTableModel):
    """Every problem: the Excel row, the column, the message."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = [translate("Excel", header) for header in PROBLEM_HEADERS]
        self.rows: list[Problem] = []

    def set_problems(self, problems: list[Problem]) -> None:
        self.beginResetModel()
        self.rows = list(problems)
        self.endResetModel()

    def problem(self, row: int) -> Problem:
        return self.rows[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        problem = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return message_text(problem.message)  # the whole text where the cell cuts it
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            return problem.row
        if index.column() == 1:
            return translate("columns", problem.column) if problem.column else ""
        return message_text(problem.message)
