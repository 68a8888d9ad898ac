"""The 12345 columns per unit and per community, on the hand-built street of
test_dashboard_figures (its docstring has the table)."""

from __future__ import annotations

import pytest

from app.dashboard.hotline import HotlineRow, by_community, by_unit, total
from app.dashboard.scope import scope_for
from app.database import Database
from tests.app.test_dashboard_figures import NOW, OCTOBER, World, build_world


@pytest.fixture
def world(database: Database) -> World:
    return build_world(database)


def test_per_unit_counts_its_dispatches_of_the_month(database: Database, world: World) -> None:
    with database.reader() as s:
        rows = by_unit(s, scope_for(s, OCTOBER, NOW))
    # 1 done before its due day, 2 done the day after, 3 still open; 4's dispatch was returned
    assert rows == [HotlineRow("宁海路街道城管科", 3, 1, 1, 1, 1, 2)]
    row = rows[0]
    assert row.closure_rate == pytest.approx(2 / 3)
    assert row.on_time_rate == pytest.approx(1 / 3)
    assert row.dissatisfied_rate == pytest.approx(1 / 2)


def test_per_community_counts_the_issues_received(database: Database, world: World) -> None:
    with database.reader() as s:
        rows = {r.name: r for r in by_community(s, scope_for(s, OCTOBER, NOW))}
    # 甲: 1 on time, 2 late in Beijing days (resolved 01:00 on the 16th; the 15th in UTC)
    assert rows["甲社区"] == HotlineRow("甲社区", 2, 1, 1, 0, 1, 2)
    # 乙: 3 open, 4 resolved on 2 November within its deadline; 7 deleted
    assert rows["乙社区"] == HotlineRow("乙社区", 2, 1, 0, 1, 0, 1)
    assert rows["乙社区"].closure_rate == 0.5 and rows["乙社区"].dissatisfied_rate == 0.0
    assert total(list(rows.values()), "合计") == HotlineRow("合计", 4, 2, 1, 1, 1, 3)


def test_one_community_is_counted_per_grid(database: Database, world: World) -> None:
    with database.reader() as s:
        rows = by_community(s, scope_for(s, OCTOBER, NOW, world.a))
        units = by_unit(s, scope_for(s, OCTOBER, NOW, world.b))
    assert rows == [HotlineRow("（未填）", 2, 1, 1, 0, 1, 2)]  # 1 and 2 name no grid
    assert units == [HotlineRow("宁海路街道城管科", 1, 0, 0, 1, 0, 0)]


def test_nothing_to_divide_is_no_rate() -> None:
    empty = HotlineRow("空", 0, 0, 0, 0, 0, 0)
    assert (empty.closure_rate, empty.on_time_rate, empty.dissatisfied_rate) == (None, None, None)
