"""The lists mark each record's exchange state on a street with one community site: not
sent, sent, delivered, in conflict; the filter keeps what is not sent or in conflict."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.database import Database
from app.issues.lists import IssueList
from app.meetings.lists import MeetingList
from tests.app.exchange_states_world import Stated, stated_street

from PySide6.QtCore import Qt
from ui.models.paged_table import ID_ROLE, PagedTableModel


@pytest.fixture
def stated(tmp_path: Path, qapp: Any) -> Iterator[Stated]:
    built = stated_street(tmp_path)
    yield built
    built.world.close()


def _tips(model: PagedTableModel) -> dict[str, str]:
    """Record id → the first cell's tooltip."""
    return {
        model.index(row, 0).data(ID_ROLE): model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
        for row in range(model.rowCount())
    }


def test_the_issues_and_meetings_lists_say_each_records_state(
    qtmodeltester: Any, stated: Stated
) -> None:
    issues = PagedTableModel(stated.world.street, IssueList())
    issues.reload()
    qtmodeltester.check(issues)
    assert issues.shows_exchange
    tips = _tips(issues)
    assert (
        tips[stated.issues["unsent"]].startswith("未发送")
        and "东湖社区" in tips[stated.issues["unsent"]]
    )
    assert tips[stated.issues["sent"]].startswith("已发出")
    assert tips[stated.issues["delivered"]].startswith("已送达")
    assert tips[stated.issues["conflict"]].startswith("有冲突")
    icons = {issues.index(row, 0).data(Qt.ItemDataRole.DecorationRole) for row in range(4)}
    assert None not in icons
    meetings = PagedTableModel(stated.world.street, MeetingList())
    meetings.reload()
    tips = _tips(meetings)
    assert {state: tips[m][:3] for state, m in stated.meetings.items()} == {
        "delivered": "已送达",
        "sent": "已发出",
        "unsent": "未发送",
    }


def test_the_filter_keeps_what_is_not_sent_or_in_conflict(stated: Stated) -> None:
    from dataclasses import replace

    model = PagedTableModel(stated.world.street, IssueList())
    for wanted, expected in (("unsent", "unsent"), ("conflict", "conflict")):
        model.set_query(replace(model.query, filters={"exchange": wanted}))
        assert [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())] == [
            stated.issues[expected]
        ]


def test_a_database_without_other_sites_shows_nothing(database: Database) -> None:
    model = PagedTableModel(database, IssueList())
    model.reload()
    assert not model.shows_exchange
