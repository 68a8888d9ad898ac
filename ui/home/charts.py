"""The home tab's charts, drawn with pyqtgraph (imported with this module, once the tab has
first painted its tiles). Each chart is a panel with a title, an 导出图片… button and bars that
open the records they count when clicked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pyqtgraph as pg

from app.dashboard.board import Board
from app.dashboard.charts import GroupRow, MonthRow, count_step
from app.dashboard.scope import Link
from app.exports.pdf.writing import safe_file_name

from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.saved_notice import show_saved

RED, BLUE, ORANGE = "#b22222", "#3b6ea8", "#e08a1e"
ROW_HEIGHT = 24  # pixels per horizontal bar, so every name stays readable
MIN_ROWS = 8  # a chart with fewer bars keeps their thickness and leaves the rest empty
LEGEND_INSET = 10  # pixels between a legend and the chart's right edge
pg.setConfigOptions(antialias=True, background="w", foreground="#333")


class ChartPanel(QFrame):
    """One chart; with the keyboard, the arrow keys pick a bar and Enter opens it. Signals:
    link_clicked(object): a bar was clicked; the Link of the records it counts."""

    link_clicked = Signal(object)

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("chart")
        self.setStyleSheet("QFrame#chart { border: 1px solid transparent; }"
                           f"QFrame#chart:focus {{ border: 1px solid {RED}; }}")  # fmt: skip
        self.title = QLabel(title, self)
        self.title.setStyleSheet("font-weight: bold;")
        self.export_button = QPushButton(self.tr("导出图片…"), self)
        self.export_button.setToolTip(self.tr("把这张图保存为 PNG 图片"))
        self.export_button.clicked.connect(self._on_export_clicked)
        self.plot = pg.PlotWidget(self, enableMenu=False)  # no view menu is made: a third quicker
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMinimumHeight(230)
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot.scene().sigMouseClicked.connect(self._on_scene_clicked)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.picked = QLabel(self)  # the bar the arrow keys picked
        self.picked.setStyleSheet(f"color: {RED};")
        self.empty = QLabel(self.tr("这段时间没有数据"), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #888;")
        self.empty.hide()
        self.links: list[Link] = []
        self.names: list[str] = []
        self.current = -1
        self.horizontal = False
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.picked, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.empty, 1)

    def start_chart(
        self, links: Sequence[Link], names: Sequence[str], horizontal: bool, top: float
    ) -> pg.PlotItem:
        """Clears the chart for new bars, one per link and name (from the left, or from the
        top), the largest ``top``: with nothing above zero it says there is no data rather
        than draw an empty axis."""
        self.links = list(links) if top else []
        self.names = list(names) if top else []
        self.horizontal = horizontal
        self.current = -1
        self.picked.clear()
        self.plot.setVisible(bool(self.links))
        self.empty.setVisible(not self.links)
        self.export_button.setEnabled(bool(self.links))
        item = self.plot.getPlotItem()
        item.clear()
        if item.legend is not None:
            item.legend.scene().removeItem(item.legend)
            item.legend = None
            item.setTitle(None)  # the row the legend took above the plot goes too
        return item

    def _on_scene_clicked(self, event: object) -> None:
        point: QPointF = event.scenePos()  # type: ignore[attr-defined]
        box = self.plot.getPlotItem().vb
        if not self.links or not box.sceneBoundingRect().contains(point):
            return
        spot = box.mapSceneToView(point)
        index = round(spot.y() if self.horizontal else spot.x())
        if 0 <= index < len(self.links):
            self.link_clicked.emit(self.links[index])

    def click_bar(self, index: int) -> None:
        """What a click on bar ``index`` does."""
        self.link_clicked.emit(self.links[index])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1}
        key = Qt.Key(event.key())
        if key in step and self.links:
            self.current = min(max(self.current + step[key], 0), len(self.links) - 1)
            self.picked.setText(self.tr("{name}（回车打开）").format(name=self.names[self.current]))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.current >= 0:
            self.click_bar(self.current)
            return
        super().keyPressEvent(event)

    def export_to(self, path: Path) -> bool:
        return bool(self.grab().save(str(path), "PNG"))

    def _on_export_clicked(self) -> None:
        name = safe_file_name(self.title.text()) + ".png"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出图片"), name, self.tr("PNG 图片 (*.png)")
        )
        if chosen and self.export_to(Path(chosen)):
            show_saved(self, Path(chosen))


def _count_axis(item: pg.PlotItem, side: str, top: float) -> None:
    """Ticks in whole steps (a count of 0.5 is no count)."""
    step = count_step(top)
    item.getAxis(side).setTickSpacing(major=step, minor=step)


def _axis(item: pg.PlotItem, side: str, labels: Sequence[str]) -> None:
    axis = item.getAxis(side)
    axis.setTicks([list(enumerate(labels))])
    if side == "left":  # as wide as the longest name from the start: none is hidden or cut
        metrics = QFontMetrics(axis.style.get("tickFont") or axis.font())
        axis.setWidth(max((metrics.horizontalAdvance(t) for t in labels), default=0) + 16)


def _legend_above(item: pg.PlotItem, entries: int) -> pg.LegendItem:
    """A legend in one row above the plot's area, at its right, where it covers no bar or
    point however high they reach; ``_fit_legend`` sizes the row once it has its entries."""
    legend = pg.LegendItem(colCount=entries, frame=False)
    legend.setParentItem(item)
    legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-LEGEND_INSET, 0))
    item.legend = legend  # so that ``item.plot(name=…)`` enters there
    return legend


def _fit_legend(item: pg.PlotItem, legend: pg.LegendItem) -> None:
    item.layout.setRowFixedHeight(0, legend.boundingRect().height())


def show_months(panel: ChartPanel, rows: Sequence[MonthRow], *, overdue_only: bool) -> None:
    """Received and resolved side by side per month, or the overdue count as a line."""
    month = QCoreApplication.translate("ChartPanel", "{m}月")
    months = [month.format(m=r.month.month) for r in rows]
    busiest = max((max(r.received, r.resolved) for r in rows), default=0)
    item = panel.start_chart([r.link for r in rows], months, horizontal=False, top=busiest)
    if not busiest:
        return  # no overdue line either: none overdue of none received says nothing
    xs = list(range(len(rows)))
    legend = _legend_above(item, 1 if overdue_only else 2)
    if overdue_only:
        pen = pg.mkPen(RED, width=2)
        item.plot(xs, [r.overdue for r in rows], pen=pen, symbol="o", symbolBrush=RED,
                  name=QCoreApplication.translate("ChartPanel", "超期"))  # fmt: skip
    else:
        received = QCoreApplication.translate("ChartPanel", "受理")
        resolved = QCoreApplication.translate("ChartPanel", "办结")
        for shift, color, values, name in (
            (-0.2, BLUE, [r.received for r in rows], received),
            (0.2, ORANGE, [r.resolved for r in rows], resolved),
        ):
            bars = pg.BarGraphItem(x=[x + shift for x in xs], height=values, width=0.38,
                                   brush=color, pen=None)  # fmt: skip
            item.addItem(bars)
            legend.addItem(bars, name)
    _fit_legend(item, legend)
    _axis(item, "bottom", months)
    item.setXRange(-0.6, len(rows) - 0.4, padding=0)
    top = (max((r.overdue for r in rows), default=0) or 1) if overdue_only else busiest
    item.setYRange(0, top * 1.1, padding=0)
    _count_axis(item, "left", top * 1.1)


def show_groups(
    panel: ChartPanel,
    rows: Sequence[GroupRow],
    *,
    color: str = BLUE,
    as_share: bool = False,
    note: Callable[[GroupRow], str] | None = None,
) -> None:
    """Horizontal bars, one per row from the top, named on the left; ``as_share`` draws the
    row's share in per cent instead of its count; ``note`` writes a text after each bar."""
    values = [(r.share or 0) * 100 if as_share else r.count for r in rows]
    top = max(values, default=0)
    item = panel.start_chart([r.link for r in rows], [r.name for r in rows], horizontal=True,
                             top=100 if as_share and rows else top)  # fmt: skip
    if not panel.links:
        return
    ys = list(range(len(rows)))
    item.addItem(pg.BarGraphItem(x0=0, y=ys, height=0.6, width=values, brush=color, pen=None))
    for y, row, value in zip(ys, rows, values, strict=True):
        text = note(row) if note else (f"{value:.0f}%" if as_share else f"{row.count:,}")
        label = pg.TextItem(text, color="#333", anchor=(0, 0.5))
        label.setPos(value, y)
        item.addItem(label)
    _axis(item, "left", [r.name for r in rows])
    item.getViewBox().invertY(True)
    top = 100 if as_share else top
    item.setXRange(0, top * (1.5 if note else 1.2), padding=0)
    _count_axis(item, "bottom", top * (1.5 if note else 1.2))
    item.setYRange(-0.6, max(len(rows), MIN_ROWS) - 0.4, padding=0)  # few rows stay thin
    panel.plot.setMinimumHeight(max(230, ROW_HEIGHT * len(rows) + 40))


def show_counts(panel: ChartPanel, rows: Sequence[GroupRow]) -> None:
    """Vertical bars of counts, named below (the meetings per month)."""
    top = max((r.count for r in rows), default=0)
    item = panel.start_chart([r.link for r in rows], [r.name for r in rows], horizontal=False,
                             top=top)  # fmt: skip
    if not top:
        return
    xs = list(range(len(rows)))
    item.addItem(pg.BarGraphItem(x=xs, height=[r.count for r in rows], width=0.6, brush=RED,
                                 pen=None))  # fmt: skip
    _axis(item, "bottom", [r.name for r in rows])
    item.setXRange(-0.6, len(rows) - 0.4, padding=0)
    item.setYRange(0, top * 1.1, padding=0)
    _count_axis(item, "left", top * 1.1)


class Charts(QWidget):
    """The six charts in a grid of two columns. Signals:
    link_clicked(object): a bar's Link."""

    link_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panels = {
            key: ChartPanel(key, title, self)
            for key, title in (
                ("issue_months", self.tr("民生事项受理与办结（按月）")),
                ("overdue", self.tr("超期事项趋势（按受理月份）")),
                ("categories", self.tr("本期事项类别")),
                ("places", self.tr("本期各社区事项与满意率")),
                ("meetings", self.tr("联席会议（按月）")),
                ("zones", self.tr("七个共完成率（按片区）")),
            )
        }
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        for i, panel in enumerate(self.panels.values()):
            panel.link_clicked.connect(self.link_clicked)
            grid.addWidget(panel, i // 2, i % 2)

    def show_board(self, board: Board, community_chosen: bool) -> None:
        p = self.panels
        show_months(p["issue_months"], board.issue_months, overdue_only=False)
        show_months(p["overdue"], board.issue_months, overdue_only=True)
        show_groups(p["categories"], board.categories)
        p["places"].title.setText(
            self.tr("本期各网格事项与满意率")
            if community_chosen
            else self.tr("本期各社区事项与满意率")
        )
        show_groups(p["places"], board.places, color=ORANGE, note=self._count_and_share)
        show_counts(p["meetings"], board.meetings)
        show_groups(p["zones"], board.zones, color=RED, as_share=True)

    def _count_and_share(self, row: GroupRow) -> str:
        if row.share is None:
            return f"{row.count:,}"
        return self.tr("{n}件 满意{p}").format(n=f"{row.count:,}", p=f"{row.share * 100:.0f}%")
