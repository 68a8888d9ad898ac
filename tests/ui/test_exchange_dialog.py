"""文件 → 数据交换…: the sites with their state, and a conflict made on purpose shown in the
inbox field by field and resolved from it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.exchange.exporting import export_package
from app.exchange.importing import import_package
from db.models.issues import Issue
from tests.app.exchange_world import World, build_street, edited_on_both_sides

from PySide6.QtCore import Qt
from ui.exchange.dialog import ExchangeDialog

SHOTS = os.environ.get("GONGJIAN_SHOTS")  # a folder: the dialog's pictures are saved there


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    built = build_street(tmp_path, ("东湖社区", "西岭社区"))
    yield built
    built.close()


def _conflict(world: World, tmp_path: Path) -> str:
    issue = edited_on_both_sides(
        world, tmp_path, ("楼道堆物已清理一半，剩余纸箱待清运", "楼道堆物，物业承诺周五前清完")
    )
    with world.sites["东湖社区"].session() as session:
        package = export_package(session, "street").data
    with world.street.session() as session:
        import_package(session, package)
    return issue


def test_the_inbox_shows_a_conflict_side_by_side_and_resolves_it(
    qtbot,
    world: World,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    issue = _conflict(world, tmp_path)
    dialog = ExchangeDialog(world.street)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 640)
    dialog.show()
    assert dialog.sites.rowCount() == 2
    assert "未处理的冲突：1" in dialog.summary.text()
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "exchange-sites.png"))
    dialog.tabs.setCurrentIndex(1)
    inbox = dialog.inbox
    assert inbox.model.rowCount() == 1
    listed = inbox.model.item(0)
    assert listed.toolTip() == listed.text()  # a title the narrow list cuts shows whole
    fields = {inbox.fields.item(r, 0).text(): r for r in range(inbox.fields.rowCount())}
    row = fields["标题"]
    both = {inbox.fields.item(row, 1).text(), inbox.fields.item(row, 2).text()}
    assert both == {"楼道堆物已清理一半，剩余纸箱待清运", "楼道堆物，物业承诺周五前清完"}
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "exchange-conflict.png"))
    other = inbox.fields.item(row, 2).text()
    qtbot.mouseClick(inbox.keep_loser, Qt.MouseButton.LeftButton)
    with world.street.reader() as session:
        assert session.scalar(select(Issue.title).where(Issue.id == issue)) == other
    assert inbox.model.rowCount() == 0
    assert "未处理的冲突：0" in dialog.summary.text()


def test_a_database_outside_any_exchange_offers_to_join(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    dialog = ExchangeDialog(database)
    qtbot.addWidget(dialog)
    assert "还没有参加数据交换" in dialog.summary.text()
    assert not dialog.buttons["enrol"].isHidden()
    assert not dialog.buttons["export"].isEnabled()
