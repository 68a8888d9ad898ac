"""The home tab (首页): how the street is doing, for a period and the whole street or one
community — the tiles first (read straight from the file before the database opens, see
MainWindow.show_quick_page), and the reminders; then, after the first paint, the charts
(pyqtgraph) and the 三率 below them. A tile, a bar or a reminder opens the list of the
records it counts.

The tiles come in two rows: 本期 (the figures of the period chosen) and 当前 (counts as they
stand now, whatever the period). The period is this month, or the month just ended during the
first five days of a month (``app.dashboard.period.reporting_day``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.changes import Area
from app.dashboard.period import Period, PeriodKind, period_of, reporting_day
from app.localtime import beijing_today, to_beijing
from app.summary import Counts, DirectoryCounts

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from ui.home.remembered import HomeChoice
from ui.home.tiles import DIRECTORY_KEYS, PERIOD_KEYS, SNAPSHOT_KEYS, TILE_STYLE, Tile
from ui.i18n import message_text
from ui.tab import TabContext, TabPage

KPI_KEYS = (*PERIOD_KEYS, *SNAPSHOT_KEYS)
QUICK_KEYS = ("open_issues", "active_postings", *DIRECTORY_KEYS)  # known before the database opens
LINK_ROLE = Qt.ItemDataRole.UserRole + 1

if TYPE_CHECKING:  # read once the database is open, not at start-up
    from sqlalchemy.orm import Session

    from app.dashboard.board import Board
    from app.dashboard.scope import Link
    from app.database import Database

    from ui.home.charts import Charts
    from ui.home.rates import RatesBox


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class HomeTab(TabPage):
    """The figures; built with ``figures`` and no context, it shows the quick counts before
    the database is open and reads everything itself once attached."""

    shows = frozenset(Area)  # figures of every area: re-read when shown after any change
    imports_ahead = ("app.dashboard.board", "ui.home.charts", "ui.home.rates")

    def __init__(
        self,
        context: TabContext | None,
        parent: QWidget | None = None,
        *,
        figures: Counts | None = None,
        choice: HomeChoice | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.choice = choice or HomeChoice()
        self.board: Board | None = None
        self.charts: Charts | None = None  # built after the first paint
        self._quick_shown = False  # the figures read before the database opened
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.tiles = {key: Tile(key, self) for key in KPI_KEYS}
        self.tiles.update({key: Tile(key, self, minor=True) for key in DIRECTORY_KEYS})
        for tile in self.tiles.values():
            tile.clicked.connect(lambda key=tile.key: self.open_kpi(key))
        self.reminders = QListWidget(self)
        self.reminders.setMinimumWidth(300)
        self.reminders.setWordWrap(True)
        self.reminders.itemActivated.connect(self._on_reminder_activated)
        self.reminders.itemClicked.connect(self._on_reminder_activated)
        self.rates: RatesBox | None = None  # built after the first paint, under the charts
        self._build_layout(self._build_bar())
        if figures is not None:
            self._show_quick(figures)
        else:
            self.refresh()
        if context is not None:
            self.follow_changes(context.events)

    @classmethod
    def read_ahead(cls, database: Database) -> None:
        """This month's board for the community remembered: its forty-odd statements take
        longer to compile than to run, the first time."""
        from app.dashboard.board import board
        from app.dashboard.scope import scope_for
        from db.base import utcnow

        period = period_of(PeriodKind.MONTH, reporting_day(beijing_today()))
        with database.reader() as session:
            board(session, scope_for(session, period, utcnow(), HomeChoice().community_id or None))

    # building

    def _build_bar(self) -> QHBoxLayout:
        self.kind = QComboBox(self)
        names = (self.tr("月度"), self.tr("季度"), self.tr("年度"), self.tr("自定义"))
        for text, kind in zip(names, PeriodKind, strict=True):
            self.kind.addItem(text, kind.value)
        self.kind.setCurrentIndex(self.kind.findData(self.choice.kind.value))
        today = _qdate(reporting_day(beijing_today()))
        self.first = QDateEdit(today, self)
        self.last = QDateEdit(today, self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.first.setToolTip(self.tr("所选期间含这一天；每月1日至5日默认为上个月"))
        if (custom := self.choice.custom) is not None and self.choice.kind is PeriodKind.CUSTOM:
            self.first.setDate(_qdate(custom[0]))
            self.last.setDate(_qdate(custom[1]))
        self.to_label = QLabel(self.tr("至"), self)
        self.community = QComboBox(self)
        self.community.addItem(self.tr("全街道"), "")
        self.community.setMinimumWidth(140)
        self.report_button = QPushButton(self.tr("工作月报"), self)
        self.report_button.setToolTip(self.tr("所选期间最后一个月、所选范围的工作月报"))
        menu = QMenu(self.report_button)
        menu.addAction(self.tr("打印预览…"), self.print_current)
        menu.addAction(self.tr("另存 PDF…"), self.save_report)
        self.report_button.setMenu(menu)
        self.period_label = QLabel(self)
        self.period_label.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.kind.currentIndexChanged.connect(self._on_choice_changed)
        self.first.dateChanged.connect(self._on_choice_changed)
        self.last.dateChanged.connect(self._on_choice_changed)
        self.community.currentIndexChanged.connect(self._on_choice_changed)
        bar = QHBoxLayout()
        bar.addWidget(self.period_label)
        bar.addStretch(1)
        for label, widget in ((self.tr("期间"), self.kind), (None, self.first),
                              (None, self.to_label), (None, self.last),
                              (self.tr("范围"), self.community)):  # fmt: skip
            if label:
                bar.addWidget(QLabel(label, self))
            bar.addWidget(widget)
        bar.addWidget(self.report_button)
        self._show_date_fields()
        return bar

    def _build_layout(self, bar: QHBoxLayout) -> None:
        figures = self._styled_box()
        grid = QGridLayout(figures)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        self.period_heading, self.period_note = self._group_heading(grid, 0, self.tr("本期"))
        self.snapshot_heading, self.snapshot_note = self._group_heading(grid, 1, self.tr("当前"))
        self.snapshot_note.setText(self.tr("不随期间变化"))
        for row, keys in enumerate((PERIOD_KEYS, SNAPSHOT_KEYS)):
            for column, key in enumerate(keys, start=1):
                grid.addWidget(self.tiles[key], row, column)
        for column in range(1, len(SNAPSHOT_KEYS) + 1):
            grid.setColumnStretch(column, 1)
        directory_row = self._styled_box()
        directory = QHBoxLayout(directory_row)
        directory.setContentsMargins(0, 0, 0, 0)
        for key in DIRECTORY_KEYS:
            directory.addWidget(self.tiles[key])
        directory.addStretch(1)
        self.charts_box = QVBoxLayout()
        self.charts_placeholder = QLabel(self.tr("正在准备图表…"), self)
        self.charts_box.addWidget(self.charts_placeholder)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("提醒"), self))
        side.addWidget(self.reminders, 1)
        side.addWidget(directory_row)
        body = QHBoxLayout()
        body.addLayout(self.charts_box, 3)
        body.addLayout(side, 1)
        content = QWidget(self)
        inner = QVBoxLayout(content)
        inner.setContentsMargins(16, 12, 16, 12)
        inner.addLayout(bar)
        inner.addWidget(figures)
        inner.addWidget(self.hint)
        inner.addLayout(body, 1)
        self._inner = inner
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _styled_box(self) -> QWidget:
        """A box for tiles, with their style sheet: set on the whole tab, it would restyle
        every table, list and field in it too (a style sheet makes Qt polish each widget
        under it the slow way: ≈0.1 s of the tab's first layout)."""
        box = QWidget(self)
        box.setStyleSheet(TILE_STYLE)
        return box

    def _group_heading(self, grid: QGridLayout, row: int, title: str) -> tuple[QLabel, QLabel]:
        """A row's name and, under it, what its figures cover."""
        heading, note = QLabel(title, self), QLabel(self)
        heading.setObjectName("tileGroup")
        note.setObjectName("tileGroupNote")
        note.setWordWrap(True)
        box = QVBoxLayout()
        box.addWidget(heading)
        box.addWidget(note)
        box.addStretch(1)
        holder = QWidget(self)
        holder.setLayout(box)
        holder.setFixedWidth(96)
        grid.addWidget(holder, row, 0)
        return heading, note

    def _build_below(self) -> None:
        """Builds what lies below the tiles and reminders, after they have painted: the
        charts (pyqtgraph is imported now) and the 三率 box under them, out of view at
        1366×768 (its two tables take a tenth of the tab's first build)."""
        if self.context is None:
            return
        if self.charts is None:
            from ui.home.charts import Charts

            self.charts = Charts(self)
            self.charts.link_clicked.connect(self.open_link)
            self.charts_box.replaceWidget(self.charts_placeholder, self.charts)
            self.charts_placeholder.deleteLater()
        if self.rates is None:
            from ui.home.rates import RatesBox

            self.rates = RatesBox(self)
            self.rates.ranking_button.clicked.connect(self.show_ranking)
            self._inner.addWidget(self.rates)
        if self.board is not None:
            self._show_below(self.board)

    def _show_below(self, board: Board) -> None:
        by_grid = bool(board.scope.community_id)
        if self.charts is None or self.rates is None:
            QTimer.singleShot(0, self._build_below)  # which then shows the board
            return
        self.charts.show_board(board, by_grid)
        self.rates.show_board(board, by_grid)

    # the period and the community

    def _chosen_kind(self) -> PeriodKind:
        return PeriodKind(self.kind.currentData())

    def _show_date_fields(self) -> None:
        custom = self._chosen_kind() is PeriodKind.CUSTOM
        self.to_label.setVisible(custom)
        self.last.setVisible(custom)

    def _on_choice_changed(self) -> None:
        self._show_date_fields()
        if self.context is not None:
            self.refresh()

    def period(self) -> Period:
        """The chosen period (ValidationError for a custom range that ends before it starts)."""
        return period_of(self._chosen_kind(), _day(self.first.date()), _day(self.last.date()))

    def _remember(self) -> None:
        kind = self._chosen_kind()
        self.choice.kind = kind
        if kind is PeriodKind.CUSTOM:
            self.choice.custom = (_day(self.first.date()), _day(self.last.date()))
        self.choice.community_id = str(self.community.currentData() or "")

    def _fill_communities(self, session: Session) -> None:
        from app.dashboard.board import communities

        # the first time, the community remembered from the last session
        wanted = str(self.community.currentData() or "") if self.board else self.choice.community_id
        self.community.blockSignals(True)
        self.community.clear()
        self.community.addItem(self.tr("全街道"), "")  # named with the board's street, see refresh
        for community_id, name in communities(session):
            self.community.addItem(name, community_id)
        self.community.setCurrentIndex(max(0, self.community.findData(wanted)))
        self.community.blockSignals(False)

    # reading and showing

    def attach(self, context: TabContext) -> None:
        self.context = context
        self.refresh()
        self.follow_changes(context.events)

    def refresh(self) -> None:
        if self.context is None:
            return
        from app.dashboard.board import board
        from app.dashboard.scope import scope_for
        from app.errors import ValidationError
        from db.base import utcnow

        try:
            period = self.period()
        except ValidationError as error:
            self.hint.setText(message_text(error.message))
            return
        with self.context.database.reader() as session:
            self._fill_communities(session)
            community_id = str(self.community.currentData() or "") or None
            scope = scope_for(session, period, utcnow(), community_id)
            self.board = board(session, scope)
        self._remember()
        self.community.setItemText(0, self.board.street or self.tr("全街道"))
        self.period_label.setText(
            f"{message_text(period.label())} · "
            f"{scope.community_name or self.board.street or self.tr('全街道')}"
        )
        self.period_note.setText(message_text(period.label()))
        self.snapshot_note.setText(
            self.tr("截至 {time}").format(time=to_beijing(scope.now).strftime("%m-%d %H:%M"))
        )
        for kpi in self.board.kpis:
            self.tiles[kpi.key].show_value(kpi.value, kpi.attention.value)
        self._show_directory(self.board.directory)
        self._show_reminders(self.board)
        self._show_below(self.board)

    def _show_quick(self, figures: Counts) -> None:
        self._quick_shown = True
        for key in QUICK_KEYS:
            self.tiles[key].show_value(getattr(figures, key))
        self._show_directory(figures)

    def _show_directory(self, figures: Counts | DirectoryCounts) -> None:
        for key in DIRECTORY_KEYS:
            self.tiles[key].show_value(getattr(figures, key))
        self.hint.setText(
            self.tr("数据库是空的：可在“组织与人员”中新建街道和社区，或选“文件 → 载入演示数据”。")
            if figures.is_empty
            else ""
        )

    def _show_reminders(self, board: Board) -> None:
        self.reminders.clear()
        for line in board.reminders:
            item = QListWidgetItem(message_text(line.text))
            item.setData(LINK_ROLE, line.link)
            if line.urgent:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.reminders.addItem(item)
        if not board.reminders:
            self.reminders.addItem(QListWidgetItem(self.tr("没有需要提醒的事项。")))

    def data_ready(self) -> bool:
        return self.board is not None or self._quick_shown

    # opening the records behind a figure

    def open_kpi(self, key: str) -> None:
        if self.board is None or key in DIRECTORY_KEYS:
            return
        self.open_link(self.board.kpi(key).link)

    def open_link(self, link: Link) -> None:
        """Opens the list behind a tile, bar or reminder, or the area's other view it names."""
        if self.context is None:
            return
        if link.view:
            self.context.open_view(link.area, link.view)
        else:
            self.context.open_list(link.area, dict(link.filters))

    def _on_reminder_activated(self, item: QListWidgetItem) -> None:
        link = item.data(LINK_ROLE)
        if link is not None:
            self.open_link(link)

    def show_ranking(self) -> None:
        """红黑榜 of the units and communities (a month at a time)."""
        if self.context is None:
            return
        from ui.issues.ranking_dialog import RankingDialog

        dialog = RankingDialog(self.context.database, self)
        dialog.exec()
        dialog.deleteLater()

    # the monthly report

    def print_current(self) -> None:
        """Ctrl+P: 工作月报 of the month the period ends in, for the scope shown."""
        if self.context is None or self.board is None:
            return
        from ui.home.report import print_report

        scope = self.board.scope
        print_report(self, self.context.database, scope.period.last_day, scope.community_id)

    def save_report(self) -> None:
        if self.context is None or self.board is None:
            return
        from ui.home.report import save_report

        scope = self.board.scope
        save_report(self, self.context.database, scope.period.last_day, scope.community_id)
