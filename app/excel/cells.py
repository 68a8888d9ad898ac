"""Turning what a cell holds (text, a number, a date, a boolean) into a record's values.

Each conversion raises ValidationError naming the record field, so a bad cell is reported
the way a bad entry in an edit dialog is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.labels import label
from app.localtime import BEIJING, beijing_today
from app.validation import half_width

E = TypeVar("E", bound=StrEnum)
DATE_RE = re.compile(r"([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?")
TIME_RE = re.compile(r"([0-9]{1,2})[:：]([0-9]{2})(?:[:：]([0-9]{2}))?")
# Characters that show nothing: zero-width spaces and joiners, the byte-order mark, soft
# hyphens, direction marks (Unicode's "format" characters). Pasted from web pages and Word.
INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
CJK = "\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# spaces between two Chinese characters: alignment (王　明 beside 欧阳明), never meant
CJK_GAP = re.compile(f"(?<=[{CJK}])[^\\S\\n]+(?=[{CJK}])")
OTHER_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
EARLIEST = date(1990, 1, 1)  # before this, a date is an empty or 0 cell shown as a date
PLANNED_YEARS = 30  # how far ahead a term of validity may reach
YES = frozenset({"是", "√", "✓", "y", "yes", "true", "1"})
NO = frozenset({"否", "×", "n", "no", "false", "0", ""})


def invalid(field: str, template: str, **params: object) -> ValidationError:
    return ValidationError(field, Message("excel", template, **params))


def text(value: Any) -> str:
    """A cell as text: numbers without a trailing ``.0``, dates as ``2026-03-01``."""
    if isinstance(value, str):
        return clean(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") if value.time() else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return clean(str(value))


def clean(written: str) -> str:
    """Text without invisible characters and without the spaces that only align Chinese
    characters; other odd spaces become plain ones; stripped."""
    if written.isprintable() and " " not in written:  # no space, nothing invisible
        return written
    if written.isascii():
        return written.strip()
    written = CJK_GAP.sub("", INVISIBLE.sub("", written))
    return OTHER_SPACE.sub(" ", written).strip()


def checked_text(field: str, value: Any) -> str:
    """``text(value)``, refused when it holds control characters (they print as nothing and
    break searches and the printed documents)."""
    written = text(value)
    if (found := CONTROL.search(written)) is not None:
        raise invalid(
            field,
            QT_TRANSLATE_NOOP(
                "excel", "这一格含有看不见的控制字符（U+{code}），请删除这一格的内容后重新输入。"
            ),
            code=f"{ord(found.group()):04X}",
        )
    return written


def id_text(field: str, value: Any) -> str:
    """An ID number cell as text. Excel keeps numbers to 15 digits, so an ID number typed
    into a number cell has lost its last digits: say so instead of a puzzling check error."""
    if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) >= 10**15:
        raise invalid(
            field,
            QT_TRANSLATE_NOOP(
                "excel",
                "身份证号被 Excel 存成了数字，最后几位已丢失。请把这一列设为“文本”格式后重新填写。",
            ),
        )
    return text(value)


def enum_value(field: str, value: Any, enum: type[E], required: bool = True) -> E | None:
    """The member whose Chinese label (or stored code) the cell holds."""
    written = text(value)
    if not written and not required:
        return None
    for member in enum:
        if written in (label(member), member.value):
            return member
    raise _wrong_or_empty(
        field,
        written,
        QT_TRANSLATE_NOOP("excel", "“{value}”不是可选的值，请填写其中之一：{choices}。"),
        QT_TRANSLATE_NOOP("excel", "请填写，可选：{choices}。"),
        choices="、".join(label(m) for m in enum),
    )


def _wrong_or_empty(
    field: str, written: str, wrong: str, empty: str, **params: object
) -> ValidationError:
    """The error for a cell that is not what ``field`` takes (``wrong``, which may quote the
    ``{value}`` written) or that is empty where a value is needed (``empty``)."""
    return invalid(field, wrong if written else empty, value=written, **params)


def flag(field: str, value: Any) -> bool:
    written = text(value).lower()
    if written in YES:
        return True
    if written in NO:
        return False
    raise invalid(
        field, QT_TRANSLATE_NOOP("excel", "请填写“是”或“否”，现在是“{value}”。"), value=written
    )


def day(field: str, value: Any, required: bool = False, *, planned: bool = False) -> date | None:
    """A date cell, or text like 2026-03-01, 2026/3/1 or 2026年3月1日, between 1990 and
    today (a date that has happened), or ``PLANNED_YEARS`` ahead when ``planned``."""
    found = _calendar_day(field, value, required)
    if found is not None:
        _check_plausible(field, found, planned)
    return found


def _calendar_day(field: str, value: Any, required: bool) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    written = half_width(text(value))
    if not written and not required:
        return None
    match = DATE_RE.fullmatch(written.split(" ")[0]) if written else None
    try:
        if match:
            return date(*(int(g) for g in match.groups()))
    except ValueError:
        pass
    raise _wrong_or_empty(
        field,
        written,
        QT_TRANSLATE_NOOP("excel", "“{value}”不是日期，请写成 2026-03-01 这样的日期。"),
        QT_TRANSLATE_NOOP("excel", "请填写日期，例如 2026-03-01。"),
    )


def _check_plausible(field: str, found: date, planned: bool) -> None:
    today = beijing_today()
    latest = date(today.year + PLANNED_YEARS, 12, 31) if planned else today
    if EARLIEST <= found <= latest:
        return
    raise invalid(
        field,
        QT_TRANSLATE_NOOP(
            "excel",
            "“{value}”早于{earliest}，不像是真实的日期（空白或 0 的格子设成日期格式时会显示成"
            " 1900 年的日期）。请核对这一格。",
        )
        if found < EARLIEST
        else QT_TRANSLATE_NOOP("excel", "“{value}”晚于{latest}，不像是真实的日期。请核对这一格。")
        if planned
        else QT_TRANSLATE_NOOP(
            "excel", "“{value}”是将来的日期，这一列只能填已经过去的日期（最晚{latest}）。"
        ),
        value=found.isoformat(),
        earliest=EARLIEST.isoformat(),
        latest=latest.isoformat(),
    )


def moment(field: str, value: Any) -> datetime | None:
    """A date and time in Beijing time (what the user sees), as an aware datetime, on a day
    that has happened."""
    if isinstance(value, datetime):
        day(field, value)
        return value.replace(tzinfo=BEIJING) if value.tzinfo is None else value
    written = half_width(text(value))
    if not written:
        return None
    found = day(field, written.split(" ")[0], required=True)
    assert found is not None
    clock = TIME_RE.fullmatch(written.partition(" ")[2].strip() or "0:00")
    if clock is None or int(clock[1]) > 23 or int(clock[2]) > 59:
        raise invalid(
            field,
            QT_TRANSLATE_NOOP("excel", "“{value}”不是时间，请写成 2026-03-01 09:30 这样的格式。"),
            value=written,
        )
    return datetime(
        found.year, found.month, found.day, int(clock[1]), int(clock[2]), tzinfo=BEIJING
    )


def count(field: str, value: Any) -> int:
    written = half_width(text(value))
    try:
        number = Decimal(written or "0")
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or number != number.to_integral_value() or abs(number) > 10**9:
        raise invalid(
            field, QT_TRANSLATE_NOOP("excel", "请填写整数，现在是“{value}”。"), value=written
        )
    return int(number)


PATH_HINT = QT_TRANSLATE_NOOP("excel", "请在名称前写上级名称，如“某社区/第一网格”。")
SAME_NAME_HINT = QT_TRANSLATE_NOOP("excel", "请先在系统中区分同名记录。")


def one_of(
    field: str,
    name: str,
    found: Mapping[str, Iterable[str]],
    what: str,
    hint: str = SAME_NAME_HINT,
) -> str | None:
    """The id of the record named ``name`` in ``found`` (name → ids), None for an empty name;
    ``hint`` says how to resolve a name that several records have."""
    if not name:
        return None
    ids = list(found.get(name, ()))
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise invalid(
            field,
            QT_TRANSLATE_NOOP("excel", "找不到{what}“{name}”，请核对名称，或先在系统中添加。"),
            what=Message("fields", what),
            name=name,
        )
    raise invalid(
        field,
        QT_TRANSLATE_NOOP("excel", "有{n}个名为“{name}”的{what}，无法确定是哪一个。{hint}"),
        n=len(ids),
        name=name,
        what=Message("fields", what),
        hint=Message("excel", hint),
    )
