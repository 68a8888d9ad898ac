"""Many evaluation forms at once: file names per posting, and writing a folder all or none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.errors import UserError
from app.exports.pdf.writing import atomic_write_files
from app.secondments.documents import EvaluationForm, Opinion, PostingFacts
from app.secondments.form_batch import (
    FormRequest,
    RenderedForm,
    batch_title,
    files_per_posting,
)
from db.models.secondments import EvaluationPeriod


def _rendered(posting: str, name: str, period: str, pdf: bytes = b"%PDF-1.4") -> RenderedForm:
    facts = PostingFacts(
        name, "", "交叉挂职", "省住建厅", "", "城管科", "", date(2026, 1, 1), date(2026, 12, 31),
        date(2026, 12, 31), "在岗", "", "", False, "", "",
    )  # fmt: skip
    form = EvaluationForm(facts, period, Opinion("派出单位"), Opinion("挂职单位"), False)
    request = FormRequest(posting, EvaluationPeriod.ANNUAL, 2026)
    return RenderedForm(request, form, pdf)


def test_one_file_per_posting_named_after_the_cadre() -> None:
    files = files_per_posting(
        [
            _rendered("a", "王喆", "2026年度", b"%PDF-a"),
            _rendered("b", "王喆", "2026年度", b"%PDF-b"),  # another 王喆: a name of its own
            _rendered("c", "李/堃", "2026年度", b"%PDF-c"),  # a character Windows refuses
        ]
    )
    assert files == {
        "王喆双向评价表（2026年度）.pdf": b"%PDF-a",
        "王喆双向评价表（2026年度）（2）.pdf": b"%PDF-b",
        "李_堃双向评价表（2026年度）.pdf": b"%PDF-c",
    }


def test_the_batch_title_names_the_period_when_there_is_one() -> None:
    same = [_rendered("a", "王喆", "2026年度"), _rendered("b", "李堃", "2026年度")]
    assert batch_title(same) == "2026年度干部挂职双向评价表（2份）"
    mixed = [*same, _rendered("c", "张玥", "2026年中期")]
    assert batch_title(mixed) == "干部挂职双向评价表（3份）"


def test_a_folder_is_written_all_or_none(tmp_path: Path) -> None:
    kept = tmp_path / "a.pdf"
    kept.write_bytes(b"old a")
    (tmp_path / "b.pdf").mkdir()  # a file cannot go where a folder is
    with pytest.raises(UserError) as raised:
        atomic_write_files(
            {kept: b"new a", tmp_path / "c.pdf": b"new c", tmp_path / "b.pdf": b"new b"}
        )
    assert "无法保存文件" in raised.value.message.format(lambda _c, text: text)
    assert kept.read_bytes() == b"old a"  # put back
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "b.pdf"]  # nothing left over

    atomic_write_files({kept: b"new a", tmp_path / "c.pdf": b"new c"})
    assert kept.read_bytes() == b"new a" and (tmp_path / "c.pdf").read_bytes() == b"new c"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "b.pdf", "c.pdf"]
