"""Excel import: each kind round-trips through an export, bad rows are reported per row
(row, column, message) and nothing is written unless every row is good."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.access import Use
from app.agreements.members import RegistrationData, register_member, remove_registration
from app.agreements.records import AgreementData, PartyRef
from app.agreements.service import create_agreement
from app.database import Database
from app.directory import service
from app.directory.records import OrgUnitData, PartyOrgData, PersonData, ResidentUnitData
from app.excel.exporting import export_list
from app.excel.importing import Action, ImportRefused, import_file, preview
from app.excel.kinds import IMPORT_KINDS
from app.excel.lists import list_source
from app.issues.limits import Limit
from app.issues.records import IssueData
from app.issues.service import register, save_category
from app.listing import ListQuery
from app.localtime import BEIJING
from app.validation import id_check_char
from db.models.agreements import AgreementKind, MemberRegistration, PartySide
from db.models.directory import Gender, OrgLevel, PartyOrgKind, Person, ResidentUnit, UnitCategory
from db.models.issues import IssueSource, LimitUnit, Priority

ROUND_TRIP_ORDER = ("units", "people", "party-orgs", "members", "agreements", "issues")


def id_number(serial: str) -> str:
    first17 = "32010219900101" + serial
    return first17 + id_check_char(first17)


def build_streets(database: Database) -> dict[str, str]:
    """A street with two communities, each with a 第一网格 (names repeat), and a category."""
    ids: dict[str, str] = {}
    with database.session() as s:
        street = service.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET))
        ids["street"] = street.id
        for key, name in (("ninghai", "宁海路社区"), ("yuquan", "玉泉社区")):
            community = service.org_units.create(
                s, OrgUnitData(name, OrgLevel.COMMUNITY, street.id)
            )
            ids[key] = community.id
            grid = service.org_units.create(s, OrgUnitData("第一网格", OrgLevel.GRID, community.id))
            ids[f"{key}_grid"] = grid.id
        ids["category"] = save_category(s, "市政设施", Limit(5, LimitUnit.WORKING_DAYS))
    return ids


def build_records(database: Database, ids: dict[str, str]) -> None:
    """One or two records of every import kind, through the services."""
    with database.session() as s:
        institute = service.resident_units.create(
            s,
            ResidentUnitData(
                "江苏省某某研究院",
                UnitCategory.RESEARCH_INSTITUTE,
                ids["ninghai"],
                "宁海路122号",
                "王明",
                "025-83301234",
            ),
        ).id
        service.resident_units.create(
            s, ResidentUnitData("某某科技公司", UnitCategory.PRIVATE_ENTERPRISE)
        )
        li = service.people.create(
            s,
            PersonData(
                "李华",
                Gender.FEMALE,
                "13912345678",
                id_number("001"),
                institute,
                ids["yuquan_grid"],
                "办公室主任",
                is_party_member=True,
                is_grid_worker=True,
            ),
        ).id
        service.people.create(s, PersonData("张强", Gender.MALE, employer_unit_id=institute))
        branch = service.party_orgs.create(
            s,
            PartyOrgData(
                "中共江苏省某某研究院委员会",
                PartyOrgKind.COMMITTEE,
                resident_unit_id=institute,
                secretary_id=li,
                member_count=35,
            ),
        ).id
        service.party_orgs.create(
            s,
            PartyOrgData(
                "玉泉社区第一网格党支部", PartyOrgKind.BRANCH, org_unit_id=ids["yuquan_grid"]
            ),
        )
        register_member(s, RegistrationData(li, ids["ninghai"], institute, date(2026, 3, 1)))
        create_agreement(
            s,
            AgreementData(
                AgreementKind.CO_BUILDING,
                "GJ2026-NHL-001",
                "宁海路街道与某某研究院党建共建协议",
                (
                    PartyRef(PartySide.STREET_SIDE, org_unit_id=ids["street"]),
                    PartyRef(PartySide.PARTNER_SIDE, resident_unit_id=institute),
                    PartyRef(PartySide.PARTNER_SIDE, party_org_id=branch),
                ),
                date(2026, 3, 1),
                date(2026, 3, 1),
                date(2028, 2, 28),
                "共建内容",
            ),
        )
        register(
            s,
            IssueData(
                "楼道灯不亮",
                IssueSource.PHONE,
                category_id=ids["category"],
                community_id=ids["yuquan"],
                grid_id=ids["yuquan_grid"],
                priority=Priority.URGENT,
            ),
            reported_at=datetime(2026, 3, 2, 9, 30, tzinfo=BEIJING),
        )


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """A database with the streets only, and one with the records too."""
    root = tmp_path_factory.mktemp("excel")
    streets, filled = root / "streets.db", root / "filled.db"
    database = Database(str(streets))
    ids = build_streets(database)
    database.close()
    shutil.copyfile(streets, filled)
    database = Database(str(filled))
    build_records(database, ids)
    database.close()
    return streets, filled, ids


def copy_of(template: Path, folder: Path, name: str) -> Database:
    target = folder / name
    shutil.copyfile(template, target)
    return Database(str(target))


@pytest.fixture
def streets(templates: Any, tmp_path: Path) -> Iterator[Database]:
    database = copy_of(templates[0], tmp_path, "streets.db")
    yield database
    database.close()


@pytest.fixture
def filled(templates: Any, tmp_path: Path) -> Iterator[Database]:
    database = copy_of(templates[1], tmp_path, "filled.db")
    yield database
    database.close()


def export(database: Database, key: str, path: Path) -> list[tuple[Any, ...]]:
    """Exports a list with personal data shown; returns the sheet's rows."""
    title, source = list_source(key)
    query = ListQuery(
        sort=source.default_sort, descending=source.default_descending, use=Use.DOCUMENT
    )
    export_list(database, source, query, path, title)
    return sheet_rows(path)


def sheet_rows(path: Path) -> list[tuple[Any, ...]]:
    book = load_workbook(path, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return rows


def write_sheet(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_every_kind_round_trips_through_its_export(
    filled: Database, streets: Database, tmp_path: Path
) -> None:
    for key in ROUND_TRIP_ORDER:
        original = export(filled, key, tmp_path / f"{key}.xlsx")
        report = import_file(streets, IMPORT_KINDS[key], tmp_path / f"{key}.xlsx")
        assert report.count(Action.CREATE) == len(original) - 1, key
        assert export(streets, key, tmp_path / f"{key}-again.xlsx") == original, key


def test_importing_an_export_again_skips_every_row_as_a_duplicate(
    filled: Database, tmp_path: Path
) -> None:
    for key in ROUND_TRIP_ORDER:
        rows = export(filled, key, tmp_path / f"{key}.xlsx")
        report = import_file(filled, IMPORT_KINDS[key], tmp_path / f"{key}.xlsx")
        assert report.count(Action.SKIP) == len(rows) - 1 and not report.problems, key


def test_each_bad_row_is_reported_with_its_column_and_nothing_is_written(
    filled: Database, tmp_path: Path
) -> None:
    bad_id = id_number("002")[:-1] + ("0" if id_number("002")[-1] != "0" else "1")
    path = write_sheet(
        tmp_path / "people.xlsx",
        [
            ("姓名", "身份证号", "工作单位", "所在社区网格", "手机"),
            ("赵一", id_number("003"), "江苏省某某研究院", "宁海路社区", "13900000001"),
            ("", id_number("004"), "", "", ""),
            ("钱二", bad_id, "", "", ""),
            ("孙三", "", "", "第一网格", ""),
            ("周四", "", "不存在的单位", "", ""),
            ("吴五", "", "", "", "123"),
            ("赵一", id_number("003"), "", "", ""),
            ("郑六", 320102199001011234, "", "", ""),
        ],
    )
    with pytest.raises(ImportRefused) as refused:
        import_file(filled, IMPORT_KINDS["people"], path)
    found = [(p.row, p.column, str(p.message)) for p in refused.value.report.problems]
    assert found == [
        (3, "姓名", "请填写姓名。"),
        (4, "身份证号", f"身份证号校验位不对：最后一位应为{id_number('002')[-1]}，请核对号码。"),
        (
            5,
            "所在社区网格",
            "有2个名为“第一网格”的组织，无法确定是哪一个。请在名称前写上级名称，如“某社区/第一网格”。",
        ),
        (6, "工作单位", "找不到驻区单位“不存在的单位”，请核对名称，或先在系统中添加。"),
        (7, "手机", "手机号应为以1开头的11位数字，例如13912345678。"),
        (8, "", "与第2行重复，请删除其中一行。"),
        (
            9,
            "身份证号",
            "身份证号被 Excel 存成了数字，最后几位已丢失。请把这一列设为“文本”格式后重新填写。",
        ),
    ]
    with filled.reader() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 2  # row 2 not written


def test_every_bad_cell_of_a_row_is_reported_not_only_the_first(
    filled: Database, tmp_path: Path
) -> None:
    """Before, a row showed its first problem only: the user fixed it, checked again, and
    only then learnt of the next one."""
    bad_id = id_number("005")[:-1] + ("0" if id_number("005")[-1] != "0" else "1")
    path = write_sheet(
        tmp_path / "people.xlsx",
        [
            ("姓名", "身份证号", "工作单位", "所在社区网格", "手机", "党员"),
            ("李四", bad_id, "不存在的单位", "幸福社区", "123", "也许"),
            ("", "", "不存在的单位", "", "", ""),  # 姓名 must be filled: read no further
        ],
    )
    report = preview(filled, IMPORT_KINDS["people"], path)
    assert {(p.row, p.column) for p in report.problems} == {
        (2, "身份证号"),
        (2, "工作单位"),
        (2, "所在社区网格"),
        (2, "手机"),
        (2, "党员"),
        (3, "姓名"),
        (3, "工作单位"),
    }
    assert len(report.problems) == 7
    assert [r.action for r in report.rows] == [Action.PROBLEM, Action.PROBLEM]


def test_an_unknown_community_is_named(streets: Database, tmp_path: Path) -> None:
    path = write_sheet(
        tmp_path / "units.xlsx",
        [
            ("单位名称", "类别", "所在社区"),
            ("某单位", "高校", "幸福社区"),
            ("另一单位", "大学", ""),
        ],
    )
    report = preview(streets, IMPORT_KINDS["units"], path)
    assert [(p.row, p.column) for p in report.problems] == [(2, "所在社区"), (3, "类别")]
    assert str(report.problems[0].message) == "找不到社区“幸福社区”，请核对名称，或先在系统中添加。"
    assert "高校、科研院所" in str(report.problems[1].message)


def test_duplicates_are_skipped_or_updated_as_chosen(filled: Database, tmp_path: Path) -> None:
    path = write_sheet(
        tmp_path / "people.xlsx",
        [("姓名", "身份证号", "职务"), ("李华", id_number("001"), "副主任"), ("新人", "", "")],
    )
    kind = IMPORT_KINDS["people"]
    skipped = preview(filled, kind, path)
    assert [r.action for r in skipped.rows] == [Action.SKIP, Action.CREATE]
    updated = import_file(filled, kind, path, update_duplicates=True)
    assert [r.action for r in updated.rows] == [Action.UPDATE, Action.CREATE]
    with filled.reader() as s:
        li = s.scalars(select(Person).where(Person.name == "李华")).one()
        # the columns the file has are updated, the others keep their values
        assert (li.post, li.mobile, li.is_grid_worker) == ("副主任", "13912345678", True)


def test_a_removed_registration_imported_again_comes_back(filled: Database, tmp_path: Path) -> None:
    rows = export(filled, "members", tmp_path / "members.xlsx")
    with filled.session() as s:
        registration = s.scalars(select(MemberRegistration)).first()
        assert registration is not None
        remove_registration(s, registration.id, registration.version)
    report = import_file(filled, IMPORT_KINDS["members"], tmp_path / "members.xlsx")
    assert report.count(Action.CREATE) == 1 and report.count(Action.SKIP) == len(rows) - 2
    assert export(filled, "members", tmp_path / "members-again.xlsx") == rows


def test_preview_writes_nothing(filled: Database, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "units.xlsx", [("单位名称", "类别"), ("新单位", "高校")])
    report = preview(filled, IMPORT_KINDS["units"], path)
    assert report.count(Action.CREATE) == 1
    with filled.reader() as s:
        assert s.scalar(select(func.count()).select_from(ResidentUnit)) == 2


def test_agreement_and_member_rows_name_their_problems(filled: Database, tmp_path: Path) -> None:
    agreements = write_sheet(
        tmp_path / "agreements.xlsx",
        [
            ("协议编号", "类型", "协议名称", "街道方", "共建方", "有效期起", "有效期至"),
            ("GJ2026-002", "共建协议", "协议一", "宁海路街道", "无名单位", "", ""),
            ("GJ2026-003", "共建协议", "协议二", "", "某某科技公司", "", ""),
            (
                "GJ2026-004",
                "共建协议",
                "协议三",
                "玉泉社区",
                "某某科技公司",
                "2026-05-01",
                "2026-04-01",
            ),
        ],
    )
    report = preview(filled, IMPORT_KINDS["agreements"], agreements)
    assert [(p.row, p.column, str(p.message)) for p in report.problems] == [
        (2, "共建方", "找不到签约方“无名单位”，请核对名称，或先在系统中添加。"),
        (3, "街道方", "请至少添加一个街道或社区签约方。"),
        (4, "有效期至", "有效期至不能早于有效期起始日期。"),
    ]
    members = write_sheet(
        tmp_path / "members.xlsx",
        [
            ("姓名", "工作单位", "报到社区", "报到日期"),
            ("张强", "江苏省某某研究院", "玉泉社区", "2026年4月1日"),
            ("王五", "", "玉泉社区", "2026-04-01"),
            ("张强", "江苏省某某研究院", "宁海路社区", "4月1日"),
        ],
    )
    report = preview(filled, IMPORT_KINDS["members"], members)
    assert [r.action for r in report.rows] == [Action.CREATE, Action.CREATE, Action.PROBLEM]
    assert [(p.row, p.column, str(p.message)) for p in report.problems] == [
        (4, "报到日期", "“4月1日”不是日期，请写成 2026-03-01 这样的日期。"),
    ]
    assert str(report.note) == "其中 1 人在系统中原来没有，同时新建为人员（党员）。"


def test_members_not_yet_in_the_directory_are_created_in_the_same_pass(
    filled: Database, tmp_path: Path
) -> None:
    """Journey 1: the office's members sheet is imported once, not first as 人员."""
    path = write_sheet(
        tmp_path / "members.xlsx",
        [
            ("姓名", "身份证号", "性别", "手机", "工作单位", "职务", "报到社区", "报到日期"),
            (
                "王喆",
                id_number("011"),
                "男",
                "13900000011",
                "江苏省某某研究院",
                "科长",
                "玉泉社区",
                "2026-04-01",
            ),
            ("王喆", id_number("011"), "", "", "江苏省某某研究院", "", "宁海路社区", "2026-04-02"),
            ("李华", id_number("001"), "", "", "", "", "玉泉社区", "2026-04-03"),
            ("赵钱", id_number("012")[:-1] + "0", "", "", "", "", "玉泉社区", "2026-04-03"),
        ],
    )
    kind = IMPORT_KINDS["members"]
    report = preview(filled, kind, path)
    assert [(p.row, p.column) for p in report.problems] == [(5, "身份证号")]
    write_sheet(path, sheet_rows(path)[:-1])
    report = import_file(filled, kind, path)
    assert [r.action for r in report.rows] == [Action.CREATE] * 3
    assert str(report.note) == "其中 1 人在系统中原来没有，同时新建为人员（党员）。"
    with filled.reader() as s:
        wang = s.scalars(select(Person).where(Person.name == "王喆")).one()  # created once
        assert (wang.gender, wang.mobile, wang.post, wang.is_party_member) == (
            Gender.MALE,
            "13900000011",
            "科长",
            True,
        )
        registered = s.scalars(
            select(MemberRegistration.registered_on).where(MemberRegistration.person_id == wang.id)
        )
        assert sorted(registered) == [date(2026, 4, 1), date(2026, 4, 2)]
    assert import_file(filled, kind, path).count(Action.SKIP) == 3  # again: all duplicates
