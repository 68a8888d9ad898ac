"""The minutes measured on the page: margins, characters per line, lines per page, page
numbers and the pagination rules, on generated documents (short, 60+ pages, 200 attendees,
rare characters, long URLs, a draft)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache

import pytest

from app.exports.pdf import render_minutes
from app.exports.pdf.layout import LEFT_MARGIN, PITCH, SIZE_4, TYPE_WIDTH
from app.exports.pdf.text import held_together, level1, substance
from app.meetings.documents import AgendaSection, AttendeeGroup, DecisionItem, MinutesDocument
from tests.app.pdf_measure import (
    MM,
    PAGE_NUMBER,
    TYPE_BOTTOM,
    TYPE_LEFT,
    TYPE_RIGHT,
    TYPE_TOP,
    Measured,
    TextLine,
    embedded_fonts,
    info,
    is_draft_mark,
    measure,
    needs_poppler,
)
from tests.app.test_minutes_pdf import realistic

pytestmark = needs_poppler

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗欧阳"
GIVEN = "喆堃玥赟昇伟芳娜秀英敏静丽强磊军洋勇艳杰涛明超秀兰霞平刚桂"
UNITS = (
    "街道党工委",
    "宁海路社区党委",
    "江苏省某某厅机关第一党支部",
    "南京师范大学机关党委",
    "南京市鼓楼区人民政府宁海路街道办事处城市管理科",
)
PARAGRAPH = (
    "会议听取了社区关于老旧小区加装电梯、雨污分流改造和停车秩序整治的情况汇报，"
    "研究了驻区单位在职党员到社区报到服务的安排。会议认为，要把群众反映强烈的"
    "急难愁盼问题作为共建的重点，于2026年12月23日前形成清单，逐项明确牵头单位、"
    "配合单位和完成时限，做到件件有着落、事事有回音。"
)
URL = "https://www.gulou.gov.cn/zwgk/tzgg/2026/" + "a1b2c3d4e5" * 14 + "/index.html"


def names(count: int, seed: int = 0) -> tuple[str, ...]:
    found = []
    for n in range(count):
        surname = SURNAMES[(n + seed) % len(SURNAMES)]
        found.append(surname + GIVEN[(n * 7 + seed) % len(GIVEN)] + GIVEN[(n * 3) % len(GIVEN)])
    return tuple(found)


def section(number: int, paragraphs: int = 2) -> AgendaSection:
    notes = "\n".join([PARAGRAPH] * paragraphs + ["会议议定："])
    decisions = (
        DecisionItem(
            "由街道城管科牵头，会同交警中队完成周边道路夜间停车泊位划设方案；",
            ("街道城管科",),
            date(2026, 12, 23),
        ),  # fmt: skip
        DecisionItem("社区党委组织党员志愿者开展停车秩序引导，每周不少于2次。"),
    )
    return AgendaSection(f"关于第{number}项民生难题的处理", notes, decisions)


@cache
def long_document() -> MinutesDocument:
    """60+ pages: 75 agenda items of two paragraphs and two decisions each."""
    base = realistic()
    return replace(base, sections=tuple(section(n) for n in range(1, 76)))


@cache
def crowded_document() -> MinutesDocument:
    """200 attendees in 40 units, 12 on leave with reasons of every length."""
    people = names(200)
    present = tuple(
        AttendeeGroup(f"{UNITS[n % len(UNITS)]}第{n + 1}组", people[n * 5 : n * 5 + 5])
        for n in range(40)
    )
    reasons = ("公务", "病假", "参加市委组织部举办的为期一周的基层党建工作专题培训班" * 2)
    leave_names = names(12, seed=5)
    on_leave = tuple(
        AttendeeGroup(
            UNITS[n % len(UNITS)],
            leave_names[n * 3 : n * 3 + 3],
            tuple(reasons[(n + k) % 3] for k in range(3)),
        )  # fmt: skip
        for n in range(4)
    )
    return replace(realistic(), present=present, on_leave=on_leave)


@cache
def rare_document() -> MinutesDocument:
    base = realistic()
    rare = AttendeeGroup("宁海路社区党委", ("吉𠮷", "欧阳喆堃", "张㐀", "李䶮"))
    opening = base.opening + "𠮷野家、㐀、䶮等人名用字照常打印。"
    return replace(base, present=(rare, *base.present), opening=opening)


@cache
def url_document() -> MinutesDocument:
    notes = f"会议要求在政务网站公开办理结果，网址：{URL}，请各单位及时查阅。\n{URL}"
    return replace(realistic(), sections=(AgendaSection("关于信息公开", notes),))


DOCUMENTS = {
    "short": realistic,
    "long": long_document,
    "crowded": crowded_document,
    "rare": rare_document,
    "urls": url_document,
}


@cache
def measured(name: str) -> Measured:
    return measure(render_minutes(DOCUMENTS[name]()))


def display_width(text: str) -> float:
    return sum(1 if ord(ch) > 0x2000 else 0.5 for ch in text)


# ---------------------------------------------------------------- the grid


@pytest.mark.parametrize("name", DOCUMENTS)
def test_text_stays_in_the_type_area(name: str) -> None:
    document = measured(name)
    for line in document.body():
        assert line.x_min > TYPE_LEFT - 0.5, line
        assert line.x_max < TYPE_RIGHT + 0.5, line
        assert line.y_min > TYPE_TOP - 1 and line.y_max < TYPE_BOTTOM + 2, line


@pytest.mark.parametrize("name", DOCUMENTS)
def test_lines_hold_28_characters_and_pages_22_lines(name: str) -> None:
    document = measured(name)
    body = [line for line in document.body() if not line.flat.endswith("纪要")]
    widths = [display_width(line.flat) for line in body]
    assert max(widths) <= 29  # 29 only where a last character was pulled back
    for page in range(1, document.pages + 1):
        assert len(document.body(page)) <= 22, page


def test_a_page_of_running_text_holds_exactly_22_lines_of_28() -> None:
    document = measured("long")
    middle = document.body(30)
    assert len(middle) == 22
    body = [line for line in middle if not re.match("^[一二三四五六七八九十]+、", line.flat)]
    step = [b.y_max - a.y_max for a, b in zip(body, body[1:], strict=False)]
    step = [gap for gap in step if gap < 40]  # neighbours, not across a heading
    assert max(step) - min(step) < 0.5  # one grid
    assert abs(sum(step) / len(step) - 225 * MM / 22) < 0.2
    wide = [line for line in middle if all(ord(ch) > 0x2000 for ch in line.flat)]
    full = [line for line in wide if line.full and not line.indented]
    counts = [len(line.flat) for line in full]
    assert max(counts) <= 29 and counts.count(28) >= 5, counts


@pytest.mark.parametrize("name", DOCUMENTS)
def test_page_numbers_alternate_sides_seven_mm_below_the_type_area(name: str) -> None:
    document = measured(name)
    numbers = document.page_numbers()
    assert [int(PAGE_NUMBER.fullmatch(line.text.replace(" ", " ")).group(1))  # type: ignore[union-attr]
            for line in numbers] == list(range(1, document.pages + 1))  # fmt: skip
    for line in numbers:
        if line.page % 2:
            assert abs(line.x_max - (TYPE_RIGHT - SIZE_4)) < 1.0, line
        else:
            assert abs(line.x_min - (TYPE_LEFT + SIZE_4)) < 1.0, line
        dash_middle = (line.y_min + line.y_max) / 2
        assert abs(dash_middle - (TYPE_BOTTOM + 7 * MM)) < 3, line


def test_the_long_document_runs_past_60_pages() -> None:
    assert measured("long").pages >= 60


# ---------------------------------------------------------------- pagination rules


def _pages(document: Measured) -> list[list[TextLine]]:
    return [document.body(page) for page in range(1, document.pages + 1)]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_page_ends_on_a_heading_a_lead_or_a_label(name: str) -> None:
    for page in _pages(measured(name))[:-1]:
        last = page[-1].flat
        assert not re.match(r"^[一二三四五六七八九十]+、", last), last
        assert page[-1].full or not last.endswith("："), last
        assert last not in ("出席：", "请假：", "列席：")


@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_signature_never_stands_alone(name: str) -> None:
    pages = _pages(measured(name))
    issuer = [p for p in pages if any(line.flat == "宁海路街道党工委" for line in p)]
    assert len(issuer) == 1
    page = issuer[0]
    signature = next(i for i, line in enumerate(page) if line.flat == "宁海路街道党工委")
    assert signature >= 2  # at least two lines of text above it on its page
    assert page[signature + 1].flat == "2026年3月13日"
    assert all(len(p) >= 3 for p in pages)  # no page of a lone header or signature


@pytest.mark.parametrize("name", ["short", "crowded"])
def test_an_attendance_label_keeps_two_lines_and_lists_continue(name: str) -> None:
    pages = _pages(measured(name))
    for page in pages:
        for index, line in enumerate(page):
            if line.flat.startswith(("出席：", "请假：")):
                assert len(page) - index >= 2, line
    if name == "crowded":
        present = [n for n, page in enumerate(pages) if any("出席：" in x.flat for x in page)]
        leave = [n for n, page in enumerate(pages) if any("请假：" in x.flat for x in page)]
        # the list starts on the page where the body ends and continues: no page left empty
        assert present[0] < leave[0]
        for page in pages[present[0] : leave[0]]:
            assert len(page) >= 20


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_paragraph_ends_on_a_one_character_line(name: str) -> None:
    for page in _pages(measured(name)):
        for above, line in zip(page, page[1:], strict=False):
            if above.full and not line.indented and not line.full:
                assert substance(line.flat) >= 2, (above.flat, line.flat)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_dates_and_numbers_keep_their_unit(name: str) -> None:
    lines = [line.flat for page in _pages(measured(name)) for line in page]
    for above, below in zip(lines, lines[1:], strict=False):
        joined = above + below
        glue = held_together(joined)
        assert not glue[len(above)], (above, below)


def test_a_name_stays_with_its_reason_and_every_name_is_printed() -> None:
    document = crowded_document()
    text = measured("crowded").text()
    for group in document.present + document.on_leave:
        for name in group.names:
            assert name in text, name
    for page in _pages(measured("crowded")):
        for line in page:
            assert not line.flat.startswith("（参加"), line  # a reason starts on its name's line


# ---------------------------------------------------------------- characters, drafts, style


def test_rare_characters_print_with_an_embedded_font() -> None:
    text = measured("rare").text()
    for name in ("吉𠮷", "欧阳喆堃", "张㐀", "李䶮"):
        assert name in text
    fonts = embedded_fonts(render_minutes(rare_document()))
    assert all(embedded for _, embedded in fonts)
    assert any("HanaMinA" in font for font, _ in fonts)


def test_a_long_url_wraps_inside_the_measure() -> None:
    lines = measured("urls").body()
    text = "".join(line.flat for line in lines)
    assert URL in text
    assert sum(1 for line in lines if "a1b2c3" in line.flat) >= 2  # it wrapped, inside the area


def test_a_draft_is_marked_on_every_page_and_in_its_title() -> None:
    draft = replace(long_document(), draft=True, issued_on=None)
    pdf = render_minutes(draft)
    document = measure(pdf)
    marks = [line for line in document.lines if is_draft_mark(line)]
    assert {line.page for line in marks} == set(range(1, document.pages + 1))
    assert len(marks) == 2 * document.pages  # 草 and 稿, large and diagonal
    assert "（讨论稿）" in "".join(line.flat for line in document.body(1)[:3])
    assert info(pdf)["Title"].endswith("（草稿）")
    final = measure(render_minutes(realistic()))
    assert not any(is_draft_mark(line) for line in final.lines)
    assert "讨论稿" not in final.text()


def test_metadata_and_one_time_style() -> None:
    pdf = render_minutes(realistic())
    fields = info(pdf)
    assert fields["Subject"] == "会议纪要" and fields["Author"] == "宁海路街道党工委"
    assert fields["CreationDate"].startswith("2026-03-13T09:05:30+08")
    facts = next(line.flat for line in measure(pdf).body() if line.flat.startswith("时间："))
    assert facts == "时间：2026年3月12日（星期四）14:30—16:30"


def test_the_title_body_and_headings_use_faces_of_their_own() -> None:
    fonts = {font.partition("+")[2] for font, _ in embedded_fonts(render_minutes(realistic()))}
    # 小标宋 title, 仿宋 body, 黑体 一、 and labels, 楷体 （一）, 宋体 page numbers
    assert fonts == {
        "FandolSong-Bold",
        "FandolFang-Regular",
        "WenQuanYiMicroHei",
        "GongjianKai-Regular",
        "FandolSong-Regular",
    }


def test_headings_sit_two_characters_in() -> None:
    heading = next(line for line in measured("short").body() if line.flat.startswith(level1(1)))
    assert abs(heading.x_min - (LEFT_MARGIN + 2 * PITCH)) < 1.0
    assert TYPE_RIGHT - LEFT_MARGIN == pytest.approx(TYPE_WIDTH)


def test_the_imprint_sits_at_the_foot_of_the_last_page_between_rules() -> None:
    document = replace(
        realistic(),
        copy_to="区委组织部、区城管局, 区水务局；鼓楼区人民政府宁海路街道办事处各科室、各社区党委",
        printed_by="宁海路街道党工委办公室",
    )
    measured = measure(render_minutes(document))
    last = measured.body(measured.pages)
    foot = [line for line in last if abs(line.y_max - last[-1].y_max) < 1]
    assert [line.flat for line in foot] == ["宁海路街道党工委办公室", "2026年3月13日印发"]
    assert abs(last[-1].y_max - TYPE_BOTTOM) < 12  # on the type area's last grid line
    assert abs(foot[0].x_min - (TYPE_LEFT + SIZE_4)) < 1
    copy = [line for line in last if line.flat.startswith("抄送：")]
    assert copy and copy[0].flat.startswith("抄送：区委组织部，区城管局，区水务局，")
    assert "".join(line.flat for line in last).count("各社区党委。") == 1
    assert abs(copy[0].x_min - (TYPE_LEFT + SIZE_4)) < 1  # one character in
    assert abs(last[-1].x_max - (TYPE_RIGHT - SIZE_4)) < 1
    assert measure(render_minutes(realistic())).text().count("印发") == 0  # none by default
