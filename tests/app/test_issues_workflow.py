"""The issue loop: every allowed and forbidden step, the journal, call-ins, follow-ups,
supervision, extensions and warnings; journey 3 told end to end."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import attachments
from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData, ResidentUnitData
from app.errors import UserError, ValidationError
from app.issues import service
from app.issues.limits import Limit
from app.issues.records import DispatchTarget, IssueData, Warning
from app.issues.warnings import red_condition, yellow_condition
from app.issues.workflow import (
    TRANSITIONS,
    Action,
    IllegalTransitionError,
    allowed_actions,
)
from app.localtime import BEIJING
from db.models.directory import OrgLevel, UnitCategory
from db.models.issues import (
    Dispatch,
    DispatchStatus,
    Issue,
    IssueEvent,
    IssueLinkKind,
    IssueSource,
    IssueStatus,
    LimitUnit,
    Satisfaction,
)

S = IssueStatus
# Monday 2026-06-01, 09:00 Beijing
T0 = datetime(2026, 6, 1, 9, 0, tzinfo=BEIJING).astimezone(UTC)
World = dict[str, str]


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


@pytest.fixture
def world(database: Database) -> World:
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("建宁路街道", OrgLevel.STREET)).id
        community = directory.org_units.create(
            s, OrgUnitData("建宁路社区", OrgLevel.COMMUNITY, street)
        ).id

        def department(name: str) -> str:
            return directory.org_units.create(s, OrgUnitData(name, OrgLevel.DEPARTMENT, street)).id

        unit = directory.resident_units.create(
            s, ResidentUnitData("南京某水务公司", UnitCategory.STATE_ENTERPRISE, community)
        ).id
        return {
            "community": community,
            "city": department("城管科"),
            "building": department("社区建设科"),
            "property": department("物业管理办公室"),
            "unit": unit,
            "water": service.save_category(s, "积水", Limit(3, LimitUnit.WORKING_DAYS)),
            "urgent": service.save_category(s, "安全隐患", Limit(2, LimitUnit.HOURS)),
        }


def _register(database: Database, world: World, **changes: object) -> str:
    data = IssueData(
        title="建宁路33号雨后积水",
        source=IssueSource.GRID_VISIT,
        description="网格员走访发现：雨后路面积水，居民出行不便。",
        category_id=world["water"],
        community_id=world["community"],
        address="南京市鼓楼区建宁路33号",
        reporter_name="王喆",
        reporter_phone="13912345678",
    )
    with database.session() as s:
        return service.register(s, data, reported_at=T0, **changes)  # type: ignore[arg-type]


def _status(database: Database, issue_id: str) -> IssueStatus:
    with database.reader() as s:
        issue = s.get(Issue, issue_id)
        assert issue is not None
        return issue.status


def _open_dispatch(database: Database, issue_id: str) -> str:
    with database.reader() as s:
        found = s.scalar(
            select(Dispatch.id)
            .where(
                Dispatch.issue_id == issue_id, Dispatch.status.in_(("dispatched", "acknowledged"))
            )
            .order_by(Dispatch.dispatched_at)
        )
        assert found is not None
        return found


def drive_to(database: Database, world: World, status: IssueStatus) -> str:
    """A new issue brought to ``status`` by legal steps only."""
    issue_id = _register(database, world)
    path: dict[IssueStatus, list[IssueStatus]] = {
        S.REGISTERED: [],
        S.REJECTED: [S.REJECTED],
        S.ACCEPTED: [S.ACCEPTED],
        S.DISPATCHED: [S.ACCEPTED, S.DISPATCHED],
        S.IN_PROGRESS: [S.ACCEPTED, S.DISPATCHED, S.IN_PROGRESS],
        S.RESOLVED: [S.ACCEPTED, S.DISPATCHED, S.IN_PROGRESS, S.RESOLVED],
        S.FOLLOWED_UP: [S.ACCEPTED, S.DISPATCHED, S.IN_PROGRESS, S.RESOLVED, S.FOLLOWED_UP],
        S.CLOSED: [S.ACCEPTED, S.DISPATCHED, S.IN_PROGRESS, S.RESOLVED, S.FOLLOWED_UP, S.CLOSED],
        S.MERGED: [S.MERGED],
    }[status]
    for hour, step in enumerate(path, start=1):
        ack = _open_dispatch(database, issue_id) if step is S.IN_PROGRESS else ""
        with database.session() as s:
            now = at(hour)
            if step is S.REJECTED:
                service.reject(s, issue_id, "不属于街道职责", now=now)
            elif step is S.ACCEPTED:
                service.accept(s, issue_id, now=now)
            elif step is S.DISPATCHED:
                service.dispatch(s, issue_id, [DispatchTarget(world["city"])], now=now)
            elif step is S.IN_PROGRESS:
                service.acknowledge(s, ack, now=now)
            elif step is S.RESOLVED:
                service.resolve(s, issue_id, "已疏通雨水管", now=now)
            elif step is S.FOLLOWED_UP:
                service.follow_up(s, issue_id, Satisfaction.SATISFIED, now=now)
            elif step is S.CLOSED:
                service.close(s, issue_id, now=now)
            elif step is S.MERGED:
                service.merge(s, issue_id, _register(database, world), now=now)
    assert _status(database, issue_id) is status
    return issue_id


def _ensure_dispatch(database: Database, world: World, issue_id: str, action: Action) -> str:
    """A dispatch the step applies to, added or set directly where the loop gives none (a
    review needs an objection: the open dispatch is marked objected without a step)."""
    wanted = ["dispatched"] if action is Action.ACKNOWLEDGE else ["dispatched", "acknowledged"]
    reviewing = action in (Action.RETURN, Action.KEEP)
    with database.session() as s:
        row = s.scalars(
            select(Dispatch).where(
                Dispatch.issue_id == issue_id, Dispatch.status.in_([*wanted, "objected"])
            )
        ).first()
        if row is None:
            row = Dispatch(issue_id=issue_id, org_unit_id=world["building"], dispatched_at=at(0))
            s.add(row)
        if reviewing:
            row.status, row.objection_reason = DispatchStatus.OBJECTED, "不属于本单位职责"
        s.flush()
        return row.id


def _do(database: Database, world: World, issue_id: str, action: Action) -> None:
    now = at(20)
    with database.session() as s:
        if action is Action.ACCEPT:
            service.accept(s, issue_id, now=now)
        elif action is Action.REJECT:
            service.reject(s, issue_id, "重复反映", now=now)
        elif action is Action.DISPATCH:
            service.dispatch(s, issue_id, [DispatchTarget(world["property"])], now=now)
        elif action is Action.RESOLVE:
            service.resolve(s, issue_id, "已处理", now=now)
        elif action is Action.FOLLOW_UP:
            service.follow_up(s, issue_id, Satisfaction.BASICALLY_SATISFIED, now=now)
        elif action is Action.REOPEN:
            service.reopen(s, issue_id, "居民再次反映", now=now)
        elif action is Action.CLOSE:
            service.close(s, issue_id, now=now)
        elif action is Action.UNMERGE:
            service.unmerge(s, issue_id, now=now)
    if action is Action.MERGE:
        other = _register(database, world)
        with database.session() as s:
            service.merge(s, issue_id, other, now=now)
    unit_steps = (Action.ACKNOWLEDGE, Action.COMPLETE, Action.OBJECT, Action.RETURN, Action.KEEP)
    if action in unit_steps:
        dispatch_id = _ensure_dispatch(database, world, issue_id, action)
        with database.session() as s:
            if action is Action.ACKNOWLEDGE:
                service.acknowledge(s, dispatch_id, now=now)
            elif action is Action.COMPLETE:
                service.complete(s, dispatch_id, "已清理", now=now)
            elif action is Action.OBJECT:
                service.object_to(s, dispatch_id, "不属于本单位职责", now=now)
            else:
                service.review_objection(s, dispatch_id, action is Action.RETURN, "核实", now=now)


EXPECTED_AFTER = {
    (Action.RETURN, S.DISPATCHED): S.ACCEPTED,  # the only unit gave it back
    (Action.UNMERGE, S.MERGED): S.REGISTERED,  # the status it had
}


@pytest.mark.parametrize("status", list(IssueStatus))
@pytest.mark.parametrize("action", list(Action))
def test_every_step_from_every_status(
    database: Database, world: World, status: IssueStatus, action: Action
) -> None:
    issue_id = drive_to(database, world, status)
    with database.reader() as s:
        events_before = s.scalar(select(func.count()).where(IssueEvent.issue_id == issue_id))
    if status in TRANSITIONS[action]:
        _do(database, world, issue_id, action)
        expected = EXPECTED_AFTER.get((action, status)) or TRANSITIONS[action][status]
        assert _status(database, issue_id) is expected
        with database.reader() as s:
            last = s.scalars(
                select(IssueEvent)
                .where(IssueEvent.issue_id == issue_id)
                .order_by(IssueEvent.at.desc(), IssueEvent.created_at.desc())
            ).first()
            assert last is not None and last.action == action.value
            assert (last.from_status, last.to_status) == (status, expected)
    else:
        with pytest.raises(IllegalTransitionError) as refused:
            _do(database, world, issue_id, action)
        message = str(refused.value)
        assert "不能" in message
        allowed = allowed_actions(status)
        assert refused.value.allowed == tuple(allowed)
        if allowed:
            assert "可以做的下一步" in message
        else:
            assert "流程已经结束" in message
        assert _status(database, issue_id) is status
        with database.reader() as s:
            assert s.scalar(select(func.count()).where(IssueEvent.issue_id == issue_id)) == (
                events_before
            )


def test_illegal_message_names_next_steps(database: Database, world: World) -> None:
    issue_id = drive_to(database, world, S.REGISTERED)
    with pytest.raises(IllegalTransitionError) as refused, database.session() as s:
        service.resolve(s, issue_id, "已处理", now=at(1))
    expected = "事项现在是“登记”，不能办结。可以做的下一步：受理、不予受理、并单。"
    assert str(refused.value) == expected


def test_register_counts_deadline_in_working_days(database: Database, world: World) -> None:
    with database.session() as s:
        service.set_holiday(s, date(2026, 6, 3), False, "测试假日")
    issue_id = _register(database, world)  # Monday 1 June, 3 working days, Wed off
    with database.reader() as s:
        issue = s.get(Issue, issue_id)
        assert issue is not None
        assert issue.number == "MS2026-000001"
        assert issue.deadline == date(2026, 6, 5)
        event = s.scalars(select(IssueEvent).where(IssueEvent.issue_id == issue_id)).one()
        assert (event.action, event.from_status, event.to_status) == (
            "register",
            None,
            S.REGISTERED,
        )


def test_reasons_are_required(database: Database, world: World) -> None:
    issue_id = drive_to(database, world, S.REGISTERED)
    with pytest.raises(ValidationError) as error, database.session() as s:
        service.reject(s, issue_id, "  ")
    assert error.value.field == "reason"
    issue_id = drive_to(database, world, S.DISPATCHED)
    with pytest.raises(ValidationError), database.session() as s:
        service.object_to(s, _open_dispatch(database, issue_id), "")


def test_call_in_to_several_units(database: Database, world: World) -> None:
    issue_id = drive_to(database, world, S.ACCEPTED)
    with database.session() as s:
        ids = service.dispatch(
            s,
            issue_id,
            [
                DispatchTarget(world["city"], due_on=date(2026, 6, 2)),
                DispatchTarget(resident_unit_id=world["unit"]),
            ],
            now=at(2),
        )
    assert len(ids) == 2
    with database.session() as s:
        service.object_to(s, ids[1], "非本单位产权范围", now=at(3))
        service.review_objection(s, ids[1], True, now=at(3))
    assert _status(database, issue_id) is S.DISPATCHED  # the other unit still has it
    with database.session() as s:
        service.acknowledge(s, ids[0], now=at(4))
        service.complete(s, ids[0], "已清掏", now=at(5))
    with pytest.raises(UserError, match="已办结"), database.session() as s:
        service.object_to(s, ids[0], "晚了", now=at(6))
    with pytest.raises(UserError, match="不必重复派单"), database.session() as s:
        service.dispatch(
            s,
            issue_id,
            [DispatchTarget(world["building"]), DispatchTarget(world["building"])],
            now=at(6),
        )
    with database.reader() as s:
        detail = service.issue_detail(s, issue_id, now=at(6))
    assert [d.status for d in detail.dispatches] == [DispatchStatus.DONE, DispatchStatus.RETURNED]
    assert detail.dispatches[0].due_on == date(2026, 6, 2)
    assert detail.dispatches[1].return_reason == "非本单位产权范围"
    assert detail.dispatches[0].result == "已清掏"


def test_dispatch_needs_exactly_one_unit(database: Database, world: World) -> None:
    issue_id = drive_to(database, world, S.ACCEPTED)
    with pytest.raises(UserError), database.session() as s:
        service.dispatch(s, issue_id, [DispatchTarget(world["city"], world["unit"])])
    with pytest.raises(UserError), database.session() as s:
        service.dispatch(s, issue_id, [])


def test_dissatisfied_reopens_and_counts(database: Database, world: World) -> None:
    issue_id = drive_to(database, world, S.RESOLVED)
    with database.session() as s:
        service.follow_up(s, issue_id, Satisfaction.DISSATISFIED, comment="还有异味", now=at(30))
    with database.reader() as s:
        issue = s.get(Issue, issue_id)
        assert issue is not None
        assert (issue.status, issue.reopen_count, issue.resolved_at) == (S.IN_PROGRESS, 1, None)
        actions = s.scalars(
            select(IssueEvent.action)
            .where(IssueEvent.issue_id == issue_id)
            .order_by(IssueEvent.at, IssueEvent.created_at)
        ).all()
    assert actions[-2:] == ["follow_up", "reopen"]


def test_dissatisfied_not_units_fault_closes_with_reason(database: Database, world: World) -> None:
    issue_id = drive_to(database, world, S.RESOLVED)
    with database.session() as s:
        service.follow_up(s, issue_id, Satisfaction.DISSATISFIED, units_at_fault=False, now=at(30))
    assert _status(database, issue_id) is S.FOLLOWED_UP
    with pytest.raises(ValidationError), database.session() as s:
        service.close(s, issue_id, now=at(31))
    with database.session() as s:
        service.close(s, issue_id, note="诉求超出政策范围，已解释", now=at(31))
    assert _status(database, issue_id) is S.CLOSED


def test_supervision_and_reminders(database: Database, world: World) -> None:
    issue_id = drive_to(database, world, S.DISPATCHED)
    with database.session() as s:
        service.supervise(s, issue_id, "街道主任督办", now=at(2))
        service.remind(s, issue_id, "请尽快报到", now=at(3))
    with database.reader() as s:
        found = service.reminders(s, at(30))
        assert [r.issue_id for r in found] == [issue_id]
        assert found[0].supervised and found[0].warning is Warning.RED
        assert "未报到" in found[0].reasons[0]
    with database.session() as s:
        service.end_supervision(s, issue_id, now=at(31))
    with database.reader() as s:
        detail = service.issue_detail(s, issue_id, now=at(31))
    assert not detail.supervised
    assert [e.action for e in detail.events][-3:] == ["supervise", "remind", "unsupervise"]


def test_extension_before_deadline_only(database: Database, world: World) -> None:
    issue_id = drive_to(database, world, S.DISPATCHED)  # deadline Thu 4 June
    dispatch_id = _open_dispatch(database, issue_id)
    with database.session() as s:
        service.extend(
            s, issue_id, date(2026, 6, 10), "需协调管网公司", dispatch_id=dispatch_id, now=at(5)
        )
        service.extend(s, issue_id, date(2026, 6, 12), "需协调管网公司", now=at(5))
    with database.reader() as s:
        detail = service.issue_detail(s, issue_id)
    assert detail.deadline == date(2026, 6, 12)
    assert detail.dispatches[0].due_on == date(2026, 6, 10)
    assert detail.events[-1].action == "extend" and "需协调管网公司" in detail.events[-1].note
    late = datetime(2026, 6, 13, 9, tzinfo=BEIJING)
    with pytest.raises(UserError, match="已过"), database.session() as s:
        service.extend(s, issue_id, date(2026, 6, 20), "再延", now=late)
    with pytest.raises(UserError, match="须晚于"), database.session() as s:
        service.extend(s, issue_id, date(2026, 6, 11), "再延", now=at(6))


def _colour(database: Database, issue_id: str, now: datetime) -> Warning | None:
    with database.reader() as s:
        detail = service.issue_detail(s, issue_id, now=now)
        red = s.scalar(select(func.count()).where(Issue.id == issue_id, red_condition(now)))
        yellow = s.scalar(select(func.count()).where(Issue.id == issue_id, yellow_condition(now)))
    sql = Warning.RED if red else Warning.YELLOW if yellow else None
    assert sql is detail.warning  # the list's SQL agrees with the editor
    return detail.warning


def test_warnings_red_and_yellow(database: Database, world: World) -> None:
    issue_id = drive_to(database, world, S.ACCEPTED)  # last step at(1)
    assert _colour(database, issue_id, at(2)) is None
    assert _colour(database, issue_id, at(1 + 24 * 3 + 1)) is Warning.YELLOW  # nothing for 3 days
    with database.session() as s:
        service.dispatch(s, issue_id, [DispatchTarget(world["city"])], now=at(2))
    assert _colour(database, issue_id, at(20)) is None
    assert _colour(database, issue_id, at(27)) is Warning.RED  # no 报到 within 24 hours
    with database.session() as s:
        service.acknowledge(s, _open_dispatch(database, issue_id), now=at(27))
    assert _colour(database, issue_id, at(28)) is None
    after_deadline = datetime(2026, 6, 5, 9, tzinfo=BEIJING)  # deadline Thu 4 June
    assert _colour(database, issue_id, after_deadline) is Warning.RED
    with database.session() as s:
        service.resolve(s, issue_id, "已处理", now=at(29))
    assert _colour(database, issue_id, after_deadline) is None  # resolved: no warning


def test_journey_3_end_to_end(database: Database, world: World) -> None:
    """Water at 建宁路33号: two departments, one returns, re-dispatch, 不满意, 满意, closed."""
    issue_id = _register(database, world, note="网格员走访发现")
    with database.session() as s:
        service.accept(s, issue_id, now=at(1))
        city, building = service.dispatch(
            s,
            issue_id,
            [DispatchTarget(world["city"]), DispatchTarget(world["building"])],
            now=at(2),
        )
    with database.reader() as s:
        detail = service.issue_detail(s, issue_id, now=at(2))
    assert {d.due_on for d in detail.dispatches} == {date(2026, 6, 4)}  # 3 working days
    assert detail.allowed_actions == (
        "dispatch", "acknowledge", "complete", "object", "return", "keep",
    )  # fmt: skip
    with database.session() as s:
        service.object_to(s, building, "非本科室职责，建议派物业管理办公室", now=at(3))
        service.review_objection(s, building, True, "情况属实", now=at(3.5))
        service.dispatch(s, issue_id, [DispatchTarget(world["property"])], now=at(4))
    with database.session() as s:
        service.acknowledge(s, city, now=at(5))
        (prop,) = [
            d.id
            for d in service.issue_detail(s, issue_id).dispatches
            if d.unit_name == "物业管理办公室"
        ]
        service.acknowledge(s, prop, now=at(6))
        service.complete(s, prop, "已疏通小区雨水井", now=at(26))
        service.resolve(s, issue_id, "雨水管道疏通，积水排除", now=at(27))
        service.follow_up(
            s,
            issue_id,
            Satisfaction.DISSATISFIED,
            comment="下水道仍有异味",
            visited_by="李堃",
            now=at(50),
        )
    assert _status(database, issue_id) is S.IN_PROGRESS
    with database.session() as s:
        service.resolve(s, issue_id, "更换管道，清除异味", now=at(24 * 7))
        service.follow_up(s, issue_id, Satisfaction.SATISFIED, visited_by="李堃", now=at(24 * 8))
        service.close(s, issue_id, now=at(24 * 8 + 1))
    with database.reader() as s:
        detail = service.issue_detail(s, issue_id)
    assert detail.status is S.CLOSED
    assert detail.reopen_count == 1
    assert detail.satisfaction is Satisfaction.SATISFIED
    assert [f.satisfaction for f in detail.follow_ups] == [
        Satisfaction.DISSATISFIED,
        Satisfaction.SATISFIED,
    ]
    assert [e.action for e in detail.events] == [
        "register", "accept", "dispatch", "object", "return", "dispatch", "acknowledge",
        "acknowledge", "complete", "resolve", "follow_up", "reopen", "resolve", "follow_up",
        "close",
    ]  # fmt: skip
    assert [e.to_status for e in detail.events][-4:] == [
        S.IN_PROGRESS, S.RESOLVED, S.FOLLOWED_UP, S.CLOSED,
    ]  # fmt: skip
    assert all(e.from_status is not None for e in detail.events[1:])
    assert detail.events[3].note.startswith("社区建设科提出异议：非本科室职责")
    assert detail.events[4].note == "同意社区建设科退单：情况属实"
    assert detail.allowed_actions == ()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext)")
def test_work_order_pdf(database: Database, world: World, tmp_path: Path) -> None:
    from app.issues.workorder import write_work_order
    from app.operator import LOCAL_ADMIN, Operator
    from db.models.security import AuditEntry, Role

    issue_id = drive_to(database, world, S.CLOSED)
    with database.reader() as s:
        detail = service.issue_detail(s, issue_id)
    path = tmp_path / "工单.pdf"

    def printed() -> str:
        write_work_order(database, issue_id, path)
        text = subprocess.run(
            ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        return "".join(text.split())

    database.operator = Operator("v1", "查看者", Role.VIEWER, "look")
    flat = printed()
    for expected in ("民生事项工单", detail.number, "建宁路33号雨后积水", "派单情况", "城管科",
                     "办理记录", "归档", "139****5678"):  # fmt: skip
        assert expected in flat, expected
    assert "13912345678" not in flat  # masked unless the role may see it
    database.operator = LOCAL_ADMIN
    assert "13912345678" in printed()  # and then the print is on the record
    with database.reader() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "print")).one()
    assert (entry.entity, entry.entity_id) == ("issues", issue_id)


def test_links_and_categories(database: Database, world: World) -> None:
    first = _register(database, world)
    second = _register(database, world)
    with database.session() as s:
        service.link_issues(s, second, first, IssueLinkKind.DUPLICATE_OF)
        with pytest.raises(UserError):
            service.link_issues(s, first, first, IssueLinkKind.RELATED_TO)
        service.save_category(s, "积水", Limit(5, LimitUnit.WORKING_DAYS), world["water"])
    with database.reader() as s:
        assert [(v.number, v.kind) for v in service.issue_detail(s, second).links] == [
            ("MS2026-000001", "duplicate_of")
        ]
        assert service.issue_detail(s, first).links[0].kind == "duplicated_by"
        limits = {c.name: c.limit for c in service.categories(s)}
    assert limits == {
        "积水": Limit(5, LimitUnit.WORKING_DAYS),
        "安全隐患": Limit(2, LimitUnit.HOURS),
    }
    third = _register(database, world)  # Monday + 5 working days
    with database.reader() as s:
        assert service.issue_detail(s, third).deadline == date(2026, 6, 8)


def test_links_are_found_by_number_and_removed(database: Database, world: World) -> None:
    first = _register(database, world)
    second = _register(database, world)
    with database.session() as s:
        assert service.issue_by_number(s, " MS2026-000001 ") == first
        with pytest.raises(UserError, match="MS-NONE"):
            service.issue_by_number(s, "MS-NONE")
        service.link_issues(s, second, first, IssueLinkKind.RELATED_TO)
    with database.session() as s:
        service.unlink_issues(s, first, second)  # from either side
        with pytest.raises(UserError):
            service.unlink_issues(s, first, second)
    with database.reader() as s:
        assert service.issue_detail(s, first).links == ()
        assert service.issue_detail(s, second).links == ()


def test_category_errors_name_the_field(database: Database, world: World) -> None:
    with database.session() as s:
        for name, limit, field in (
            ("", Limit(3, LimitUnit.WORKING_DAYS), "name"),
            ("积水", Limit(3, LimitUnit.WORKING_DAYS), "name"),  # taken by another category
            ("新类别", Limit(61, LimitUnit.WORKING_DAYS), "limit"),
            ("新类别", Limit(0, LimitUnit.HOURS), "limit"),
        ):
            with pytest.raises(ValidationError) as caught:
                service.save_category(s, name, limit)
            assert caught.value.field == field
        # its own name: fine
        service.save_category(s, " 积水 ", Limit(4, LimitUnit.WORKING_DAYS), world["water"])


def test_an_archived_issue_takes_no_more_attachments(
    database: Database, world: World, tmp_path: Path
) -> None:
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8 photo")
    issue_id = drive_to(database, world, S.RESOLVED)
    with database.session() as s:
        service.add_attachments(s, issue_id, [photo])
    with database.reader() as s:
        (kept,) = attachments.attachments_of(s, issue_id=issue_id)
    _do(database, world, issue_id, Action.FOLLOW_UP)
    _do(database, world, issue_id, Action.CLOSE)
    for change in (
        lambda s: service.add_attachments(s, issue_id, [photo]),
        lambda s: service.remove_attachment(s, issue_id, kept.id),
    ):
        with pytest.raises(ValidationError, match="已归档") as error, database.session() as s:
            change(s)
        assert error.value.field == "attachments"
    with database.reader() as s:
        assert [a.id for a in attachments.attachments_of(s, issue_id=issue_id)] == [kept.id]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext)")
def test_a_long_description_and_journal_paginate(database: Database, world: World) -> None:
    """1,500 characters of description once raised LayoutError in one table cell."""
    from dataclasses import replace

    from app.exports.pdf.workorder import JOURNAL_WIDTHS_MM
    from app.issues.workorder import render_work_order
    from tests.app.pdf_measure import TYPE_BOTTOM, TYPE_LEFT, TYPE_RIGHT, measure

    issue_id = drive_to(database, world, S.CLOSED)
    with database.reader() as s:
        detail = service.issue_detail(s, issue_id)
    description = "建宁路33号雨后积水，居民出行困难，下水道返味严重。" * 60  # 1,500 characters
    note = "现场核查：排水管网老化，需分段更换；已联系区水务局，预计2026年12月23日完工。" * 40
    events = (*detail.events, replace(detail.events[-1], note=note))
    long = replace(detail, data=replace(detail.data, description=description), events=events)
    measured = measure(render_work_order(long))
    assert measured.pages >= 3
    assert measured.text().count("下水道返味严重") == 60
    note_column = TYPE_LEFT + sum(JOURNAL_WIDTHS_MM[:-1]) * 72 / 25.4
    notes = [x.flat for x in measured.body() if x.x_min > note_column]
    read = "".join(flat for flat in notes if flat != "说明")  # the header repeats on each page
    assert read.count("预计2026年12月23日完工") == 40
    for line in measured.body():
        assert TYPE_LEFT - 0.5 < line.x_min and line.x_max < TYPE_RIGHT + 0.5, line
        assert line.y_max < TYPE_BOTTOM + 2, line
    first_column = TYPE_LEFT + 40 * 72 / 25.4
    tables = [x.flat for x in measured.body() if x.x_max < first_column and x.flat[:2] == "20"]
    assert tables and all(re.match(r"^\d{4}-\d{2}-\d{2}", flat) for flat in tables)
