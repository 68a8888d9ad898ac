"""年度考核's forms in one go, as a user would: narrow to the disagreements, select some rows
or none (all), print them as one document, save them as one file or one file per posting."""

from __future__ import annotations

import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData, PersonData, ResidentUnitData
from app.secondments import evaluations, service
from app.secondments.records import EvaluationData, PostingData
from db.models.directory import OrgLevel, UnitCategory
from db.models.secondments import EvaluationPeriod, EvaluatorSide, Grade, PostingKind

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from ui.secondments.assessment import AssessmentDialog

TODAY = date(2026, 12, 10)
CADRES = (  # name, home grade, host grade: 张玥 is 优秀 at home but 基本称职 at the host
    ("王喆", Grade.EXCELLENT, Grade.EXCELLENT),
    ("张玥", Grade.EXCELLENT, Grade.BASICALLY_COMPETENT),
    ("李堃", Grade.COMPETENT, Grade.COMPETENT),
)


@pytest.fixture
def dialog(database: Database, qtbot: Any) -> AssessmentDialog:
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("建宁路街道", OrgLevel.STREET)).id
        department = directory.org_units.create(
            s, OrgUnitData("城市管理科", OrgLevel.DEPARTMENT, street)
        ).id
        organ = directory.resident_units.create(
            s, ResidentUnitData("江苏省住房和城乡建设厅", UnitCategory.PROVINCIAL_ORGAN)
        ).id
        for name, home, host in CADRES:
            person = directory.people.create(s, PersonData(name, post="副处长")).id
            posting = service.create_posting(
                s,
                PostingData(
                    person_id=person,
                    kind=PostingKind.CROSS,
                    home_unit_id=organ,
                    host_org_unit_id=department,
                    host_post="副科长",
                    starts_on=date(2026, 3, 1),
                    ends_on=date(2027, 2, 28),
                ),
                TODAY,
            )
            for side, grade in ((EvaluatorSide.HOME, home), (EvaluatorSide.HOST, host)):
                evaluations.add_evaluation(
                    s,
                    posting,
                    EvaluationData(
                        side,
                        EvaluationPeriod.ANNUAL,
                        2026,
                        grade,
                        Decimal(90),
                        "",
                        "党委",
                        date(2026, 12, 5),
                    ),  # fmt: skip
                )
    widget = AssessmentDialog(database, 2026)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def pdf_forms(data: bytes) -> list[str]:
    """The text of each form in the PDF (a form starts with its title)."""
    done = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    text = "".join(done.stdout.decode().split())
    return ["干部挂职双向评价表" + form for form in text.split("干部挂职双向评价表")[1:]]


def test_nothing_selected_prints_every_form_shown(
    dialog: AssessmentDialog, qtbot: Any, previewed: list[tuple[str, bytes]]
) -> None:
    assert dialog.print_button.text() == "打印 3 份评价表…"
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    title, data = previewed[0]
    assert "2026年度干部挂职双向评价表（3份）" in title
    forms = pdf_forms(data)
    assert len(forms) == 3  # each form starts a page and numbers its own pages from 1
    for form, row in zip(forms, dialog.rows, strict=True):  # in the list's order
        assert row.person_name in form and "—1—" in form


def test_the_disagreements_only(
    dialog: AssessmentDialog, qtbot: Any, previewed: list[tuple[str, bytes]]
) -> None:
    qtbot.mouseClick(dialog.disagreement_only, Qt.MouseButton.LeftButton)
    assert [r.person_name for r in dialog.rows] == ["张玥"]
    assert dialog.table.item(0, 7).text() == "差异较大"
    assert "3名干部，3份评价，1处两方差异较大" in dialog.summary.text()
    dialog.print_forms()
    (form,) = pdf_forms(previewed[0][1])
    assert "张玥" in form and "请核实" in form


def test_the_rows_selected_only(
    dialog: AssessmentDialog, qtbot: Any, previewed: list[tuple[str, bytes]]
) -> None:
    selection = dialog.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row, shown in enumerate(dialog.rows):
        if shown.person_name != "张玥":
            selection.select(dialog.table.model().index(row, 0), flags)
    assert dialog.print_button.text() == "打印 2 份评价表…"
    dialog.print_forms()
    forms = pdf_forms(previewed[0][1])
    assert [f for f in forms if "张玥" in f] == [] and len(forms) == 2
    dialog.table.selectAll()  # Ctrl+A
    assert dialog.print_button.text() == "打印 3 份评价表…"


def test_one_file_per_posting_in_a_folder(
    dialog: AssessmentDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "年度考核"
    folder.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder))
    )
    saved = dialog.export_folder()
    names = sorted(path.name for path in saved or [])
    assert names == sorted(f"{name}双向评价表（2026年度）.pdf" for name, *_ in CADRES)
    assert all(len(pdf_forms(path.read_bytes())) == 1 for path in saved or [])

    # saving again asks before replacing; 否 leaves the files as they were
    before = {path: path.stat().st_mtime_ns for path in saved or []}
    asked: list[str] = []

    def no(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(no))
    assert dialog.export_folder() is None
    assert asked and "已有 3 个同名文件" in asked[0]
    assert {path: path.stat().st_mtime_ns for path in before} == before
    assert sorted(p.name for p in folder.iterdir()) == names  # no temporary files left


def test_one_combined_file(
    dialog: AssessmentDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "评价表"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    saved = dialog.export_file()
    assert saved == tmp_path / "评价表.pdf"
    assert len(pdf_forms(saved.read_bytes())) == 3


def test_a_folder_that_cannot_be_written_keeps_nothing(
    dialog: AssessmentDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warned: list[str],
) -> None:
    folder = tmp_path / "只读"
    folder.mkdir()
    (folder / "李堃双向评价表（2026年度）.pdf").mkdir()  # a folder where a file must go
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder))
    )
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes)
    )
    assert dialog.export_folder() is None
    assert warned and "无法保存文件" in warned[0]
    assert [p.name for p in folder.iterdir()] == ["李堃双向评价表（2026年度）.pdf"]
