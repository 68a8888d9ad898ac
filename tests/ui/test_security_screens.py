"""What a viewer sees, and undo that meets someone else's edit, driven in the real widgets."""

# ruff: noqa: F401, F811  (fixtures imported from another test module)

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from app.database import Database
from app.directory import service
from app.operator import Operator
from db.models.directory import ResidentUnit
from db.models.security import Role
from tests.ui.keys import type_text
from tests.ui.test_directory import (
    click_save,
    database,
    demo,
    id_number,
    make_tab,
    names,
    open_dialog,
    select_row,
    templates,
)

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui.directory.kinds import PERSON, RESIDENT_UNIT
from ui.models.paged_table import ID_ROLE
from ui.tab import TabContext

VIEWER = Operator("v1", "查看者", Role.VIEWER, "look")
STAFF = Operator("s1", "工作人员", Role.STAFF, "wang")


def person_row(tab: Any, person_id: str) -> int:
    item = tab.show_list(PERSON)
    return next(
        r for r in range(item.model.rowCount()) if item.model.index(r, 0).data(ID_ROLE) == person_id
    )


def test_a_viewer_opening_a_person_sees_masked_numbers(
    demo: dict[str, Any],
    database: Database,
    make_tab: Any,
    qtbot: Any,
) -> None:
    database.operator = VIEWER
    tab = make_tab()
    item = tab.show_list(PERSON)
    row = person_row(tab, demo["people"][0])
    item.panel.table.setCurrentIndex(item.model.index(row, 0))
    qtbot.keyClick(item.panel.table, Qt.Key.Key_Return)  # as a double-click does
    dialog = open_dialog(tab, qtbot)
    assert dialog.id_number.text() == "3201**********" + id_number(0)[-4:]
    assert dialog.mobile.text() == "139****0000"
    dialog.reject()


def test_unit_contact_phones_are_masked_in_the_list_and_for_a_viewer_in_the_dialog(
    demo: dict[str, Any],
    database: Database,
    make_tab: Any,
    qtbot: Any,
) -> None:
    tab = make_tab()
    item = tab.show_list(RESIDENT_UNIT)
    phones = [item.model.index(r, 4).data() for r in range(item.model.rowCount())]
    assert phones and all("*" in p for p in phones if p)
    unit_id = select_row(tab, RESIDENT_UNIT, "南京大学")
    tab.edit_record()
    dialog = open_dialog(tab, qtbot)
    stored = dialog.contact_phone.text()  # staff and administrators see the number
    assert stored and "*" not in stored
    dialog.reject()
    database.operator = VIEWER
    tab.edit_record()
    dialog = open_dialog(tab, qtbot)
    assert dialog.contact_phone.text() == stored[:3] + "*" * (len(stored) - 7) + stored[-4:]
    dialog.reject()
    with database.reader() as session:
        assert session.get(ResidentUnit, unit_id).contact_phone == stored


@pytest.mark.parametrize(("operator", "found"), [(VIEWER, 0), (STAFF, 1)])
def test_only_who_may_see_an_id_number_can_search_by_it(
    demo: dict[str, Any],
    database: Database,
    make_tab: Any,
    qtbot: Any,
    operator: Operator,
    found: int,
) -> None:
    database.operator = operator
    tab = make_tab()
    item = tab.show_list(PERSON)
    item.panel.search.setText(id_number(0))
    qtbot.keyClick(item.panel.search, Qt.Key.Key_Return)
    assert item.model.rowCount() == found


def test_undo_after_someone_else_saved_the_record_is_refused_and_offers_to_reload(
    demo: dict[str, Any],
    database: Database,
    make_tab: Any,
    qtbot: Any,
    asked: Any,
    context: TabContext,
) -> None:
    tab = make_tab()
    unit_id = select_row(tab, RESIDENT_UNIT, "河海大学")
    tab.edit_record()
    dialog = open_dialog(tab, qtbot)
    dialog.name.selectAll()
    type_text(dialog.name, "河海大学（西康路校区）")
    click_save(qtbot, dialog)
    other = Database(database.target)  # another office saves the unit afterwards
    with other.session() as s:
        unit = service.resident_units.get(s, unit_id)
        service.resident_units.update(s, unit_id, unit.version, replace(unit.data, note="改"))
    other.close()
    asked.answers.append(QMessageBox.StandardButton.Yes)

    context.undo_stack.undo()

    assert len(asked) == 1 and "已被别处修改" in asked[0] and "重新载入" in asked[0]
    with database.reader() as s:
        kept = service.resident_units.get(s, unit_id).data
    assert (kept.name, kept.note) == ("河海大学（西康路校区）", "改")  # nothing overwritten
    assert "河海大学（西康路校区）" in names(tab, RESIDENT_UNIT)
    assert context.undo_stack.count() == 0  # the step is gone: it can no longer be replayed
