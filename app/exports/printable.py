"""Whether typed text can be printed: characters no font of the documents covers.

Every character of GBK prints (every document face falls back to a shipped face covering
GBK), so only the rarer ones are looked up in the fonts, which are loaded for that only
when such a character is there: saving ordinary text costs nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any


def unprintable(texts: Iterable[str]) -> list[str]:
    """The characters of ``texts``, in order and once each, that would print as empty boxes
    (an emoji, a CJK Extension B character beyond the shipped rare-character face)."""
    rare = [char for text in texts for char in text if not _in_gbk(char)]
    if not rare:
        return []
    from app.exports.pdf.fonts import missing_characters

    return missing_characters(rare)


def _in_gbk(char: str) -> bool:
    if char.isascii():
        return True
    try:
        char.encode("gbk")
    except UnicodeEncodeError:
        return False
    return True


def text_values(record: Any) -> Iterator[str]:
    """Every string in ``record``: a dataclass's fields, and theirs, and the items of lists."""
    if isinstance(record, str):
        yield record
    elif dataclasses.is_dataclass(record) and not isinstance(record, type):
        for field in dataclasses.fields(record):
            yield from text_values(getattr(record, field.name))
    elif isinstance(record, list | tuple):
        for item in record:
            yield from text_values(item)
