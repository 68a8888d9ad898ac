"""The minutes (纪要) of a meeting as a GB/T 9704-2012 PDF.

Page 1 opens with the 纪要标志: the red title in 小标宋, its upper edge 35 mm below the type
area (10.3), a draft's ``（讨论稿）`` and the session ``（第3次）`` under it. Then, on the
22-line grid: the meeting facts (时间, 地点, 主持人, 记录人), the opening paragraph, the
agenda items ``一、`` in 黑体 with their notes, the decisions ``（一）`` (the number in 楷体)
with their owners and deadline, one blank line, the ``出席：`` ``请假：`` ``列席：`` blocks
(label in 黑体, units and names in 仿宋, every following line aligned after the colon), the
issuer with the date (7.3.5.1, without a seal), and the optional 版记 at the foot of the last
page (:mod:`imprint`). A draft carries a light diagonal 草稿 on every page.

Pagination is :mod:`pages`' line counting on the 22-line grid, with the rules a secretary
checks: a heading, a paragraph ending in a colon (``会议议定：``) or an attendance label
never ends a page but goes with two lines of what follows; the attendance lists continue on
the next page; the issuer and date take the last two lines of text with them rather than
stand alone on a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.exports.pdf.fonts import FontSet, font_set
from app.exports.pdf.imprint import imprint_block
from app.exports.pdf.layout import (
    LEADING,
    PITCH,
    RED,
    SIZE_2,
    SIZE_3,
    TITLE_TOP,
    TRACKING,
    TYPE_WIDTH,
)
from app.exports.pdf.metadata import AUTHOR, DocumentInfo
from app.exports.pdf.pages import Block, paginate, render_pages
from app.exports.pdf.text import chinese_date, level1, level2, meeting_time, paragraphs
from app.exports.pdf.typeset import Run, TextStyle, draw_lines, set_lines, text_width
from app.exports.pdf.writing import atomic_write_bytes
from app.meetings.documents import AgendaSection, AttendeeGroup, DecisionItem, MinutesDocument

BODY = TextStyle(size=SIZE_3, leading=LEADING, tracking=TRACKING, first_indent=2 * PITCH)
TITLE = TextStyle(size=SIZE_2, leading=1.5 * SIZE_2, align="center", color=RED, balance=True)
SESSION = TextStyle(size=SIZE_3, leading=LEADING, tracking=TRACKING, align="center")
LIST = TextStyle(size=SIZE_3, leading=LEADING, tracking=TRACKING, align="left")
KEEP_LINES = 2  # lines of text that must follow a heading or a label on its page
LEADS = ("：", ":")  # a paragraph ending so introduces the next one
SIGNATURE_CARRY = 2  # lines of text the issuer and date take with them to a new page
ATTENDANCE_LABELS = ("出席：", "请假：", "列席：")
LABEL_INDENT = 2  # characters before 出席 (左空二字)
DRAFT_WORD = "草稿"  # in a draft's PDF title and file name
DRAFT_NOTE = "（讨论稿）"  # under a draft's title


def render_minutes(document: MinutesDocument) -> bytes:
    """The minutes as the bytes of a PDF file."""
    fonts = font_set()
    pages = paginate(minutes_blocks(document, fonts))
    return render_pages(pages, info=minutes_info(document), fonts=fonts, draft=document.draft)


def minutes_info(document: MinutesDocument) -> DocumentInfo:
    """Title (a draft's says so), subject, issuer and keywords of the minutes' PDF."""
    return DocumentInfo(
        title=document_title(document),
        subject="会议纪要",
        author=document.issuer or AUTHOR,
        keywords=("会议纪要", *(section.title for section in document.sections)),
        made_at=document.made_at,
    )


def document_title(document: MinutesDocument) -> str:
    return f"{document.heading}（{DRAFT_WORD}）" if document.draft else document.heading


def write_minutes(document: MinutesDocument, path: Path) -> None:
    """Renders the minutes and writes them atomically (see :mod:`writing`)."""
    atomic_write_bytes(path, render_minutes(document))


def minutes_blocks(document: MinutesDocument, fonts: FontSet) -> list[Block]:
    blocks = [title_block(document.heading, document.session_no, fonts, document.draft)]
    blocks += _facts(document, fonts)
    body = [_text(text, fonts.fangsong, BODY) for text in paragraphs(document.opening)]
    for number, section in enumerate(document.sections, start=1):
        body += _section(number, section, fonts)
    blocks += _leads_kept(body)
    blocks += _attendance(document, fonts)
    blocks += _signature(document, fonts)
    imprint = imprint_block(document, fonts)
    return blocks if imprint is None else [*blocks, imprint]


def _leads_kept(blocks: list[Block]) -> list[Block]:
    """A paragraph that ends with a colon (``会议议定：``, ``纪要如下：``) introduces what
    follows: it never ends a page, but goes with two lines of what follows it."""
    kept = list(blocks)
    for index, block in enumerate(kept):
        if block.lines and block.keep <= block.height and block.lines[-1].text.endswith(LEADS):
            kept[index] = _keeping(block, kept[index + 1 :], KEEP_LINES)
    return kept


def _block(runs: Sequence[Run], style: TextStyle, space_before: int = 0) -> Block:
    return Block(set_lines(runs, style, TYPE_WIDTH), style, space_before)


def _text(text: str, font: str, style: TextStyle) -> Block:
    return _block([Run(text, font)], style)


def _keeping(block: Block, following: Sequence[Block], lines: int) -> Block:
    """``block`` kept on one page with the first ``lines`` lines of the blocks after it."""
    available = sum(len(b.lines) + b.space_before for b in following)
    keep = block.height + min(lines, available)
    return Block(block.lines, block.style, block.space_before, keep)


def title_block(heading: str, session_no: int | None, fonts: FontSet, draft: bool) -> Block:
    """The 纪要标志, a draft's （讨论稿） and the session number, as many whole grid lines
    high as they need."""
    title_lines = set_lines([Run(heading, fonts.title)], TITLE, TYPE_WIDTH)
    under = [DRAFT_NOTE] if draft else []
    if session_no is not None:
        under.append(f"（第{session_no}次）")
    session_lines = [
        line
        for text in under
        for line in set_lines([Run(text, fonts.fangsong)], SESSION, TYPE_WIDTH)
    ]
    # the title's em box starts 35 mm down; a title line centres it in its leading
    title_top = TITLE_TOP - (TITLE.leading - TITLE.size) / 2
    used = title_top + len(title_lines) * TITLE.leading + len(session_lines) * LEADING
    rows = int(used / LEADING - 0.01) + 2  # the lines it covers, then one blank line

    def draw(canvas: Any, left: float, top: float) -> None:
        y = top - title_top
        draw_lines(canvas, title_lines, TITLE, y, left)
        draw_lines(canvas, session_lines, SESSION, y - len(title_lines) * TITLE.leading, left)

    return Block(drawing=draw, rows=rows)


def _facts(document: MinutesDocument, fonts: FontSet) -> list[Block]:
    facts = (
        ("时间：", meeting_time(document.starts_at, document.ends_at)),
        ("地点：", document.place.strip()),
        ("主持人：", document.chair.strip()),
        ("记录人：", document.recorder.strip()),
    )
    return [
        _labelled(label, [Run(value, fonts.fangsong)], fonts) for label, value in facts if value
    ]


def _hanging(label: str) -> TextStyle:
    """Lines after the first aligned after ``label``'s colon; the label two characters in."""
    return TextStyle(
        size=SIZE_3,
        leading=LEADING,
        tracking=TRACKING,
        first_indent=LABEL_INDENT * PITCH,
        indent=(LABEL_INDENT + len(label)) * PITCH,
        align="left",
    )


def _labelled(label: str, runs: Sequence[Run], fonts: FontSet, space_before: int = 0) -> Block:
    """``label`` in 黑体, then ``runs``."""
    return _block([Run(label, fonts.heiti), *runs], _hanging(label), space_before)


def _section(number: int, section: AgendaSection, fonts: FontSet) -> list[Block]:
    heading = _text(f"{level1(number)}{section.title.strip()}", fonts.heiti, BODY)
    following = [_text(text, fonts.fangsong, BODY) for text in paragraphs(section.notes)]
    following += [
        _decision(index, decision, fonts)
        for index, decision in enumerate(section.decisions, start=1)
    ]
    return [_keeping(heading, following, KEEP_LINES), *following]


def _decision(number: int, decision: DecisionItem, fonts: FontSet) -> Block:
    runs = [Run(level2(number), fonts.kaiti), Run(decision_text(decision), fonts.fangsong)]
    return _block(runs, BODY)


def decision_text(decision: DecisionItem) -> str:
    """The decision with who leads it and by when, before its closing punctuation:
    ``由街道城管科牵头……划设方案（牵头：街道城管科；完成时限：2026年3月31日）；``"""
    text = decision.text.strip()
    closing = ""
    if text and text[-1] in "。；;.，,":
        text, closing = text[:-1], text[-1]
    parts: list[str] = []
    owners = [owner.strip() for owner in decision.owners if owner.strip()]
    if owners:
        parts.append(f"牵头：{'、'.join(owners)}")
    if decision.due_on is not None:
        parts.append(f"完成时限：{chinese_date(decision.due_on)}")
    if parts:
        text += f"（{'；'.join(parts)}）"
    return text + closing


def group_runs(group: AttendeeGroup, fonts: FontSet, with_reasons: bool) -> list[Run]:
    """``街道党工委  王喆、李堃``: the unit, two spaces, the names. A name never splits, and
    a reason starts on its name's line however long it is (so it never pushes the name away
    from its unit).

    On leave, each name carries its reason: ``王喆（公务）``; a unit on leave as a whole
    carries the unit's reason."""
    names = [name.strip() for name in group.names if name.strip()]
    reasons = [""] * len(names)
    if with_reasons:
        reasons = ([reason.strip() for reason in group.reasons] + reasons)[: len(names)]
    font = fonts.fangsong
    runs: list[Run] = []
    unit = group.unit.strip()
    if unit and with_reasons and not names and group.unit_reason.strip():
        unit += f"（{group.unit_reason.strip()}）"  # a unit on leave as a whole
    if unit:
        runs.append(Run(unit, font))
    for index, (name, reason) in enumerate(zip(names, reasons, strict=True)):
        if index:
            runs.append(Run("、", font))
        elif unit:
            runs.append(Run("  ", font))
        runs.append(Run(name, font, unbreakable=True))
        if reason:
            runs.append(Run(f"（{reason}）", font, attached=True))
    return runs


def _attendance(document: MinutesDocument, fonts: FontSet) -> list[Block]:
    """出席, 请假, 列席, one blank line under the body: a label with at least two lines after
    it, a unit with its names on one page; a list continues on the next page."""
    lists = (
        (ATTENDANCE_LABELS[0], document.present, False),
        (ATTENDANCE_LABELS[1], document.on_leave, True),
        (ATTENDANCE_LABELS[2], document.observers, False),
    )
    blocks: list[Block] = []
    for label, groups, with_reasons in lists:
        rows = [group_runs(group, fonts, with_reasons) for group in groups]
        rows = [runs for runs in rows if runs]
        if not rows:
            continue
        space = 0 if blocks else 1  # 在正文下空一行
        first = _labelled(label, rows[0], fonts, space)
        aligned = replace(_hanging(label), first_indent=_hanging(label).indent)
        following = [_whole(_block(runs, aligned)) for runs in rows[1:]]
        blocks += [_keeping(first, following, KEEP_LINES), *following]
    return blocks


def _whole(block: Block) -> Block:
    """``block`` kept on one page: a unit's names are not split across pages."""
    return replace(block, keep=block.height)


def _signature(document: MinutesDocument, fonts: FontSet) -> list[Block]:
    """The issuer and the date (7.3.5.1, no seal): the issuer two characters in from the right,
    the date on the next line starting two characters right of the issuer's first character;
    a date longer than the issuer is the one kept two characters in."""
    issuer = document.issuer.strip()
    issued = chinese_date(document.issued_on) if document.issued_on else ""
    if not issuer and not issued:
        return []
    issuer_width = text_width([Run(issuer, fonts.fangsong)], LIST)
    issued_width = text_width([Run(issued, fonts.fangsong)], LIST)
    right = TYPE_WIDTH - 2 * PITCH
    if issued_width > issuer_width:
        issued_x = right - issued_width
        issuer_x = issued_x - 2 * PITCH
    else:
        issuer_x = right - issuer_width
        issued_x = issuer_x + 2 * PITCH
    if not issuer:
        issuer_x = issued_x = right - issued_width
    style = TextStyle(
        size=SIZE_3,
        leading=LEADING,
        tracking=TRACKING,
        first_indent=max(0.0, issuer_x),
        indent=max(0.0, issued_x),
        align="left",
    )
    text = "\n".join(part for part in (issuer, issued) if part)
    block = _block([Run(text, fonts.fangsong)], style, space_before=1)
    return [Block(block.lines, style, 1, block.height, carry=SIGNATURE_CARRY)]
