"""What the minutes and the sign-in sheet print, built from the database; and for every
meeting of the demo street."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.database import Database
from app.demo import generate
from app.directory import service as directory
from app.directory.records import OrgUnitData, PersonData, ResidentUnitData
from app.errors import NotFoundError
from app.exports.pdf import render_minutes
from app.localtime import BEIJING
from app.meetings import service
from app.meetings.documents import AttendeeGroup, DecisionItem, SignInRow
from app.meetings.minutes import minutes_document, minutes_heading, read_minutes, signin_sheet
from app.meetings.records import (
    ActionItemData,
    AgendaItemData,
    AttendeeData,
    DecisionData,
    MeetingContent,
    MeetingData,
)
from app.rows import connection_query
from db import direct
from db.models.directory import OrgLevel, UnitCategory
from db.models.meetings import Attendance, AttendanceStatus, Meeting, MeetingStatus
from tests.app.test_imports import loaded_after, packages

PRESENT, LEAVE, OBSERVER, ABSENT = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.LEAVE,
    AttendanceStatus.OBSERVER,
    AttendanceStatus.ABSENT,
)
STARTS = datetime(2026, 3, 12, 14, 30, tzinfo=BEIJING)


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        ("宁海路街道北片区党建联盟协调议事会", "宁海路街道北片区党建联盟协调议事会纪要"),
        ("宁海路街道党建共同体议事会纪要", "宁海路街道党建共同体议事会纪要"),
        ("建宁路街道街社党建共同体议事会（第3次）", "建宁路街道街社党建共同体议事会纪要"),
        (" 联络员会议 ", "联络员会议纪要"),
    ],
)
def test_the_heading_is_the_title_as_minutes(title: str, heading: str) -> None:
    assert minutes_heading(title) == heading


@pytest.fixture
def meeting_id(database: Database) -> str:
    """A zone council: street leaders, a community, two units (one as a whole), observers."""
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET)).id
        zone = directory.org_units.create(s, OrgUnitData("北片区", OrgLevel.ZONE, street)).id
        community = directory.org_units.create(
            s, OrgUnitData("宁海路社区", OrgLevel.COMMUNITY, zone)
        ).id
        department = directory.org_units.create(
            s, OrgUnitData("城管科", OrgLevel.DEPARTMENT, street)
        ).id
        organ = directory.resident_units.create(
            s, ResidentUnitData("江苏省某某厅", UnitCategory.PROVINCIAL_ORGAN)
        ).id
        college = directory.resident_units.create(
            s, ResidentUnitData("某高校", UnitCategory.UNIVERSITY)
        ).id
        company = directory.resident_units.create(
            s, ResidentUnitData("某国企", UnitCategory.STATE_ENTERPRISE)
        ).id

        def person(name: str, post: str = "", **where: str | None) -> str:
            return directory.people.create(s, PersonData(name, post=post, **where)).id  # type: ignore[arg-type]

        chair = person("王喆", "党工委书记", org_unit_id=street)
        recorder = person("李堃", "党建办干事", org_unit_id=street)
        attendees = [
            AttendeeData(chair, status=PRESENT),
            AttendeeData(person("张玥", "社区党委书记", org_unit_id=community), status=PRESENT),
            AttendeeData(person("赵赟", "处长", employer_unit_id=organ), organ, LEAVE, "公务"),
            AttendeeData(person("周昇", "党工委副书记", org_unit_id=street), status=PRESENT),
            AttendeeData(resident_unit_id=college, status=PRESENT),
            AttendeeData(person("钱多", "副处长", employer_unit_id=organ), organ, PRESENT),
            AttendeeData(person("孙伟", "科长", org_unit_id=department), status=OBSERVER),
            AttendeeData(person("吴缺", "主任", employer_unit_id=company), company, ABSENT),
            AttendeeData(person("郑未"), status=None),
            AttendeeData(resident_unit_id=company, status=LEAVE, reason="年终检查"),
            AttendeeData(person("冯某", "处长", employer_unit_id=organ), organ, LEAVE, "出差"),
        ]
        agenda = [
            AgendaItemData(
                "关于安乐村小区停车难问题",
                "会议认为，安乐村小区车位供需矛盾突出。\n会议议定：",
                decisions=[
                    DecisionData(
                        "由街道城管科牵头完成周边道路夜间停车泊位划设方案；",
                        action_items=[
                            ActionItemData(owner_org_unit_id=department, due_on=date(2026, 3, 31)),
                            ActionItemData(owner_unit_id=organ, due_on=date(2026, 4, 15)),
                            ActionItemData(owner_org_unit_id=department),
                        ],
                    ),
                    DecisionData(
                        "社区党委组织党员志愿者开展停车秩序引导。",
                        action_items=[ActionItemData(owner_person_id=chair)],
                    ),
                ],
            ),
            AgendaItemData("关于<在职党员>到社区报到 & 服务", "听取汇报。"),
        ]
        return service.create_meeting(
            s,
            MeetingContent(
                MeetingData(
                    kind="片区党建联盟协调议事会",
                    title="宁海路街道北片区党建联盟协调议事会",
                    session_no=3,
                    starts_at=STARTS,
                    ends_at=STARTS + timedelta(hours=2),
                    place="街道党群服务中心三楼会议室",
                    host_org_unit_id=zone,
                    chair_id=chair,
                    recorder_id=recorder,
                    summary="会议听取了各社区情况汇报，现将会议议定事项纪要如下：",
                ),
                attendees,
                agenda,
            ),
        )


def test_minutes_group_attendees_by_unit_in_order(database: Database, meeting_id: str) -> None:
    with database.reader() as s:
        doc = minutes_document(s, meeting_id)
    assert doc.present == (
        AttendeeGroup("宁海路街道党工委", ("王喆", "周昇")),
        AttendeeGroup("宁海路社区党委", ("张玥",)),
        AttendeeGroup("某高校", ()),
        AttendeeGroup("江苏省某某厅", ("钱多",)),
    )
    assert doc.on_leave == (
        AttendeeGroup("江苏省某某厅", ("赵赟", "冯某"), ("公务", "出差")),
        AttendeeGroup("某国企", (), unit_reason="年终检查"),
    )
    assert doc.observers == (AttendeeGroup("宁海路街道城管科", ("孙伟",)),)
    printed = {n for g in doc.present + doc.on_leave + doc.observers for n in g.names}
    assert "吴缺" not in printed and "郑未" not in printed  # absent and unmarked


def test_minutes_facts_sections_and_decisions(database: Database, meeting_id: str) -> None:
    with database.reader() as s:
        doc = minutes_document(s, meeting_id)
    assert doc.heading == "宁海路街道北片区党建联盟协调议事会纪要" and doc.session_no == 3
    assert doc.starts_at == STARTS and (doc.starts_at.hour, doc.starts_at.minute) == (14, 30)
    assert doc.starts_at.utcoffset() == timedelta(hours=8)
    assert doc.ends_at is not None and doc.ends_at.hour == 16
    assert (doc.place, doc.chair, doc.recorder) == ("街道党群服务中心三楼会议室", "王喆", "李堃")
    assert doc.opening.startswith("会议听取了")
    assert doc.issuer == "宁海路街道党工委" and doc.issued_on is None  # a draft has no date
    [parking, members] = doc.sections
    assert parking.title == "关于安乐村小区停车难问题" and "会议议定" in parking.notes
    assert parking.decisions == (
        DecisionItem(
            "由街道城管科牵头完成周边道路夜间停车泊位划设方案；",
            ("宁海路街道城管科", "江苏省某某厅"),
            date(2026, 4, 15),
        ),
        DecisionItem("社区党委组织党员志愿者开展停车秩序引导。", ("王喆",), None),
    )
    assert members.title == "关于<在职党员>到社区报到 & 服务" and members.decisions == ()


def test_final_minutes_are_dated_the_day_of_finalising(database: Database, meeting_id: str) -> None:
    with database.session() as s:  # the unmarked attendee must be marked first
        got = service.get_meeting(s, meeting_id)
        content = got.content()
        attendees = [
            a if a.status is not None else AttendeeData(a.person_id, status=ABSENT, id=a.id)
            for a in content.attendees
        ]
        saved = service.save_meeting(
            s, meeting_id, got.version, MeetingContent(content.meeting, attendees, content.agenda)
        )
        final = service.finalise(s, meeting_id, saved.version)
    with database.reader() as s:
        doc = minutes_document(s, meeting_id)
    assert final.finalised_at is not None and doc.issued_on == final.finalised_at.date()


def test_the_signin_sheet_lists_everyone_expected(database: Database, meeting_id: str) -> None:
    with database.reader() as s:
        sheet = signin_sheet(s, meeting_id)
    assert sheet.heading == "宁海路街道北片区党建联盟协调议事会"
    assert sheet.starts_at == STARTS and sheet.place == "街道党群服务中心三楼会议室"
    assert len(sheet.rows) == 11
    assert sheet.rows[:3] == (
        SignInRow("王喆", "宁海路街道党工委", "党工委书记"),
        SignInRow("张玥", "宁海路社区党委", "社区党委书记"),
        SignInRow("赵赟", "江苏省某某厅", "处长"),
    )
    assert SignInRow("", "某高校", "") in sheet.rows
    assert SignInRow("吴缺", "某国企", "主任") in sheet.rows  # absent on the day, expected before


def test_unknown_or_deleted_meetings_are_not_found(database: Database, meeting_id: str) -> None:
    with database.session() as s:
        service.delete_meeting(s, meeting_id)
    for build in (minutes_document, signin_sheet):
        with pytest.raises(NotFoundError, match="找不到会议"), database.reader() as s:
            build(s, meeting_id)
        with pytest.raises(NotFoundError), database.reader() as s:
            build(s, "no-such-meeting")


# --- the command's own reading ------------------------------------------------------------------


def test_a_bare_connection_prints_what_a_session_prints(
    database: Database, meeting_id: str
) -> None:
    """``gongjian minutes`` reads an SQLite file through sqlite3: the same reader, the same
    page (a PDF's only difference from another of the same document is its creation date)."""
    with database.session() as s:
        later = service.duplicate_meeting(s, meeting_id, STARTS + timedelta(days=30))
        service.carry_open_decisions(s, later)
    made_at = datetime(2026, 3, 13, 9, 0, tzinfo=BEIJING)
    connection = direct.open_current(database.target)
    assert connection is not None
    try:
        for meeting in (meeting_id, later):
            with database.reader() as s:
                by_session = minutes_document(s, meeting)
            by_connection = read_minutes(connection_query(connection), meeting)
            assert by_connection == by_session
            pdfs = {
                render_minutes(replace(doc, made_at=made_at)) for doc in (by_session, by_connection)
            }
            assert len(pdfs) == 1
    finally:
        direct.close(connection)
    assert "——未开始。宁海路街道北片区党建联盟协调议事会（2026年3月12日）议定。" in (
        by_connection.sections[0].notes
    )


def test_the_minutes_command_reads_sqlite_without_sqlalchemy(
    database: Database, meeting_id: str, tmp_path: Path
) -> None:
    output = tmp_path / "纪要.pdf"
    command = ["--db", database.target, "minutes", meeting_id, "-o", str(output)]
    modules = loaded_after(f"from app.cli import main\nassert main({command!r}) == 0")
    assert packages(modules).isdisjoint({"sqlalchemy", "alembic", "PySide6", "openpyxl"})
    assert output.read_bytes().startswith(b"%PDF")
    with database.reader() as s:
        meeting = s.get(Meeting, meeting_id)
        assert meeting is not None and meeting.exported_at is not None
        assert meeting.version == 1  # marked, not changed: an open editor stays valid


# --- the demo street ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path: Path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = Database(str(path))
    generate(database, "street", today=date(2026, 11, 28))
    yield database
    database.close()


def test_minutes_of_every_demo_meeting(demo: Database) -> None:
    with demo.reader() as s:
        meetings = s.scalars(select(Meeting)).all()
        assert len(meetings) > 200
        for meeting in meetings:
            doc = minutes_document(s, meeting.id)
            sheet = signin_sheet(s, meeting.id)
            attendances = s.scalars(
                select(Attendance).where(Attendance.meeting_id == meeting.id)
            ).all()
            assert doc.heading.endswith("纪要") and doc.sections
            assert doc.starts_at.utcoffset() == timedelta(hours=8)
            assert doc.chair and doc.recorder and doc.issuer
            printed = [n for g in doc.present + doc.on_leave + doc.observers for n in g.names]
            people = [
                a for a in attendances if a.person_id and a.status in (PRESENT, LEAVE, OBSERVER)
            ]
            assert len(printed) == len(people)
            units = {g.unit for g in doc.present + doc.on_leave + doc.observers}
            assert all(units), meeting.title
            for group in doc.on_leave:
                assert len(group.reasons) == len(group.names) and all(group.reasons)
            assert len(sheet.rows) == len(attendances)
            if meeting.status is MeetingStatus.FINAL:
                assert doc.issued_on is not None and doc.present
                assert all(d.owners for sec in doc.sections for d in sec.decisions)


def test_every_demo_meeting_opens_and_final_ones_pass_the_checks(demo: Database) -> None:
    with demo.reader() as s:
        for meeting in s.scalars(select(Meeting)).all():
            detail = service.get_meeting(s, meeting.id)
            assert detail.content().meeting == detail.data
            if meeting.status is MeetingStatus.FINAL:
                assert service.finalise_problems(s, meeting.id) == []
