"""The monthly report (工作月报): its figures, the PDF read back with poppler (every page
rendered, every font embedded, the figures in the text), and ``gongjian report``."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.cli import main
from app.dashboard.report import MonthlyReport, community_by_name, monthly_report
from app.database import Database
from app.exports.pdf.report import render_report
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
    assert report.title == "全街道2026年10月工作月报"
    assert [i.number for i in report.overdue.lines] == ["MS2026-000003"]
    assert [(i.number, i.note) for i in report.supervised.lines] == [("MS2026-000008", "街道督办")]
    assert [u.name for u in report.units] == ["宁海路街道城管科"]
    one = report_of(database, world.b)
    assert one.title == "乙社区2026年10月工作月报" and one.supervised.total == 0


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
        "全街道2026年10月工作月报",
        "一、主要指标",
        "未办结民生事项（件）2",
        "满意率66.7%",
        "二、12345办理情况",
        "宁海路街道城管科3111",  # 派单 按期 超期 未办结
        "66.7%33.3%150.0%",  # 办结率 按期办结率 不满意 不满意率
        "甲社区2110100.0%50.0%150.0%",
        "合计4211",
    ):
        assert shown in text, shown
    rows = [
        " ".join(line.split()) for line in run(["pdftotext", "-layout"], pdf, tmp_path).splitlines()
    ]
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
