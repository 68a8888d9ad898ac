"""Finding an org unit by part of its name, or by its name shortened or spelt out."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.directory.matching import name_matches

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


def test_the_spelt_out_name_finds_the_short_one_and_back() -> None:
    assert name_matches("宁海路街道 / 城管科", "城市管理")
    assert name_matches("城市管理科", "城管")
    assert name_matches("宁海路街道 / 综治办", "综合治理")
    assert name_matches("宁海路街道 / 城管科", "宁海路城管")


def test_unrelated_text_finds_nothing() -> None:
    assert not name_matches("宁海路街道 / 城管科", "城市")  # too little to spell it out
    assert not name_matches("宁海路街道 / 宁海路社区", "湖南路街道")
    assert not name_matches("城管科", "管理")  # the first character leads
    assert not name_matches("宁海路街道 / 城管科", "平安建设")


@given(st.text(CJK, min_size=1, max_size=12), st.data())
def test_any_part_of_a_name_finds_it(name: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(name) - 1))
    end = data.draw(st.integers(start + 1, len(name)))
    assert name_matches(f"宁海路街道 / {name}", name[start:end])
    assert name_matches(name, f"  {name[start:end]} ")  # spaces typed around do not matter
