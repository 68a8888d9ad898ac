"""The 七个共 matrix driven as a user would: choose a year, filter, sort by completion, browse
the cells with the mouse (a click opens nothing), double-click an empty cell and record a
fulfilment, undo it, export the matrix and print all of it, its first rows or the least done."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.agreements import commitments, lifecycle, service
from app.agreements.matrix import SEVEN, record_fulfilment_for_cell
from app.agreements.records import AgreementData, CommitmentData, PartyRef
from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData, PartyOrgData, ResidentUnitData
from db.models.agreements import AgreementKind, JointActivity, PartySide
from db.models.directory import OrgLevel, PartyOrgKind, UnitCategory
from tests.ui.keys import type_text

from PySide6.QtCore import QDate, QPoint, Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from ui.agreements.matrix_model import COMPLETION, FIRST_ACTIVITY
from ui.agreements.matrix_print import MatrixPrintDialog
from ui.agreements.matrix_view import MatrixView
from ui.tab import TabContext

TODAY = date(2026, 11, 28)
LESSON = FIRST_ACTIVITY + SEVEN.index(JointActivity.PARTY_LESSON)
GRID_DAY = FIRST_ACTIVITY + SEVEN.index(JointActivity.GRID_DAY)


def _pairing(s: Any, number: str, community: str, branch: str) -> str:
    created = service.create_agreement(
        s,
        AgreementData(
            kind=AgreementKind.BRANCH_PAIRING,
            number=number,
            title="支部结对共建",
            parties=(
                PartyRef(PartySide.STREET_SIDE, org_unit_id=community),
                PartyRef(PartySide.PARTNER_SIDE, party_org_id=branch),
            ),
            signed_on=date(2026, 1, 5),
            valid_from=date(2026, 1, 1),
            valid_to=date(2027, 12, 31),
        ),
    )
    for activity in (JointActivity.PARTY_LESSON, JointActivity.GRID_DAY):
        commitments.add_commitment(s, created.id, CommitmentData(activity=activity))
    lifecycle.activate(s, created.id, created.version, today=TODAY)
    return created.id


@pytest.fixture
def world(database: Database) -> dict[str, str]:
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET)).id
        zone = directory.org_units.create(s, OrgUnitData("颐和路片区", OrgLevel.ZONE, street)).id
        yihe = directory.org_units.create(s, OrgUnitData("颐和路社区", OrgLevel.COMMUNITY, zone)).id
        ninghai = directory.org_units.create(
            s, OrgUnitData("宁海路社区", OrgLevel.COMMUNITY, zone)
        ).id
        ids = {"zone": zone, "yihe": yihe, "ninghai": ninghai}
        for key, unit_name, branch_name, community in (
            ("education", "江苏省教育厅", "省教育厅办公室党支部", yihe),
            ("sports", "江苏省体育局", "省体育局机关第三党支部", ninghai),
        ):
            unit = directory.resident_units.create(
                s, ResidentUnitData(unit_name, UnitCategory.PROVINCIAL_ORGAN, community)
            ).id
            branch = directory.party_orgs.create(
                s, PartyOrgData(branch_name, PartyOrgKind.BRANCH, resident_unit_id=unit)
            ).id
            ids[key] = _pairing(s, f"ZB2026-NHL-00{len(ids)}", community, branch)
        record_fulfilment_for_cell(
            s, ids["education"], JointActivity.PARTY_LESSON, date(2026, 3, 1)
        )
    return ids


@pytest.fixture
def view(context: TabContext, world: dict[str, str], qtbot: Any) -> MatrixView:
    widget = MatrixView(context, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    return widget


def _text(view: MatrixView, branch: str, column: int) -> str:
    row = next(i for i, r in enumerate(view.model.rows) if r.branch_name == branch)
    return str(view.model.index(row, column).data())


def _centre(view: MatrixView, row: int, column: int) -> QPoint:
    index = view.model.index(row, column)
    view.table.scrollTo(index)
    return view.table.visualRect(index).center()


def _click(qtbot: Any, view: MatrixView, row: int, column: int) -> None:
    centre = _centre(view, row, column)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def _double_click(qtbot: Any, view: MatrixView, row: int, column: int) -> None:
    centre = _centre(view, row, column)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_the_grid_shows_done_planned_and_missing(view: MatrixView, qtmodeltester: Any) -> None:
    qtmodeltester.check(view.model)
    assert view.data_ready()
    assert [r.branch_name for r in view.model.rows] == [
        "省教育厅办公室党支部",  # 1 of 7 done: first, sorted by completion
        "省体育局机关第三党支部",
    ]
    assert _text(view, "省教育厅办公室党支部", LESSON) == "√ 03-01"
    assert _text(view, "省体育局机关第三党支部", LESSON) == "○"
    assert _text(view, "省体育局机关第三党支部", FIRST_ACTIVITY + 1) == "—"
    assert _text(view, "省教育厅办公室党支部", COMPLETION) == "1/7"
    assert "共 2 对结对" in view.summary.text()


def test_year_community_filter_and_sorting(view: MatrixView, qtbot: Any) -> None:
    view.year.setCurrentIndex(view.year.findData(2027))
    assert _text(view, "省教育厅办公室党支部", LESSON) == "○"  # done in 2026, not in 2027
    view.year.setCurrentIndex(view.year.findData(2026))

    view.community.setCurrentIndex(view.community.findText("宁海路社区"))
    assert [r.branch_name for r in view.model.rows] == ["省体育局机关第三党支部"]
    view.community.setCurrentIndex(0)
    assert len(view.model.rows) == 2

    header = view.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(COMPLETION) + 5, 5),
    )
    assert [r.completion for r in view.model.rows] == [0, 1]  # now ascending
    type_text(view.search, "体育")
    assert [r.branch_name for r in view.model.rows] == ["省体育局机关第三党支部"]


def test_a_click_selects_a_cell_and_opens_nothing(view: MatrixView, qtbot: Any) -> None:
    for row, column in ((0, LESSON), (1, GRID_DAY), (0, FIRST_ACTIVITY + 3)):
        _click(qtbot, view, row, column)
        assert view.dialog is None
        assert view.table.currentIndex() == view.model.index(row, column)


def test_double_click_an_empty_cell_and_record_a_fulfilment(
    view: MatrixView, context: TabContext, qtbot: Any
) -> None:
    row = next(i for i, r in enumerate(view.model.rows) if r.branch_name.startswith("省体育局"))
    _double_click(qtbot, view, row, GRID_DAY)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.held_on.setDate(QDate(2026, 5, 12))
    dialog.participants.setValue(12)
    dialog.hours.setValue(3)
    type_text(dialog.place, "宁海路社区党群服务中心")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert not dialog.isVisible()
    assert _text(view, "省体育局机关第三党支部", GRID_DAY) == "√ 05-12"
    assert _text(view, "省体育局机关第三党支部", COMPLETION) == "1/7"

    context.undo_stack.undo()
    assert _text(view, "省体育局机关第三党支部", GRID_DAY) == "○"
    context.undo_stack.redo()
    assert _text(view, "省体育局机关第三党支部", GRID_DAY) == "√ 05-12"


def test_enter_on_a_cell_opens_the_dialog(view: MatrixView, qtbot: Any) -> None:
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, FIRST_ACTIVITY + 2))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.dialog is not None and view.dialog.isVisible()
    assert view.dialog.activity_label.text() == "共帮一户困难家庭"
    view.dialog.done(0)


def test_export_the_matrix_as_xlsx(
    view: MatrixView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "七个共"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "")))
    saved = view.export_xlsx()
    assert saved == tmp_path / "七个共.xlsx"
    sheet = load_workbook(saved).active
    assert sheet is not None
    assert sheet["A1"].value == "2026年百对党支部共建联盟“七个共”落实情况"
    headers = [c.value for c in sheet[3]]
    assert headers[:3] == ["序号", "协议编号", "党支部"]
    assert "共上一堂主题党课" in headers and headers[-1] == "完成率"
    first = [c.value for c in sheet[4]]
    assert first[2] == "省教育厅办公室党支部" and "√ 03-01" in first
    assert sheet.freeze_panes == "D4"


def _print_with(view: MatrixView, qtbot: Any, choose: Any) -> None:
    """Ctrl+P's question answered by ``choose(dialog)``, then 打印预览."""

    def answer() -> None:
        dialog = view.dialog
        assert isinstance(dialog, MatrixPrintDialog)
        choose(dialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    view.print_current()


def test_print_previews_all_the_pairs_shown(
    view: MatrixView, qtbot: Any, previewed: list[tuple[str, bytes]]
) -> None:
    _print_with(view, qtbot, lambda dialog: None)  # 全部 is the first choice
    assert previewed and "七个共" in previewed[0][0] and previewed[0][1].startswith(b"%PDF")
    text = _pdf_text(previewed[0][1])
    assert all(row.branch_name in text for row in view.model.rows)


def test_print_the_first_rows_in_the_order_shown(
    view: MatrixView, qtbot: Any, previewed: list[tuple[str, bytes]]
) -> None:
    def first_one(dialog: MatrixPrintDialog) -> None:
        dialog.first_count.setValue(1)  # typing the number chooses its line

    _print_with(view, qtbot, first_one)
    text = _pdf_text(previewed[0][1])
    first, second = view.model.rows[0].branch_name, view.model.rows[1].branch_name
    assert first in text and second not in text
    assert "按当前排序的前1对" in text


def test_print_the_least_done_whatever_the_sort(
    view: MatrixView, qtbot: Any, previewed: list[tuple[str, bytes]]
) -> None:
    """The list is sorted most done first; the bottom one is printed without re-sorting, and
    the next print offers the same choice."""
    assert view.model.rows[0].completion == 1

    def lowest_one(dialog: MatrixPrintDialog) -> None:
        qtbot.mouseClick(dialog.lowest, Qt.MouseButton.LeftButton)
        dialog.lowest_count.setValue(1)

    _print_with(view, qtbot, lowest_one)
    text = _pdf_text(previewed[0][1])
    assert "省体育局机关第三党支部" in text and "省教育厅办公室党支部" not in text
    assert "完成率最低的1对" in text

    def unchanged(dialog: MatrixPrintDialog) -> None:
        assert dialog.lowest.isChecked() and dialog.lowest_count.value() == 1

    _print_with(view, qtbot, unchanged)
    assert len(previewed) == 2


def _pdf_text(data: bytes) -> str:
    import subprocess

    done = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return "".join(done.stdout.decode().split())


def test_english_activity_headings_fit_and_name_the_activity_in_full(
    context: TabContext, world: dict[str, str], qtbot: Any
) -> None:
    """The English headings are longer than the Chinese cells: each column fits its heading,
    and the heading's tooltip gives the activity's full name."""
    from ui.i18n import DEFAULT_LANGUAGE, install_language

    assert install_language("en")
    try:
        view = MatrixView(context, today=TODAY)
        qtbot.addWidget(view)
        view.resize(1366, 700)
        view.show()
        header = view.table.horizontalHeader()
        for column in range(FIRST_ACTIVITY, COMPLETION + 1):
            heading = view.model.headerData(column, Qt.Orientation.Horizontal)
            wanted = header.sectionSizeHint(column)  # the heading, its margins and sort arrow
            assert view.table.columnWidth(column) >= wanted, heading
        tip = view.model.headerData(
            FIRST_ACTIVITY + 4, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
        )
        assert tip == "Joint day as grid workers", tip
    finally:
        install_language(DEFAULT_LANGUAGE)


@pytest.mark.parametrize("end", ["terminate", "renew"])
def test_an_ended_pairing_says_why_instead_of_opening_the_form(
    context: TabContext,
    world: dict[str, str],
    database: Database,
    qtbot: Any,
    warned: list[str],
    end: str,
) -> None:
    with database.session() as s:
        version = service.get_agreement(s, world["education"]).version
        if end == "terminate":
            lifecycle.terminate(s, world["education"], version, "支部撤并")
        else:
            lifecycle.renew(s, world["education"], version, date(2029, 12, 31), today=TODAY)
    view = MatrixView(context, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    row = next(i for i, r in enumerate(view.model.rows) if r.agreement_id == world["education"])
    _double_click(qtbot, view, row, GRID_DAY)
    assert view.dialog is None
    expected = {"terminate": "已终止，不能再登记履约。", "renew": "请在续签后的新协议上登记。"}
    assert warned and warned[0].startswith("省教育厅办公室党支部的结对协议已")
    assert warned[0].endswith(expected[end])
