"""The sign-in sheet (签到表) PDF: every expected attendee, a header on every page, fonts."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from app.errors import UserError
from app.exports.pdf import render_signin_sheet, write_signin_sheet
from app.exports.pdf import signin as signin_module
from app.exports.pdf.layout import LEFT_MARGIN, MM, TOP_MARGIN, TYPE_HEIGHT, TYPE_WIDTH
from app.meetings.documents import SignInRow, SignInSheet
from tests.app.pdf_measure import TYPE_LEFT, measure

POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdfinfo"))
needs_poppler = pytest.mark.skipif(
    not POPPLER,
    reason="poppler-utils (pdftotext, pdffonts, pdfinfo) is not installed: "
    "apt-get install poppler-utils",
)
BASE14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")
NAMES = ("王喆", "李堃", "张玥", "赵赟", "钱昇", "欧阳明月", "阿卜杜热合曼·买买提")
UNITS = (
    "街道党工委",
    "宁海路社区党委",
    "江苏省某某厅机关第一党支部",
    "南京市鼓楼区人民政府宁海路街道办事处城市管理科",
    "南京师范大学<b>机关</b>党委 & 团委",
)
POSTS = ("书记", "副主任", "党支部书记、处长", "网格员")


def sheet(rows: int) -> SignInSheet:
    return SignInSheet(
        heading="宁海路街道党建共同体议事会",
        starts_at=datetime(2026, 3, 12, 14, 30),
        place="街道党群服务中心三楼会议室",
        rows=tuple(
            SignInRow(
                f"{NAMES[i % len(NAMES)]}{'' if i < len(NAMES) else i}",
                UNITS[i % len(UNITS)],
                POSTS[i % len(POSTS)],
            )
            for i in range(rows)
        ),
    )


def run(tool: list[str], pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / f"sheet-{len(list(tmp_path.iterdir()))}.pdf"
    path.write_bytes(pdf)
    command = [*tool, str(path), "-"] if tool[0] == "pdftotext" else [*tool, str(path)]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pages(pdf: bytes, tmp_path: Path) -> list[str]:
    found = run(["pdftotext", "-layout"], pdf, tmp_path).split("\f")
    return found[:-1] if found and not found[-1].strip() else found


@pytest.fixture(scope="module")
def sixty() -> bytes:
    return render_signin_sheet(sheet(60))


@needs_poppler
def test_a4_metadata_and_embedded_fonts(sixty: bytes, tmp_path: Path) -> None:
    info = run(["pdfinfo"], sixty, tmp_path)
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts", info)
    assert re.search(r"^Title:\s+宁海路街道党建共同体议事会签到表$", info, re.M)
    assert re.search(r"^Author:\s+共建台$", info, re.M)
    assert re.search(r"^Subject:\s+签到表$", info, re.M)
    rows = [line.split() for line in run(["pdffonts"], sixty, tmp_path).splitlines()[2:]]
    assert rows
    for row in rows:
        assert row[-5] == "yes" and not any(base in row[0] for base in BASE14), row


@needs_poppler
def test_every_attendee_once_in_order_with_unit_and_post(sixty: bytes, tmp_path: Path) -> None:
    text = flat(run(["pdftotext", "-raw"], sixty, tmp_path))  # row by row, cell by cell
    expected = sheet(60).rows
    positions = [text.find(f"{number}{row.name}") for number, row in enumerate(expected, 1)]
    assert -1 not in positions and positions == sorted(positions)
    for row in expected[:10]:
        assert flat(row.unit) in text and row.post in text
    assert "南京师范大学<b>机关</b>党委&团委" in text  # markup prints as typed


@needs_poppler
def test_the_header_row_repeats_on_every_page(sixty: bytes, tmp_path: Path) -> None:
    found = pages(sixty, tmp_path)
    assert len(found) >= 4
    for number, page in enumerate(found, start=1):
        assert re.search(r"序号\s+姓名\s+单位\s+职务\s+签名", page), number
        assert flat(page.strip().split("\n")[-1]) == f"—{number}—"
    first = flat(found[0])
    assert first.startswith("宁海路街道党建共同体议事会签到表")
    assert "时间：2026年3月12日（星期四）14:30" in first
    assert "地点：街道党群服务中心三楼会议室" in first


@needs_poppler
def test_rows_leave_room_to_sign_and_stay_in_the_type_area(sixty: bytes, tmp_path: Path) -> None:
    xhtml = run(["pdftotext", "-bbox"], sixty, tmp_path)
    xhtml = re.sub(r"<!DOCTYPE[^>]*>", "", xhtml)
    root = ET.fromstring(re.sub(r'xmlns="[^"]*"', "", xhtml))
    first_page = next(root.iter("page"))
    numbers = [
        float(word.get("yMin", 0))
        for word in first_page.iter("word")
        if word.text in {"1", "2"} and float(word.get("xMin", 0)) < LEFT_MARGIN + 13 * MM
    ]
    assert len(numbers) == 2
    assert numbers[1] - numbers[0] >= signin_module.ROW_HEIGHT - 0.5
    for page in root.iter("page"):
        for word in page.iter("word"):
            assert float(word.get("xMin", 0)) >= LEFT_MARGIN - 0.5
            assert float(word.get("xMax", 0)) <= LEFT_MARGIN + TYPE_WIDTH + 0.5
            if word.text and "—" not in word.text and not word.text.isdigit():
                assert float(word.get("yMax", 0)) <= TOP_MARGIN + TYPE_HEIGHT + 0.5


@needs_poppler
def test_an_empty_list_still_prints_a_form(tmp_path: Path) -> None:
    pdf = render_signin_sheet(sheet(0))
    found = pages(pdf, tmp_path)
    assert len(found) == 1 and "序号" in found[0]


def test_a_long_name_is_never_split_where_it_fits() -> None:
    from app.exports.pdf.fonts import font_set

    fonts = font_set()
    table = signin_module.signin_flowables(sheet(7), fonts)[-1]
    name_cell = table._cellvalues[7][1]
    width = signin_module.column_widths(sheet(7).rows, fonts)[1] - 2 * signin_module.PADDING
    lines = [line.text for line in name_cell.lines(width)]
    assert "".join(lines) == "阿卜杜热合曼·买买提"
    assert all(line[0] not in "·" for line in lines)


def test_writing_into_a_missing_folder_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(UserError) as raised:
        write_signin_sheet(sheet(3), tmp_path / "nowhere" / "签到表.pdf")
    assert "文件夹不存在" in str(raised.value)
    assert list(tmp_path.iterdir()) == []


def test_writing_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "签到表.pdf"
    target.write_bytes(b"old")
    write_signin_sheet(sheet(3), target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert list(tmp_path.iterdir()) == [target]


# ---------------------------------------------------------------- measured on the page

GIVEN = "喆堃玥赟昇伟芳娜秀英敏静丽强磊军洋勇艳杰"
REAL_UNITS = (
    "街道党工委",
    "宁海路社区党委",
    "江苏省某某厅机关第一党支部",
    "南京师范大学机关党委",
    "鼓楼区城市管理局党组",
    "南京市鼓楼区人民政府宁海路街道办事处",
)
REAL_POSTS = ("书记", "副主任", "党支部书记、处长", "网格员", "第一社长", "四级调研员")


def crowd(count: int) -> SignInSheet:
    """``count`` attendees as the demo street has them: names of two to five characters."""
    names = [
        ("欧阳" if n % 9 == 0 else "王李张刘陈"[n % 5])
        + GIVEN[n % 20]
        + GIVEN[(n * 7) % 20][: n % 2]
        for n in range(count)
    ]
    names[3] = "欧阳喆堃玥"
    rows = tuple(
        SignInRow(name, REAL_UNITS[n % len(REAL_UNITS)], REAL_POSTS[n % len(REAL_POSTS)])
        for n, name in enumerate(names)
    )
    return replace(sheet(0), rows=rows)


@needs_poppler
@pytest.mark.parametrize("count", [16, 17, 18, 19, 20, 40, 200])
def test_sixteen_names_and_more_a_page_and_no_page_of_blank_rows(count: int) -> None:
    document = crowd(count)
    measured = measure(render_signin_sheet(document))
    numbered = {}  # page -> attendee numbers printed on it
    for line in measured.body():
        if line.x_max < TYPE_LEFT + signin_module.NUMBER_WIDTH and line.flat.isdigit():
            numbered.setdefault(line.page, []).append(int(line.flat))
    assert sorted(n for found in numbered.values() for n in found) == list(range(1, count + 1))
    assert set(numbered) == set(range(1, measured.pages + 1))  # every page lists attendees
    for page, found in numbered.items():
        if page < measured.pages:
            assert len(found) >= 16, (page, len(found))
    text = measured.text()
    for row in document.rows:
        assert row.name in text  # on one line: a name never splits
    lines = {line.flat for line in measured.body()}
    assert "四级调研员" in lines  # a post of five characters on one line
    assert {"党支部书", "记、处长"} <= lines  # a longer one on two


def test_columns_fit_their_content() -> None:
    from app.exports.pdf.fonts import font_set

    widths = signin_module.column_widths(crowd(20).rows, font_set())
    assert abs(sum(widths) - TYPE_WIDTH) < 0.01
    number, name, unit, post, signature = widths
    assert name < 25 * MM and post >= 24 * MM and signature >= 30 * MM and unit >= 60 * MM


def test_a_long_post_takes_two_lines_even_where_a_mark_may_not_start_one() -> None:
    from app.exports.pdf.fonts import font_set
    from app.exports.pdf.typeset import Run, set_lines

    fonts = font_set()
    rows = (SignInRow("李娟玲", "青岛路社区党委", "社区党委书记、居委会主任"),)
    post = signin_module.column_widths(rows, fonts)[3]
    runs = [Run(rows[0].post, fonts.fangsong)]
    lines = set_lines(runs, signin_module.CELL_LEFT, post - 2 * signin_module.PADDING)
    assert len(lines) == 2  # not 社区党委书 / 记、居委会主 / 任
