"""Secondment use cases: postings validated at the field, the lifecycle with reasons and
audit, work logs and monthly reports, the two-way evaluation, reminders, the list's filters
and the grid's 第一社长."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData, PersonData, ResidentUnitData
from app.errors import ConflictError, NotFoundError, UserError, ValidationError
from app.listing import ListQuery
from app.secondments import evaluations, lifecycle, logs, reminders, service
from app.secondments.lists import PostingList, posting_years, side_choices
from app.secondments.records import EvaluationData, PostingData, WorkLogData
from db.models.directory import OrgLevel, UnitCategory
from db.models.secondments import (
    EvaluationPeriod,
    EvaluatorSide,
    Grade,
    LogKind,
    Posting,
    PostingKind,
    PostingStatus,
    WorkLog,
)
from db.models.security import AuditEntry

TODAY = date(2026, 11, 28)
World = dict[str, str]


@pytest.fixture
def world(database: Database) -> World:
    """A street with a department, a community and two grids; an organ; five people."""
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("建宁路街道", OrgLevel.STREET)).id
        department = directory.org_units.create(
            s, OrgUnitData("城市管理科", OrgLevel.DEPARTMENT, street)
        ).id
        community = directory.org_units.create(
            s, OrgUnitData("安乐村社区", OrgLevel.COMMUNITY, street)
        ).id
        grid = directory.org_units.create(s, OrgUnitData("第一网格", OrgLevel.GRID, community)).id
        grid2 = directory.org_units.create(s, OrgUnitData("第二网格", OrgLevel.GRID, community)).id
        organ = directory.resident_units.create(
            s, ResidentUnitData("江苏省住房和城乡建设厅", UnitCategory.PROVINCIAL_ORGAN)
        ).id

        def person(name: str, post: str, **where: str) -> str:
            return directory.people.create(s, PersonData(name, post=post, **where)).id  # type: ignore[arg-type]

        return {
            "street": street,
            "department": department,
            "community": community,
            "grid": grid,
            "grid2": grid2,
            "organ": organ,
            "cadre": person("王喆", "副处长", employer_unit_id=organ),
            "chief": person("李堃", "城市管理科科长", org_unit_id=department),
            "trainee": person("张玥", "社区干事", org_unit_id=community),
            "mentor": person("赵赟", "党工委副书记", org_unit_id=street),
            "other": person("钱昇", "科员", org_unit_id=department),
        }


def cross(w: World, **changes: object) -> PostingData:
    data = PostingData(
        person_id=w["cadre"],
        kind=PostingKind.CROSS,
        home_unit_id=w["organ"],
        home_post="副处长",
        host_org_unit_id=w["department"],
        host_post="城市管理科副科长（挂职）",
        starts_on=date(2026, 3, 1),
        ends_on=date(2027, 2, 28),
        objectives="牵头推进驻区单位共建项目",
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def head(w: World, **changes: object) -> PostingData:
    data = PostingData(
        person_id=w["chief"],
        kind=PostingKind.FIRST_COMMUNITY_HEAD,
        home_org_unit_id=w["department"],
        home_post="科长",
        host_org_unit_id=w["grid"],
        host_post="第一社长",
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def create(database: Database, data: PostingData, today: date = TODAY) -> str:
    with database.session() as s:
        return service.create_posting(s, data, today)


def field_of(error: pytest.ExceptionInfo[ValidationError]) -> str:
    return error.value.field


# --- postings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"person_id": None}, "person_id", "挂职干部"),
        ({"kind": None}, "kind", "挂职类型"),
        ({"home_unit_id": None}, "home_unit_id", "派出单位"),
        ({"host_org_unit_id": None}, "host_unit_id", "挂职单位"),
        ({"host_unit_id": "x"}, "host_unit_id", "二者选一"),
        ({"host_post": "  "}, "host_post", "挂职岗位"),
        ({"starts_on": None}, "starts_on", "开始日期"),
        ({"ends_on": None}, "ends_on", "结束日期"),
        ({"ends_on": date(2026, 2, 1)}, "ends_on", "不能早于开始日期"),
        ({"kind": PostingKind.MENTORING}, "mentor_id", "导师"),
        ({"home_post": "长" * 81}, "home_post", "最多80个字"),
    ],
)
def test_posting_validation_names_the_field(
    world: World, changes: dict[str, object], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as error:
        cross(world, **changes).validated()
    assert error.value.field == field
    assert words in str(error.value)


def test_first_community_head_needs_a_grid(world: World, database: Database) -> None:
    with pytest.raises(ValidationError) as error:
        head(world, host_org_unit_id=None, host_unit_id=world["organ"]).validated()
    assert error.value.field == "host_org_unit_id"
    with pytest.raises(ValidationError) as error:
        create(database, head(world, host_org_unit_id=world["community"]))
    assert error.value.field == "host_org_unit_id"
    assert "安乐村社区" in str(error.value) and "不是网格" in str(error.value)
    assert create(database, head(world))


def test_mentoring_keeps_its_mentor_other_kinds_drop_one(world: World) -> None:
    mentoring = cross(world, kind=PostingKind.MENTORING, mentor_id=world["mentor"]).validated()
    assert mentoring.mentor_id == world["mentor"]
    assert cross(world, mentor_id=world["mentor"]).validated().mentor_id is None
    with pytest.raises(ValidationError) as error:
        cross(world, kind=PostingKind.MENTORING, mentor_id=world["cadre"]).validated()
    assert error.value.field == "mentor_id"


def test_create_reads_back_with_names_and_audit(world: World, database: Database) -> None:
    posting_id = create(database, cross(world))
    with database.session() as s:
        detail = service.get_posting(s, posting_id)
        assert detail.data == cross(world)
        assert detail.status is PostingStatus.ACTIVE
        assert (detail.person_name, detail.home_name, detail.host_name) == (
            "王喆",
            "江苏省住房和城乡建设厅",
            "城市管理科",
        )
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == posting_id))
        assert list(actions) == ["create"]


def test_grid_host_is_named_with_its_community(world: World, database: Database) -> None:
    posting_id = create(database, head(world))
    with database.session() as s:
        detail = service.get_posting(s, posting_id)
    assert detail.host_name == "安乐村社区第一网格"
    assert detail.host_is_grid


def test_status_follows_dates_on_create(world: World, database: Database) -> None:
    planned = create(database, cross(world, starts_on=date(2027, 1, 1), ends_on=date(2027, 12, 31)))
    ended = create(database, cross(world, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)))
    with database.session() as s:
        assert service.get_posting(s, planned).status is PostingStatus.PLANNED
        assert service.get_posting(s, ended).status is PostingStatus.ENDED


def test_save_checks_version_and_unchanged_save_is_silent(world: World, database: Database) -> None:
    posting_id = create(database, cross(world))
    with database.session() as s:
        detail = service.get_posting(s, posting_id)
        same = service.save_posting(s, posting_id, detail.version, detail.data, TODAY)
        assert same.version == detail.version
        changed = service.save_posting(
            s, posting_id, detail.version, replace(detail.data, host_post="副科长"), TODAY
        )
        assert changed.version == detail.version + 1
    with database.session() as s, pytest.raises(ConflictError):
        service.save_posting(s, posting_id, detail.version, detail.data, TODAY)


def test_started_posting_changes_its_end_only_with_a_reason(
    world: World, database: Database
) -> None:
    posting_id = create(database, cross(world))
    with database.session() as s:
        detail = service.get_posting(s, posting_id)
        with pytest.raises(ValidationError) as error:
            service.save_posting(
                s, posting_id, detail.version, replace(detail.data, ends_on=date(2027, 6, 30))
            )
        assert error.value.field == "ends_on" and "延期" in str(error.value)


def test_planned_posting_edits_its_dates_freely(world: World, database: Database) -> None:
    posting_id = create(
        database, cross(world, starts_on=date(2027, 1, 1), ends_on=date(2027, 6, 30))
    )
    with database.session() as s:
        detail = service.get_posting(s, posting_id)
        saved = service.save_posting(
            s, posting_id, detail.version, replace(detail.data, starts_on=date(2026, 11, 1)), TODAY
        )
    assert saved.status is PostingStatus.ACTIVE


def test_extend_needs_a_later_end_and_a_reason_and_is_audited(
    world: World, database: Database
) -> None:
    posting_id = create(database, cross(world))
    with database.session() as s:
        version = service.get_posting(s, posting_id).version
        with pytest.raises(ValidationError) as error:
            service.extend(s, posting_id, version, date(2027, 8, 31), "  ", TODAY)
        assert error.value.field == "reason"
        with pytest.raises(ValidationError) as error:
            service.extend(s, posting_id, version, date(2027, 2, 28), "工作需要", TODAY)
        assert error.value.field == "ends_on" and "2027-02-28" in str(error.value)
        detail = service.extend(s, posting_id, version, date(2027, 8, 31), "工作需要", TODAY)
    assert detail.status is PostingStatus.EXTENDED
    assert detail.ends_on == date(2027, 8, 31) and detail.extension_reason == "工作需要"
    assert detail.planned_ends_on == date(2027, 2, 28) and detail.term_changed
    assert detail.early_end_reason == ""
    with database.session() as s:
        entry = s.scalars(
            select(AuditEntry).where(
                AuditEntry.entity_id == posting_id, AuditEntry.action == "extend"
            )
        ).one()
    assert entry.reason == "工作需要"
    assert entry.before is not None and entry.before["ends_on"] == "2027-02-28"
    assert entry.after is not None and entry.after["ends_on"] == "2027-08-31"


def test_end_early_within_the_term_with_a_reason(world: World, database: Database) -> None:
    posting_id = create(database, cross(world))
    with database.session() as s:
        version = service.get_posting(s, posting_id).version
        for on, field in (
            (date(2026, 2, 1), "ended_on"),  # before the start
            (date(2027, 2, 28), "ended_on"),  # not before the planned end
            (date(2026, 12, 1), "ended_on"),  # in the future
        ):
            with pytest.raises(ValidationError) as error:
                service.end_early(s, posting_id, version, on, "因工作调整", TODAY)
            assert error.value.field == field
        detail = service.end_early(s, posting_id, version, date(2026, 11, 20), "因工作调整", TODAY)
    assert detail.status is PostingStatus.ENDED_EARLY
    assert detail.ends_on == date(2026, 11, 20)
    with database.session() as s:
        with pytest.raises(UserError):
            service.extend(s, posting_id, detail.version, date(2027, 6, 1), "再延", TODAY)
        with pytest.raises(UserError):
            service.end_early(s, posting_id, detail.version, date(2026, 11, 21), "再停", TODAY)
        entry = s.scalars(
            select(AuditEntry).where(
                AuditEntry.entity_id == posting_id, AuditEntry.action == "end_early"
            )
        ).one()
        assert entry.reason == "因工作调整"


def test_extended_twice_then_ended_early_keeps_the_planned_end_and_both_reasons(
    world: World, database: Database
) -> None:
    posting_id = create(database, cross(world, starts_on=date(2026, 1, 1)))
    with database.session() as s:
        version = service.get_posting(s, posting_id).version
        detail = service.extend(s, posting_id, version, date(2027, 5, 31), "项目收尾", TODAY)
        detail = service.extend(s, posting_id, detail.version, date(2027, 8, 31), "再延", TODAY)
        assert detail.planned_ends_on == date(2027, 2, 28) and detail.extension_reason == "再延"
        detail = service.save_posting(
            s, posting_id, detail.version, replace(detail.data, host_post="副科长"), TODAY
        )
        assert detail.planned_ends_on == date(2027, 2, 28)  # an edit leaves the term alone
        detail = service.end_early(s, posting_id, detail.version, TODAY, "调任", TODAY)
    assert (detail.planned_ends_on, detail.ends_on) == (date(2027, 2, 28), TODAY)
    assert (detail.extension_reason, detail.early_end_reason) == ("再延", "调任")
    assert detail.status is PostingStatus.ENDED_EARLY


def test_the_planned_end_follows_the_end_until_the_term_starts(
    world: World, database: Database
) -> None:
    posting_id = create(
        database, cross(world, starts_on=date(2027, 1, 1), ends_on=date(2027, 6, 30))
    )
    with database.session() as s:
        detail = service.get_posting(s, posting_id)
        assert detail.planned_ends_on == date(2027, 6, 30) and not detail.term_changed
        detail = service.save_posting(
            s, posting_id, detail.version, replace(detail.data, ends_on=date(2027, 12, 31)), TODAY
        )
    assert detail.planned_ends_on == detail.ends_on == date(2027, 12, 31)
    assert not detail.term_changed


def test_planned_posting_cannot_end_early_or_extend(world: World, database: Database) -> None:
    posting_id = create(
        database, cross(world, starts_on=date(2027, 1, 1), ends_on=date(2027, 6, 30))
    )
    with database.session() as s:
        version = service.get_posting(s, posting_id).version
        with pytest.raises(UserError):
            service.end_early(s, posting_id, version, date(2027, 2, 1), "不派了", TODAY)
        with pytest.raises(UserError):
            service.extend(s, posting_id, version, date(2027, 9, 1), "延期", TODAY)


def test_refresh_statuses_moves_on_with_the_calendar(world: World, database: Database) -> None:
    posting_id = create(
        database, cross(world, starts_on=date(2026, 12, 1), ends_on=date(2026, 12, 31))
    )
    with database.session() as s:
        assert lifecycle.refresh_statuses(s, date(2026, 11, 30)) == 0
        assert lifecycle.refresh_statuses(s, date(2026, 12, 1)) == 1
        assert service.get_posting(s, posting_id).status is PostingStatus.ACTIVE
        assert lifecycle.refresh_statuses(s, date(2027, 1, 1)) == 1
        assert service.get_posting(s, posting_id).status is PostingStatus.ENDED


def test_delete_and_restore(world: World, database: Database) -> None:
    posting_id = create(database, cross(world))
    with database.session() as s:
        service.delete_posting(s, posting_id)
        with pytest.raises(NotFoundError):
            service.get_posting(s, posting_id)
        service.restore_posting(s, posting_id)
        assert service.get_posting(s, posting_id).person_name == "王喆"


def test_first_community_head_of_a_grid(world: World, database: Database) -> None:
    create(database, head(world))
    create(
        database,
        head(
            world,
            person_id=world["other"],
            host_org_unit_id=world["grid2"],
            starts_on=date(2025, 1, 1),
            ends_on=date(2025, 12, 31),
        ),  # fmt: skip
    )
    with database.session() as s:
        found = service.first_community_head(s, world["grid"])
        assert found is not None and found.person_name == "李堃"
        assert found.home_name == "城市管理科"
        assert service.first_community_head(s, world["grid2"]) is None  # that one has ended
        assert set(service.first_community_heads(s)) == {world["grid"]}


# --- work logs --------------------------------------------------------------------------------


def test_work_log_validation(world: World, database: Database) -> None:
    posting_id = create(database, cross(world))
    entry = WorkLogData(logged_on=date(2026, 4, 2), content="走访困难家庭", hours=Decimal("3.5"))
    with database.session() as s:
        for bad, field in (
            (replace(entry, content=" "), "content"),
            (replace(entry, logged_on=None), "logged_on"),
            (replace(entry, hours=Decimal(25)), "hours"),
            (replace(entry, hours=Decimal(-1)), "hours"),
            (replace(entry, logged_on=date(2026, 2, 1)), "logged_on"),  # before the term
            (replace(entry, kind=LogKind.DUTY_REPORT, period="2026-13"), "period"),
            (replace(entry, kind=LogKind.DUTY_REPORT, period="2025-12"), "period"),
        ):
            with pytest.raises(ValidationError) as error:
                logs.add_log(s, posting_id, bad)
            assert error.value.field == field, bad
        log_id = logs.add_log(s, posting_id, entry)
        view = logs.get_log(s, log_id)
        assert view.data.hours == Decimal("3.5") and view.data.period == ""


def test_one_report_of_each_kind_per_month(world: World, database: Database) -> None:
    posting_id = create(database, cross(world))
    report = WorkLogData(
        kind=LogKind.ATTENDANCE_REPORT,
        logged_on=date(2026, 4, 2),
        period="2026-03",
        content="本月应出勤22天，实际出勤22天。",
        hours=Decimal(5),
    )
    with database.session() as s:
        first = logs.add_log(s, posting_id, report)
        assert logs.get_log(s, first).data.hours == 0  # reports carry no hours
        with pytest.raises(ValidationError) as error:
            logs.add_log(s, posting_id, report)
        assert error.value.field == "period"
        logs.add_log(s, posting_id, replace(report, kind=LogKind.DUTY_REPORT))
        logs.delete_log(s, first)
        logs.add_log(s, posting_id, report)  # the deleted one no longer counts


def test_the_database_holds_one_live_report_a_month(world: World, database: Database) -> None:
    """The unique index under the service's check: reports clash, work records and deleted
    reports do not."""
    posting_id = create(database, cross(world))

    def row(kind: LogKind, period: str, **values: object) -> WorkLog:
        return WorkLog(
            posting_id=posting_id, kind=kind, logged_on=date(2026, 4, 2), period=period, **values
        )

    with database.session() as s:
        s.add_all([row(LogKind.ENTRY, ""), row(LogKind.ENTRY, "")])
        s.add(row(LogKind.DUTY_REPORT, "2026-03", deleted_at=datetime(2026, 4, 2, tzinfo=UTC)))
        s.add_all([row(LogKind.DUTY_REPORT, "2026-03"), row(LogKind.ATTENDANCE_REPORT, "2026-03")])
        s.flush()
        s.add(row(LogKind.DUTY_REPORT, "2026-03"))
        with pytest.raises(IntegrityError):
            s.flush()


def test_a_report_added_meanwhile_elsewhere_is_already_registered(
    world: World, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    posting_id = create(database, cross(world))
    report = WorkLogData(LogKind.DUTY_REPORT, date(2026, 4, 2), "2026-03", "本月主要工作")
    with database.session() as s:
        logs.add_log(s, posting_id, report)
    monkeypatch.setattr(logs, "_has_twin", lambda *args: False)  # both offices checked first
    with pytest.raises(ValidationError) as error, database.session() as s:
        logs.add_log(s, posting_id, report)
    assert error.value.field == "period" and "2026-03" in str(error.value)


def test_a_deleted_report_comes_back_only_without_a_twin(world: World, database: Database) -> None:
    posting_id = create(database, cross(world))
    report = WorkLogData(LogKind.DUTY_REPORT, date(2026, 4, 2), "2026-03", "本月主要工作")
    with database.session() as s:
        first = logs.add_log(s, posting_id, report)
        logs.delete_log(s, first)
        second = logs.add_log(s, posting_id, replace(report, content="重新填报"))
        with pytest.raises(UserError, match="2026-03"):
            logs.restore_log(s, first)
        logs.delete_log(s, second)
        logs.restore_log(s, first)
        assert logs.get_log(s, first).data.content == "本月主要工作"


def test_monthly_reports_and_missing_report_warning(world: World, database: Database) -> None:
    posting_id = create(database, cross(world, starts_on=date(2026, 9, 10)))
    with database.session() as s:
        for period in ("2026-09", "2026-10"):
            logs.add_log(
                s,
                posting_id,
                WorkLogData(
                    kind=LogKind.ATTENDANCE_REPORT,
                    logged_on=date(2026, int(period[-2:]) + 1, 2),
                    period=period,
                    content="出勤正常",
                ),
            )
        logs.add_log(
            s,
            posting_id,
            WorkLogData(logged_on=date(2026, 10, 8), content="现场办公", hours=Decimal(4)),
        )
        missing = logs.missing_reports(s, TODAY)
        assert [(m.period, m.kind) for m in missing] == [
            ("2026-09", LogKind.DUTY_REPORT),
            ("2026-10", LogKind.DUTY_REPORT),
        ]
        assert missing[0].person_name == "王喆"
        # October's reports are due by 5 November; on 4 November nothing of October is late
        early = logs.missing_reports(s, date(2026, 11, 4))
        assert [m.period for m in early] == ["2026-09"]
        months = logs.monthly_reports(s, posting_id, TODAY)
        assert [m.period for m in months] == ["2026-11", "2026-10", "2026-09"]
        october = months[1]
        assert october.attendance is not None and october.duty is None
        assert (october.entries, october.hours) == (1, Decimal(4))


# --- evaluations ------------------------------------------------------------------------------


def evaluation(
    side: EvaluatorSide, grade: Grade, score: str | None, **changes: object
) -> EvaluationData:
    data = EvaluationData(
        side=side,
        period=EvaluationPeriod.ANNUAL,
        year=2026,
        grade=grade,
        score=Decimal(score) if score is not None else None,
        comment="履职尽责",
        evaluator="党工委" if side is EvaluatorSide.HOST else "厅党组",
        evaluated_on=date(2026, 11, 20),
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def test_evaluation_validation(world: World, database: Database) -> None:
    posting_id = create(database, cross(world))
    good = evaluation(EvaluatorSide.HOME, Grade.EXCELLENT, "92")
    with database.session() as s:
        for changes, field in (
            ({"side": None}, "side"),
            ({"period": None}, "period"),
            ({"year": None}, "year"),
            ({"grade": None}, "grade"),
            ({"score": Decimal(101)}, "score"),
            ({"evaluator": ""}, "evaluator"),
            ({"evaluated_on": None}, "evaluated_on"),
            ({"year": 2025}, "year"),  # before the term
            ({"evaluated_on": date(2026, 1, 1)}, "evaluated_on"),
        ):
            with pytest.raises(ValidationError) as error:
                evaluations.add_evaluation(s, posting_id, replace(good, **changes))  # type: ignore[arg-type]
            assert error.value.field == field, changes
        evaluations.add_evaluation(s, posting_id, good)
        with pytest.raises(ValidationError) as error:
            evaluations.add_evaluation(s, posting_id, good)
        assert error.value.field == "period"
        assert "派出单位已有2026年的年度评价" in str(error.value)


def test_both_sides_side_by_side_with_the_disagreement_flag(
    world: World, database: Database
) -> None:
    posting_id = create(database, cross(world))
    with database.session() as s:
        evaluations.add_evaluation(
            s, posting_id, evaluation(EvaluatorSide.HOME, Grade.EXCELLENT, "94")
        )
        host_id = evaluations.add_evaluation(
            s, posting_id, evaluation(EvaluatorSide.HOST, Grade.BASICALLY_COMPETENT, "68")
        )
        evaluations.add_evaluation(
            s,
            posting_id,
            evaluation(EvaluatorSide.HOME, Grade.COMPETENT, "85", period=EvaluationPeriod.MID_TERM),
        )
        pairs = evaluations.evaluation_pairs(s, posting_id)
        assert [(p.period, p.complete, p.disagreement) for p in pairs] == [
            (EvaluationPeriod.MID_TERM, False, False),
            (EvaluationPeriod.ANNUAL, True, True),
        ]
        host = evaluations.get_evaluation(s, host_id)
        evaluations.save_evaluation(
            s, host_id, host.version, replace(host.data, grade=Grade.COMPETENT, score=Decimal(88))
        )
        assert not evaluations.evaluation_pairs(s, posting_id)[1].disagreement
        rows = evaluations.annual_assessment(s, 2026)
        assert [(r.person_name, r.pair.period) for r in rows] == [
            ("王喆", EvaluationPeriod.MID_TERM),
            ("王喆", EvaluationPeriod.ANNUAL),
        ]
        assert evaluations.annual_assessment(s, 2025) == []
        evaluations.delete_evaluation(s, host_id)
        assert not evaluations.evaluation_pairs(s, posting_id)[1].complete


# --- reminders and the list -------------------------------------------------------------------


def test_reminders_ending_and_evaluations_due(world: World, database: Database) -> None:
    ending = create(
        database, cross(world, starts_on=date(2025, 12, 20), ends_on=date(2026, 12, 20))
    )
    create(database, cross(world, person_id=world["other"]))  # ends in 2027
    with database.session() as s:
        found = reminders.reminders(s, TODAY)
        assert [e.posting_id for e in found.ending] == [ending]
        assert found.ending[0].days_left == 22
        due = {(d.posting_id, d.period, d.year) for d in found.evaluations}
        assert (ending, EvaluationPeriod.END_OF_TERM, 2026) in due
        assert (ending, EvaluationPeriod.MID_TERM, 2026) in due
        evaluations.add_evaluation(
            s,
            ending,
            evaluation(
                EvaluatorSide.HOME, Grade.EXCELLENT, "90", period=EvaluationPeriod.END_OF_TERM
            ),
        )
        owed = [d for d in reminders.evaluations_due(s, TODAY) if d.posting_id == ending]
        end_of_term = next(d for d in owed if d.period is EvaluationPeriod.END_OF_TERM)
        assert end_of_term.sides == (EvaluatorSide.HOST,)
        # in December the annual evaluation of a posting that runs into next year is due
        december = reminders.evaluations_due(s, date(2026, 12, 2))
        assert any(d.period is EvaluationPeriod.ANNUAL and d.year == 2026 for d in december)


def test_list_filters(world: World, database: Database) -> None:
    a = create(database, cross(world))
    b = create(database, head(world))
    c = create(database, cross(world, person_id=world["other"], starts_on=date(2024, 1, 1),
                              ends_on=date(2024, 12, 31)))  # fmt: skip
    source = PostingList()

    def ids(**filters: object) -> set[str]:
        query = ListQuery(filters={"today": TODAY, **filters})
        with database.session() as s:
            return {row.id for row in source.fetch(s, query, 0, 100)}

    assert ids() == {a, b, c}
    assert ids(kind=PostingKind.FIRST_COMMUNITY_HEAD) == {b}
    assert ids(active=True) == {a, b}
    assert ids(status=PostingStatus.ENDED) == {c}
    assert ids(home=world["organ"]) == {a, c}
    assert ids(host=world["grid"]) == {b}
    assert ids(ending_within=40) == {b}
    assert ids(year=2024) == {c}
    with database.session() as s:
        assert {row.id for row in source.fetch(s, ListQuery(search="网格"), 0, 10)} == {b}
        assert {row.id for row in source.fetch(s, ListQuery(search="建设厅"), 0, 10)} == {a, c}
        assert [c.label for c in side_choices(s, "host")] == ["城市管理科", "安乐村社区第一网格"]
        assert posting_years(s) == [2027, 2026, 2025, 2024]


def test_list_shows_the_planned_end_where_the_term_changed(
    world: World, database: Database
) -> None:
    as_planned = create(database, cross(world))
    extended = create(database, head(world))
    with database.session() as s:
        version = service.get_posting(s, extended).version
        service.extend(s, extended, version, date(2027, 3, 31), "项目收尾", TODAY)
    source = PostingList()
    column = [c.key for c in source.columns].index("planned_ends_on")
    query = ListQuery(sort="planned_ends_on", descending=True)
    with database.session() as s:
        rows = [(row.id, row.values[column]) for row in source.fetch(s, query, 0, 10)]
    assert rows == [(extended, date(2026, 12, 31)), (as_planned, None)]


def test_audit_of_every_change(world: World, database: Database) -> None:
    posting_id = create(database, cross(world))
    with database.session() as s:
        service.delete_posting(s, posting_id)
        actions = list(
            s.scalars(
                select(AuditEntry.action)
                .where(
                    AuditEntry.entity == Posting.__tablename__, AuditEntry.entity_id == posting_id
                )
                .order_by(AuditEntry.at)
            )
        )
    assert actions == ["create", "delete"]
