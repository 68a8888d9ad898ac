"""The monthly report (工作月报) as a PDF in the GB/T 9704 type area (A4, 156 × 225 mm, page
numbers ``— N —``), laid out with platypus like the sign-in sheet.

The red title in 小标宋 (黑体 where absent), the scope and the date it was made; then
``一、主要指标`` (the tiles' figures), ``二、12345 办理情况`` per unit and per community (or
grid), ``三、趋势与分布`` (received and resolved per month, the categories and the 七个共
completion per zone, drawn with reportlab's charts in our fonts), ``四、超期事项`` and
``五、督办事项``, ``六、问题工单``; under ``二`` also the three rates (三率) and the red and
black lists. In the minutes' style: ``一、`` headings in 3号黑体 and ``（一）`` in 3号楷体,
two characters in; notes in 3号仿宋; tables in 五号仿宋 with a 黑体 header row repeated on each
page, their text columns as wide as their content allows and the figures' columns as wide as
their widest figure or header line. Two figures that count overlapping things say so in their
labels (the agreements in force, and those ending soon whatever their status)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.platypus.flowables import CondPageBreak, Flowable, KeepTogether, Spacer
from reportlab.platypus.tables import Table, TableStyle

from app.dashboard.hotline import HotlineRow, total
from app.dashboard.kpis import Kpi
from app.dashboard.rates import RateRow, ranked, ranking, rates_rule
from app.dashboard.report import IssueSection, MonthlyReport
from app.exports.pdf.flowable import TextBlock, build_pdf
from app.exports.pdf.fonts import FontSet, font_set
from app.exports.pdf.layout import LEADING, MM, PITCH, RED, SIZE_2, SIZE_3, TRACKING, TYPE_WIDTH
from app.exports.pdf.metadata import DocumentInfo
from app.exports.pdf.report_charts import bar_chart, month_chart
from app.exports.pdf.tables import HEADER_FILL, ruled
from app.exports.pdf.text import chinese_date, level1
from app.exports.pdf.typeset import Run, TextStyle, text_width
from app.exports.pdf.writing import atomic_write_bytes
from app.issues.rules import IssueRules
from app.localtime import to_beijing

CELL_SIZE = 10.5  # 五号
HEADING_ROOM = 40 * MM  # a heading, the table's header and a few rows
PADDING = 1.2 * MM
TITLE = TextStyle(size=SIZE_2, leading=1.5 * SIZE_2, align="center", color=RED, balance=True)
SUBTITLE = TextStyle(size=SIZE_3, leading=LEADING, align="center")
HEADING = TextStyle(
    size=SIZE_3, leading=LEADING, tracking=TRACKING, first_indent=2 * PITCH, align="left"
)
NOTE = TextStyle(size=SIZE_3, leading=LEADING, tracking=TRACKING, first_indent=2 * PITCH)
CELL_LEFT = TextStyle(size=CELL_SIZE, leading=1.3 * CELL_SIZE, align="left")
CELL_CENTRE = TextStyle(size=CELL_SIZE, leading=1.3 * CELL_SIZE, align="center")
KPI_NAMES = {
    "open_issues": "未办结民生事项（件）",
    "overdue": "超期事项（件）",
    "resolved": "本月办结（件）",
    "resolve_days": "平均办结天数",
    "satisfaction": "满意率",
    "meetings": "本月会议（次）",
    "open_actions": "未完成议定事项（项）",
    "active_agreements": "状态为“生效”的协议（份）",
    "expiring_agreements": "{days}日内到期的协议（份，不论状态，与上项分别统计）",
    "seven": "七个共完成率（本年）",
    "active_postings": "在岗挂职干部（人）",
    "evaluations_due": "待填写的评价（份）",
}
# broken by hand where a header is two lines; each figure's column is sized from its widest
# header line or figure (see fitted_widths)
HOTLINE_HEADERS = ("派单", "按期\n办结", "超期\n办结", "未办结", "办结率", "按期\n办结率",
                   "不满意", "不满意率")  # fmt: skip
RATE_HEADERS = ("件数", "响应率", "解决率", "满意率", "得分", "排名")
ISSUE_HEADERS = ("编号", "事项", "社区", "办理时限")
FIGURE_ROOM = 0.5 * MM  # beside a figure's widest cell: neighbouring figures never touch


def percent_text(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def kpi_name(kpi: Kpi) -> str:
    return KPI_NAMES[kpi.key].format(days=kpi.link.filters.get("expiring_within", ""))


def fitted_widths(
    columns: Sequence[Sequence[str]], fonts: FontSet, stretch: int = 0, total: float = TYPE_WIDTH
) -> list[float]:
    """Column widths in points for cells holding ``columns``' texts (header first): each
    column as wide as its widest line, and column ``stretch`` given what is left over."""
    widths = []
    for header, *cells in columns:
        lines = [Run(line, fonts.heiti) for line in header.split("\n")]
        lines += [Run(cell, fonts.fangsong) for cell in cells]
        widest = max(text_width([line], CELL_CENTRE) for line in lines)
        widths.append(widest + 2 * PADDING + FIGURE_ROOM)
    widths[stretch] += total - sum(widths)
    return widths


def kpi_text(key: str, value: int | float | None) -> str:
    if value is None:
        return "—"
    if key in ("satisfaction", "seven"):
        return percent_text(value)
    if key == "resolve_days":
        return f"{value:.1f}天"
    return f"{int(value):,}"


def render_report(report: MonthlyReport) -> bytes:
    """The monthly report as the bytes of a PDF file."""
    fonts = font_set()
    info = DocumentInfo(
        title=report.title,
        subject="工作月报",
        keywords=("工作月报", report.scope_name),
        made_at=report.made_at,
    )
    return build_pdf(report_flowables(report, fonts), info=info, fonts=fonts)


def write_report(report: MonthlyReport, path: Path) -> None:
    """Renders the report and writes it atomically (see :mod:`writing`)."""
    atomic_write_bytes(path, render_report(report))


def _text(text: str, font: str, style: TextStyle = CELL_CENTRE) -> Flowable:
    return TextBlock([Run(text, font)], style)


def _heading(number: int, text: str, fonts: FontSet) -> list[Flowable]:
    """A heading starts a page when less room than ``HEADING_ROOM`` is left: it never sits
    alone at the foot of a page, while a long table under it still starts on the same page."""
    return [CondPageBreak(HEADING_ROOM), _heading_text(number, text, fonts)]


def _heading_text(number: int, text: str, fonts: FontSet) -> Flowable:
    return _text(f"{level1(number)}{text}", fonts.heiti, HEADING)


def _subheading(text: str, fonts: FontSet) -> list[Flowable]:
    return [CondPageBreak(HEADING_ROOM), _subheading_text(text, fonts)]


def _subheading_text(text: str, fonts: FontSet) -> Flowable:
    return _text(text, fonts.kaiti, HEADING)


def _table(
    headers: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float], fonts: FontSet
) -> Table:
    """A ruled table in 五号仿宋, its header in 黑体 repeated on each page; ``widths`` in
    points."""
    data: list[list[Any]] = [[_text(h, fonts.heiti) for h in headers]]
    data += [list(row) for row in rows]
    style: list[tuple[Any, ...]] = [
        *ruled(fonts.fangsong, CELL_SIZE, 0.5, PADDING),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
    ]
    table = Table(data, colWidths=list(widths), repeatRows=1, spaceAfter=3 * MM)
    table.setStyle(TableStyle(style))
    return table


def _hotline(rows: list[HotlineRow], first: str, fonts: FontSet) -> list[Flowable]:
    if not rows:
        return [_text("本月没有记录。", fonts.fangsong, NOTE)]
    figures = [
        [
            f"{r.dispatched:,}",
            f"{r.on_time:,}",
            f"{r.late:,}",
            f"{r.open:,}",
            percent_text(r.closure_rate),
            percent_text(r.on_time_rate),
            f"{r.dissatisfied:,}",
            percent_text(r.dissatisfied_rate),
        ]
        for r in rows
    ]
    columns = [[first]] + [
        [header, *(row[n] for row in figures)] for n, header in enumerate(HOTLINE_HEADERS)
    ]
    body = [
        [
            _text(
                r.name,
                fonts.heiti if r is rows[-1] and len(rows) > 1 else fonts.fangsong,
                CELL_LEFT,
            ),
            *figure_row,
        ]
        for r, figure_row in zip(rows, figures, strict=True)
    ]
    return [_table((first, *HOTLINE_HEADERS), body, fitted_widths(columns, fonts), fonts)]


def _rates(rows: list[RateRow], rules: IssueRules, first: str, fonts: FontSet) -> list[Flowable]:
    """三率 with the score and the place in the ranking ("样本不足" where too few)."""
    if not rows:
        return [_text("本月没有记录。", fonts.fangsong, NOTE)]
    places = {id(row): n for n, (row, _s) in enumerate(ranked(rows, rules), start=1)}
    figures = [
        [
            f"{r.received:,}",
            percent_text(r.response_rate),
            percent_text(r.resolution_rate),
            percent_text(r.satisfaction_rate),
            "—" if (score := r.score(rules)) is None else f"{score:.1f}",
            str(places[id(r)]) if id(r) in places else "样本不足",
        ]
        for r in rows
    ]
    columns = [[first]] + [
        [header, *(row[n] for row in figures)] for n, header in enumerate(RATE_HEADERS)
    ]
    body = [
        [_text(r.name, fonts.fangsong, CELL_LEFT), *figure_row]
        for r, figure_row in zip(rows, figures, strict=True)
    ]
    return [_table((first, *RATE_HEADERS), body, fitted_widths(columns, fonts), fonts)]


def _red_black(rows: list[RateRow], rules: IssueRules, fonts: FontSet) -> list[Flowable]:
    lists = ranking(rows, rules)
    if not lists.red:
        return [_text("本月没有样本足够的承办单位，不排红黑榜。", fonts.fangsong, NOTE)]

    def named(pairs: list[tuple[RateRow, float]]) -> str:
        return "；".join(f"{r.name}（{score:.1f}分）" for r, score in pairs) or "—"

    return [
        _text(f"红榜：{named(lists.red)}。", fonts.fangsong, NOTE),
        _text(f"黑榜：{named(lists.black)}。", fonts.fangsong, NOTE),
    ]


def _issue_list(section: IssueSection, fonts: FontSet, empty: str) -> list[Flowable]:
    if not section.total:
        return [_text(empty, fonts.fangsong, NOTE)]
    shown = f"共{section.total:,}件"
    if section.total > len(section.lines):
        shown += f"，列出时限最早的{len(section.lines)}件"
    rows = [
        [
            line.number,
            _text(
                line.title + (f"（{line.note}）" if line.note else ""), fonts.fangsong, CELL_LEFT
            ),  # fmt: skip
            _text(line.community, fonts.fangsong, CELL_LEFT),
            line.deadline.isoformat() if line.deadline else "—",
        ]
        for line in section.lines
    ]
    columns = [
        [ISSUE_HEADERS[0], *(line.number for line in section.lines)],
        [ISSUE_HEADERS[1]],
        [ISSUE_HEADERS[2], *(line.community for line in section.lines)],
        [ISSUE_HEADERS[3], "2026-12-31"],
    ]
    table = _table(ISSUE_HEADERS, rows, fitted_widths(columns, fonts, stretch=1), fonts)
    table.setStyle(TableStyle([("ALIGN", (1, 1), (-1, -1), "LEFT")]))
    return [_text(shown + "。", fonts.fangsong, NOTE), table]


def report_flowables(report: MonthlyReport, fonts: FontSet) -> list[Flowable]:
    made = chinese_date(to_beijing(report.made_at).date())
    kpi_rows = [[_text(kpi_name(k), fonts.fangsong, CELL_LEFT), kpi_text(k.key, k.value)]
                for k in report.kpis]  # fmt: skip
    place = "网格" if report.by_grid else "社区"
    units = [*report.units, total(report.units, "合计")] if report.units else []
    places = [*report.places, total(report.places, "合计")] if report.places else []
    return [
        _text(report.title, fonts.title, TITLE),
        _text(f"（{made}制）", fonts.fangsong, SUBTITLE),
        Spacer(1, 4 * MM),
        *_heading(1, "主要指标", fonts),
        _table(("指标", "数值"), kpi_rows, (110 * MM, 46 * MM), fonts),
        *_heading(2, "12345办理情况", fonts),
        *_subheading("（一）按承办单位（本月派单）", fonts),
        *_hotline(units, "承办单位", fonts),
        *_subheading(f"（二）按{place}（本月受理）", fonts),
        *_hotline(places, place, fonts),
        *(
            [
                _text(
                    f"本月并单{report.merged:,}件：重复诉求并入原工单，不重复计数。",
                    fonts.fangsong,
                    NOTE,
                )
            ]
            if report.merged
            else []
        ),  # fmt: skip
        *_subheading("（三）三率", fonts),
        _text(f"{rates_rule(report.rules)}。", fonts.fangsong, NOTE),
        *_rates(report.unit_rates, report.rules, "承办单位", fonts),
        *_rates(report.place_rates, report.rules, place, fonts),
        *_subheading("（四）承办单位红黑榜", fonts),
        *_red_black(report.unit_rates, report.rules, fonts),
        KeepTogether(  # a chart never leaves its headings behind
            [
                _heading_text(3, "趋势与分布", fonts),
                _subheading_text("（一）民生事项受理与办结（按月）", fonts),
                month_chart(report.months, fonts, TYPE_WIDTH, "这几个月没有受理或办结的事项。"),
            ]
        ),
        KeepTogether(
            [
                _subheading_text("（二）本月事项类别", fonts),
                bar_chart(report.categories, fonts, TYPE_WIDTH, "本月没有受理事项。"),
            ]
        ),
        KeepTogether(
            [
                _subheading_text(
                    f"（三）七个共完成率（{report.period.start.year}年，按片区）", fonts
                ),
                bar_chart(report.zones, fonts, TYPE_WIDTH, "没有支部结对共建。", as_share=True),
            ]
        ),
        *_heading(4, "超期事项", fonts),
        *_issue_list(report.overdue, fonts, "没有超过办理时限的事项。"),
        *_heading(5, "督办事项", fonts),
        *_issue_list(report.supervised, fonts, "没有督办中的事项。"),
        *_heading(6, "问题工单", fonts),
        *_issue_list(report.escalated, fonts, "没有提级督办的问题工单。"),
    ]
