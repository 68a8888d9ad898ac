"""The 七个共 matrix (百对党支部共建联盟): the branch pairings × the seven joint activities.

Above the grid: the year, the zone and community filters, a search by branch, unit or
community, and how far the pairs have got. Clicking an activity cell (or Enter on it) records
a fulfilment for that pairing's commitment to the activity; the cell turns done at once, and
Ctrl+Z takes it back. Ctrl+P previews the matrix as a landscape PDF; 导出 Excel writes it as
an .xlsx. Clicking a heading sorts (完成: by how many of the seven are done).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.agreements.lifecycle import fulfilment_refusal
from app.agreements.matrix import (
    SEVEN,
    MatrixRow,
    average_percent,
    matrix_title,
    matrix_years,
    seven_matrix,
)
from app.agreements.records import FulfilmentData
from app.changes import Changes
from app.directory.lists import org_tree
from app.enums import OrgLevel
from app.errors import UserError

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from ui.agreements.matrix_commands import FulfilmentCommand, record_cell
from ui.agreements.matrix_dialog import FulfilmentDialog
from ui.agreements.matrix_model import COMPLETION, FIRST_ACTIVITY, MatrixModel
from ui.agreements.matrix_print import DEFAULT_COUNT, MatrixPrintDialog, PrintChoice
from ui.agreements.view_base import AgreementsView
from ui.i18n import enum_text, message_text
from ui.models.paged_table import ID_ROLE
from ui.tab import TabContext
from ui.widgets.saved_notice import show_saved

LEGEND_STYLE = "color: #555;"


class MatrixView(AgreementsView):
    def __init__(
        self, context: TabContext, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(context, parent, today=today)
        self.model = MatrixModel(self)
        self._print_choice = (PrintChoice.ALL, DEFAULT_COUNT)  # the last print's, for the next

        self.year = QComboBox(self)
        self.zone = QComboBox(self)
        self.community = QComboBox(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索支部、单位或社区（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.summary = QLabel(self)
        self.record_button = QPushButton(self.tr("登记履约…"), self)
        self.record_button.setToolTip(self.tr("为选中的格子登记一次活动（回车）"))
        context.lock_writes(self.record_button)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.print_button.setToolTip(self.tr("打印预览（Ctrl+P）"))
        self.export_button = QPushButton(self.tr("导出 Excel…"), self)
        self.table = QTableView(self)
        self.legend = QLabel(
            self.tr(
                "√ 已开展（最近一次的日期）　○ 已承诺、尚未开展　— 未承诺。"
                "双击格子或按回车登记履约；Ctrl+Z 撤销。"
            ),
            self,
        )
        self.legend.setStyleSheet(LEGEND_STYLE)
        self._set_up_table()
        self._fill_filters()
        self._build_layout()

        self.year.currentIndexChanged.connect(self.refresh)
        self.zone.currentIndexChanged.connect(self._on_zone_current_index_changed)
        self.community.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.record_button.clicked.connect(self.record_current)
        self.print_button.clicked.connect(self.print_current)
        self.export_button.clicked.connect(self.export_xlsx)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.refresh()

    def _set_up_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(26)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the branch's name
        table.setSortingEnabled(True)
        header.setSortIndicator(COMPLETION, Qt.SortOrder.DescendingOrder)
        # at least as wide as the heading and its sort arrow (English headings are longer)
        widths = {1: 110, COMPLETION: 60} | dict.fromkeys(range(FIRST_ACTIVITY, COMPLETION), 90)
        for column, width in widths.items():
            table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        table.installEventFilter(self)

    def _fill_filters(self) -> None:
        """The years, zones and communities to choose from, keeping what is chosen (they
        change when a pairing is added or the directory is edited)."""
        with self.database.reader() as session:
            years = matrix_years(session, self.today)
            nodes = org_tree(session)
        self._communities = [n for n in nodes if n.level is OrgLevel.COMMUNITY]
        year = self.year.currentData() or self.today.year
        zone = self.zone.currentData()
        self.year.setToolTip(self.tr("年度"))
        self.zone.setToolTip(self.tr("片区"))
        self.community.setToolTip(self.tr("社区"))
        blocked = [c.blockSignals(True) for c in (self.year, self.zone)]
        self.year.clear()
        for each in years:
            self.year.addItem(self.tr("{year}年").format(year=each), each)
        self.year.setCurrentIndex(max(0, self.year.findData(year)))
        self.zone.clear()
        self.zone.addItem(self.tr("全部片区"), None)
        for node in nodes:
            if node.level is OrgLevel.ZONE:
                self.zone.addItem(node.name, node.id)
        self.zone.setCurrentIndex(max(0, self.zone.findData(zone)))
        for combo, was in zip((self.year, self.zone), blocked, strict=True):
            combo.blockSignals(was)
        self._fill_communities()

    def _fill_communities(self) -> None:
        zone = self.zone.currentData()
        kept = self.community.currentData()
        self.community.blockSignals(True)
        self.community.clear()
        self.community.addItem(self.tr("全部社区"), None)
        for node in self._communities:
            if zone is None or node.parent_id == zone:
                self.community.addItem(node.name, node.id)
        self.community.setCurrentIndex(max(0, self.community.findData(kept)))
        self.community.blockSignals(False)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        for widget in (self.year, self.zone, self.community):
            top.addWidget(widget)
        top.addWidget(self.search, 1)
        top.addWidget(self.record_button)
        top.addWidget(self.print_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)

    # the view's interface

    def refresh(self) -> None:
        kept = self.table.currentIndex()
        kept_id = kept.data(ID_ROLE) if kept.isValid() else None
        with self.database.reader() as session:
            rows = seven_matrix(
                session,
                self.current_year(),
                zone_id=self.zone.currentData(),
                community_id=self.community.currentData(),
            )
        self.model.set_rows(rows)  # in the order of the heading clicked last
        if kept_id is not None and (row := self.model.row_of(kept_id)) is not None:
            self.table.setCurrentIndex(self.model.index(row, kept.column()))
        self._show_summary(rows)
        self._ready = True

    def new_record(self) -> None:
        self.record_current()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def print_current(self) -> None:
        from app.exports.pdf.matrix import render_matrix

        from ui.printing.preview import preview_pdf

        rows = self.model.rows
        if not rows:
            return
        choice, count = self._print_choice
        dialog = MatrixPrintDialog(len(rows), self, choice=choice, count=count)
        self.dialog = dialog
        accepted = dialog.exec() == MatrixPrintDialog.DialogCode.Accepted
        self.dialog = None
        if not accepted:
            return
        self._print_choice = (dialog.choice(), dialog.count())
        chosen, note = dialog.chosen_rows(rows)
        scope = " · ".join(part for part in (self._scope(), note) if part)
        data = render_matrix(chosen, self.current_year(), scope)
        preview_pdf(self, data, matrix_title(self.current_year()))

    def current_year(self) -> int:
        year = self.year.currentData()
        return int(year) if year is not None else self.today.year

    # recording

    def record_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() or index.column() < FIRST_ACTIVITY:
            index = self.model.index(max(0, index.row()), FIRST_ACTIVITY)
        self.record_at(index)

    def record_at(self, index: QModelIndex) -> FulfilmentDialog | None:
        found = self.model.cell_at(index)
        if found is None:
            return None
        row, cell = found
        refusal = fulfilment_refusal(row.branch_name, row.status)
        if refusal is not None:
            QMessageBox.warning(self, self.tr("无法登记履约"), message_text(refusal))
            return None
        year = self.current_year()
        held_on = min(max(self.today, date(year, 1, 1)), date(year, 12, 31))
        dialog = FulfilmentDialog(row, cell, held_on, self)
        dialog.set_saver(lambda data: self._record(row, data))
        self._open(dialog)
        return dialog

    def _record(self, row: MatrixRow, data: FulfilmentData) -> str:
        with self.database.session() as session:
            fulfilment_id = record_cell(session, row.agreement_id, data)
        assert data.activity is not None
        text = self.tr("登记履约：{branch} {activity}").format(
            branch=row.branch_name, activity=enum_text(data.activity)
        )
        command = FulfilmentCommand(
            text, self.database, self.context.events, row.agreement_id, data, fulfilment_id
        )
        self.context.undo_stack.push(command)  # announces the change: the cell updates
        if data.held_on is not None and data.held_on.year != self.current_year():
            QMessageBox.information(
                self,
                self.tr("登记履约"),
                self.tr("已登记。活动日期在{year}年，不计入当前显示的年度。").format(
                    year=data.held_on.year
                ),
            )
        return fulfilment_id

    # exporting

    def export_xlsx(self) -> Path | None:
        from app.agreements.matrix_export import write_matrix_xlsx
        from app.exports.pdf.writing import safe_file_name

        year = self.current_year()
        name = safe_file_name(
            matrix_title(year) + (f"（{self._scope()}）" if self._scope() else "")
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("导出 Excel"),
            str(Path.home() / f"{name}.xlsx"),
            self.tr("Excel 工作簿 (*.xlsx)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            write_matrix_xlsx(self.model.rows, year, path)
        except UserError as error:
            QMessageBox.warning(self, self.tr("无法导出"), message_text(error.message))
            return None
        show_saved(self, path)
        return path

    # helpers

    def _scope(self) -> str:
        """The filter shown, as the documents name it ("" for the whole list)."""
        if self.community.currentData() is not None:
            return self.community.currentText()
        if self.zone.currentData() is not None:
            return self.zone.currentText()
        return ""

    def _show_summary(self, rows: list[MatrixRow]) -> None:
        if not rows:
            self.summary.setText(
                self.tr("{year}年没有生效的支部结对。请换一个年度或清除筛选。").format(
                    year=self.current_year()
                )
            )
            return
        full = sum(r.completion == len(SEVEN) for r in rows)
        self.summary.setText(
            self.tr("共 {pairs} 对结对 · 平均完成率 {percent}% · 七项全部完成 {full} 对").format(
                pairs=len(rows), percent=average_percent(rows), full=full
            )
        )

    # slots

    def _on_zone_current_index_changed(self, _index: int) -> None:
        self._fill_communities()
        self.refresh()

    def _on_search_text_changed(self, text: str) -> None:
        self.model.set_search(text)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        self.record_at(index)

    def take_changes(self, _changes: Changes, origin: object) -> None:
        if origin is not self:
            self._fill_filters()  # a new community, a new agreement's party
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.record_at(self.table.currentIndex())
                return True
        return super().eventFilter(watched, event)
