"""Matching a file's column names (row 1) to a kind's columns.

A name that is none of the kind's columns but looks like a missing one (``身份证号码`` for
``身份证号``, ``是否党员`` for ``党员``) is an error, not a note: its values would otherwise be
left out without a word, and rows imported without their ID numbers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from app.excel.container import refused
from app.excel.kind import ImportKind
from app.i18n import QT_TRANSLATE_NOOP, Message

SIMILAR = 0.6  # difflib's ratio from which two names are taken for one another
PUNCTUATION = re.compile(r"[\s()（）\[\]【】:：*＊_\-—.。、/]+")


def _bare(name: str) -> str:
    return PUNCTUATION.sub("", unicodedata.normalize("NFKC", name)).lower()


def looks_like(written: str, column: str) -> bool:
    """Whether a header ``written`` is probably ``column`` misspelt or decorated."""
    a, b = _bare(written), _bare(column)
    if not a or not b:
        return False
    return a == b or a in b or b in a or SequenceMatcher(None, a, b).ratio() >= SIMILAR


@dataclass(frozen=True)
class Matched:
    positions: dict[str, int]  # a column's header → its index in the file
    near: dict[str, str]  # a file's header → the missing column it looks like
    ignored: tuple[str, ...]  # the file's other headers, which are not read


def match_headers(headers: Sequence[str], columns: Sequence[str]) -> Matched:
    positions = {h: i for i, h in enumerate(headers) if h in columns}
    missing = [c for c in columns if c not in positions]
    near: dict[str, str] = {}
    ignored: list[str] = []
    for header in headers:
        if not header or header in positions:
            continue
        like = next((c for c in missing if looks_like(header, c)), None)
        if like is not None and like not in near.values():
            near[header] = like
        else:
            ignored.append(header)
    return Matched(positions, near, tuple(ignored))


def refuse_missing(kind: ImportKind[Any], positions: dict[str, int], near: dict[str, str]) -> None:
    """Refuses a file without a required column, naming the header that looks like it."""
    like = {column: header for header, column in near.items()}
    missing = [c.header for c in kind.columns if c.required and c.header not in positions]
    if missing:
        raise refused(
            QT_TRANSLATE_NOOP(
                "excel", "文件缺少必填的列：{names}。请使用“{kind}”的导入模板（第1行为列名）。"
            ),
            names="、".join(
                f"{m}（文件中的“{like[m]}”像是这一列，请把列名改成“{m}”）" if m in like else m
                for m in missing
            ),
            kind=Message("excel", kind.title),
        )


def near_miss(header: str, like: str) -> Message:
    return Message(
        "excel",
        QT_TRANSLATE_NOOP(
            "excel",
            "列名“{header}”不是模板中的列名，像是“{like}”：照现在的写法，这一列不会被导入。"
            "请把列名改成“{like}”；如果这一列不需要导入，请删除它。",
        ),
        header=header,
        like=like,
    )
