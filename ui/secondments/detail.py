"""The selected posting on the right of the secondments tab: its name and state, the action
buttons (always in the same place), its facts and warnings, and three pages — work records,
monthly reports (考勤/履职, missing ones marked) and the two-way evaluation with both sides
side by side (a large disagreement marked in red).

The panel shows data; the tab owns the actions (buttons here emit signals).

Signals:
    action_requested(str): "edit", "extend", "end_early", "delete", "print_evaluation",
        "print_assessment", "save_evaluation", "save_assessment", "new_log", "edit_log",
        "delete_log", "new_evaluation", "edit_home", "edit_host".
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from app.database import Database
from app.errors import UserError
from app.secondments.lifecycle import Action

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import enum_text
from ui.widgets import palette
from ui.widgets.tables import read_only_table

if TYPE_CHECKING:  # the secondment use cases load with the first posting shown
    from app.secondments.evaluations import EvaluationPair
    from app.secondments.logs import MonthReport, WorkLogView
    from app.secondments.service import PostingDetail

DISAGREEMENT_FILL = QColor(palette.ERROR_FILL)
MISSING_FILL = QColor(palette.WARNING_FILL)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
WARNING_STYLE = palette.banner(palette.WARNING_FILL, palette.WARNING_AMBER)


def _item(text: str, key: str | None = None, fill: QColor | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if key is not None:
        item.setData(ID_ROLE, key)
    if fill is not None:
        item.setBackground(QBrush(fill))
    return item


class PostingDetailPanel(QWidget):
    action_requested = Signal(str)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self.detail: PostingDetail | None = None
        self.pairs: list[EvaluationPair] = []
        self.log_views: list[WorkLogView] = []

        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.facts = QLabel(self)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setWordWrap(True)
        self.warning = QLabel(self)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        self.empty = QLabel(self.tr("在左侧选择一项挂职，或按 Ctrl+N 新建。"), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(palette.EMPTY_NOTE)

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, text in (
            ("edit", self.tr("编辑…")),
            ("extend", self.tr("延期…")),
            ("end_early", self.tr("提前结束…")),
            ("delete", self.tr("删除")),
        ):
            actions.addWidget(self._button(key, text))
        actions.addStretch(1)
        # printing on a row of its own, so the pane stays narrow enough for the list at 1366 px
        printing = QHBoxLayout()
        for key, text in (
            ("print_evaluation", self.tr("评价表…")),
            ("print_assessment", self.tr("鉴定表…")),
            ("save_pdf", self.tr("另存 PDF")),
        ):
            printing.addWidget(self._button(key, text))
        self.buttons["print_evaluation"].setToolTip(
            self.tr("打印预览双向评价表：选中的那一期，未选时为最近一期（Ctrl+P）")
        )
        self.buttons["print_assessment"].setToolTip(self.tr("打印预览挂职鉴定表"))
        save_menu = QMenu(self)
        for key, text in (
            ("save_evaluation", self.tr("双向评价表…")),
            ("save_assessment", self.tr("挂职鉴定表…")),
        ):
            save_menu.addAction(text, partial(self.action_requested.emit, key))
        self.buttons["save_pdf"].setMenu(save_menu)
        printing.addStretch(1)

        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self.log_table = read_only_table(
            [self.tr("日期"), self.tr("类别"), self.tr("工时"), self.tr("关联"), self.tr("内容")],
            self,
            alternate=True,
        )
        self.log_table.doubleClicked.connect(lambda _i: self.action_requested.emit("edit_log"))
        self.month_table = read_only_table(
            [self.tr("月份"), self.tr("考勤报告"), self.tr("履职报告"), self.tr("工作记录"),
             self.tr("工时")],
            self,
            alternate=True,
        )  # fmt: skip
        self.evaluation_table = read_only_table(
            [self.tr("类别"), self.tr("年度"), self.tr("派出单位等次"), self.tr("得分"),
             self.tr("挂职单位等次"), self.tr("得分"), self.tr("两方差异")],
            self,
            alternate=True,
        )  # fmt: skip
        self.evaluation_table.setWordWrap(True)
        self.pages.addTab(
            self._page(
                self.log_table,
                (
                    ("new_log", self.tr("新建记录…")),
                    ("edit_log", self.tr("修改…")),
                    ("delete_log", self.tr("删除记录")),
                ),  # fmt: skip
            ),
            self.tr("工作记录"),
        )
        self.pages.addTab(self._page(self.month_table, ()), self.tr("月度报告"))
        self.pages.addTab(
            self._page(
                self.evaluation_table,
                (
                    ("new_evaluation", self.tr("新建评价…")),
                    ("edit_home", self.tr("修改派出单位评价…")),
                    ("edit_host", self.tr("修改挂职单位评价…")),
                ),  # fmt: skip
            ),
            self.tr("双向评价"),
        )

        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        # the buttons right under the title: the facts and the reminder below them change in
        # height from one posting to the next, and the buttons must not move with them
        body.addWidget(self.title)
        body.addLayout(actions)
        body.addLayout(printing)
        body.addWidget(self.facts)
        body.addWidget(self.warning)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.empty, 1)
        self.show_posting(None)

    def _button(self, key: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(partial(self.action_requested.emit, key))
        self.buttons[key] = button
        return button

    def _page(self, table: QTableWidget, buttons: tuple[tuple[str, str], ...]) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        if buttons:
            row = QHBoxLayout()
            for key, text in buttons:
                row.addWidget(self._button(key, text))
            row.addStretch(1)
            layout.addLayout(row)
        layout.addWidget(table, 1)
        return page

    # showing

    def posting_id(self) -> str | None:
        return self.detail.id if self.detail is not None else None

    def show_posting(self, posting_id: str | None, today: date | None = None) -> None:
        self.detail = None
        if posting_id is not None:
            from app.secondments import evaluations, logs, reminders, service

            try:
                with self._database.reader() as session:
                    self.detail = service.get_posting(session, posting_id)
                    self.log_views = logs.posting_logs(session, posting_id)
                    months = logs.monthly_reports(session, posting_id, today)
                    self.pairs = evaluations.evaluation_pairs(session, posting_id)
                    missing = logs.missing_reports(session, today, posting_id)
                    due = reminders.evaluations_due(session, today, posting_id=posting_id)
            except UserError:
                self.detail = None
        self.body.setVisible(self.detail is not None)
        self.empty.setVisible(self.detail is None)
        if self.detail is None:
            return
        self._show_facts(self.detail)
        self._show_logs(self.log_views)
        self._show_months(months, {(m.period, m.kind) for m in missing}, today or date.today())
        self._show_pairs(self.pairs)
        warnings = []
        if missing:
            periods = sorted({m.period for m in missing})
            warnings.append(self.tr("月度报告未交：{months}").format(months="、".join(periods)))
        for d in due:
            sides = "、".join(enum_text(s) for s in d.sides)
            warnings.append(
                self.tr("{year}年{period}评价待{sides}完成").format(
                    year=d.year, period=enum_text(d.period), sides=sides
                )
            )
        self.warning.setText("；".join(warnings))
        self.warning.setVisible(bool(warnings))
        actions = self.detail.actions
        self.buttons["extend"].setEnabled(Action.EXTEND in actions)
        self.buttons["end_early"].setEnabled(Action.END_EARLY in actions)
        self.buttons["delete"].setEnabled(True)
        self.buttons["print_assessment"].setEnabled(Action.ASSESS in actions)

    def _show_facts(self, d: PostingDetail) -> None:
        self.title.setText(
            self.tr("{name}　{kind}　{status}").format(
                name=d.person_name, kind=enum_text(d.kind), status=enum_text(d.status)
            )
        )
        lines = [
            self.tr("派出：{home}　{post}").format(home=d.home_name, post=d.data.home_post),
            self.tr("挂职：{host}　{post}").format(host=d.host_name, post=d.data.host_post),
            self._term_line(d),
            *(self._term_changes(d) if d.term_changed else []),
        ]
        if d.mentor_name:
            lines.append(self.tr("导师：{name}").format(name=d.mentor_name))
        if d.data.objectives:
            lines.append(self.tr("任务：{text}").format(text=d.data.objectives))
        self.facts.setText("\n".join(lines))

    def _term_line(self, d: PostingDetail) -> str:
        if not d.term_changed:
            return self.tr("期限：{start} 至 {end}").format(
                start=d.starts_on.isoformat(), end=d.ends_on.isoformat()
            )
        return self.tr("原定期限：{start} 至 {end}").format(
            start=d.starts_on.isoformat(), end=d.planned_ends_on.isoformat()
        )

    def _term_changes(self, d: PostingDetail) -> list[str]:
        """延期 and 提前结束, each with its reason (an extension that an early end cut short
        has no end of its own left); called only for a changed term."""
        lines = []
        if d.extension_reason and not d.early_end_reason:
            lines.append(
                self.tr("延期至 {end}，理由：{reason}").format(
                    end=d.ends_on.isoformat(), reason=d.extension_reason
                )
            )
        elif d.extension_reason:
            lines.append(self.tr("曾延期，理由：{reason}").format(reason=d.extension_reason))
        if d.early_end_reason:
            lines.append(
                self.tr("{end} 提前结束，理由：{reason}").format(
                    end=d.ends_on.isoformat(), reason=d.early_end_reason
                )
            )
        return lines or [self.tr("现结束日期：{end}").format(end=d.ends_on.isoformat())]

    def _show_logs(self, views: list[WorkLogView]) -> None:
        table = self.log_table
        table.setRowCount(len(views))
        for row, view in enumerate(views):
            data = view.data
            link = view.meeting_title or view.issue_title
            when = data.logged_on.isoformat() if data.logged_on else ""
            kind = enum_text(data.kind) + (f" {data.period}" if data.period else "")
            hours = f"{data.hours:.1f}" if data.hours else ""
            for column, text in enumerate((when, kind, hours, link, data.content)):
                table.setItem(row, column, _item(text, view.id))

    def _show_months(
        self, months: list[MonthReport], missing: set[tuple[str, object]], today: date
    ) -> None:
        from app.enums import LogKind

        table = self.month_table
        table.setRowCount(len(months))
        for row, month in enumerate(months):
            cells = [_item(month.period)]
            for kind, view in (
                (LogKind.ATTENDANCE_REPORT, month.attendance),
                (LogKind.DUTY_REPORT, month.duty),
            ):
                if view is not None:
                    cells.append(_item(self.tr("已报 {day}").format(day=view.data.logged_on)))
                elif (month.period, kind) in missing or month.due_on < today:
                    fill = MISSING_FILL if (month.period, kind) in missing else None
                    cells.append(_item(self.tr("未交（应于{day}前）").format(
                        day=month.due_on.isoformat()), fill=fill))  # fmt: skip
                else:
                    cells.append(_item(self.tr("未到期")))
            cells.append(_item(str(month.entries)))
            cells.append(_item(f"{month.hours:.1f}"))
            for column, cell in enumerate(cells):
                table.setItem(row, column, cell)

    def _show_pairs(self, pairs: list[EvaluationPair]) -> None:
        table = self.evaluation_table
        table.setRowCount(len(pairs))
        for row, pair in enumerate(pairs):
            fill = DISAGREEMENT_FILL if pair.disagreement else None
            cells = [_item(enum_text(pair.period), fill=fill), _item(str(pair.year), fill=fill)]
            for view in (pair.home, pair.host):
                if view is None:
                    cells += [_item(self.tr("未评价"), fill=fill), _item("", fill=fill)]
                    continue
                data = view.data
                grade = _item(enum_text(data.grade) if data.grade else "", view.id, fill)
                grade.setToolTip(f"{data.evaluator}　{data.evaluated_on}\n{data.comment}".strip())
                score = f"{data.score:.1f}" if data.score is not None else ""
                cells += [grade, _item(score, view.id, fill)]
            flag = self.tr("差异较大，请核实") if pair.disagreement else ""
            cells.append(_item(flag, fill=fill))
            for column, cell in enumerate(cells):
                table.setItem(row, column, cell)

    # what is selected

    def current_log_id(self) -> str | None:
        row = self.log_table.currentRow()
        return self.log_views[row].id if 0 <= row < len(self.log_views) else None

    def current_pair(self) -> EvaluationPair | None:
        row = self.evaluation_table.currentRow()
        if 0 <= row < len(self.pairs):
            return self.pairs[row]
        return self.pairs[-1] if self.pairs else None
