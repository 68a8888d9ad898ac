"""The monthly report's charts, drawn with reportlab's graphics in the document's fonts (no Qt
in app/): received and resolved per month as paired bars; the categories, and the 七个共
completion per zone, as horizontal bars."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import HexColor

from app.dashboard.charts import GroupRow, MonthRow, count_step
from app.exports.pdf.fonts import FontSet
from app.exports.pdf.layout import MM

BLUE, ORANGE, RED = HexColor("#3B6EA8"), HexColor("#E08A1E"), HexColor("#B22222")
LABEL_SIZE = 9
BAR_HEIGHT = 6 * MM  # per bar of a horizontal chart


def _axes(chart: VerticalBarChart | HorizontalBarChart, font: str, top: float | None) -> None:
    """Both axes in our font, values from 0; counts (``top`` their largest, else per cent)
    in whole steps."""
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = 1
    if top is None:
        chart.valueAxis.valueMax, chart.valueAxis.valueStep = 100, 20
    else:
        step = count_step(top)
        chart.valueAxis.valueStep = step
        chart.valueAxis.valueMax = max(step, -(-top // step) * step)


def _note(text: str, width: float, fonts: FontSet) -> Drawing:
    """A line saying why a chart has nothing to draw."""
    drawing = _drawing(width, 10 * MM, fonts)
    drawing.add(String(0, 3 * MM, text, fontName=fonts.fangsong, fontSize=10))
    return drawing


def _drawing(width: float, height: float, fonts: FontSet) -> Drawing:
    """A drawing whose default font is ours (reportlab's is Helvetica, left unembedded)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.fangsong
    return drawing


def month_chart(rows: Sequence[MonthRow], fonts: FontSet, width: float, empty: str) -> Drawing:
    """Received and resolved per month side by side; ``empty`` when every month has none."""
    top = max((max(r.received, r.resolved) for r in rows), default=0)
    if not top:
        return _note(empty, width, fonts)
    height = 62 * MM
    drawing = _drawing(width, height, fonts)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * MM, 10 * MM
    chart.width, chart.height = width - 40 * MM, height - 16 * MM
    chart.data = [[r.received for r in rows], [r.resolved for r in rows]]
    chart.categoryAxis.categoryNames = [f"{r.month.month}月" for r in rows]
    chart.bars[0].fillColor, chart.bars[1].fillColor = BLUE, ORANGE
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = fonts.fangsong
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 5
    _axes(chart, fonts.fangsong, top)
    legend = Legend()
    legend.x, legend.y = width - 24 * MM, height - 12 * MM
    legend.fontName, legend.fontSize = fonts.fangsong, LABEL_SIZE
    legend.colorNamePairs = [(BLUE, "受理"), (ORANGE, "办结")]
    drawing.add(chart)
    drawing.add(legend)
    return drawing


def bar_chart(
    rows: Sequence[GroupRow], fonts: FontSet, width: float, empty: str, *, as_share: bool = False
) -> Drawing:
    """Horizontal bars, the first row on top, named on the left: the rows' counts, or with
    ``as_share`` their shares in per cent; ``empty`` says why there are none."""
    if not rows:
        return _note(empty, width, fonts)
    height = BAR_HEIGHT * len(rows) + 14 * MM
    drawing = _drawing(width, height, fonts)
    chart = HorizontalBarChart()
    chart.x, chart.y = 28 * MM, 8 * MM
    chart.width, chart.height = width - 44 * MM, height - 12 * MM
    ordered = list(reversed(rows))  # the chart draws from the bottom
    values = [round((r.share or 0) * 100, 1) if as_share else r.count for r in ordered]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [r.name for r in ordered]
    chart.bars[0].fillColor = RED
    chart.barLabelFormat = "%.1f%%" if as_share else "%d"
    chart.barLabels.fontName = fonts.fangsong
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    _axes(chart, fonts.fangsong, None if as_share else max(values))
    drawing.add(chart)
    return drawing
