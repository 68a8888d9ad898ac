"""The minutes (纪要) PDF: GB/T 9704 layout, line-breaking rules, fonts, atomic writing.

PDF checks read the file back with poppler (pdfinfo, pdffonts, pdftotext), as a user's viewer
would; they skip, saying why, where poppler-utils is not installed (CI installs it).
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import unicodedata
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import UserError
from app.exports.pdf import fonts as font_module
from app.exports.pdf import minutes as minutes_module
from app.exports.pdf import render_minutes, write_minutes
from app.exports.pdf.layout import LEFT_MARGIN, PITCH, TOP_MARGIN, TYPE_HEIGHT, TYPE_WIDTH
from app.exports.pdf.text import (
    CANNOT_END,
    CANNOT_START,
    break_lines,
    chinese_date,
    chinese_number,
    level1,
    level2,
    meeting_time,
    paragraphs,
)
from app.exports.pdf.writing import atomic_write_bytes
from app.localtime import BEIJING
from app.meetings.documents import AgendaSection, AttendeeGroup, DecisionItem, MinutesDocument
from tests.app.pdf_measure import TextLine, measure, needs_poppler

FORBIDDEN_START = "，。、；：！？）》”’」』】〕〗］｝"
FORBIDDEN_END = "（《“‘「『【〔〖［｛"
BASE14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")
RARE_NAMES = ("王喆", "李堃", "张玥", "赵赟", "钱昇")
MARKUP = "<b>粗体</b> &amp; a < b > c & d"
TYPE_BOTTOM = TOP_MARGIN + TYPE_HEIGHT  # from the top of the page, as poppler measures

HAN = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能"
    "下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加"
    "量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与"
)
PAIRS = {"（": "）", "《": "》", "“": "”", "「": "」", "【": "】"}


# ---------------------------------------------------------------- documents


def realistic() -> MinutesDocument:
    """The shape of shared/samples/minutes-sample.md: 3 items, decisions, 20 present."""
    present = (
        AttendeeGroup("街道党工委", ("王喆", "李堃", "张玥")),
        AttendeeGroup("宁海路社区党委", ("赵赟", "钱昇")),
        AttendeeGroup("江苏省某某厅机关第一党支部", ("孙立新", "周海燕", "吴建国", "郑晓明")),
        AttendeeGroup("南京师范大学机关党委", ("冯雪", "陈志强")),
        AttendeeGroup("鼓楼区城市管理局党组", ("褚卫东",)),
        AttendeeGroup(
            "南京市鼓楼区人民政府宁海路街道办事处城市管理科",
            ("卫红梅", "蒋一帆", "沈德明", "韩梅梅", "杨帆"),
        ),
        AttendeeGroup("西康路社区党委", ("朱小龙", "秦岚", "欧阳明月")),
    )
    sections = (
        AgendaSection(
            "关于安乐村小区停车难问题",
            "会议认为，安乐村小区无物业管理、车位供需矛盾突出，须由街道牵头、驻区单位协同"
            "解决。\n会议议定：",
            (
                DecisionItem(
                    "由街道城管科牵头，会同交警中队于3月底前完成周边道路夜间停车泊位划设方案；",
                    ("街道城管科",),
                    date(2026, 3, 31),
                ),
                DecisionItem(
                    "请驻区某省级机关开放内部停车场夜间错时停车，社区做好登记和宣传；",
                    ("某省级机关第一党支部", "宁海路社区党委"),
                ),
                DecisionItem(
                    "社区党委组织党员志愿者开展停车秩序引导，每周不少于2次。",
                    ("宁海路社区党委",),
                    date(2026, 4, 30),
                ),
            ),
        ),
        AgendaSection(
            "关于建宁路33号雨季积水问题",
            "会议听取了建宁路社区关于建宁路33号雨季积水情况的汇报。会议指出，积水问题已持续"
            "三年，“年年修、年年淹”，群众反映强烈，必须在汛期前彻底解决。\n会议议定：",
            (
                DecisionItem(
                    "由街道城建科牵头，会同区水务局于4月15日前完成管网排查，形成整改方案。",
                    ("街道城建科", "区水务局"),
                    date(2026, 4, 15),
                ),
            ),
        ),
        AgendaSection(
            "关于在职党员到社区报到服务",
            "会议研究了驻区单位在职党员到社区报到服务的安排。会议要求，各驻区单位要把在职党员"
            "到社区报到服务作为“七个共”的重要内容，做到有登记、有安排、有记录、有反馈。",
        ),
    )
    return MinutesDocument(
        heading="宁海路街道党建共同体议事会纪要",
        session_no=3,
        starts_at=datetime(2026, 3, 12, 14, 30),
        ends_at=datetime(2026, 3, 12, 16, 30),
        place="街道党群服务中心三楼会议室",
        chair="王喆",
        recorder="张玥",
        opening="2026年3月12日下午，宁海路街道党工委在街道党群服务中心三楼会议室召开北片区"
        "党建联盟协调议事会。会议听取了各社区关于老旧小区停车、雨季积水等民生难题的情况汇报，"
        "研究了驻区单位到社区报到服务的安排。现将会议议定事项纪要如下：",
        sections=sections,
        present=present,
        on_leave=(AttendeeGroup("某高校机关党委", ("尤佳", "许诺"), ("公务", "病假")),),
        observers=(AttendeeGroup("街道城管科", ("何平",)),),
        issuer="宁海路街道党工委",
        issued_on=date(2026, 3, 13),
        made_at=datetime(2026, 3, 13, 9, 5, 30, tzinfo=BEIJING),
    )


def provoking_paragraph(rnd: random.Random, length: int) -> str:
    """Chinese text dense with punctuation that may neither start nor end a line."""
    out = [rnd.choice(HAN)]
    while len(out) < length:
        roll = rnd.random()
        if roll < 0.12:
            opening = rnd.choice(list(PAIRS))
            out += [opening, *rnd.choices(HAN, k=rnd.randint(1, 5)), PAIRS[opening]]
            if rnd.random() < 0.5:
                out.append(rnd.choice("，。；："))
        elif roll < 0.3:
            out.append(rnd.choice("，。、；：！？"))
            if rnd.random() < 0.2:
                out.append("”")
        elif roll < 0.33:
            out.append(str(rnd.randint(1, 2026)))
        elif roll < 0.35:
            out.append(rnd.choice(("——", "……")))
        else:
            out.append(rnd.choice(HAN))
    return "".join(out)


def boundary_paragraphs() -> list[str]:
    """Punctuation exactly where a line of 28 (the first: 26 after the indent) is full."""
    return [
        "会" * 26
        + "，"
        + "议" * 27
        + "。"
        + "”"
        + "定" * 26
        + "）》"
        + "事" * 25
        + "（"
        + "项" * 9,
        "街" * 25 + "《" + "道" * 27 + "；" + "社" * 27 + "！" + "区" * 5,
        "党" * 26 + "、" + "建" * 27 + "？" + "”" + "共" * 5,
    ]


def provoking(sections: int, seed: int = 9704) -> MinutesDocument:
    rnd = random.Random(seed)
    agenda = []
    for number in range(sections):
        notes = [*boundary_paragraphs(), MARKUP]
        notes += [provoking_paragraph(rnd, rnd.randint(60, 400)) for _ in range(6)]
        decisions = tuple(
            DecisionItem(provoking_paragraph(rnd, 70), ("街道城管科",), date(2026, 3, 31))
            for _ in range(3)
        )
        agenda.append(
            AgendaSection(f"第{number + 1}项议题：关于“共建”的问题", "\n".join(notes), decisions)
        )
    base = realistic()
    return MinutesDocument(
        heading="宁海路街道<b>党建</b>共同体议事会纪要",
        session_no=None,
        starts_at=base.starts_at,
        ends_at=None,
        place="a < b & c > d",
        chair=base.chair,
        recorder=base.recorder,
        opening=provoking_paragraph(rnd, 200),
        sections=tuple(agenda),
        present=base.present,
        on_leave=base.on_leave,
        observers=base.observers,
    )


def one_long_section(paragraph_count: int) -> MinutesDocument:
    """No headings after the first: every page but the first and the last is full."""
    text = "\n".join(("党建共同体" * 40)[: 100 + (i % 7) * 31] for i in range(paragraph_count))
    base = realistic()
    return MinutesDocument(
        heading=base.heading,
        session_no=1,
        starts_at=base.starts_at,
        ends_at=None,
        place="",
        chair="",
        recorder="",
        opening="",
        sections=(AgendaSection("关于全文", text),),
        present=(),
        on_leave=(),
        observers=(),
    )


# ---------------------------------------------------------------- poppler helpers


def run(tool: list[str], pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / f"doc-{len(list(tmp_path.iterdir()))}.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(
        [*tool, str(path), "-"] if tool[0] == "pdftotext" else [*tool, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def layout_pages(pdf: bytes, tmp_path: Path) -> list[str]:
    pages = run(["pdftotext", "-layout"], pdf, tmp_path).split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def bbox_lines(pdf: bytes, tmp_path: Path) -> list[TextLine]:
    """Every text line with its position (see :mod:`tests.app.pdf_measure`)."""
    return measure(pdf).lines


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def body_lines(page: str) -> list[str]:
    lines = [line for line in page.split("\n") if line.strip()]
    return [line for line in lines if not re.fullmatch(r"\s*—\s*\d+\s*—\s*", line)]


def display_width(line: str) -> float:
    return sum(1 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in flat(line))


def fonts_table(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    lines = run(["pdffonts"], pdf, tmp_path).splitlines()[2:]
    return [line.split() for line in lines if line.strip()]


@pytest.fixture(scope="module")
def realistic_pdf() -> bytes:
    return render_minutes(realistic())


@pytest.fixture(scope="module")
def provoking_pdf() -> bytes:
    return render_minutes(provoking(12))


# ---------------------------------------------------------------- words and rules


def test_chinese_numbers() -> None:
    cases = {1: "一", 9: "九", 10: "十", 11: "十一", 20: "二十", 21: "二十一", 100: "一百"}
    cases |= {101: "一百零一", 110: "一百一十", 999: "九百九十九", 1001: "一千零一"}
    assert {n: chinese_number(n) for n in cases} == cases
    assert (level1(3), level2(12)) == ("三、", "（十二）")
    with pytest.raises(ValueError):
        chinese_number(0)


def test_dates_use_arabic_numerals_without_leading_zeros() -> None:
    assert chinese_date(date(2026, 3, 2)) == "2026年3月2日"
    start = datetime(2026, 3, 12, 14, 30)
    assert meeting_time(start, None) == "2026年3月12日（星期四）14:30"
    assert meeting_time(start, datetime(2026, 3, 12, 16, 0)) == "2026年3月12日（星期四）14:30—16:00"
    assert meeting_time(datetime(2026, 3, 13, 9, 0), None).endswith("（星期五）9:00")


def test_paragraphs_drop_blank_lines_and_typed_indents() -> None:
    assert paragraphs("\u3000\u3000第一段。\r\n\r\n  第二段。\n") == ["第一段。", "第二段。"]


def test_decision_text_names_owners_and_deadline_before_the_closing_mark() -> None:
    item = DecisionItem("完成划设方案；", ("街道城管科", "交警中队"), date(2026, 3, 31))
    assert minutes_module.decision_text(item) == (
        "完成划设方案（牵头：街道城管科、交警中队；完成时限：2026年3月31日）；"
    )
    assert minutes_module.decision_text(DecisionItem("开展引导")) == "开展引导"


def test_attendee_groups_read_unit_two_spaces_names_and_reasons() -> None:
    fonts = font_module.font_set()
    group = AttendeeGroup("某高校机关党委", ("王喆", "李堃"), ("公务", ""))
    text = "".join(run.text for run in minutes_module.group_runs(group, fonts, True))
    assert text == "某高校机关党委  王喆（公务）、李堃"
    whole = AttendeeGroup("某省级机关", (), (), unit_reason="会务冲突")
    assert "".join(r.text for r in minutes_module.group_runs(whole, fonts, True)) == (
        "某省级机关（会务冲突）"
    )


def test_boundary_punctuation_moves_down_with_the_character_before_it() -> None:
    text = "会" * 28 + "，" + "议" * 10
    lines = break_lines(text, [1.0] * len(text), [28.0])
    assert [text[a:b] for a, b in lines] == ["会" * 27, "会，" + "议" * 10]


def test_an_opening_mark_never_ends_a_line() -> None:
    text = "会" * 27 + "（议）" + "定" * 5
    lines = break_lines(text, [1.0] * len(text), [28.0])
    assert [text[a:b] for a, b in lines] == ["会" * 27, "（议）" + "定" * 5]


def test_numbers_dashes_and_glued_names_stay_whole() -> None:
    text = "会" * 26 + "2026" + "——" + "王喆" + "会" * 30
    advances = [0.5 if ch.isdigit() else 1.0 for ch in text]
    lines = break_lines(text, advances, [27.0])
    assert [text[a:b] for a, b in lines][0] == "会" * 26
    dash = text.index("——")
    glue = [False] * len(text)
    glue[dash + 3] = True  # 喆 stays with 王
    lines = break_lines(text, [1.0] * len(text), [dash + 3.0], glue)
    assert text[lines[0][0] : lines[0][1]].endswith("——")


tokens = st.one_of(
    st.sampled_from(HAN),
    st.tuples(st.sampled_from(HAN), st.sampled_from("，。、；：！？”）》")).map("".join),
    st.tuples(st.sampled_from("（《“"), st.sampled_from(HAN)).map("".join),
    st.sampled_from(("2026", "——", "……", "14:30")),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(tokens, min_size=1, max_size=120), st.integers(min_value=6, max_value=30))
def test_no_line_breaks_a_rule(parts: list[str], width: int) -> None:
    text = "".join(parts)
    advances = [1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text]
    lines = break_lines(text, advances, [float(width)])
    assert "".join(text[a:b] for a, b in lines) == text
    for start, end in lines:
        assert sum(advances[start:end]) <= width
        if start > 0:
            assert text[start] not in CANNOT_START, (text[start:end], width)
        if end < len(text):
            assert text[end - 1] not in CANNOT_END


# ---------------------------------------------------------------- the PDF


@needs_poppler
def test_a4_metadata_and_deterministic_output(realistic_pdf: bytes, tmp_path: Path) -> None:
    info = run(["pdfinfo"], realistic_pdf, tmp_path)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size is not None
    assert abs(float(size[1]) - 595.28) < 0.5 and abs(float(size[2]) - 841.89) < 0.5
    assert re.search(r"^Title:\s+宁海路街道党建共同体议事会纪要$", info, re.M)
    assert re.search(r"^Author:\s+宁海路街道党工委$", info, re.M)  # the issuer
    assert re.search(r"^Subject:\s+会议纪要$", info, re.M)
    assert re.search(r"^Keywords:\s+会议纪要, 关于安乐村小区停车难问题, ", info, re.M)
    assert re.search(r"^Creator:\s+共建台 Gongjian$", info, re.M)
    # the real creation time (Beijing), not reportlab's invariant 2000-01-01
    created = run(["pdfinfo", "-isodates"], realistic_pdf, tmp_path)
    assert re.search(r"^CreationDate:\s+2026-03-13T09:05:30\+08", created, re.M), created
    assert render_minutes(realistic()) == realistic_pdf


@needs_poppler
def test_every_font_is_embedded_and_none_is_a_base_font(
    realistic_pdf: bytes, provoking_pdf: bytes, tmp_path: Path
) -> None:
    for pdf in (realistic_pdf, provoking_pdf):
        table = fonts_table(pdf, tmp_path)
        assert table
        for row in table:
            assert row[-5] == "yes", row  # emb
            assert not any(base in row[0] for base in BASE14), row


@needs_poppler
def test_every_name_decision_label_and_fact_is_printed(
    realistic_pdf: bytes, tmp_path: Path
) -> None:
    document = realistic()
    pages = layout_pages(realistic_pdf, tmp_path)
    text = "".join(flat(line) for page in pages for line in body_lines(page))
    groups = document.present + document.on_leave + document.observers
    for name in [*RARE_NAMES, *(name for group in groups for name in group.names)]:
        assert name in text, name
    for group in groups:
        assert group.unit in text
    for section in document.sections:
        assert section.title in text
        for decision in section.decisions:
            assert flat(minutes_module.decision_text(decision)) in text
    for label in ("出席：", "请假：", "列席：", "尤佳（公务）", "许诺（病假）"):
        assert label in text
    for fact in ("时间：2026年3月12日（星期四）14:30—16:30", "地点：", "主持人：王喆"):
        assert flat(fact) in text
    assert "（第3次）" in text and "一、关于安乐村" in text and "（一）由街道城管科" in text
    assert "宁海路街道党工委2026年3月13日" in text


@needs_poppler
def test_page_numbers_alternate_right_and_left(provoking_pdf: bytes, tmp_path: Path) -> None:
    pages = layout_pages(provoking_pdf, tmp_path)
    assert len(pages) >= 4
    for number, page in enumerate(pages, start=1):
        assert flat([line for line in page.split("\n") if line.strip()][-1]) == f"—{number}—"
    numbers = [line for line in bbox_lines(provoking_pdf, tmp_path) if line.y_min > TYPE_BOTTOM]
    assert len(numbers) == len(pages)
    right = LEFT_MARGIN + TYPE_WIDTH - 14  # one 4号 character in from the type area's edge
    left = LEFT_MARGIN + 14
    for line in numbers:
        if line.page % 2:
            assert abs(line.x_max - right) < 1.0, line
        else:
            assert abs(line.x_min - left) < 1.0, line
        assert 12 < line.y_min - TYPE_BOTTOM < 20  # the dashes ≈7 mm below the type area


@needs_poppler
def test_no_line_starts_or_ends_with_a_forbidden_mark(provoking_pdf: bytes, tmp_path: Path) -> None:
    checked = 0
    for line in bbox_lines(provoking_pdf, tmp_path):
        text = flat(line.text)
        if line.y_min > TYPE_BOTTOM or not text:
            continue
        if line.x_min < LEFT_MARGIN + PITCH / 2:  # not a paragraph's first line
            assert text[0] not in FORBIDDEN_START, line
            checked += 1
        assert text[-1] not in FORBIDDEN_END, line
    assert checked > 300


@needs_poppler
def test_lines_hold_at_most_28_characters(provoking_pdf: bytes, tmp_path: Path) -> None:
    widths = [
        display_width(line)
        for page in layout_pages(provoking_pdf, tmp_path)
        for line in body_lines(page)
    ]
    # 29 only where a paragraph's last character was pulled back into its line
    assert max(widths) <= 29 and widths.count(29) < widths.count(28) / 10
    assert widths.count(28) > 50  # and full lines are full
    right = LEFT_MARGIN + TYPE_WIDTH
    assert all(line.x_max < right + 0.5 for line in bbox_lines(provoking_pdf, tmp_path))


@needs_poppler
def test_marks_at_the_28th_character_take_the_character_before_them_down(
    provoking_pdf: bytes, tmp_path: Path
) -> None:
    lines = [
        flat(line) for page in layout_pages(provoking_pdf, tmp_path) for line in body_lines(page)
    ]
    text = "\n".join(lines)
    expected = (
        ["会" * 25, "会，" + "议" * 26, "议。”" + "定" * 25, "定）》" + "事" * 25, "（" + "项" * 9],
        ["街" * 25, "《" + "道" * 26, "道；" + "社" * 26, "社！" + "区" * 5],
        ["党" * 25, "党、" + "建" * 26, "建？”" + "共" * 5],
    )
    for paragraph in expected:
        assert "\n".join(paragraph) in text, paragraph


@needs_poppler
def test_markup_prints_as_typed(provoking_pdf: bytes, tmp_path: Path) -> None:
    raw = run(["pdftotext", "-raw"], provoking_pdf, tmp_path)
    normalized = re.sub(r"\s+", " ", raw)
    assert MARKUP in normalized
    assert "宁海路街道<b>党建</b>共同体议事会纪要" in flat(raw)
    assert "地点：a < b & c > d" in normalized
    info = run(["pdfinfo"], provoking_pdf, tmp_path)
    assert "宁海路街道<b>党建</b>共同体议事会纪要" in info


@needs_poppler
def test_thirty_pages_flow_with_every_section_in_order(tmp_path: Path) -> None:
    document = provoking(40, seed=30)
    pdf = render_minutes(document)
    pages = layout_pages(pdf, tmp_path)
    assert len(pages) >= 30
    lines = [flat(line) for page in pages for line in body_lines(page)]
    text = "\n".join(lines)
    positions = [text.find(f"{level1(n)}第{n}项议题") for n in range(1, 41)]
    assert -1 not in positions and positions == sorted(positions)
    joined = "".join(lines)
    for section in document.sections:
        for decision in section.decisions:
            assert flat(minutes_module.decision_text(decision)) in joined
    for page in pages:  # a heading never ends a page
        assert not re.match(r"^[一二三四五六七八九十]+、第\d+项议题", flat(body_lines(page)[-1]))
    assert all(len(body_lines(page)) <= 22 for page in pages)


@needs_poppler
def test_full_pages_hold_22_lines(tmp_path: Path) -> None:
    pdf = render_minutes(one_long_section(80))
    pages = layout_pages(pdf, tmp_path)
    assert len(pages) >= 5
    counts = [len(body_lines(page)) for page in pages]
    assert counts[1:-1] == [22] * (len(pages) - 2)
    assert counts[0] < 22 and counts[-1] <= 22
    lines = [line for line in bbox_lines(pdf, tmp_path) if line.page == 3]
    lines = [line for line in lines if line.y_min < TYPE_BOTTOM]
    assert len(lines) == 22
    for line, following in zip(lines, lines[1:], strict=False):
        if following.x_min < LEFT_MARGIN + 1:  # not a paragraph's last line: full
            assert abs(line.x_max - (LEFT_MARGIN + TYPE_WIDTH)) < 1, line
            indented = line.x_min > LEFT_MARGIN + 1
            assert len(flat(line.text)) == (26 if indented else 28), line


@needs_poppler
def test_attendee_lines_align_after_the_colon(realistic_pdf: bytes, tmp_path: Path) -> None:
    lines = bbox_lines(realistic_pdf, tmp_path)
    label_x = LEFT_MARGIN + 2 * PITCH
    after_colon = LEFT_MARGIN + 5 * PITCH

    def line_with(text: str) -> TextLine:
        return next(line for line in lines if flat(line.text).startswith(text))

    for label in ("出席：", "请假：", "列席："):
        assert abs(line_with(label).x_min - label_x) < 1.0
    for follower in ("宁海路社区党委", "西康路社区党委", "吴建国", "卫红梅"):
        assert abs(line_with(follower).x_min - after_colon) < 1.0, follower
    assert line_with("吴建国").page == line_with("江苏省某某厅").page  # wrapped group, same page


@needs_poppler
def test_title_sits_35_mm_below_the_top_of_the_type_area(
    realistic_pdf: bytes, tmp_path: Path
) -> None:
    title = next(line for line in bbox_lines(realistic_pdf, tmp_path) if "纪要" in line.text)
    assert title.page == 1
    mm = 72 / 25.4
    assert abs(title.y_min - (TOP_MARGIN + 35 * mm)) < 4  # poppler's box includes the ascent
    assert abs((title.x_min + title.x_max) / 2 - (LEFT_MARGIN + TYPE_WIDTH / 2)) < 1


# ---------------------------------------------------------------- fonts


def test_fonts_come_from_the_override_folder_else_the_shipped_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = Path(font_module.resource_path("fonts"))
    (tmp_path / "SIMHEI.TTF").symlink_to(shipped / font_module.HEI_FILE)
    (tmp_path / "simfang.ttf").symlink_to(shipped / font_module.KAI_FILE)
    monkeypatch.setenv(font_module.FONT_DIR_ENV, str(tmp_path))
    assert font_module.font_directories() == [tmp_path]
    found = font_module.discover()
    assert found.heiti == "GJ-SIMHEI" and found.fangsong == "GJ-simfang"
    assert found.title == "GJ-FandolSong-Bold"  # no 小标宋: the shipped Song Bold
    assert found.kaiti == "GJ-GongjianKai-GBK"  # no simkai.ttf: the shipped Kai
    assert found.song == "GJ-FandolSong-Latin"
    # what the office's 仿宋 lacks comes from the shipped 仿宋's chain, 𠮷 from Hanazono
    assert font_module.fallback_font("GJ-simfang", "喆") == "GJ-GongjianKai-GBK"
    assert font_module.fallback_font("GJ-simfang", "𠮷") == "GJ-HanaMinA-Rare"
    empty = tmp_path / "empty"
    empty.mkdir()
    shipped_set = font_module.discover([empty])
    assert shipped_set == font_module.FontSet(
        fangsong="GJ-FandolFang",
        heiti="GJ-WenQuanYiMicroHei-GBK",
        kaiti="GJ-GongjianKai-GBK",
        title="GJ-FandolSong-Bold",
        song="GJ-FandolSong-Latin",
    )
    # the roles GB/T 9704 sets apart are different faces
    assert len(set(shipped_set.names()) - {shipped_set.song}) == 4


def test_a_damaged_font_file_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "simhei.ttf").write_bytes(b"not a font")
    assert font_module.discover([tmp_path]).heiti == "GJ-WenQuanYiMicroHei-GBK"


def test_every_gbk_character_and_extension_a_prints_in_every_role() -> None:
    fonts = font_module.font_set()
    gbk = [bytes((0xB5, 0xC4)).decode("gbk"), "喆", "堃", "玥", "赟", "昇", "镕", "㐀", "䶵", "𠮷"]
    for role in fonts.names():
        chain = (role, *font_module.fallback_fonts(role))
        for char in gbk:
            assert any(font_module.covers(font, char) for font in chain), (role, char)


def test_characters_no_font_covers_are_found_once_each_in_order() -> None:
    texts = ["王喆😀", "张𠮷", "李\U0002b820😀", "a b\n"]
    assert font_module.missing_characters(texts) == ["😀", "\U0002b820"]
    assert font_module.missing_characters(["欧阳喆堃玥 14:30"]) == []


def test_characters_a_font_lacks_are_drawn_with_the_shipped_font(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.exports.pdf import typeset

    fonts = font_module.font_set()
    real = typeset.character_map

    def without_zhe(font: str) -> dict[int, int]:
        table = dict(real(font))
        if font == "GJ-old-fangsong":
            table.pop(ord("喆"))
        return table

    monkeypatch.setattr(typeset, "character_map", without_zhe)
    monkeypatch.setitem(font_module._CHAINS, "GJ-old-fangsong", (font_module.KAI_FILE,))
    from reportlab.pdfbase import pdfmetrics

    monkeypatch.setitem(pdfmetrics._fonts, "GJ-old-fangsong", pdfmetrics.getFont(fonts.kaiti))
    font_module.fallback_font.cache_clear()
    style = minutes_module.BODY
    lines = typeset.set_lines([typeset.Run("主持人王喆同志", "GJ-old-fangsong")], style, 400)
    by_font = {segment.text: segment.font for segment in lines[0].segments}
    assert by_font == {
        "主持人王": "GJ-old-fangsong",
        "喆": fonts.kaiti,
        "同志": "GJ-old-fangsong",
    }
    font_module.fallback_font.cache_clear()


# ---------------------------------------------------------------- writing


def test_writing_into_a_missing_folder_fails_clearly_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "纪要.pdf"
    with pytest.raises(UserError) as raised:
        write_minutes(realistic(), target)
    assert "文件夹不存在" in str(raised.value)
    assert not target.parent.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_failed_render_leaves_the_existing_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "纪要.pdf"
    target.write_bytes(b"the minutes signed yesterday")

    def broken(document: MinutesDocument) -> bytes:
        raise RuntimeError("layout failed")

    monkeypatch.setattr(minutes_module, "render_minutes", broken)
    with pytest.raises(RuntimeError):
        write_minutes(realistic(), target)
    assert target.read_bytes() == b"the minutes signed yesterday"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_write_leaves_the_existing_file_and_no_temporary_file(
    failing: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "纪要.pdf"
    target.write_bytes(b"old")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(UserError) as raised:
        atomic_write_bytes(target, b"new")
    assert "磁盘空间不足" in str(raised.value)
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_a_write_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "纪要.pdf"
    target.write_bytes(b"old" * 1000)
    write_minutes(realistic(), target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert list(tmp_path.iterdir()) == [target]


def test_only_text_beyond_gbk_is_looked_up_in_the_fonts() -> None:
    from app.exports.printable import text_values, unprintable

    document = realistic()
    assert unprintable(text_values(document)) == []
    rare = replace(document, place="三楼😀会议室", chair="吉𠮷")
    assert unprintable(text_values(rare)) == ["😀"]
    assert "吉𠮷" in list(text_values(rare))
