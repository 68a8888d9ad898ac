"""The secondment forms as PDF: A4, fonts embedded, every field on paper, checked with poppler."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData, PersonData, ResidentUnitData
from app.exports.pdf.assessment import render_assessment_form, write_assessment_form
from app.exports.pdf.evaluation import render_evaluation_form, write_evaluation_form
from app.exports.pdf.forms import COLUMN_WIDTHS
from app.exports.pdf.layout import MM
from app.secondments import documents, evaluations, logs, service
from app.secondments.documents import AssessmentForm, EvaluationForm, Opinion, PostingFacts
from app.secondments.records import EvaluationData, PostingData, WorkLogData
from db.models.directory import Gender, OrgLevel, UnitCategory
from db.models.secondments import EvaluationPeriod, EvaluatorSide, Grade, LogKind, PostingKind
from tests.app.pdf_measure import TYPE_LEFT, measure

POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdfinfo"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils is not installed")
BASE14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")
FACT_LABELS = ("姓名", "性别", "挂职类型", "派出单位", "原职务", "挂职单位", "挂职岗位", "挂职期限")
OPINION_LABELS = ("评价等次", "得分", "评价意见", "评价单位", "签字盖章：", "日期：")


def facts(**changes: object) -> PostingFacts:
    values: dict[str, object] = {
        "person_name": "王喆",
        "gender": "男",
        "kind": "交叉挂职",
        "home_name": "江苏省住房和城乡建设厅",
        "home_post": "副处长",
        "host_name": "建宁路街道城市管理科",
        "host_post": "城市管理科副科长（挂职）",
        "starts_on": date(2025, 3, 1),
        "planned_ends_on": date(2026, 2, 28),
        "ends_on": date(2026, 2, 28),
        "status": "期满",
        "extension_reason": "",
        "early_end_reason": "",
        "term_changed": False,
        "mentor_name": "",
        "objectives": "牵头推进<b>驻区单位</b>共建项目 & 民生事项办理",
    }
    values.update(changes)
    return PostingFacts(**values)  # type: ignore[arg-type]


HOME = Opinion(
    "派出单位", "优秀", "94.5", "履职尽责、表现突出。", "江苏省住建厅党组", date(2026, 3, 5)
)
HOST = Opinion("挂职单位", "基本称职", "68.0", "群众工作方法有待提高。", "建宁路街道党工委",
               date(2026, 3, 6))  # fmt: skip


def run(tool: list[str], pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / f"form-{len(list(tmp_path.iterdir()))}.pdf"
    path.write_bytes(pdf)
    command = [*tool, str(path), "-"] if tool[0] == "pdftotext" else [*tool, str(path)]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def check_a4_and_fonts(pdf: bytes, tmp_path: Path, title: str) -> int:
    info = run(["pdfinfo"], pdf, tmp_path)
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts", info)
    assert re.search(rf"^Title:\s+{re.escape(title)}$", info, re.M)
    rows = [line.split() for line in run(["pdffonts"], pdf, tmp_path).splitlines()[2:]]
    assert rows
    for row in rows:
        assert row[-5] == "yes" and not any(base in row[0] for base in BASE14), row
    pages = re.search(r"^Pages:\s+(\d+)$", info, re.M)
    assert pages is not None
    return int(pages.group(1))


@needs_poppler
def test_evaluation_form_on_one_a4_page_with_every_field(tmp_path: Path) -> None:
    form = EvaluationForm(facts(), "2025年度", HOME, HOST, disagreement=True)
    pdf = render_evaluation_form(form)
    assert check_a4_and_fonts(pdf, tmp_path, "王喆干部挂职双向评价表（2025年度）") == 1
    text = flat(run(["pdftotext", "-raw"], pdf, tmp_path)).removeprefix("—1—")
    assert text.startswith("干部挂职双向评价表（2025年度）")
    for label in (*FACT_LABELS, "评价类别", "挂职任务", "派出单位评价", "挂职单位评价", "备注"):
        assert label in text, label
    for label in OPINION_LABELS:
        assert text.count(label) == 2, label
    for value in (
        "王喆",
        "江苏省住房和城乡建设厅",
        "城市管理科副科长（挂职）",
        "94.5",
        "68.0",
        "2025年3月1日至2026年2月28日（期满）",
        "2026年3月5日",
        "江苏省住建厅党组",
    ):
        assert value in text, value
    assert "牵头推进<b>驻区单位</b>共建项目&民生事项办理" in text  # markup prints as typed
    assert "■优秀□称职□基本称职□不称职" in text and "□优秀□称职■基本称职□不称职" in text
    assert "请核实" in text
    assert "期限变更" not in text  # the term ended as planned


@needs_poppler
def test_an_extended_term_prints_as_agreed_and_as_extended(tmp_path: Path) -> None:
    extended = facts(
        status="延期", ends_on=date(2026, 8, 31), extension_reason="项目收尾", term_changed=True
    )
    pdf = render_evaluation_form(EvaluationForm(extended, "2026年中期", HOME, HOST, True))
    assert check_a4_and_fonts(pdf, tmp_path, "王喆干部挂职双向评价表（2026年中期）") == 1
    text = flat(run(["pdftotext", "-raw"], pdf, tmp_path))
    assert "挂职期限2025年3月1日至2026年2月28日期限变更" in text  # the planned term, no status
    assert "延期至2026年8月31日（延期），理由：项目收尾" in text
    moved = facts(ends_on=date(2026, 5, 31), term_changed=True)  # no reason on record
    pdf = render_evaluation_form(EvaluationForm(moved, "2026年中期", HOME, HOST, False))
    assert "期限变更实际至2026年5月31日（期满）" in flat(run(["pdftotext", "-raw"], pdf, tmp_path))


@needs_poppler
def test_blank_evaluation_form_keeps_every_field(tmp_path: Path) -> None:
    form = EvaluationForm(
        facts(kind="结对培养", mentor_name="赵赟"),
        "2026年中期",
        Opinion("派出单位"),
        Opinion("挂职单位"),
        disagreement=False,
    )
    pdf = render_evaluation_form(form)
    check_a4_and_fonts(pdf, tmp_path, "王喆干部挂职双向评价表（2026年中期）")
    text = flat(run(["pdftotext", "-raw"], pdf, tmp_path))
    for label in OPINION_LABELS:
        assert text.count(label) == 2, label
    assert text.count("□优秀□称职□基本称职□不称职") == 2 and "■" not in text
    assert "导师赵赟" in text and "请核实" not in text
    assert text.count("年月日") == 2  # blank dates to fill in by hand


@needs_poppler
def test_assessment_form(tmp_path: Path) -> None:
    form = AssessmentForm(
        facts(
            status="提前结束",
            ends_on=date(2026, 1, 15),
            extension_reason="项目收尾",
            early_end_reason="因工作调整提前结束挂职",
            term_changed=True,
        ),
        12,
        30,
        Decimal("115.5"),
        11,
        12,
        HOME,
        Opinion("挂职单位"),
    )
    pdf = render_assessment_form(form)
    assert check_a4_and_fonts(pdf, tmp_path, "王喆干部挂职鉴定表") <= 2
    text = flat(run(["pdftotext", "-raw"], pdf, tmp_path)).removeprefix("—1—")
    assert text.startswith("干部挂职鉴定表（交叉挂职）")
    for label in (*FACT_LABELS, "挂职任务", "工作实绩", "个人总结", "挂职单位鉴定意见",
                  "派出单位意见", "组织部门意见"):  # fmt: skip
        assert label in text, label
    assert "2025年3月1日至2026年2月28日期限变更曾延期，理由：项目收尾" in text
    assert "2026年1月15日提前结束，理由：因工作调整提前结束挂职" in text
    assert "挂职12个月，登记工作记录30条，累计115.5小时；月度考勤报告11份，履职报告12份。" in text
    whole = render_assessment_form(replace(form, hours=Decimal("118.0")))
    assert "累计118小时；" in flat(run(["pdftotext", "-raw"], whole, tmp_path))
    pages = run(["pdftotext", "-layout"], pdf, tmp_path).split("\f")
    for number, page in enumerate([p for p in pages if p.strip()], start=1):
        assert flat(page.strip().split("\n")[-1]) == f"—{number}—"


def test_forms_from_the_database(database: Database, tmp_path: Path) -> None:
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("建宁路街道", OrgLevel.STREET)).id
        community = directory.org_units.create(
            s, OrgUnitData("安乐村社区", OrgLevel.COMMUNITY, street)
        ).id
        grid = directory.org_units.create(s, OrgUnitData("第一网格", OrgLevel.GRID, community)).id
        department = directory.org_units.create(
            s, OrgUnitData("城市管理科", OrgLevel.DEPARTMENT, street)
        ).id
        directory.resident_units.create(s, ResidentUnitData("某厅", UnitCategory.PROVINCIAL_ORGAN))
        person = directory.people.create(s, PersonData("李堃", gender=Gender.FEMALE)).id
        posting = service.create_posting(
            s,
            PostingData(
                person_id=person,
                kind=PostingKind.FIRST_COMMUNITY_HEAD,
                home_org_unit_id=department,
                home_post="科长",
                host_org_unit_id=grid,
                host_post="第一社长",
                starts_on=date(2026, 1, 1),
                ends_on=date(2026, 12, 31),
            ),
            date(2026, 11, 28),
        )
        logs.add_log(
            s, posting, WorkLogData(logged_on=date(2026, 2, 3), content="走访", hours=Decimal(3))
        )
        logs.add_log(
            s,
            posting,
            WorkLogData(LogKind.DUTY_REPORT, date(2026, 2, 2), "2026-01", "本月主要工作"),
        )
        sides = ((EvaluatorSide.HOME, Grade.EXCELLENT), (EvaluatorSide.HOST, Grade.COMPETENT))
        for side, grade in sides:
            evaluations.add_evaluation(
                s,
                posting,
                EvaluationData(
                    side,
                    EvaluationPeriod.MID_TERM,
                    2026,
                    grade,
                    Decimal(90),
                    "好",
                    "党工委",
                    date(2026, 7, 1),
                ),  # fmt: skip
            )
        version = service.get_posting(s, posting).version
        service.extend(s, posting, version, date(2027, 6, 30), "项目未完成", date(2026, 11, 28))
        form = documents.evaluation_form(s, posting, EvaluationPeriod.MID_TERM, 2026)
        assessment = documents.assessment_form(s, posting, date(2026, 11, 28))
    assert form.facts.host_name == "安乐村社区第一网格" and form.facts.gender == "女"
    assert (form.home.grade, form.host.grade, form.disagreement) == ("优秀", "称职", False)
    assert form.period == "2026年中期"
    term = assessment.facts
    assert (term.planned_ends_on, term.ends_on) == (date(2026, 12, 31), date(2027, 6, 30))
    assert (term.status, term.extension_reason, term.term_changed) == ("延期", "项目未完成", True)
    assert (assessment.months, assessment.entries, assessment.hours) == (11, 1, Decimal(3))
    assert (assessment.attendance_reports, assessment.duty_reports) == (0, 1)
    assert assessment.host.grade == ""  # no end-of-term evaluation yet
    write_evaluation_form(form, tmp_path / "e.pdf")
    write_assessment_form(assessment, tmp_path / "a.pdf")
    assert (tmp_path / "e.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "a.pdf").stat().st_size > 1000


# ---------------------------------------------------------------- measured on the page


def _boxes(pdf: bytes) -> list[tuple[int, float]]:
    """Each signing box: its page, and how far its date line reaches below the text of the
    value column above the box (the row above it): the room to sign and seal."""
    measured = measure(pdf)
    values = TYPE_LEFT + COLUMN_WIDTHS[0]
    found = []
    for line in measured.body():
        if not line.flat.startswith("日期："):
            continue
        column = [x for x in measured.body(line.page) if x.x_min > values]
        signing = max(
            x.y_min for x in column if x.flat.startswith("签字盖章：") and x.y_min < line.y_min
        )
        text = [x for x in column if x.y_max < signing - 1 and not x.flat.startswith("日期：")]
        opinion = [x for x in text if x.y_max > signing - 40 * MM]
        top = min(x.y_min for x in opinion) if opinion else max(x.y_max for x in text)
        found.append((line.page, line.y_max - top))
    return found


@needs_poppler
def test_every_signing_box_leaves_room_for_a_seal() -> None:
    evaluation = render_evaluation_form(EvaluationForm(facts(), "2025年度", HOME, HOST, True))
    assessment = render_assessment_form(
        AssessmentForm(facts(), 12, 30, Decimal("118.0"), 11, 12, HOME, Opinion("挂职单位"))
    )
    for pdf, count in ((evaluation, 2), (assessment, 3)):
        boxes = _boxes(pdf)
        assert len(boxes) == count
        for _, height in boxes:
            assert height > 34 * MM  # the text rows above the box's foot: 40 mm with padding
    assert {page for page, _ in _boxes(evaluation)} == {1}  # the evaluation on one page


@needs_poppler
def test_a_section_never_leaves_its_heading_row_behind() -> None:
    long_objectives = facts(objectives="推进共建项目、办理民生事项、结对培养青年干部。" * 12)
    for pdf in (
        render_assessment_form(
            AssessmentForm(long_objectives, 12, 30, Decimal(118), 11, 12, HOME, HOST)
        ),
        render_evaluation_form(EvaluationForm(long_objectives, "2025年度", HOME, HOST, True)),
    ):
        measured = measure(pdf)
        for page in range(1, measured.pages + 1):
            last = measured.body(page)[-1].flat
            assert not last.endswith(("评价", "意见")), (page, last)


def test_months_served_count_whole_months_not_calendar_months_touched() -> None:
    assert documents.service_months(date(2025, 9, 1), date(2026, 8, 31)) == 12
    assert documents.service_months(date(2025, 9, 15), date(2026, 9, 14)) == 12
    assert documents.service_months(date(2025, 9, 15), date(2026, 3, 10)) == 6  # 5 and 24 days
    assert documents.service_months(date(2026, 1, 31), date(2026, 2, 27)) == 1
    assert documents.service_months(date(2026, 3, 1), date(2026, 3, 10)) == 0
    assert documents.service_months(date(2026, 5, 1), date(2026, 4, 1)) == 0
