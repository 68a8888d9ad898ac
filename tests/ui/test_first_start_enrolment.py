"""The first start on a new database at a community centre: the offer's third choice makes
the database that community's site from the street's enrolment file; a wrong passphrase or a
damaged file is said and the database stays empty."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.exchange.enrolment import Enrolment, add_community_site
from db.models.exchange import Site
from db.models.issues import Issue
from tests.app.exchange_world import build_street, new_issue
from tests.ui.conftest import show_main_window
from tests.ui.test_first_start import click_in_next_box

from PySide6.QtWidgets import QInputDialog
from ui.main_window import MainWindow
from ui.models.paged_table import PagedTableModel

SHOTS = os.environ.get("GONGJIAN_SHOTS")  # a folder: the offer's picture is saved there
ENROL = "用社区站点登记文件开始…"


@pytest.fixture
def enrolment(tmp_path: Path) -> Iterator[tuple[Path, Enrolment]]:
    """The street's enrolment file for 东湖社区, which has one issue."""
    (tmp_path / "street").mkdir()
    world = build_street(tmp_path / "street", ("东湖社区", "西岭社区"))
    new_issue(world.street, world, "东湖社区", "楼道堆物影响通行")
    with world.street.session() as session:
        made = add_community_site(session, "东湖社区")
    path = tmp_path / "东湖社区.gjenrol"
    path.write_bytes(made.data)
    yield path, made
    world.close()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    return show_main_window(qtbot, str(tmp_path / "community.db"), tmp_path, interactive=True)


def typed(monkeypatch: pytest.MonkeyPatch, passphrase: str) -> None:
    """The passphrase dialog answers with ``passphrase``."""

    def answer(*_args: Any, **_kwargs: Any) -> tuple[str, bool]:
        return passphrase, True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))


def _sites(window: MainWindow) -> list[str]:
    assert window.database is not None
    with window.database.reader() as session:
        return list(session.scalars(select(Site.name).where(Site.is_local.is_(True))))


def test_the_offer_enrols_the_community_and_the_window_shows_its_data(
    qtbot: QtBot,
    window: MainWindow,
    enrolment: tuple[Path, Enrolment],
    chosen: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, made = enrolment
    chosen.append(path)
    typed(monkeypatch, made.passphrase)
    seen: list[str] = []
    if SHOTS:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        def shoot() -> None:
            box = QApplication.activeModalWidget()
            if box is None:
                QTimer.singleShot(10, shoot)
                return
            box.grab().save(str(Path(SHOTS) / "first-start-offer.png"))

        QTimer.singleShot(0, shoot)
    click_in_next_box(ENROL, seen)
    window.offer_demo_if_empty()
    assert seen and "空数据库" in seen[0]
    assert _sites(window) == ["东湖社区"]
    assert "东湖社区" in window.statusBar().currentMessage()
    page = window.show_tab("issues")
    model = page.model  # type: ignore[union-attr]
    assert isinstance(model, PagedTableModel)
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.index(0, 1).data() == "楼道堆物影响通行"


@pytest.mark.parametrize("damage", ["passphrase", "byte"])
def test_a_wrong_passphrase_or_a_damaged_file_is_said_and_nothing_is_written(
    window: MainWindow,
    enrolment: tuple[Path, Enrolment],
    chosen: list[Path],
    warned: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    damage: str,
) -> None:
    path, made = enrolment
    if damage == "byte":
        data = bytearray(path.read_bytes())
        data[-30] ^= 1
        path = tmp_path / "damaged.gjenrol"
        path.write_bytes(bytes(data))
    chosen.append(path)
    typed(monkeypatch, "WRONG-WRONG" if damage == "passphrase" else made.passphrase)
    click_in_next_box(ENROL, [])
    window.offer_demo_if_empty()
    assert len(warned) == 1
    assert "口令不对" in warned[0] or "损坏" in warned[0]
    assert "数据库没有改动" in warned[0]
    assert _sites(window) == [] and window.is_empty()
    assert window.database is not None
    with window.database.reader() as session:
        assert session.scalars(select(Issue)).all() == []
    assert "保持为空" in window.statusBar().currentMessage()
