"""A cell whose text starts with =, +, -, @, a tab or a carriage return is written as text,
never as a formula, and reads back as the same text: for every list that can be exported,
and through an import for every kind that can be imported (security issue, item 3)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from app.database import Database
from app.demo import generate
from app.excel.exporting import export_list
from app.excel.importing import Action, import_file
from app.excel.kinds import IMPORT_KINDS
from app.excel.lists import EXPORT_LISTS, list_source
from app.excel.reading import read_table
from app.excel.writing import FORMULA_STARTS, text_cell
from app.listing import ListQuery
from tests.app.test_excel_import import ROUND_TRIP_ORDER, build_records, build_streets, export

# text columns given a leading formula character, as a careless or hostile user could type
DANGEROUS = {
    "resident_units": {"name": '=HYPERLINK("http://example.invalid")&"', "address": "+"},
    "people": {"name": "-", "post": "=SUM(A1:A9)"},
    "party_orgs": {"name": "@"},
    "agreements": {"number": "+", "title": "=", "summary": "-"},
    "issues": {"title": "=1+1 ", "address": "@", "reporter_name": "+"},
    "meetings": {"title": "=cmd|' /C calc'!A0 "},
    "postings": {"host_post": "@"},
    "list_entries": {"title": "-2+3 "},
}


def make_dangerous(database: Database, tables: set[str]) -> None:
    with database.engine.begin() as connection:
        for table, columns in DANGEROUS.items():
            if table in tables:
                for column, prefix in columns.items():
                    connection.execute(
                        text(f"UPDATE {table} SET {column} = :p || {column}"), {"p": prefix}
                    )


def formula_like_cells(path: Path) -> list[str]:
    """The texts of the cells that start like a formula; fails on any formula cell."""
    found = []
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                    assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
                    found.append(cell.value)
    return found


def test_a_text_cell_is_text_whatever_it_starts_with() -> None:
    from openpyxl import Workbook

    sheet = Workbook(write_only=True).create_sheet()
    for start in FORMULA_STARTS:
        cell = text_cell(sheet, f"{start}SUM(A1)")
        assert not isinstance(cell, str) and cell.data_type == "s" and cell.quotePrefix
        assert cell.value == f"{start}SUM(A1)"
    assert text_cell(sheet, "宁海路122号") == "宁海路122号"


def test_every_importable_list_round_trips_formula_like_text(tmp_path: Path) -> None:
    source, target = Database(str(tmp_path / "a.db")), Database(str(tmp_path / "b.db"))
    try:
        build_records(source, build_streets(source))
        build_streets(target)
        make_dangerous(source, set(DANGEROUS))
        for key in ROUND_TRIP_ORDER:
            original = export(source, key, tmp_path / f"{key}.xlsx")
            assert formula_like_cells(tmp_path / f"{key}.xlsx"), key
            report = import_file(target, IMPORT_KINDS[key], tmp_path / f"{key}.xlsx")
            assert report.count(Action.CREATE) == len(original) - 1, key
            assert export(target, key, tmp_path / f"{key}-again.xlsx") == original, key
    finally:
        source.close()
        target.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = Database(str(tmp_path_factory.mktemp("formula") / "demo.db"))
    generate(database, "street")
    make_dangerous(database, set(DANGEROUS))
    yield database
    database.close()


@pytest.mark.parametrize("key", sorted(EXPORT_LISTS))
def test_every_exported_list_keeps_formula_like_text_as_text(
    key: str, demo: Database, tmp_path: Path
) -> None:
    title, source = list_source(key)
    query = ListQuery(sort=source.default_sort, descending=source.default_descending)
    path = tmp_path / f"{key}.xlsx"
    export_list(demo, source, query, path, title)
    found = formula_like_cells(path)
    assert found, f"{key}: no formula-like text to check"
    read_back = {c for _row, values in read_table(path).rows for c in values if isinstance(c, str)}
    assert set(found) <= read_back  # the reader sees the text, not a computed value
    shutil.rmtree(tmp_path, ignore_errors=True)
