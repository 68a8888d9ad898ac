"""Meeting use cases: the editor's round trip, validation at the field, the minutes lifecycle,
duplicating, decisions turned into issues, the kinds setting and the list's filters."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData, PersonData, ResidentUnitData
from app.errors import ConflictError, NotFoundError, UserError, ValidationError
from app.issues.limits import Limit
from app.issues.numbering import next_issue_number
from app.issues.origin import meeting_for_issue
from app.issues.service import save_category
from app.listing import ListQuery
from app.localtime import BEIJING
from app.meetings import service
from app.meetings.lists import MeetingList
from app.meetings.minutes import minutes_document
from app.meetings.records import (
    ActionItemData,
    AgendaItemData,
    AttendeeData,
    DecisionData,
    IncompleteMinutesError,
    MeetingContent,
    MeetingData,
)
from db.models.directory import OrgLevel, UnitCategory
from db.models.issues import Issue, IssueEvent, IssueSource, IssueStatus, LimitUnit
from db.models.meetings import ActionStatus, AttendanceStatus, Meeting, MeetingStatus
from db.models.security import AuditEntry

ZONE_COUNCIL = "片区党建联盟协调议事会"
STARTS = datetime(2026, 3, 12, 14, 30, tzinfo=BEIJING)

World = dict[str, str]


@pytest.fixture
def world(database: Database) -> World:
    """A street with a zone, a community and a department; two units; six people."""
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
            s, ResidentUnitData("江苏省某某厅", UnitCategory.PROVINCIAL_ORGAN, community)
        ).id
        college = directory.resident_units.create(
            s, ResidentUnitData("某高校", UnitCategory.UNIVERSITY, community)
        ).id

        def person(name: str, post: str, **where: str) -> str:
            return directory.people.create(s, PersonData(name, post=post, **where)).id  # type: ignore[arg-type]

        return {
            "street": street,
            "zone": zone,
            "community": community,
            "department": department,
            "organ": organ,
            "college": college,
            "chair": person("王喆", "党工委书记", org_unit_id=street),
            "recorder": person("李堃", "党建办干事", org_unit_id=street),
            "secretary": person("张玥", "社区党委书记", org_unit_id=community),
            "official": person("赵赟", "机关党委书记", employer_unit_id=organ),
            "deputy": person("钱昇", "机关党委副书记", employer_unit_id=organ),
            "inspector": person("孙伟", "城管科科长", org_unit_id=department),
        }


def basics(w: World, **changes: object) -> MeetingData:
    data = MeetingData(
        kind=ZONE_COUNCIL,
        title="宁海路街道北片区党建联盟协调议事会",
        session_no=3,
        starts_at=STARTS,
        ends_at=STARTS + timedelta(hours=2),
        place="街道党群服务中心三楼会议室",
        host_org_unit_id=w["zone"],
        chair_id=w["chair"],
        recorder_id=w["recorder"],
        summary="会议听取了各社区关于老旧小区停车等民生难题的情况汇报。",
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def full_content(w: World) -> MeetingContent:
    return MeetingContent(
        basics(w),
        attendees=[
            AttendeeData(w["chair"], status=AttendanceStatus.PRESENT),
            AttendeeData(w["secretary"], status=AttendanceStatus.PRESENT),
            AttendeeData(w["official"], w["organ"], AttendanceStatus.LEAVE, "公务"),
            AttendeeData(resident_unit_id=w["college"], status=AttendanceStatus.PRESENT),
            AttendeeData(w["inspector"], status=AttendanceStatus.OBSERVER),
        ],
        agenda=[
            AgendaItemData(
                "关于安乐村小区停车难问题",
                "会议认为，安乐村小区车位供需矛盾突出。",
                decisions=[
                    DecisionData(
                        "由街道城管科牵头，3月底前完成周边道路夜间停车泊位划设方案。",
                        action_items=[
                            ActionItemData(
                                "划设夜间停车泊位",
                                owner_org_unit_id=w["department"],
                                due_on=date(2026, 3, 31),
                            ),
                            ActionItemData(
                                "开放内部停车场错时停车",
                                owner_unit_id=w["organ"],
                                due_on=date(2026, 4, 15),
                            ),
                        ],
                    )
                ],
            ),
            AgendaItemData("关于在职党员到社区报到服务"),
        ],
    )


def create(database: Database, content: MeetingContent | MeetingData) -> str:
    with database.session() as s:
        return service.create_meeting(s, content)


def detail(database: Database, meeting_id: str) -> service.MeetingDetail:
    with database.reader() as s:
        return service.get_meeting(s, meeting_id)


def audit_actions(database: Database, entity_id: str) -> list[str]:
    with database.reader() as s:
        return list(
            s.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.entity_id == entity_id)
                .order_by(AuditEntry.at)
            )
        )


# --- the editor's round trip ------------------------------------------------------------------


def test_create_save_get_round_trip(database: Database, world: World) -> None:
    meeting_id = create(database, full_content(world))
    got = detail(database, meeting_id)
    assert got.status is MeetingStatus.DRAFT and got.version == 1
    assert got.data == basics(world)  # same instants, shown in Beijing time
    assert got.data.starts_at is not None and got.data.starts_at.utcoffset() == timedelta(hours=8)
    assert [(a.name, a.unit, a.post) for a in got.attendees] == [
        ("王喆", "宁海路街道党工委", "党工委书记"),
        ("张玥", "宁海路社区党委", "社区党委书记"),
        ("赵赟", "江苏省某某厅", "机关党委书记"),
        ("", "某高校", ""),
        ("孙伟", "宁海路街道城管科", "城管科科长"),
    ]
    assert got.attendees[2].label == "赵赟（江苏省某某厅 机关党委书记）"
    assert got.attendees[2].reason == "公务"
    assert (got.present_count, got.expected_count) == (3, 4)
    assert (got.host_name, got.chair_name, got.recorder_name) == (
        "宁海路街道北片区",
        "王喆",
        "李堃",
    )
    [first, second] = got.agenda
    assert first.title == "关于安乐村小区停车难问题" and second.decisions == ()
    actions = first.decisions[0].action_items
    assert [(a.owner, a.due_on) for a in actions] == [
        ("宁海路街道城管科", date(2026, 3, 31)),
        ("江苏省某某厅", date(2026, 4, 15)),
    ]
    assert audit_actions(database, meeting_id) == ["create"]

    # saving what was read changes nothing: no new version, no audit entry
    with database.session() as s:
        again = service.save_meeting(s, meeting_id, got.version, got.content())
    assert again.version == 1 and again == got
    assert audit_actions(database, meeting_id) == ["create"]


def test_a_save_keeps_rows_that_stay_and_drops_the_rest(database: Database, world: World) -> None:
    meeting_id = create(database, full_content(world))
    got = detail(database, meeting_id)
    content = got.content()
    kept = content.attendees[1:3]
    item = content.agenda[0]
    decision = item.decisions[0]
    edited = MeetingContent(
        replace(content.meeting, title="北片区议事会（改）"),
        attendees=[*kept, AttendeeData(world["deputy"], world["organ"])],
        agenda=[
            replace(
                item,
                decisions=[
                    replace(decision, action_items=[decision.action_items[1]]),
                    DecisionData("新增议定事项", action_items=[ActionItemData("落实")]),
                ],
            )
        ],
    )
    with database.session() as s:
        saved = service.save_meeting(s, meeting_id, got.version, edited)
    assert saved.version == 2 and saved.data.title == "北片区议事会（改）"
    assert [a.id for a in saved.attendees[:2]] == [a.id for a in got.attendees[1:3]]
    assert [a.name for a in saved.attendees] == ["张玥", "赵赟", "钱昇"]
    assert [a.position for a in saved.attendees] == [0, 1, 2]
    assert saved.agenda[0].id == got.agenda[0].id and len(saved.agenda) == 1
    kept_action = saved.agenda[0].decisions[0].action_items
    assert [a.id for a in kept_action] == [got.agenda[0].decisions[0].action_items[1].id]
    assert saved.agenda[0].decisions[1].text == "新增议定事项"
    assert detail(database, meeting_id) == saved
    with database.reader() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.entity_id == meeting_id).order_by(AuditEntry.at)
        ).all()[-1]
    assert entry.action == "update"
    assert entry.before is not None and len(entry.before["attendees"]) == 5
    assert entry.after is not None and len(entry.after["attendees"]) == 3


def test_the_lists_order_is_saved_whatever_the_positions(database: Database, world: World) -> None:
    content = MeetingContent(
        basics(world),
        attendees=[AttendeeData(world["secretary"], position=7), AttendeeData(world["chair"])],
        agenda=[AgendaItemData("第一项", position=5), AgendaItemData("第二项", position=1)],
    )
    got = detail(database, create(database, content))
    assert [(a.name, a.position) for a in got.attendees] == [("张玥", 0), ("王喆", 1)]
    assert [(i.title, i.position) for i in got.agenda] == [("第一项", 0), ("第二项", 1)]


def test_an_edit_against_an_old_version_is_refused(database: Database, world: World) -> None:
    meeting_id = create(database, full_content(world))
    got = detail(database, meeting_id)
    changed = replace(got.content(), meeting=replace(got.data, place="社区会议室"))
    with database.session() as s:
        service.save_meeting(s, meeting_id, got.version, changed)
    with pytest.raises(ConflictError), database.session() as s:
        service.save_meeting(s, meeting_id, got.version, got.content())
    assert detail(database, meeting_id).data.place == "社区会议室"


def test_leave_without_a_reason_names_the_attendee(database: Database, world: World) -> None:
    content = MeetingContent(
        basics(world),
        attendees=[
            AttendeeData(world["chair"], status=AttendanceStatus.PRESENT),
            AttendeeData(world["official"], world["organ"], AttendanceStatus.LEAVE, "  "),
        ],
    )
    with pytest.raises(ValidationError) as caught, database.session() as s:
        service.create_meeting(s, content)
    assert caught.value.field == "attendees[1].reason"
    assert str(caught.value) == "赵赟请假，请填写请假理由。"
    with database.reader() as s:
        assert MeetingList().count(s, ListQuery()) == 0
        assert s.scalars(select(AuditEntry).where(AuditEntry.entity == "meetings")).all() == []


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"title": " "}, "title", "请填写会议名称"),
        ({"title": "会" * 201}, "title", "最多200个字"),
        ({"starts_at": None}, "starts_at", "开始时间"),
        ({"ends_at": STARTS}, "ends_at", "晚于开始时间"),
        ({"kind": ""}, "kind", "请选择会议类型"),
        ({"kind": "茶话会"}, "kind", "茶话会"),
        ({"session_no": 0}, "session_no", "届次"),
        ({"chair_id": "no-such-person"}, "chair_id", "已不存在"),
    ],
)
def test_bad_basics_name_their_field(
    database: Database, world: World, change: dict[str, object], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as caught, database.session() as s:
        service.create_meeting(s, basics(world, **change))
    assert caught.value.field == field
    assert words in str(caught.value)


def test_bad_rows_name_their_field(database: Database, world: World) -> None:
    twice = MeetingContent(
        basics(world), attendees=[AttendeeData(world["chair"]), AttendeeData(world["chair"])]
    )
    two_owners = MeetingContent(
        basics(world),
        agenda=[
            AgendaItemData(
                "议题",
                decisions=[
                    DecisionData(
                        "议定",
                        action_items=[
                            ActionItemData(
                                owner_unit_id=world["organ"], owner_person_id=world["chair"]
                            )
                        ],
                    )
                ],
            )
        ],
    )
    blank_decision = MeetingContent(
        basics(world),
        agenda=[AgendaItemData("议题"), AgendaItemData("议题二", decisions=[DecisionData(" ")])],
    )
    cases = [
        (twice, "attendees[1].person_id", "“王喆”在参会名单中出现了两次"),
        (two_owners, "agenda[0].decisions[0].action_items[0].owner_person_id", "三者选一"),
        (blank_decision, "agenda[1].decisions[0].text", "第2项议题的第1条议定事项"),
        (MeetingContent(basics(world), attendees=[AttendeeData()]), "attendees[0].person_id", ""),
    ]
    for content, field, words in cases:
        with pytest.raises(ValidationError) as caught, database.session() as s:
            service.create_meeting(s, content)
        assert caught.value.field == field
        assert words in str(caught.value)


def test_a_naive_time_is_beijing_time(database: Database, world: World) -> None:
    meeting_id = create(
        database, basics(world, starts_at=datetime(2026, 3, 12, 14, 30), ends_at=None)
    )
    with database.reader() as s:
        stored = s.get(Meeting, meeting_id)
        assert stored is not None and stored.starts_at == datetime(2026, 3, 12, 6, 30, tzinfo=UTC)


# --- kinds ------------------------------------------------------------------------------------


def test_meeting_kinds_default_and_validation(database: Database, world: World) -> None:
    with database.reader() as s:
        assert service.meeting_kinds(s) == list(service.DEFAULT_KINDS)
        assert len(service.DEFAULT_KINDS) == 5 and ZONE_COUNCIL in service.DEFAULT_KINDS
    for bad, words in (
        ([], "至少"),
        (["  "], "至少"),
        (["甲", "乙", "甲 "], "重复"),
        (["长" * 41], "太长"),
    ):
        with pytest.raises(ValidationError, match=words) as caught, database.session() as s:
            service.set_meeting_kinds(s, bad)
        assert caught.value.field == "kinds"
    meeting_id = create(database, basics(world))
    with database.session() as s:
        assert service.set_meeting_kinds(s, [" 茶话会 ", "", "联络员会议"]) == [
            "茶话会",
            "联络员会议",
        ]
    with database.reader() as s:
        assert service.meeting_kinds(s) == ["茶话会", "联络员会议"]
    # a meeting keeps a kind taken off the list; a new one must use the list
    got = detail(database, meeting_id)
    with database.session() as s:
        service.save_meeting(
            s,
            meeting_id,
            got.version,
            replace(got.content(), meeting=replace(got.data, place="别处")),
        )
    with pytest.raises(ValidationError) as caught, database.session() as s:
        service.create_meeting(s, basics(world))
    assert caught.value.field == "kind"
    create(database, basics(world, kind="茶话会"))


# --- lifecycle --------------------------------------------------------------------------------


def test_finalise_names_everything_missing_at_once(database: Database, world: World) -> None:
    content = MeetingContent(
        basics(world, chair_id=None, recorder_id=None),
        attendees=[
            AttendeeData(world["secretary"], status=AttendanceStatus.ABSENT),
            AttendeeData(world["official"], world["organ"]),
        ],
        agenda=[
            AgendaItemData(
                "关于安乐村小区停车难问题",
                decisions=[
                    DecisionData(
                        "安乐村停车难由街道牵头解决", action_items=[ActionItemData("协调")]
                    ),
                    DecisionData(
                        "建宁路33号积水问题由城管科负责",
                        action_items=[ActionItemData(owner_org_unit_id=world["department"])],
                    ),
                    DecisionData("在职党员报到服务工作要常态化长效化推进落实"),
                ],
            )
        ],
    )
    meeting_id = create(database, content)
    with pytest.raises(IncompleteMinutesError) as caught, database.session() as s:
        service.finalise(s, meeting_id, 1)
    assert str(caught.value) == (
        "定稿前请补全：主持人；记录人；出席人员；赵赟（江苏省某某厅 机关党委书记）的出席情况；"
        "议定事项“安乐村停车难由街道牵头解决”的责任单位；"
        "议定事项“在职党员报到服务工作要常态化长…”的责任单位。"
    )
    assert [m.field for m in caught.value.missing] == [
        "chair_id",
        "recorder_id",
        "attendees",
        "attendees[1].status",
        "agenda[0].decisions[0].action_items[0].owner_unit_id",
        "agenda[0].decisions[2].action_items[0].owner_unit_id",
    ]
    assert caught.value.field == "chair_id"
    with database.reader() as s:
        assert len(service.finalise_problems(s, meeting_id)) == 6
    assert detail(database, meeting_id).status is MeetingStatus.DRAFT


def finalised(database: Database, world: World) -> service.MeetingDetail:
    meeting_id = create(database, full_content(world))
    with database.session() as s:
        return service.finalise(s, meeting_id, 1)


def test_a_final_meeting_is_read_only(database: Database, world: World) -> None:
    final = finalised(database, world)
    assert final.is_final and final.finalised_at is not None and final.version == 2
    with database.reader() as s:
        assert service.finalise_problems(s, final.id) == []
    changed = replace(final.content(), meeting=replace(final.data, place="别处"))
    with pytest.raises(UserError) as caught, database.session() as s:
        service.save_meeting(s, final.id, final.version, changed)
    assert str(caught.value) == "已定稿的纪要不能修改，请先退回草稿并说明理由。"
    with pytest.raises(UserError, match="不能删除"), database.session() as s:
        service.delete_meeting(s, final.id)
    with pytest.raises(UserError, match="已经定稿"), database.session() as s:
        service.finalise(s, final.id, final.version)
    # tracking stays possible: printing and exporting, action item progress
    with database.session() as s:
        exported = service.mark_exported(s, final.id)
        printed = service.mark_printed(s, final.id)
    after = detail(database, final.id)
    assert after.version == final.version  # an open editor is not made stale by printing
    assert after.exported_at == exported and after.printed_at == printed
    action = after.agenda[0].decisions[0].action_items[0]
    with database.session() as s:
        service.set_action_status(s, action.id, ActionStatus.DONE)
    assert (
        detail(database, final.id).agenda[0].decisions[0].action_items[0].status
        is ActionStatus.DONE
    )


def test_reopen_needs_a_reason_that_goes_into_the_audit_log(
    database: Database, world: World
) -> None:
    final = finalised(database, world)
    with pytest.raises(ValidationError) as caught, database.session() as s:
        service.reopen(s, final.id, final.version, "  ")
    assert caught.value.field == "reason"
    with database.session() as s:
        reopened = service.reopen(s, final.id, final.version, "出席名单漏记一人")
    assert reopened.status is MeetingStatus.DRAFT and reopened.finalised_at is None
    with pytest.raises(UserError, match="还是草稿"), database.session() as s:
        service.reopen(s, final.id, reopened.version, "再退一次")
    with database.reader() as s:
        entry = s.scalars(
            select(AuditEntry).where(
                AuditEntry.entity_id == final.id, AuditEntry.action == "reopen"
            )
        ).one()
    assert entry.reason == "出席名单漏记一人"
    assert entry.before is not None and entry.before["status"] == "final"
    assert entry.after is not None and entry.after["status"] == "draft"
    assert audit_actions(database, final.id) == ["create", "finalise", "reopen"]
    with database.session() as s:  # a draft again: editable
        service.save_meeting(s, final.id, reopened.version, reopened.content())


def test_delete_hides_and_restore_brings_back(database: Database, world: World) -> None:
    meeting_id = create(database, full_content(world))
    with database.session() as s:
        service.delete_meeting(s, meeting_id)
    with pytest.raises(NotFoundError, match=f"找不到会议：{meeting_id}"), database.reader() as s:
        service.get_meeting(s, meeting_id)
    with database.reader() as s:
        assert MeetingList().count(s, ListQuery()) == 0
    with database.session() as s:
        service.restore_meeting(s, meeting_id)
    assert detail(database, meeting_id).data.title == basics(world).title
    assert audit_actions(database, meeting_id) == ["create", "delete", "restore"]


def test_duplicate_prepares_the_next_session(database: Database, world: World) -> None:
    content = full_content(world)
    content = replace(content, meeting=replace(content.meeting, title="北片区第3次协调议事会"))
    final_id = create(database, content)
    with database.session() as s:
        service.finalise(s, final_id, 1)
    next_month = datetime(2026, 4, 9, 9, 0, tzinfo=BEIJING)
    with database.session() as s:
        new_id = service.duplicate_meeting(s, final_id, next_month)
    old, new = detail(database, final_id), detail(database, new_id)
    assert new.status is MeetingStatus.DRAFT and new.previous_id == final_id
    assert new.data == replace(
        old.data,
        title="北片区第4次协调议事会",
        session_no=4,
        starts_at=next_month,
        ends_at=next_month + timedelta(hours=2),
        summary="",
    )
    assert [(a.person_id, a.resident_unit_id) for a in new.attendees] == [
        (a.person_id, a.resident_unit_id) for a in old.attendees
    ]
    assert all(a.status is None and a.reason == "" for a in new.attendees)
    assert [(i.title, i.notes, i.decisions) for i in new.agenda] == [
        ("关于安乐村小区停车难问题", "", ()),
        ("关于在职党员到社区报到服务", "", ()),
    ]
    assert {a.id for a in new.attendees}.isdisjoint(a.id for a in old.attendees)


def test_add_a_whole_units_representatives(database: Database, world: World) -> None:
    existing = [
        AttendeeData(world["chair"], position=0),
        AttendeeData(world["official"], position=4),
    ]
    with database.reader() as s:
        added = service.add_unit_representatives(s, world["organ"], existing)
        views = service.describe_attendees(s, added)
        whole = service.add_unit_representatives(s, world["college"])
    assert added == [AttendeeData(world["deputy"], world["organ"], position=5)]
    assert [v.label for v in views] == ["钱昇（江苏省某某厅 机关党委副书记）"]
    assert whole == [AttendeeData(resident_unit_id=world["college"])]
    with pytest.raises(NotFoundError), database.reader() as s:
        service.add_unit_representatives(s, "no-such-unit")


# --- decisions become issues ------------------------------------------------------------------


def test_a_decision_becomes_an_issue_linked_both_ways(database: Database, world: World) -> None:
    content = full_content(world)
    content = replace(
        content, meeting=replace(content.meeting, host_org_unit_id=world["community"])
    )
    meeting_id = create(database, content)
    got = detail(database, meeting_id)
    decision = got.agenda[0].decisions[0]
    now = datetime(2026, 3, 13, 2, 0, tzinfo=UTC)  # Friday 10:00 in Beijing
    with database.session() as s:
        parking = save_category(s, "停车", Limit(3, LimitUnit.WORKING_DAYS))
        issue_id = service.decision_to_issue(
            s, decision_id=decision.id, category_id=parking, now=now
        )
    with database.reader() as s:
        issue = s.get(Issue, issue_id)
        assert issue is not None
        assert issue.number == "MS2026-000001"
        assert issue.source is IssueSource.MEETING and issue.status is IssueStatus.REGISTERED
        assert issue.title == decision.text and issue.reported_at == now
        assert issue.updated_at == now  # registered by the issues area's own step
        assert (issue.community_id, issue.category_id) == (world["community"], parking)
        assert issue.deadline == date(2026, 3, 18)  # the category's 3 working days
        assert "宁海路街道北片区党建联盟协调议事会（2026年3月12日）" in issue.description
        [event] = s.scalars(select(IssueEvent).where(IssueEvent.issue_id == issue_id)).all()
        assert event.action == "register" and event.to_status is IssueStatus.REGISTERED
        assert "宁海路街道北片区党建联盟协调议事会" in event.note
        origin = meeting_for_issue(s, issue_id)
        assert meeting_for_issue(s, "other") is None
    assert origin is not None
    assert (origin.meeting_id, origin.decision_id) == (meeting_id, decision.id)
    assert origin.action_item_id == decision.action_items[0].id
    assert origin.starts_at == STARTS

    linked = detail(database, meeting_id)
    action = linked.agenda[0].decisions[0].action_items[0]
    assert (action.issue_id, action.issue_number, action.issue_status) == (
        issue_id,
        "MS2026-000001",
        IssueStatus.REGISTERED,
    )
    assert linked.version == got.version + 1  # an editor opened before must reload
    with pytest.raises(ConflictError), database.session() as s:
        service.save_meeting(s, meeting_id, got.version, got.content())

    with database.session() as s:  # the issue moves on; the meeting shows its progress
        stored = s.get(Issue, issue_id)
        assert stored is not None
        stored.status = IssueStatus.DISPATCHED
    action = detail(database, meeting_id).agenda[0].decisions[0].action_items[0]
    assert action.issue_status is IssueStatus.DISPATCHED

    # the second action item of the decision can still be tracked; the first cannot twice
    with pytest.raises(UserError, match="MS2026-000001"), database.session() as s:
        service.decision_to_issue(s, action_item_id=action.id)
    with database.session() as s:
        second = service.decision_to_issue(s, decision_id=decision.id, now=now)
    with database.reader() as s:
        assert s.scalar(select(Issue.number).where(Issue.id == second)) == "MS2026-000002"
    # a saved editor keeps the links
    fresh = detail(database, meeting_id)
    with database.session() as s:
        saved = service.save_meeting(
            s,
            meeting_id,
            fresh.version,
            replace(fresh.content(), meeting=replace(fresh.data, place="x")),
        )
    assert [a.issue_number for a in saved.agenda[0].decisions[0].action_items] == [
        "MS2026-000001",
        "MS2026-000002",
    ]


def test_a_decision_without_action_items_gets_one(database: Database, world: World) -> None:
    content = MeetingContent(
        basics(world), agenda=[AgendaItemData("议题", decisions=[DecisionData("请城管科研究")])]
    )
    meeting_id = create(database, content)
    decision_id = detail(database, meeting_id).agenda[0].decisions[0].id
    with database.session() as s:
        issue_id = service.decision_to_issue(s, decision_id=decision_id)
    [action] = detail(database, meeting_id).agenda[0].decisions[0].action_items
    assert action.issue_id == issue_id and action.description == "请城管科研究"
    with pytest.raises(ValueError), database.session() as s:
        service.decision_to_issue(s)


def test_issue_numbers_continue_each_years_sequence(database: Database, world: World) -> None:
    with database.session() as s:
        for number in ("MS2026-000041", "MS2026-000007", "MS2025-000900", "MS2027-000002"):
            s.add(
                Issue(
                    number=number,
                    title="旧事项",
                    source=IssueSource.PHONE,
                    reported_at=datetime(2026, 1, 5, tzinfo=UTC),
                )
            )
        s.flush()
        assert next_issue_number(s, 2026) == "MS2026-000042"
        assert next_issue_number(s, 2024) == "MS2024-000001"
    three = DecisionData(
        "三家单位分别落实", action_items=[ActionItemData(str(i)) for i in range(3)]
    )
    meeting_id = create(
        database, MeetingContent(basics(world), agenda=[AgendaItemData("议题", decisions=[three])])
    )
    decision_id = detail(database, meeting_id).agenda[0].decisions[0].id
    numbers = []
    for now in (
        datetime(2026, 6, 1, tzinfo=UTC),
        datetime(2026, 6, 2, tzinfo=UTC),
        datetime(2026, 12, 31, 17, 0, tzinfo=UTC),  # already 2027 in Beijing
    ):
        with database.session() as s:
            numbers.append(service.decision_to_issue(s, decision_id=decision_id, now=now))
    with database.reader() as s:
        got = [s.scalar(select(Issue.number).where(Issue.id == i)) for i in numbers]
    assert got == ["MS2026-000042", "MS2026-000043", "MS2027-000003"]


# --- lists ------------------------------------------------------------------------------------


def test_list_filters_and_upcoming(database: Database, world: World) -> None:
    past = create(database, basics(world))
    later = datetime(2026, 12, 4, 14, 30, tzinfo=BEIJING)
    soon = create(
        database,
        basics(
            world,
            kind="联络员会议",
            title="联络员会议",
            starts_at=later,
            ends_at=None,
            host_org_unit_id=world["street"],
        ),
    )
    other = create(
        database,
        basics(
            world,
            title="社区会",
            starts_at=later + timedelta(days=3),
            ends_at=None,
            host_org_unit_id=world["community"],
        ),
    )
    source = MeetingList()

    def ids(**filters: object) -> set[str]:
        with database.reader() as s:
            query = ListQuery(filters=filters)
            return {row.id for row in source.fetch(s, query, 0, 100)}

    assert ids() == {past, soon, other}
    assert ids(kind="联络员会议") == {soon}
    assert ids(status=MeetingStatus.DRAFT) == {past, soon, other}
    assert ids(status=MeetingStatus.FINAL) == set()
    assert ids(host_org_unit_ids=[world["zone"], world["community"]]) == {past, other}
    assert ids(starts_from=date(2026, 12, 4), starts_before=date(2026, 12, 5)) == {soon}
    assert ids(upcoming_from=datetime(2026, 12, 1, tzinfo=UTC)) == {soon, other}
    with database.reader() as s:
        assert [row.id for row in source.fetch(s, ListQuery(search="社区会"), 0, 10)] == [other]
        coming = service.upcoming(s, datetime(2026, 12, 1, tzinfo=UTC), limit=1)
    assert [(m.id, m.starts_at, m.host_name) for m in coming] == [(soon, later, "宁海路街道")]


def test_the_imprint_is_saved_and_printed_on_the_minutes(database: Database, world: World) -> None:
    from app.meetings.minutes import minutes_document

    content = full_content(world)
    meeting = replace(
        content.meeting, copy_to=" 区委组织部、区城管局 ", printed_by="街道党工委办公室"
    )
    meeting_id = create(database, replace(content, meeting=meeting))
    stored = detail(database, meeting_id).data
    assert (stored.copy_to, stored.printed_by) == ("区委组织部、区城管局", "街道党工委办公室")
    with database.reader() as s:
        document = minutes_document(s, meeting_id)
    assert (document.copy_to, document.printed_by, document.draft) == (
        "区委组织部、区城管局",
        "街道党工委办公室",
        True,
    )
    with pytest.raises(ValidationError) as too_long:
        create(database, replace(content, meeting=replace(meeting, copy_to="单" * 501)))
    assert too_long.value.field == "copy_to"


# --- decisions come back ----------------------------------------------------------------------


def test_open_decisions_come_back_to_the_next_meeting_of_the_kind(
    database: Database, world: World
) -> None:
    first = create(database, full_content(world))  # two action items, both open
    with database.session() as s:
        done = detail(database, first).agenda[0].decisions[0].action_items[1]
        service.set_action_status(s, done.id, ActionStatus.DONE)
        other_kind = service.create_meeting(
            s, basics(world, kind="联络员会议", starts_at=STARTS + timedelta(days=30), ends_at=None)
        )
        new_id = service.duplicate_meeting(s, first, STARTS + timedelta(days=30))
    with database.reader() as s:
        offered = service.open_decisions(s, new_id)
        assert service.open_decisions(s, other_kind) == []  # another kind: nothing
    assert [(v.text, v.owner, v.status) for v in offered] == [
        ("划设夜间停车泊位", "宁海路街道城管科", ActionStatus.OPEN)
    ]
    version = detail(database, new_id).version
    with database.session() as s:
        item_id = service.carry_open_decisions(s, new_id)
    copied = detail(database, new_id)
    assert copied.version == version + 1  # an editor opened before must reload
    assert [i.title for i in copied.agenda] == [
        "上次议定事项落实情况",
        "关于安乐村小区停车难问题",
        "关于在职党员到社区报到服务",
    ]
    assert copied.agenda[0].id == item_id
    with database.reader() as s:
        assert service.open_decisions(s, new_id) == []  # it has them now
    with pytest.raises(UserError, match="已有"), database.session() as s:
        service.carry_open_decisions(s, new_id)

    def printed() -> str:
        with database.reader() as s:
            return minutes_document(s, new_id).sections[0].notes

    assert printed() == (
        "1.划设夜间停车泊位（责任单位：宁海路街道城管科，2026年3月31日前）——未开始。"
        "宁海路街道北片区党建联盟协调议事会（2026年3月12日）议定。"
    )
    action = offered[0].action_item_id
    with database.session() as s:
        service.set_action_status(s, action, ActionStatus.IN_PROGRESS)
    assert "——推进中。" in printed()  # a draft shows how it stands now
    content = replace(copied.content(), attendees=full_content(world).attendees)
    with database.session() as s:
        saved = service.save_meeting(s, new_id, detail(database, new_id).version, content)
        service.finalise(s, new_id, saved.version)
        service.set_action_status(s, action, ActionStatus.DONE)
    assert "——推进中。" in printed()  # final minutes keep how it stood when finalised


def test_nothing_open_nothing_carried(database: Database, world: World) -> None:
    with database.session() as s:
        first = service.create_meeting(s, basics(world))
        later = service.create_meeting(
            s, basics(world, starts_at=STARTS + timedelta(days=7), ends_at=None)
        )
    with database.session() as s:
        assert service.carry_open_decisions(s, later) is None
    assert [i.title for i in detail(database, later).agenda] == []
    assert first
