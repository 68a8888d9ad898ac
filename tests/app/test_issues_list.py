"""The issues list: filters, Chinese search of every length, keyset paging, the capped count,
row colours; and ``gongjian issues list``."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from app.cli import main
from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData
from app.issues import service
from app.issues.limits import Limit
from app.issues.lists import IssueList
from app.issues.records import DispatchTarget, IssueData
from app.listing import ListQuery
from app.localtime import BEIJING
from db.models.directory import OrgLevel
from db.models.issues import Issue, IssueSource, LimitUnit

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=BEIJING).astimezone(UTC)
TEXTS = [
    ("建宁路33号雨后积水", "南京市鼓楼区建宁路33号", "路面积水严重"),
    ("安乐村停车难", "安乐村", "晚上车位不够，乱停车"),
    ("小区路灯不亮", "宁海路社区", "三幢门口路灯坏了"),
    ("垃圾清运不及时", "江苏路", "垃圾桶满了没人清"),
    ("噪声扰民", "汉口路70号", "夜间施工"),
    ("楼道堆物", "北京西路", "楼道里堆满杂物，积水"),  # 积水 at the very end
]


@pytest.fixture
def world(database: Database) -> dict[str, str]:
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("建宁路街道", OrgLevel.STREET)).id
        one = directory.org_units.create(s, OrgUnitData("一社区", OrgLevel.COMMUNITY, street)).id
        two = directory.org_units.create(s, OrgUnitData("二社区", OrgLevel.COMMUNITY, street)).id
        dept = directory.org_units.create(s, OrgUnitData("城管科", OrgLevel.DEPARTMENT, street)).id
        water = service.save_category(s, "积水", Limit(3, LimitUnit.WORKING_DAYS))
        ids = []
        for i, (title, address, description) in enumerate(TEXTS):
            ids.append(
                service.register(
                    s,
                    IssueData(
                        title=title,
                        address=address,
                        description=description,
                        source=IssueSource.PHONE if i % 2 else IssueSource.ONLINE,
                        community_id=one if i < 3 else two,
                        category_id=water if "积水" in title else None,
                    ),
                    reported_at=T0 + timedelta(days=i),
                )
            )
        service.accept(s, ids[0], now=T0 + timedelta(days=6))
        service.dispatch(s, ids[0], [DispatchTarget(dept)], now=T0 + timedelta(days=6))
        service.supervise(s, ids[1], "督办", now=T0 + timedelta(days=6))
    return {"one": one, "two": two, "water": water, **{f"i{n}": v for n, v in enumerate(ids)}}


def titles(database: Database, **query: object) -> list[str]:
    source = IssueList()
    q = ListQuery(**query)  # type: ignore[arg-type]
    with database.reader() as s:
        rows = source.fetch(s, q, 0, 100)
        assert source.count(s, q) == len(rows) == source.count_capped(s, q, 100)
    return [r.values[1] for r in rows]


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("积水", ["楼道堆物", "建宁路33号雨后积水"]),  # two characters, one at the end
        ("积", ["楼道堆物", "建宁路33号雨后积水"]),
        ("水", ["楼道堆物", "建宁路33号雨后积水"]),
        ("停车", ["安乐村停车难"]),
        ("路灯不", ["小区路灯不亮"]),  # three: one trigram
        ("乱停车", ["安乐村停车难"]),
        ("宁海路社区", ["小区路灯不亮"]),  # five: trigrams ANDed, confirmed
        ("海路社宁", []),  # its trigrams exist elsewhere, the text does not
        ("汉口路70", ["噪声扰民"]),
        ("MS2026-000003", ["小区路灯不亮"]),  # the number, exactly
        ("没有的字", []),
        ("鑫", []),
    ],
)
def test_search_finds_chinese_substrings(
    database: Database, world: dict[str, str], needle: str, expected: list[str]
) -> None:
    assert titles(database, search=needle, sort="reported_at", descending=True) == expected


def test_search_follows_edits(database: Database, world: dict[str, str]) -> None:
    with database.session() as s:
        detail = service.issue_detail(s, world["i3"])
        service.update_facts(
            s, world["i3"], detail.version, replace(detail.data, title="餐厨垃圾清运")
        )
    assert titles(database, search="餐厨") == ["餐厨垃圾清运"]
    assert titles(database, search="及时") == []
    with database.session() as s:
        s.execute(update(Issue).where(Issue.id == world["i3"]).values(deleted_at=T0))
    assert titles(database, search="餐厨") == []


def test_filters(database: Database, world: dict[str, str]) -> None:
    now = T0 + timedelta(days=30)
    all_ = len(TEXTS)
    assert len(titles(database)) == all_
    assert titles(database, filters={"status": "dispatched"}) == ["建宁路33号雨后积水"]
    assert len(titles(database, filters={"status": ["registered", "dispatched"]})) == all_
    assert len(titles(database, filters={"community_id": world["one"]})) == 3
    assert titles(
        database, filters={"community_id": world["two"], "status": "registered"}, sort="number"
    ) == ["垃圾清运不及时", "噪声扰民", "楼道堆物"]
    assert titles(database, filters={"category_id": world["water"]}) == ["建宁路33号雨后积水"]
    assert len(titles(database, filters={"source": "phone"})) == 3
    assert titles(database, filters={"supervised": True}) == ["安乐村停车难"]
    assert len(titles(database, filters={"overdue": True, "now": now})) == all_
    assert titles(database, filters={"overdue": True, "now": T0}) == []
    between = {"reported_from": date(2026, 6, 2), "reported_before": date(2026, 6, 4)}
    assert titles(database, filters=between, sort="reported_at") == ["安乐村停车难", "小区路灯不亮"]


def test_row_colours(database: Database, world: dict[str, str]) -> None:
    source = IssueList()
    with database.reader() as s:
        early = {r.id: r.style for r in source.fetch(s, ListQuery(filters={"now": T0}), 0, 50)}
        late = source.fetch(s, ListQuery(filters={"now": T0 + timedelta(days=40)}), 0, 50)
    colours = {style.replace("supervised", "").strip() for style in early.values()}
    assert colours <= {"", "yellow"}
    assert {r.style.split()[0] for r in late} == {"red"}
    supervised = {r.id for r in late if "supervised" in r.style.split()}  # 督办: in bold
    with database.reader() as s:
        expected = {r.id for r in source.fetch(s, ListQuery(filters={"supervised": True}), 0, 50)}
    assert supervised == expected


@pytest.mark.parametrize("sort", ["reported_at", "number", "title"])
@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_equal_offset_pages(
    database: Database, world: dict[str, str], sort: str, descending: bool
) -> None:
    with database.session() as s:  # ties in the sort key: the id breaks them
        for n in range(17):
            service.register(
                s, IssueData(title=f"同名事项{n % 3}"), reported_at=T0 + timedelta(days=n % 4)
            )
    source = IssueList()
    query = ListQuery(sort=sort, descending=descending)
    with database.reader() as s:
        whole = [r.id for r in source.fetch(s, query, 0, 100)]
        pages = source.fetch(s, query, 0, 5)
        while True:
            after = source.fetch_after(s, query, pages[-1], 5)
            assert after is not None
            if not after:
                break
            pages += after
        assert source.count_capped(s, query, 7) == 7
    assert [r.id for r in pages] == whole and len(whole) == 23


def test_keyset_not_offered_for_other_sorts(database: Database, world: dict[str, str]) -> None:
    source = IssueList()
    query = ListQuery(sort="community")
    with database.reader() as s:
        first = source.fetch(s, query, 0, 2)
        assert source.fetch_after(s, query, first[-1], 2) is None


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_issues_list(
    capsys: pytest.CaptureFixture[str], database: Database, world: dict[str, str], tmp_path: Path
) -> None:
    db = str(tmp_path / "gongjian.db")
    code, out, err = run(capsys, "--db", db, "issues", "list", "--json", "--limit", "2")
    assert code == 0, err
    found = json.loads(out)
    assert [i["title"] for i in found] == ["楼道堆物", "噪声扰民"]
    assert found[0]["status"] == "registered" and found[0]["number"] == "MS2026-000006"
    code, out, err = run(capsys, "--db", db, "issues", "list", "--status", "派单", "--json")
    assert code == 0, err
    assert [i["number"] for i in json.loads(out)] == ["MS2026-000001"]
    code, out, _ = run(capsys, "--db", db, "issues", "list", "--status", "in_progress")
    assert (code, out) == (0, "没有符合条件的民生事项。\n")
    code, out, _ = run(capsys, "--db", db, "issues", "list", "--overdue", "--limit", "3")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["编号", "状态", "办理时限", "社区", "事项"]
    assert len(lines) == 5 and "还有更多" in lines[-1]
    code, _, err = run(capsys, "--db", db, "issues", "list", "--status", "完成")
    assert code != 0 and "没有“完成”这个状态" in err and "\n" == err[-1] and err.count("\n") == 1
    code, _, err = run(capsys, "--db", db, "issues", "list", "--limit", "0")
    assert code != 0 and "--limit" in err


def test_cli_work_order(
    capsys: pytest.CaptureFixture[str], database: Database, world: dict[str, str], tmp_path: Path
) -> None:
    db = str(tmp_path / "gongjian.db")
    out_file = tmp_path / "order.pdf"
    code, out, err = run(capsys, "--db", db, "workorder", "MS2026-000001", "-o", str(out_file))
    assert code == 0, err
    assert out_file.read_bytes().startswith(b"%PDF") and "已导出工单" in out
    code, _, err = run(capsys, "--db", db, "workorder", "MS1999-000001", "-o", str(out_file))
    assert code != 0 and "找不到民生事项" in err


def test_bulk_loading_indexes_at_the_end(database: Database, world: dict[str, str]) -> None:
    from sqlalchemy import text

    from app.issues.search import bulk_loading

    with database.session() as s:
        connection = s.connection()
        with bulk_loading(connection):
            assert not connection.scalar(
                text("SELECT count(*) FROM sqlite_master WHERE name = 'issues_fts_insert'")
            )
            service.register(s, IssueData(title="批量导入的井盖缺失"), reported_at=T0)
        assert connection.scalar(
            text("SELECT count(*) FROM sqlite_master WHERE name = 'issues_fts_insert'")
        )
    assert titles(database, search="井盖") == ["批量导入的井盖缺失"]
    with database.session() as s:
        service.register(s, IssueData(title="又一个井盖"), reported_at=T0)
    assert len(titles(database, search="井盖")) == 2
