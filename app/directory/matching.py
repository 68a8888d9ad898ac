"""Finding an org unit by what a user types: part of its name, or the name spelt out.

Staff write "城市管理" for the 城管科 and "城管" for the 城市管理科: Chinese names of offices
are shortened by keeping characters of the full words in order. So a name is found by text
that occurs in it, by text whose characters occur in it in order (城管 → 城市管理科), or by
text that spells the name out — the name without its generic ending (科, 办, 局…) has its
characters, the first one leading, in order in the text (城管科 ← 城市管理).
"""

from __future__ import annotations

from collections.abc import Iterator

GENERIC_ENDINGS = ("办公室", "委员会", "中心", "科", "办", "局", "处", "所", "站", "队", "部")
PATH_SEPARATOR = "/"
MIN_SHORT = 2  # a single character in order matches too much


def _normal(text: str) -> str:
    return "".join(text.split()).casefold()


def _in_order(short: str, long: str) -> bool:
    """``short``'s characters appear in ``long`` in the same order."""
    rest: Iterator[str] = iter(long)
    return all(char in rest for char in short)


def _stem(name: str) -> str:
    for ending in GENERIC_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending):
            return name[: -len(ending)]
    return name


def name_matches(label: str, typed: str) -> bool:
    """Whether ``typed`` finds the unit labelled ``label`` (a path ``街道 / 科室`` is
    searched whole, and each of its names on its own)."""
    text = _normal(typed)
    if not text:
        return True
    whole = _normal(label)
    if text in whole:
        return True
    names = [_normal(part) for part in label.split(PATH_SEPARATOR)]
    for i, name in enumerate(names):
        tail = "".join(names[i:])  # 宁海路城管 runs from the street into the department
        if len(text) >= MIN_SHORT and tail.startswith(text[0]) and _in_order(text, tail):
            return True
        stem = _stem(name)
        if len(stem) >= MIN_SHORT and text.startswith(stem[0]) and _in_order(stem, text):
            return True
    return False
