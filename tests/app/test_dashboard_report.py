"""The monthly report (工作月报): its figures, the PDF read back with poppler (every page
rendered, every font embedded, the figures in the text), and ``gongjian report``."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.cli import main
from app.dashboard.charts import count_step
from app.dashboard.kpis import Kpi
from app.dashboard.report import MonthlyReport, community_by_name, monthly_report
from app.dashboard.scope import Link
from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData
from app.exports.pdf.fonts import font_set
from app.exports.pdf.layout import MM, TYPE_WIDTH
from app.exports.pdf.report import (
    CELL_SIZE,
    HOTLINE_HEADERS,
    PADDING,
    fitted_widths,
    kpi_name,
    render_report,
)
from db.models.directory import OrgLevel
from tests.app.test_dashboard_figures import NOW, OCTOBER, World, build_world
from tests.app.test_minutes_pdf import fonts_table, needs_poppler, run


@pytest.fixture
def world(database: Database) -> World:
    return build_world(database)


def report_of(database: Database, community: str | None = None) -> MonthlyReport:
    with database.reader() as s:
        return monthly_report(s, OCTOBER, NOW, community)


def test_the_report_of_october(database: Database, world: World) -> None:
    report = report_of(database)
    assert report.title == "宁海路街道2026年10月工作月报"  # the database's only street
    assert [i.number for i in report.overdue.lines] == ["MS2026-000003"]
    assert [(i.number, i.note) for i in report.supervised.lines] == [("MS2026-000008", "街道督办")]
    assert [u.name for u in report.units] == ["宁海路街道城管科"]
    one = report_of(database, world.b)
    assert one.title == "乙社区2026年10月工作月报" and one.supervised.total == 0


def test_a_second_street_makes_the_title_say_the_whole_street(
    database: Database, world: World
) -> None:
    with database.session() as s:
        directory.org_units.create(s, OrgUnitData("湖南路街道", OrgLevel.STREET))
    assert report_of(database).title == "全街道2026年10月工作月报"


def test_columns_are_sized_from_their_content() -> None:
    """Before, 承办单位 names wrapped while the figures' columns had room to spare, 按期办结率
    broke as 按期办/结率 and 100.0% ran into the 0 on its left."""
    fonts = font_set()
    names = ["承办单位", "鼓楼区城市管理局党组", "宁海路街道城管科"]
    figures = ("1,234", "1,234", "1,234", "1,234", "100.0%", "100.0%", "1,234", "100.0%")
    columns = [
        names,
        *([header, figure] for header, figure in zip(HOTLINE_HEADERS, figures, strict=True)),
    ]
    widths = fitted_widths(columns, fonts)
    assert sum(widths) == pytest.approx(TYPE_WIDTH)

    def fits(text: str, font: str, width: float, spare: float = 0.5 * MM) -> bool:
        return stringWidth(text, font, CELL_SIZE) + 2 * PADDING + spare <= width

    assert all(fits(name, fonts.fangsong, widths[0]) for name in names)  # on one line
    for header, figure, width in zip(HOTLINE_HEADERS, figures, widths[1:], strict=True):
        assert all(fits(line, fonts.heiti, width, spare=0) for line in header.split("\n"))
        assert fits(figure, fonts.fangsong, width)
    assert widths[0] > 40 * MM  # the names take what the figures leave


def test_the_agreement_figures_say_they_are_counted_apart() -> None:
    active = Kpi("active_agreements", 111, Link("agreements", {"status": "active"}))
    ending = Kpi("expiring_agreements", 261, Link("agreements", {"expiring_within": 60}))
    assert kpi_name(active) == "状态为“生效”的协议（份）"
    assert kpi_name(ending) == "60日内到期的协议（份，不论状态，与上项分别统计）"


@needs_poppler
def test_an_empty_database_gives_a_report_that_says_so(database: Database, tmp_path: Path) -> None:
    pdf = render_report(report_of(database))
    pages = run(["pdftotext"], pdf, tmp_path).split("\f")
    text = ["".join(page.split()) for page in pages]
    assert "这几个月没有受理或办结的事项。" in "".join(text)  # not an axis of 0.002s

    def page_of(shown: str) -> int:
        return next(i for i, page in enumerate(text) if shown in page)

    # the heading of section 三 is never left alone at the foot of a page
    assert page_of("三、趋势与分布") == page_of("（一）民生事项受理与办结（按月）")


def test_a_count_axis_steps_in_whole_numbers() -> None:
    assert [count_step(top) for top in (0, 1, 5, 6, 11, 26, 60, 138)] == [
        1, 1, 1, 2, 5, 10, 20, 50
    ]  # fmt: skip


def test_a_community_is_found_by_its_name(database: Database, world: World) -> None:
    with database.reader() as s:
        assert community_by_name(s, " 乙社区 ") == world.b
        assert community_by_name(s, "南片区") is None  # a zone, not a community


@needs_poppler
def test_the_pdf_embeds_its_fonts_and_shows_the_figures(
    database: Database, world: World, tmp_path: Path
) -> None:
    pdf = render_report(report_of(database))
    assert all(row[-5] == "yes" for row in fonts_table(pdf, tmp_path))  # emb, every font
    text = "".join(run(["pdftotext"], pdf, tmp_path).split())
    for shown in (
        "宁海路街道2026年10月工作月报",
        "一、主要指标",
        "未办结民生事项（件）2",
        "满意率66.7%",
        "二、12345办理情况",
        "宁海路街道城管科3111",  # 派单 按期 超期 未办结
        "66.7%33.3%150.0%",  # 办结率 按期办结率 不满意 不满意率
        "甲社区2110100.0%50.0%150.0%",
    ):
        assert shown in text, shown
    rows = [
        " ".join(line.split()) for line in run(["pdftotext", "-layout"], pdf, tmp_path).splitlines()
    ]
    assert "合计 4 2 1 1 75.0% 50.0% 1 33.3%" in rows
    assert "MS2026-000003 事项3 乙社区 2026-10-23" in rows
    assert "MS2026-000008 事项8（街道督办） 甲社区 2026-11-10" in rows
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(path), str(tmp_path / "page")],
                   check=True)  # fmt: skip
    pages = sorted(tmp_path.glob("page-*.png"))
    assert pages and all(p.stat().st_size > 1000 for p in pages)


def test_gongjian_report_writes_the_pdf(
    database: Database, world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "月报.pdf"
    target = database.target
    database.close()
    assert main(["--db", target, "report", "--month", "2026-10", "--community", "乙社区",
                 "-o", str(output)]) == 0  # fmt: skip
    assert output.read_bytes().startswith(b"%PDF") and "已导出" in capsys.readouterr().out
    assert main(["--db", target, "report", "--month", "2026-10", "--community", "丙社区",
                 "-o", str(output)]) == 1  # fmt: skip
    assert "没有叫“丙社区”的社区" in capsys.readouterr().err
    with pytest.raises(SystemExit) as bad:
        main(["--db", target, "report", "--month", "2026-13", "-o", str(output)])
    assert bad.value.code == 2 and "2026-10" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("today", "month"),
    [(date(2026, 11, 5), "2026年10月"), (date(2026, 11, 6), "2026年11月")],
)
def test_gongjian_report_without_a_month_reports_the_month_just_ended_early_in_a_month(
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    today: date,
    month: str,
) -> None:
    monkeypatch.setattr("app.localtime.beijing_today", lambda: today)
    output = tmp_path / "月报.pdf"
    target = database.target
    database.close()
    assert main(["--db", target, "report", "-o", str(output)]) == 0, capsys.readouterr().err
    assert month in run(["pdftotext"], output.read_bytes(), tmp_path)
