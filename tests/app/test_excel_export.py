"""Excel export of a list: exactly the rows the filtered, sorted list shows, personal data
masked unless revealed, real date cells (times in Beijing time), labels for codes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.access import Use
from app.database import Database
from app.directory.lists import PersonList
from app.excel import exporting
from app.excel.exporting import export_list
from app.excel.lists import list_source
from app.issues.lists import IssueList
from app.listing import ListQuery
from tests.app.test_excel_import import build_records, build_streets, id_number, sheet_rows


@pytest.fixture
def filled(database: Database) -> Database:
    build_records(database, build_streets(database))
    return database


def test_a_filtered_list_exports_exactly_its_rows_masked(filled: Database, tmp_path: Path) -> None:
    source = PersonList()
    query = ListQuery(search="李", sort="name")
    count = export_list(filled, source, query, tmp_path / "people.xlsx", "人员")
    with filled.reader() as s:
        shown = source.fetch(s, query, 0, 100)
    rows = sheet_rows(tmp_path / "people.xlsx")
    assert count == len(shown) == 1
    assert rows[0] == tuple(c.label for c in source.columns)
    assert rows[1][:4] == ("李华", "女", "139****5678", "3201**********" + id_number("001")[-4:])
    assert rows[1][-2:] == ("是", "是")


def test_revealed_personal_data_and_sheet_layout(filled: Database, tmp_path: Path) -> None:
    source = PersonList()
    query = ListQuery(sort="name", descending=True, use=Use.DOCUMENT)
    export_list(filled, source, query, tmp_path / "p.xlsx", "人员/名单")
    book = load_workbook(tmp_path / "p.xlsx")
    sheet = book.worksheets[0]
    assert sheet.title == "人员_名单"
    names = [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["张强", "李华"]  # zhang before li, descending in pinyin order
    assert sheet["C3"].value == "13912345678" and sheet["D3"].value == id_number("001")
    assert sheet.column_dimensions["E"].width == pytest.approx(220 / 7 + 2)
    assert sheet.freeze_panes == "A2"


def test_dates_are_excel_dates_and_times_are_beijing_time(filled: Database, tmp_path: Path) -> None:
    source = IssueList()
    export_list(filled, source, ListQuery(sort="reported_at"), tmp_path / "i.xlsx", "民生事项")
    sheet = load_workbook(tmp_path / "i.xlsx").worksheets[0]
    reported = sheet.cell(2, source.column_index("reported_at") + 1)
    due = sheet.cell(2, source.column_index("due") + 1)
    assert reported.value == datetime(2026, 3, 2, 9, 30)  # stored in UTC, shown as in Beijing
    assert reported.number_format == "yyyy-mm-dd hh:mm"
    assert isinstance(due.value, str) and due.value.endswith(" 24:00")  # as the list reads
    assert sheet.cell(2, source.column_index("status") + 1).value == "登记"


def test_a_list_longer_than_a_sheet_goes_on_over_further_sheets(
    filled: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exporting, "SHEET_ROWS", 1)
    export_list(filled, PersonList(), ListQuery(sort="name"), tmp_path / "p.xlsx", "人员")
    book = load_workbook(tmp_path / "p.xlsx")
    assert book.sheetnames == ["人员", "人员 (2)"]
    assert [s["A1"].value for s in book.worksheets] == ["姓名", "姓名"]
    assert [s["A2"].value for s in book.worksheets] == ["李华", "张强"]  # li, zhang


def test_long_lists_are_read_page_by_page_with_keyset_seeks(
    filled: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exporting, "PAGE_SIZE", 1)
    _title, source = list_source("members")
    assert export_list(filled, source, ListQuery(), tmp_path / "m.xlsx") == 1
    issues = IssueList()
    seeks: list[int] = []
    original = issues.fetch_after

    def fetch_after(*args: object) -> object:
        seeks.append(1)
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(issues, "fetch_after", fetch_after)
    assert export_list(filled, issues, ListQuery(sort="reported_at"), tmp_path / "i.xlsx") == 1
    assert seeks == [1]
    assert sheet_rows(tmp_path / "m.xlsx")[1][3] == datetime(2026, 3, 1)  # a date cell
