"""The loop's national rules: 并单 proposed, merged and unmerged (every complainant called,
counted once), a unit's objection reviewed, 问题工单 escalation, 代录, and the rules' audit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.dashboard.hotline import by_community
from app.dashboard.period import month_of
from app.dashboard.scope import scope_for
from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData, ResidentUnitData
from app.errors import UserError, ValidationError
from app.issues import service
from app.issues.limits import Limit
from app.issues.records import DispatchTarget, IssueData
from app.issues.rules import IssueRules, load_rules, save_rules
from app.localtime import BEIJING
from db.models.directory import OrgLevel, UnitCategory
from db.models.issues import (
    DispatchStatus,
    IssueSource,
    IssueStatus,
    LimitUnit,
    Satisfaction,
)
from db.models.security import AuditEntry

S = IssueStatus
T0 = datetime(2026, 6, 1, 9, 0, tzinfo=BEIJING).astimezone(UTC)  # Monday


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


@pytest.fixture
def ids(database: Database) -> dict[str, str]:
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("建宁路街道", OrgLevel.STREET)).id
        found = {
            "community": directory.org_units.create(
                s, OrgUnitData("建宁路社区", OrgLevel.COMMUNITY, street)
            ).id,
            "water": service.save_category(s, "积水", Limit(3, LimitUnit.WORKING_DAYS)),
            "noise": service.save_category(s, "噪声扰民", Limit(7, LimitUnit.CALENDAR_DAYS)),
        }
        for name in ("城管科", "社区建设科", "物业管理办公室", "市容所", "水务站"):
            found[name] = directory.org_units.create(
                s, OrgUnitData(name, OrgLevel.DEPARTMENT, street)
            ).id
        found["unit"] = directory.resident_units.create(
            s, ResidentUnitData("南京某水务公司", UnitCategory.STATE_ENTERPRISE, found["community"])
        ).id
    return found


def _report(database: Database, ids: dict[str, str], hours: float, **facts: str) -> str:
    data = IssueData(
        title=facts.get("title", "建宁路33号雨后积水"),
        source=IssueSource.PHONE,
        description=facts.get("description", "雨后路面积水，居民出行不便。"),
        category_id=ids["water"],
        community_id=ids["community"],
        address=facts.get("address", "建宁路33号"),
        reporter_name=facts.get("reporter", "王喆"),
        reporter_phone=facts.get("phone", "13912345678"),
        entered_by=facts.get("entered_by", ""),
    )
    with database.session() as s:
        return service.register(s, data, reported_at=at(hours))


def _count_received(database: Database) -> int:
    """The month's received orders, as the home tab and the monthly report count them."""
    with database.reader() as s:
        scope = scope_for(s, month_of(T0.date()), at(40))
        return sum(row.dispatched for row in by_community(s, scope))


def test_a_repeat_is_proposed_merged_and_unmerged(database: Database, ids: dict[str, str]) -> None:
    first = _report(database, ids, 0)
    _report(database, ids, 1, title="湖南路夜间施工噪声", address="湖南路1号",
            description="工地夜间施工扰民")  # fmt: skip
    repeat = IssueData(
        "建宁路33号积水严重",
        IssueSource.VISIT,
        description="雨后积水，一楼进水",
        category_id=ids["water"],
        community_id=ids["community"],
        address="建宁路33号",
        reporter_name="李堃",
    )
    with database.reader() as s:
        proposed = service.repeat_candidates(s, repeat, reported_at=at(30))
    assert [c.id for c in proposed] == [first]  # the noise complaint is another matter
    evidence = proposed[0]
    assert evidence.same_address and evidence.same_community and evidence.likeness > 0.3
    assert (evidence.reporter_name, evidence.complainants) == ("王喆", 1)
    with database.session() as s:
        second = service.register(s, repeat, reported_at=at(30))
        service.merge(s, second, first, now=at(30))
    with database.reader() as s:
        order = service.issue_detail(s, first)
        merged = service.issue_detail(s, second)
    assert merged.status is S.MERGED and merged.merged_into_number == order.number
    assert [c.name for c in order.complainants] == ["王喆", "李堃"]
    assert order.events[-1].action == "merged_in" and "李堃" in order.events[-1].note
    assert _count_received(database) == 2  # counted once: the order and the noise complaint
    with database.reader() as s:  # merged complaints are not proposed again
        assert [c.id for c in service.repeat_candidates(s, repeat, reported_at=at(31))] == [first]
    with database.session() as s:
        service.unmerge(s, second, now=at(31))
    with database.reader() as s:
        assert service.issue_detail(s, second).status is S.REGISTERED
        order = service.issue_detail(s, first)
    assert [c.name for c in order.complainants] == ["王喆"]
    assert order.events[-1].action == "merged_out"
    assert _count_received(database) == 3


def test_merging_is_refused_where_it_would_lose_work(
    database: Database, ids: dict[str, str]
) -> None:
    first, second, third = (_report(database, ids, h) for h in (0, 1, 2))
    with database.session() as s:
        service.accept(s, second, now=at(3))
        service.dispatch(s, second, [DispatchTarget(ids["城管科"])], now=at(3))
    with pytest.raises(UserError, match="现在是“派单”"), database.session() as s:
        service.merge(s, second, first, now=at(4))
    with pytest.raises(UserError, match="它自己"), database.session() as s:
        service.merge(s, first, first, now=at(4))
    with database.session() as s:
        service.merge(s, third, first, now=at(4))
    with pytest.raises(UserError, match="已结束"), database.session() as s:
        service.merge(s, first, third, now=at(4))  # third is merged itself
    with pytest.raises(UserError, match="不能再并入"), database.session() as s:
        other = service.register(s, IssueData("另一件", IssueSource.PHONE), reported_at=at(5))
        service.merge(s, first, other, now=at(5))


def test_every_complainant_is_called_before_closing(
    database: Database, ids: dict[str, str]
) -> None:
    first, second = _report(database, ids, 0), _report(database, ids, 1, reporter="李堃")
    with database.session() as s:
        service.merge(s, second, first, now=at(1))
        service.accept(s, first, now=at(2))
        (city,) = service.dispatch(s, first, [DispatchTarget(ids["城管科"])], now=at(2))
        service.complete(s, city, "已疏通", now=at(5))
        service.resolve(s, first, "积水排除", now=at(6))
        service.follow_up(s, first, Satisfaction.SATISFIED, now=at(7))
    with pytest.raises(UserError, match="李堃"), database.session() as s:
        service.close(s, first, now=at(8))
    with database.session() as s:
        service.follow_up(s, first, Satisfaction.BASICALLY_SATISFIED, complainant_id=second,
                          now=at(8))  # fmt: skip
        with pytest.raises(UserError, match="没有并入"):
            service.follow_up(s, first, Satisfaction.SATISFIED, complainant_id=first, now=at(8))
    with database.session() as s:
        service.close(s, first, now=at(9))
    with database.reader() as s:
        detail = service.issue_detail(s, first)
    assert detail.status is S.CLOSED
    assert detail.satisfaction is Satisfaction.BASICALLY_SATISFIED  # the lowest of the two
    assert [c.satisfaction for c in detail.complainants] == [
        Satisfaction.SATISFIED,
        Satisfaction.BASICALLY_SATISFIED,
    ]


def test_an_objection_accepted_sends_the_order_back_for_re_dispatch(
    database: Database, ids: dict[str, str]
) -> None:
    issue_id = _report(database, ids, 0)
    with database.session() as s:
        service.accept(s, issue_id, now=at(1))
        (city,) = service.dispatch(s, issue_id, [DispatchTarget(ids["城管科"])], now=at(1))
        service.object_to(s, city, "不属于城管职责", now=at(2))
    with pytest.raises(ValidationError), database.session() as s:
        service.review_objection(s, city, False, " ", now=at(3))  # refusing needs a reason
    with database.session() as s:
        service.review_objection(s, city, True, "确属物业职责", now=at(3))
    with database.reader() as s:
        detail = service.issue_detail(s, issue_id)
    assert detail.status is S.ACCEPTED and detail.paused_at is None
    (row,) = detail.dispatches
    assert row.status is DispatchStatus.RETURNED
    assert (row.objection_reason, row.review_note) == ("不属于城管职责", "确属物业职责")
    assert row.objected_at == at(2) and row.reviewed_at == at(3)
    assert [e.action for e in detail.events][-2:] == ["object", "return"]
    with database.session() as s:  # re-dispatched: the new unit leads
        service.dispatch(s, issue_id, [DispatchTarget(ids["物业管理办公室"])], now=at(4))
    with database.reader() as s:
        assert [d.lead for d in service.issue_detail(s, issue_id).dispatches] == [True, True]


def test_the_lead_can_be_handed_over_and_only_one_leads(
    database: Database, ids: dict[str, str]
) -> None:
    issue_id = _report(database, ids, 0)
    with database.session() as s:
        service.accept(s, issue_id, now=at(1))
        city, building = service.dispatch(
            s,
            issue_id,
            [DispatchTarget(ids["城管科"]), DispatchTarget(ids["社区建设科"], lead=True)],
            now=at(1),
        )
    with pytest.raises(UserError, match="已是主办单位"), database.session() as s:
        service.dispatch(s, issue_id, [DispatchTarget(ids["市容所"], lead=True)], now=at(2))
    with database.session() as s:
        service.set_lead(s, city, now=at(2))
    with database.reader() as s:
        detail = service.issue_detail(s, issue_id)
    assert {d.unit_name: d.lead for d in detail.dispatches} == {"城管科": True, "社区建设科": False}
    assert detail.events[-1].note == "主办单位改为城管科"
    with database.session() as s:
        service.acknowledge(s, city, now=at(3))
        service.object_to(s, building, "不属本科室", now=at(3))
    with pytest.raises(UserError, match="社区建设科的异议还在审核"), database.session() as s:
        service.resolve(s, issue_id, "已处理", now=at(4))


def test_escalation_to_a_problem_order(database: Database, ids: dict[str, str]) -> None:
    issue_id = _report(database, ids, 0)
    units = ["城管科", "社区建设科", "物业管理办公室", "市容所"]
    with database.session() as s:
        service.accept(s, issue_id, now=at(1))
    for hour, name in enumerate(units, start=2):  # four returns: more than three
        with database.session() as s:
            (row,) = service.dispatch(s, issue_id, [DispatchTarget(ids[name])], now=at(hour))
            service.object_to(s, row, "非本单位职责", now=at(hour + 0.2))
            service.review_objection(s, row, True, now=at(hour + 0.5))
        with database.reader() as s:
            escalated = service.issue_detail(s, issue_id).escalated
        assert escalated == (hour == 5)
    with database.reader() as s:
        detail = service.issue_detail(s, issue_id)
        (reminder,) = [r for r in service.reminders(s, at(7)) if r.issue_id == issue_id]
    assert detail.escalation_reason == "退单4次，超过3次"
    assert detail.supervised and detail.supervision_note.startswith("问题工单")
    assert detail.events[-1].action == "escalate"
    assert reminder.escalated


def test_escalation_counts_are_the_offices(database: Database, ids: dict[str, str]) -> None:
    """Sent to four units, the lead (the first) objects and leaves: three units, none
    leading. The default rule (more than three) lets it be; the office's rule of two does not."""

    def sent_and_lead_left(start: float) -> str:
        issue_id = _report(database, ids, start)
        names = ["城管科", "社区建设科", "物业管理办公室", "市容所"]
        with database.session() as s:
            service.accept(s, issue_id, now=at(start + 1))
            lead, *_ = service.dispatch(
                s, issue_id, [DispatchTarget(ids[n]) for n in names], now=at(start + 1)
            )
            service.object_to(s, lead, "非本单位职责", now=at(start + 2))
            service.review_objection(s, lead, True, now=at(start + 3))
        with database.reader() as s:
            return service.issue_detail(s, issue_id).escalation_reason

    assert sent_and_lead_left(0) == ""
    with database.session() as s:
        save_rules(s, IssueRules(escalate_units=2))
    assert sent_and_lead_left(10) == "派给3个单位且无主办单位"


def test_rules_are_checked_and_audited(database: Database) -> None:
    with database.reader() as s:
        assert load_rules(s) == IssueRules()
    with pytest.raises(ValidationError) as refused, database.session() as s:
        save_rules(s, IssueRules(weight_response=20))
    assert refused.value.field == "weight_satisfaction" and "100" in str(refused.value.message)
    with pytest.raises(ValidationError) as refused, database.session() as s:
        save_rules(s, IssueRules(min_samples=0))
    assert refused.value.field == "min_samples"
    with database.session() as s:
        save_rules(s, IssueRules(weight_response=20, weight_resolution=40, weight_satisfaction=40))
        save_rules(s, IssueRules(weight_response=20, weight_resolution=40, weight_satisfaction=40))
    with database.reader() as s:
        assert load_rules(s).weights == (20, 40, 40)
        entries = s.scalars(select(AuditEntry).where(AuditEntry.entity == "settings")).all()
    assert [e.action for e in entries] == ["create"]  # saving the same again records nothing
    assert entries[0].after["value"]["weight_response"] == 20


def test_an_issue_entered_on_a_residents_behalf_keeps_both_names(
    database: Database, ids: dict[str, str]
) -> None:
    issue_id = _report(database, ids, 0, reporter="张玥", entered_by="刘敏")
    with database.reader() as s:
        detail = service.issue_detail(s, issue_id)
    assert (detail.data.reporter_name, detail.data.entered_by) == ("张玥", "刘敏")
    assert detail.events[0].note == "刘敏代张玥登记"
