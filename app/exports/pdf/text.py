"""Words on the printed page: Chinese numbering, dates, and where a line may break (禁则).

Nothing here knows about fonts or PDF. :func:`break_lines` takes the advance of every character
and returns the lines, so the rules can be tested on plain numbers.

Line-breaking rules (行首行尾禁则, after GB/T 15834 and common Chinese typesetting):

- closing marks (``，。、；：！？）》”’」』】〕``, the 间隔号 ``·`` and 连接号 ``～``, ASCII
  ``,.;:!?)]}`` …) never start a line; a dash or an ellipsis may (GB/T 15834);
- opening marks (``（《“‘「『【〔``, ``[({`` …) never end a line;
- a dash ``——`` or an ellipsis ``……`` is never split, nor a run of Latin letters or digits
  (``2026``, ``14:30``, ``3.5%``, ``GB/T``), nor a number with its unit (``2026年``, ``23日``,
  ``第3次``, ``120小时``: :func:`held_together`). A date may break between its parts
  (``2026年`` / ``12月23日``), never inside one: held whole, a date of up to nine cells pushed
  down would leave its line spread over a third of its width;
- a line is never longer than the measure: when the character that does not fit may not start a
  line, the characters before it move down with it (推出), and the shorter line is justified.
  Punctuation is never hung in the margin, so a full line holds at most 28 characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

# Marks that may not start a line.
CANNOT_START = frozenset(
    "，。、；：！？）》〉」』】〕〗〙〛］｝”’·・～－–ー々〻%‰℃°′″"
    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
    "｡｣､､ﾞﾟ"
    "!),.:;?]}\"'"
    "\u00b7\u2022\u2027\u30fb\u2030"
    "\uff05\uff0e\u2103"
)
# Marks that may not end a line.
CANNOT_END = frozenset("（《〈「『【〔〖〘〚［｛“‘([{￥＄£$#＃@＠§\u00b7")
# Marks drawn in a full-width cell although many fonts give them a narrow glyph: Chinese
# quotation marks. Opening ones sit at the right of their cell, closing ones at the left.
OPENING_QUOTES = frozenset("“‘")
CLOSING_QUOTES = frozenset("”’")
# Characters that repeat as one mark and may not be split: —— and …….
PAIRED_MARKS = frozenset("—…")

_LATIN_JOINERS = frozenset(".,:/%-_+'&@#")
_UNITS = "年月日号时分秒个件人次名户天周岁元角万亿千百项条份台辆米层栋室期届批倍度"
# A number with its unit (a date's year, month or day among them): never split across lines.
UNBREAKABLE = re.compile(rf"第?\d+(?:[.．:：/]\d+)*(?:小时|平方米|公里|[%％‰℃{_UNITS}])")
WEEKDAYS = "一二三四五六日"
_DIGITS = "零一二三四五六七八九"


def is_wide(char: str) -> bool:
    """True for a character that takes a full cell (汉字, full-width punctuation)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalnum() or (not is_wide(char) and char.isalpha())


def held_together(text: str) -> list[bool]:
    """``result[i]`` is True where no line may break before ``text[i]`` because it is inside
    a number with its unit."""
    glue = [False] * len(text)
    for match in UNBREAKABLE.finditer(text):
        for index in range(match.start() + 1, match.end()):
            glue[index] = True
    return glue


def substance(line: str) -> int:
    """How many characters of ``line`` are not punctuation or spaces: a paragraph's last line
    needs two, so that it never reads as one character and its full stop (``报。``)."""
    return sum(
        1 for ch in line if not ch.isspace() and not unicodedata.category(ch).startswith("P")
    )


def joined(before: str, after: str) -> bool:
    """True when no line break may fall between ``before`` and ``after``."""
    if before == after and before in PAIRED_MARKS:
        return True
    if before.isspace() or after.isspace():
        return False
    if after in CANNOT_START or before in CANNOT_END:
        return True
    latin_before = _is_latin(before) or before in _LATIN_JOINERS
    latin_after = _is_latin(after) or after in _LATIN_JOINERS
    return (latin_before and latin_after) and (_is_latin(before) or _is_latin(after))


def break_lines(
    text: str,
    advances: Sequence[float],
    widths: Sequence[float],
    glue: Sequence[bool] | None = None,
    fuzz: float = 0.01,
) -> list[tuple[int, int]]:
    """Splits ``text`` into lines; returns ``(start, end)`` indices, end exclusive.

    ``advances[i]`` is the horizontal room of ``text[i]``; line ``n`` may be ``widths[n]`` wide
    (the last width repeats); ``glue[i]`` forbids a break before ``text[i]`` (a person's name
    stays on one line). ``\\n`` forces a break. Spaces at a break are dropped: a line
    neither starts nor ends with one. A run that cannot break and is longer than a whole line
    (a long URL) is cut where the line is full, the only case where a rule gives way.
    """
    lines: list[tuple[int, int]] = []
    count = len(text)
    start = 0
    while start < count:
        while start < count and text[start] == " ":
            start += 1
        if start >= count:
            break
        width = widths[min(len(lines), len(widths) - 1)]
        used = 0.0
        end = start
        while end < count and text[end] != "\n" and used + advances[end] <= width + fuzz:
            used += advances[end]
            end += 1
        if end >= count or text[end] == "\n":
            lines.append((start, _trim(text, start, end)))
            start = end + 1
            continue
        if text[end] == " " and not (glue is not None and glue[end]):  # the space disappears
            lines.append((start, _trim(text, start, end)))
            start = end + 1
            continue
        cut = end
        while cut > start and (
            joined(text[cut - 1], text[cut]) or (glue is not None and glue[cut])
        ):
            cut -= 1
        if cut == start:  # nothing may break: cut where the line is full, at a mark if we can
            cut = _forced_cut(text, start, end)
        lines.append((start, _trim(text, start, cut)))
        start = cut
    return lines


def _forced_cut(text: str, start: int, end: int) -> int:
    """Where to cut an unbreakable run longer than a line: the last place in it where at
    least the marks' rules hold (inside a long number or URL), else where the line is full."""
    for cut in range(end, start, -1):
        if text[cut] not in CANNOT_START and text[cut - 1] not in CANNOT_END:
            return cut
    return max(end, start + 1)


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] == " ":
        end -= 1
    return end


def chinese_number(value: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五, as numbered headings write them."""
    if value <= 0:
        raise ValueError(f"no Chinese numeral for {value}")
    if value >= 10_000:
        return str(value)
    units = ((1000, "千"), (100, "百"), (10, "十"))
    parts: list[str] = []
    rest = value
    zero_pending = False
    for size, name in units:
        digit, rest = divmod(rest, size)
        if digit:
            if zero_pending:
                parts.append("零")
                zero_pending = False
            if not (size == 10 and digit == 1 and not parts):
                parts.append(_DIGITS[digit])
            parts.append(name)
        elif parts:
            zero_pending = True
    if rest:
        if zero_pending:
            parts.append("零")
        parts.append(_DIGITS[rest])
    return "".join(parts)


def plain_number(value: Decimal | float | int) -> str:
    """A number as a form prints it: 118, 118.5, 93 (never 118.0 or 93.0)."""
    text = f"{Decimal(str(value)).normalize():f}"
    return text.removesuffix(".") if "." in text else text


def level1(number: int) -> str:
    """The number of a first-level heading: 一、"""
    return f"{chinese_number(number)}、"


def level2(number: int) -> str:
    """The number of a second-level heading or item: （一）"""
    return f"（{chinese_number(number)}）"


def chinese_date(day: date) -> str:
    """2026年3月12日: Arabic numerals, no leading zeros (GB/T 9704)."""
    return f"{day.year}年{day.month}月{day.day}日"


def weekday(day: date) -> str:
    return f"星期{WEEKDAYS[day.weekday()]}"


def clock(moment: datetime) -> str:
    """14:30, 9:00: the one time style of printed documents (24 hours, no 上午/下午, which
    would say the same twice as 下午14:30 does)."""
    return f"{moment.hour}:{moment.minute:02d}"


def meeting_time(starts_at: datetime, ends_at: datetime | None) -> str:
    """2026年3月12日（星期四）14:30—16:30"""
    text = f"{chinese_date(starts_at.date())}（{weekday(starts_at.date())}）{clock(starts_at)}"
    if ends_at is not None and ends_at > starts_at:
        if ends_at.date() == starts_at.date():
            text += f"—{clock(ends_at)}"
        else:
            text += f"至{chinese_date(ends_at.date())}{clock(ends_at)}"
    return text


def paragraphs(text: str) -> list[str]:
    """Paragraphs of typed notes: split on line breaks, each stripped, empty ones dropped.

    Full-width spaces typed as an indent are dropped too: the layout indents paragraphs itself.
    """
    found: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        cleaned = line.strip().strip("\u3000").strip()
        if cleaned:
            found.append(cleaned.replace("\t", " "))
    return found
