"""The import templates: ID and phone columns formatted as text, drop-down lists for the
columns with fixed choices, and every choice the drop-down offers is one the importer takes."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.database import Database
from app.excel.importing import preview
from app.excel.kinds import IMPORT_KINDS
from app.excel.reading import MAX_ROWS
from app.excel.template import write_template
from tests.app.test_excel_import import write_sheet

TEXT_COLUMNS = {
    "units": {"联系电话"},
    "people": {"手机", "身份证号"},
    "members": {"身份证号", "手机"},
    "issues": {"联系电话"},
}
CHOICE_COLUMNS = {
    "units": {"类别"},
    "party-orgs": {"类型"},
    "people": {"性别", "党员", "网格员"},
    "members": {"性别"},
    "agreements": {"类型"},
    "issues": {"来源", "紧急程度"},
}


@pytest.mark.parametrize("key", sorted(IMPORT_KINDS))
def test_text_columns_and_drop_downs(key: str, tmp_path: Path) -> None:
    kind = IMPORT_KINDS[key]
    write_template(kind, tmp_path / "t.xlsx")
    sheet = load_workbook(tmp_path / "t.xlsx").worksheets[0]
    headers = [c.value for c in sheet[1]]
    assert headers == [c.header for c in kind.columns]
    letters = {h: sheet.cell(1, i + 1).column_letter for i, h in enumerate(headers)}
    as_text = {
        h for h, letter in letters.items() if sheet.column_dimensions[letter].number_format == "@"
    }
    assert as_text == TEXT_COLUMNS.get(key, set())
    drop_downs = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    offered = set()
    for column in kind.columns:
        validation = drop_downs.get(
            f"{letters[column.header]}2:{letters[column.header]}{MAX_ROWS + 1}"
        )
        if validation is None:
            continue
        offered.add(column.header)
        assert validation.type == "list" and validation.showErrorMessage
        assert validation.formula1 == '"' + ",".join(column.choices) + '"'
        assert len(validation.formula1) <= 257  # Excel's limit for a list written in place
    assert offered == CHOICE_COLUMNS.get(key, set())


@pytest.mark.parametrize("key", sorted(CHOICE_COLUMNS))
def test_every_choice_offered_is_read_back(key: str, database: Database, tmp_path: Path) -> None:
    """A choice the drop-down offers that the importer refused would be a trap."""
    kind = IMPORT_KINDS[key]
    for column in (c for c in kind.columns if c.choices):
        rows = [
            [choice if c is column else c.example for c in kind.columns]
            for choice in column.choices
        ]
        path = write_sheet(tmp_path / "t.xlsx", [[c.header for c in kind.columns], *rows])
        report = preview(database, kind, path)
        assert len(report.rows) == len(column.choices)
        assert [p for p in report.problems if p.column == column.header] == [], column.header
