"""从 Excel 导入: choose a kind and a file, see every row's problems, import all or nothing.

The preview plans the whole import without writing (app.excel.importing.preview), so what it
shows is exactly what importing would do, and other windows can save meanwhile. 导入 is
enabled only when no row has a problem; the user fixes the file in Excel and presses 重新检查.
The dialog stays open after an import, for the next file, and remembers the kind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.changes import Changes
from app.database import Database
from app.errors import UserError
from app.excel.importing import (
    Action,
    DatabaseBusy,
    ImportRefused,
    Report,
    import_file,
    preview,
)
from app.excel.kinds import IMPORT_KINDS
from app.excel.template import write_template

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from ui.excel.files import ask_open_path, ask_save_path, last_kind, remember_kind
from ui.excel.preview_models import PreviewModel, ProblemsModel
from ui.excel.work import Cancelled, run_in_background
from ui.i18n import message_text, translate
from ui.tab import TabContext
from ui.widgets import palette
from ui.widgets.saved_notice import show_saved
from ui.widgets.screen import fit_to_screen

MIN_WIDTH, MAX_WIDTH = 56, 260
PROBLEM_COLUMN_WIDTHS = (56, 120)  # the row number, the column
WRAPPED_PROBLEMS = 300  # measuring every row's height is slow beyond this; tooltips remain


class ImportDialog(QDialog):
    """Imports one Excel file after another. ``back_up``, when given, runs on the import's
    worker before each import writes (the automatic backup before an import)."""

    def __init__(
        self,
        context: TabContext,
        parent: QWidget | None = None,
        *,
        back_up: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._back_up = back_up
        self.path: Path | None = None
        self.report: Report | None = None
        self.setWindowTitle(self.tr("从 Excel 导入"))
        fit_to_screen(self, 1100, 660)

        self.kind = QComboBox(self)
        for key, kind in IMPORT_KINDS.items():
            self.kind.addItem(translate("excel", kind.title), key)
        self.kind.setCurrentIndex(max(self.kind.findData(last_kind()), 0))
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        template_button = QPushButton(self.tr("下载模板…"), self)
        template_button.setAutoDefault(False)
        template_button.clicked.connect(self.save_template)
        choose_button = QPushButton(self.tr("选择文件…"), self)
        choose_button.setAutoDefault(False)
        choose_button.clicked.connect(self.choose_file)
        self.recheck_button = QPushButton(self.tr("重新检查"), self)
        self.recheck_button.setToolTip(self.tr("在 Excel 中改正文件并保存后，重新读取并检查"))
        self.recheck_button.setAutoDefault(False)
        self.recheck_button.clicked.connect(self._check)
        self.file_label = QLabel(self.tr("还没有选择文件。"), self)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.skip_duplicates = QRadioButton(self.tr("跳过"), self)
        self.update_duplicates = QRadioButton(self.tr("用文件内容更新"), self)
        self.skip_duplicates.setChecked(True)
        duplicates = QButtonGroup(self)
        duplicates.addButton(self.skip_duplicates)
        duplicates.addButton(self.update_duplicates)
        self.update_duplicates.toggled.connect(self._check)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.ignored = QLabel(self)  # the file's columns that are not read
        self.ignored.setWordWrap(True)
        self.ignored.setStyleSheet(palette.ERROR_TEXT)
        self.preview_model = PreviewModel(self)
        self.preview_table = self._table(self.preview_model)
        self.problems_model = ProblemsModel(self)
        self.problems_table = self._table(self.problems_model)
        self.problems_table.horizontalHeader().setStretchLastSection(True)
        self.problems_table.setWordWrap(True)  # a long message wraps instead of being cut
        self.problems_table.activated.connect(self._on_problem_activated)
        self.problems_table.clicked.connect(self._on_problem_activated)

        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(
            self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.import_rows)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("导入："), self))
        choose.addWidget(self.kind)
        choose.addWidget(template_button)
        choose.addSpacing(16)
        choose.addWidget(choose_button)
        choose.addWidget(self.recheck_button)
        choose.addWidget(self.file_label, 1)
        layout.addLayout(choose)
        duplicate_row = QHBoxLayout()
        duplicate_row.addWidget(
            QLabel(self.tr("已有的重复记录（按身份证号，或名称与单位）："), self)
        )
        duplicate_row.addWidget(self.skip_duplicates)
        duplicate_row.addWidget(self.update_duplicates)
        duplicate_row.addStretch(1)
        layout.addLayout(duplicate_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.ignored)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.preview_table)
        splitter.addWidget(self.problems_table)
        splitter.setSizes([380, 160])
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self._show(None)

    def _table(self, model: Any) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(24)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return table

    def current_kind(self) -> Any:
        return IMPORT_KINDS[self.kind.currentData()]

    # the user's steps

    def save_template(self) -> None:
        kind = self.current_kind()
        title = translate("excel", kind.title)
        path = ask_save_path(
            self, self.tr("保存导入模板"), self.tr("{kind}导入模板").format(kind=title)
        )
        if path is None:
            return
        try:
            write_template(kind, path)
        except UserError as error:
            QMessageBox.warning(self, self.tr("无法保存模板"), message_text(error.message))
            return
        show_saved(self, path)

    def choose_file(self) -> None:
        path = ask_open_path(self, self.tr("选择要导入的 Excel 文件"))
        if path is not None:
            self.path = path
            self.file_label.setText(str(path))
            self._check()

    def import_rows(self) -> None:
        if self.report is None or self.path is None or self.report.problems:
            return
        if not self._confirmed(self.report, self.path):
            return
        kind, path, update = self.report.kind, self.path, self.update_duplicates.isChecked()
        database = self.context.database
        while True:
            try:
                done = run_in_background(
                    self,
                    self.tr("正在导入…"),
                    lambda progress: self._backed_up_import(database, kind, path, update, progress),
                )
                break
            except DatabaseBusy as busy:
                if not self._retry(message_text(busy.message)):
                    return
            except ImportRefused as refused:  # the file or the database changed since
                self._show(refused.report)
                QMessageBox.warning(self, self.tr("没有导入"), message_text(refused.message))
                return
            except (UserError, Cancelled) as error:
                self._show(None)
                if isinstance(error, UserError):
                    QMessageBox.warning(self, self.tr("没有导入"), message_text(error.message))
                return
        self.context.events.announce(Changes.of(kind.area, *kind.also_changes), self)
        self._show_imported(done, path)

    def _backed_up_import(
        self, database: Database, kind: Any, path: Path, update: bool, progress: Any
    ) -> Report:
        if self._back_up is not None:
            self._back_up()
        return import_file(database, kind, path, update, progress)

    def _confirmed(self, report: Report, path: Path) -> bool:
        """Asks before writing; 导入 is the default button (Enter)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("导入"),
            self.tr(
                "将从“{file}”导入{kind}：新增 {new} 条，更新 {updated} 条，跳过重复 {skipped} 条。"
                "\n\n全部导入成功才会保存，要开始吗？"
            ).format(
                file=path.name,
                kind=translate("excel", report.kind.title),
                new=report.count(Action.CREATE),
                updated=report.count(Action.UPDATE),
                skipped=report.count(Action.SKIP),
            )
            + (f"\n{message_text(report.note)}" if report.note else ""),
            parent=self,
        )
        start = box.addButton(self.tr("导入"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(start)
        box.exec()
        return box.clickedButton() is start

    def _retry(self, reason: str) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("数据库正被使用"),
            reason,
            QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Retry,
        )
        return answer == QMessageBox.StandardButton.Retry

    def _show_imported(self, done: Report, path: Path) -> None:
        """The import's result in the dialog, which stays open for the next file."""
        self.path = None
        self.file_label.setText(self.tr("还没有选择文件。"))
        self._show(None)
        self.summary.setStyleSheet(palette.DONE_TEXT)
        self.summary.setText(
            self.tr(
                "已从“{file}”导入：新增 {new} 条，更新 {updated} 条，跳过重复 {skipped} 条。"
                "可以接着选择下一个文件，或关闭。"
            ).format(
                file=path.name,
                new=done.count(Action.CREATE),
                updated=done.count(Action.UPDATE),
                skipped=done.count(Action.SKIP),
            )
        )

    def _on_kind_changed(self) -> None:
        remember_kind(self.kind.currentData())
        self._check()

    # checking

    def _check(self) -> None:
        if self.path is None:
            self._show(None)  # the columns of the kind chosen
            return
        kind, path, update = self.current_kind(), self.path, self.update_duplicates.isChecked()
        database = self.context.database
        try:
            report = run_in_background(
                self,
                self.tr("正在检查“{file}”…").format(file=path.name),
                lambda progress: preview(database, kind, path, update, progress),
            )
        except Cancelled:
            self._show(None)
            return
        except UserError as error:
            self._show(None, message_text(error.message))
            return
        self._show(report)

    def _show(self, report: Report | None, error: str = "") -> None:
        self.report = report
        self.preview_model.set_report(self.current_kind(), report)
        self.problems_model.set_problems(report.problems if report else [])
        self.problems_table.setVisible(bool(report and report.problems))
        self.recheck_button.setEnabled(self.path is not None)
        self.preview_table.resizeColumnsToContents()  # Qt measures the first rows only
        for column in range(self.preview_model.columnCount()):
            width = self.preview_table.columnWidth(column)
            self.preview_table.setColumnWidth(column, min(max(width, MIN_WIDTH), MAX_WIDTH))
        for column, width in enumerate(PROBLEM_COLUMN_WIDTHS):
            self.problems_table.setColumnWidth(column, width)
        if self.problems_model.rowCount() <= WRAPPED_PROBLEMS:
            self.problems_table.resizeRowsToContents()
        writes = report is not None and (
            report.count(Action.CREATE) + report.count(Action.UPDATE) > 0
        )
        self.import_button.setEnabled(writes and not report.problems if report else False)
        self.summary.setStyleSheet(
            palette.ERROR_TEXT if error or (report and report.problems) else ""
        )
        note = f" {message_text(report.note)}" if report and report.note else ""
        self.summary.setText(error or self._summary(report) + note)
        ignored = report.ignored_note() if report else None
        self.ignored.setText(message_text(ignored) if ignored else "")
        self.ignored.setVisible(ignored is not None)

    def _summary(self, report: Report | None) -> str:
        if report is None:
            return self.tr(
                "选择种类后可“下载模板”，在 Excel 中填写，再“选择文件”。导入前会逐行检查，"
                "有问题的行不会导入，也不会导入其他任何行。"
            )
        counts = self.tr("共 {rows} 行：新增 {new}，更新 {updated}，跳过重复 {skipped}").format(
            rows=len(report.rows),
            new=report.count(Action.CREATE),
            updated=report.count(Action.UPDATE),
            skipped=report.count(Action.SKIP),
        )
        if report.problems:
            return self.tr(
                "{counts}；{bad} 行有问题（共 {n} 处，见下方列表）。请在 Excel 中改正并保存，"
                "再按“重新检查”。"
            ).format(counts=counts, bad=report.count(Action.PROBLEM), n=len(report.problems))
        if report.count(Action.CREATE) + report.count(Action.UPDATE) == 0:
            return self.tr("{counts}。没有要写入的记录。").format(counts=counts)
        return self.tr("{counts}。没有发现问题，可以导入。").format(counts=counts)

    def _on_problem_activated(self, index: QModelIndex) -> None:
        row = self.preview_model.row_of(self.problems_model.problem(index.row()).row)
        if row is not None:
            self.preview_table.selectRow(row)
            self.preview_table.scrollTo(self.preview_model.index(row, 0))
