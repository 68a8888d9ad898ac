"""A list opened already filtered (what the dashboard does), and the list in view exported
from the File menu with personal data as the signed-in role allows."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData, PersonData
from app.issues import service
from app.issues.records import IssueData
from app.localtime import beijing_today
from app.operator import Operator
from db.models.directory import OrgLevel
from db.models.issues import IssueStatus
from db.models.security import Role

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from ui.excel import export as export_module
from ui.issues.tab import IssuesTab
from ui.main_window import MainWindow
from ui.meetings.tab import MeetingsTab
from ui.secondments.tab import SecondmentsTab
from ui.settings import Settings

ID_NUMBER = "11010519491231002X"


@pytest.fixture
def window(qtbot: QtBot, database: Database, tmp_path: Path) -> MainWindow:
    long_ago = datetime.now(UTC) - timedelta(days=60)
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET)).id
        community = directory.org_units.create(
            s, OrgUnitData("西桥社区", OrgLevel.COMMUNITY, street)
        ).id
        directory.people.create(s, PersonData("王芳", id_number=ID_NUMBER, mobile="13912345678"))
        service.register(
            s, IssueData(title="雨后积水", community_id=community), reported_at=long_ago
        )
        service.register(s, IssueData(title="楼道灯不亮"))
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    main = MainWindow(database.target, settings, interactive=False)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    main.open_database()
    main.community_id = community  # type: ignore[attr-defined]
    return main


def _titles(tab: IssuesTab) -> list[str]:
    return [tab.model.index(r, 1).data() for r in range(tab.model.rowCount())]


def test_the_issues_list_opens_with_the_asked_filters_and_forgets_them_next_time(
    window: MainWindow,
) -> None:
    window.open_list("issues", {"overdue": True, "community_id": window.community_id})
    tab = window.current_page()
    assert isinstance(tab, IssuesTab) and tab.overdue.isChecked()
    assert _titles(tab) == ["雨后积水"]
    tab.panel.search.setText("积水")
    window.open_list("issues", {"status": IssueStatus.REGISTERED})
    assert not tab.overdue.isChecked() and tab.panel.search.text() == ""
    assert sorted(_titles(tab)) == ["楼道灯不亮", "雨后积水"]
    today = beijing_today()  # the day the issues were reported on, in Beijing
    first = today - timedelta(days=1)
    window.open_list("issues", {"reported_from": first, "reported_before": today + timedelta(1)})
    assert _titles(tab) == ["楼道灯不亮"]
    assert tab.date_from.isVisible() and tab.date_from.date().toPython() == first


def test_meetings_and_postings_open_with_a_period_or_fixed_filters(window: MainWindow) -> None:
    window.open_list(
        "meetings", {"starts_from": date(2026, 11, 1), "starts_before": date(2026, 12, 1)}
    )
    meetings = window.current_page()
    assert isinstance(meetings, MeetingsTab)
    assert meetings.period.bounds() == (date(2026, 11, 1), date(2026, 12, 1))
    window.open_list("secondments", {"active": True})
    postings = window.current_page()
    assert isinstance(postings, SecondmentsTab)
    assert postings.model.query.filters.get("active") is True
    window.open_list("secondments", {"ending_within": 30})
    filters = postings.model.query.filters
    assert "active" not in filters and filters["ending_within"] == 30
    assert postings.filters["ending_within"].currentData() == 30


@pytest.mark.parametrize(
    ("role", "shown"), [(Role.ADMIN, ID_NUMBER), (Role.VIEWER, "1101**********002X")]
)
def test_the_list_in_view_exports_with_personal_data_as_the_role_allows(
    window: MainWindow, tmp_path: Path, monkeypatch: Any, role: Role, shown: str
) -> None:
    target = tmp_path / "人员.xlsx"
    monkeypatch.setattr(export_module, "ask_save_path", lambda *_args: target)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *_args: None))
    assert window.database is not None
    window.database.operator = Operator(None, "某人", role)  # audited without a user row
    directory_tab = window.show_tab("directory")
    assert directory_tab is not None
    window.export_action.trigger()
    # the directory shows its first list, the resident units
    assert openpyxl.load_workbook(target).active.title == "驻区单位"
    target.unlink()
    from ui.directory.kinds import PERSON

    directory_tab.show_list(PERSON)  # type: ignore[attr-defined]
    window.export_action.trigger()
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert sheet.title == "人员" and rows[1][0] == "王芳" and shown in rows[1]


def test_a_tab_without_a_list_says_so(window: MainWindow, monkeypatch: Any) -> None:
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, _t, text: said.append(text))
    )
    window.show_tab("home")
    window.export_action.trigger()
    assert said and "没有列表" in said[0]
