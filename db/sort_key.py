"""Pinyin sort keys: names sort as a Chinese reader expects (拼音 order: 安 before 王 before
张), in SQL, the same on SQLite and PostgreSQL.

A named table stores ``name_key`` beside ``name``: the name read as pinyin, each syllable
closed by its tone number (``wang2zhe2``), other letters in lower case, numbers padded so that
9号楼 comes before 10号楼. Only ASCII letters and digits: every collation orders those alike,
so the key sorts the same on SQLite and on a PostgreSQL server whatever its locale (which
would skip spaces and punctuation). Lists order by it, then by the name itself; its index
serves the paged lists.

pypypinyin (MIT, pure Python, maintained since 2013, no data to download) reads characters in
their phrases (银行 háng, 重庆 chóng); a person's polyphonic surname is read as a surname
(曾 zēng, 单 shàn, 仇 qiú), which no phrase table can know. Numbers written in Chinese count
as numbers where they number something (第三网格, 十二号楼): 第二 before 第十, not by sound.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

KEY_LENGTH = 300
NUMBER_WIDTH = 8
# surnames read otherwise than the character's everyday reading
SURNAMES = {
    "曾": "zeng1", "单": "shan4", "仇": "qiu2", "解": "xie4", "查": "zha1", "朴": "piao2",
    "区": "ou1", "乐": "yue4", "翟": "zhai2", "盖": "ge3", "缪": "miao4", "覃": "qin2",
    "尉": "yu4", "召": "shao4", "种": "chong2", "秘": "bi4", "折": "she2", "员": "yun4",
    "繁": "po2", "任": "ren2", "华": "hua4", "纪": "ji3", "燕": "yan1", "宿": "su4",
    "藏": "zang1", "过": "guo1", "句": "gou1", "谌": "chen2", "阚": "kan4", "佴": "nai4",
}  # fmt: skip
_WORDS = re.compile(r"[0-9]+|[a-z]+")
_NUMERALS = "零〇一二两三四五六七八九十百"
# a Chinese number after 第, or before what it counts
_COUNTED = re.compile(
    rf"(?<=第)[{_NUMERALS}]+|[{_NUMERALS}]+(?=号|栋|幢|楼|组|期|届|次|单元|网格|社区|小区|支部)"
)
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def chinese_number(text: str) -> int:
    """三 → 3, 十二 → 12, 二十 → 20, 一百零五 → 105 (up to 999)."""
    total, digit = 0, 0
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        else:  # 十 or 百
            total += max(digit, 1) * (10 if char == "十" else 100)
            digit = 0
    return total + digit


def _arabic(name: str) -> str:
    return _COUNTED.sub(lambda match: str(chinese_number(match.group())), name)


def _other_words(text: str) -> list[str]:
    """What pypinyin leaves (letters, digits, punctuation) as ASCII words: accents dropped
    (é → e, ² → 2), numbers padded, punctuation and other scripts left out."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return [w.zfill(NUMBER_WIDTH) if w.isdigit() else w for w in _WORDS.findall(plain)]


def sort_key(name: str, *, person: bool = False) -> str:
    """The pinyin sort key of ``name``; ``person``: read a polyphonic surname as one."""
    from pypinyin import Style, lazy_pinyin

    name = name.strip()
    first: list[str] = []
    if person and name[:1] in SURNAMES:
        first, name = [SURNAMES[name[0]]], name[1:]
    elif not person:
        name = _arabic(name)
    # ``errors`` may return a list of words (pypinyin's documentation); its hint says str only
    words = lazy_pinyin(
        name,
        style=Style.TONE3,
        neutral_tone_with_five=True,
        errors=_other_words,  # type: ignore[arg-type]
    )
    return "".join(first + [w for w in words if w.isascii() and w.isalnum()])[:KEY_LENGTH]


def key_default(*, person: bool = False) -> Callable[[Any], str]:
    """A column default computing the key from the row's ``name`` (for Core inserts, which
    pass no key: the demo data, bulk imports)."""

    def default(context: Any) -> str:
        return sort_key(context.get_current_parameters()["name"], person=person)

    return default
