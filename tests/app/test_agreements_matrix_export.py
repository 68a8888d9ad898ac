"""The 七个共 matrix of the street demo (247 pairs) as a PDF and as an Excel workbook: every
pair on some page, every page numbered, fonts embedded, the workbook read back."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app import demo
from app.agreements.matrix import SEVEN, MatrixRow, cell_text, seven_matrix
from app.agreements.matrix_export import matrix_workbook, write_matrix_xlsx
from app.database import Database
from app.errors import UserError
from app.exports.pdf.matrix import render_matrix

TODAY = date(2026, 11, 28)
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdfinfo"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils is not installed")


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[MatrixRow]]:
    database = Database(str(tmp_path_factory.mktemp("matrix") / "demo.db"))
    demo.generate(database, "street", today=TODAY)
    with database.reader() as session:
        yield seven_matrix(session, 2026)
    database.close()


def run(tool: list[str], pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "matrix.pdf"
    path.write_bytes(pdf)
    command = [*tool, str(path), "-"] if tool[0] == "pdftotext" else [*tool, str(path)]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@needs_poppler
def test_the_pdf_has_every_pair_on_numbered_landscape_pages(
    rows: list[MatrixRow], tmp_path: Path
) -> None:
    assert len(rows) == 247
    pdf = render_matrix(rows, 2026, "宁海路街道")
    info = run(["pdfinfo"], pdf, tmp_path)
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert count > 5
    assert "841.89 x 595.276" in info  # A4 landscape
    pages = run(["pdftotext", "-layout"], pdf, tmp_path).split("\f")[:count]
    for number, page in enumerate(pages, start=1):
        assert f"—{number}—" in re.sub(r"\s+", "", page)
        assert "序号" in page  # the header repeats
    text = re.sub(r"\s+", "", "".join(pages))
    assert "2026年百对党支部共建联盟“七个共”落实情况" in text
    assert "宁海路街道：共247对结对" in text
    assert all(r.community_name in text for r in rows)
    assert text.count("%") >= 247


@needs_poppler
def test_the_pdf_embeds_every_font(rows: list[MatrixRow], tmp_path: Path) -> None:
    fonts = run(["pdffonts"], render_matrix(rows[:30], 2026), tmp_path).splitlines()[2:]
    assert fonts
    for line in fonts:
        columns = line.split()
        assert columns[-5] == "yes", line  # emb
        assert not any(base in columns[0] for base in ("Helvetica", "Times", "Courier"))


def test_the_workbook_reads_back(rows: list[MatrixRow], tmp_path: Path) -> None:
    path = tmp_path / "matrix.xlsx"
    write_matrix_xlsx(rows, 2026, path)
    sheet = load_workbook(path).active
    assert sheet is not None
    assert sheet.max_row == 3 + 247
    assert sheet.freeze_panes == "D4"
    assert sheet.column_dimensions["C"].width == 40
    headers = [c.value for c in sheet[3]]
    assert len(headers) == 6 + len(SEVEN) + 2
    assert headers[6] == "共上一堂主题党课"
    for line, row in ((4, rows[0]), (250, rows[-1])):
        values = [c.value for c in sheet[line]]
        assert values[1:3] == [row.number, row.branch_name]
        assert values[6:13] == [cell_text(c) for c in row.cells]
        assert values[13] == row.completion
        assert values[14] == pytest.approx(row.percent / 100)


def test_a_failed_write_leaves_the_old_file(rows: list[MatrixRow], tmp_path: Path) -> None:
    with pytest.raises(UserError):
        write_matrix_xlsx(rows, 2026, tmp_path / "missing" / "matrix.xlsx")
    assert matrix_workbook([], 2026).startswith(b"PK")  # an empty year is still a workbook
