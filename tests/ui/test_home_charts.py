"""The home tab's charts on the demo street, in the main window at 1366×768 and larger: a
legend sits above its plot and covers no bar and no point of the line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyqtgraph as pg
import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import show_main_window

from PySide6.QtCore import QPointF, QRectF
from ui.home.charts import ChartPanel
from ui.home.tab import HomeTab


def bar_rects(item: pg.PlotItem) -> list[QRectF]:
    """Each vertical bar of the plot, in scene coordinates."""
    rects = []
    for bars in (i for i in item.items if isinstance(i, pg.BarGraphItem)):
        width = bars.opts["width"]
        for x, height in zip(bars.opts["x"], bars.opts["height"], strict=True):
            rects.append(QRectF(x - width / 2, 0, width, height))
    return [item.vb.mapViewToScene(rect).boundingRect() for rect in rects]


def line_points(item: pg.PlotItem) -> list[QPointF]:
    """Each point of the plot's lines, in scene coordinates."""
    return [
        item.vb.mapViewToScene(QPointF(x, y))
        for line in item.listDataItems()
        if isinstance(line, pg.PlotDataItem)
        for x, y in zip(*line.getData(), strict=True)
    ]


def legend_clear_of_data(panel: ChartPanel) -> None:
    item = panel.plot.getPlotItem()
    assert item.legend is not None, panel.key
    legend = item.legend.sceneBoundingRect()
    assert legend.bottom() <= item.vb.sceneBoundingRect().top(), panel.key  # above the plot
    assert legend.right() <= panel.plot.sceneRect().right(), panel.key  # and not cut
    shapes = bar_rects(item)
    points = line_points(item)
    assert shapes or points, panel.key
    assert not [r for r in shapes if r.intersects(legend)], panel.key
    assert not [p for p in points if legend.contains(p)], panel.key


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_a_legend_covers_no_bar_and_no_point(
    qtbot: QtBot, demo_street: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    target = tmp_path / "street.db"
    shutil.copyfile(demo_street, target)
    window = show_main_window(qtbot, str(target), tmp_path)
    window.resize(*size)
    home = window.show_tab("home")
    assert isinstance(home, HomeTab)
    qtbot.waitUntil(lambda: home.charts is not None and home.board is not None)
    assert home.charts is not None
    panels = home.charts.panels
    qtbot.waitUntil(lambda: panels["issue_months"].plot.width() * 2 > size[0] // 3)
    for key in ("issue_months", "overdue"):
        legend_clear_of_data(panels[key])
