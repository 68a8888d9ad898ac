"""``gongjian secondments list``: the table, JSON, --active, --ending-days and
--ending-next-month."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.database import Database
from app.directory import service as directory
from app.directory.records import OrgUnitData, PersonData, ResidentUnitData
from app.localtime import beijing_today
from app.secondments import service
from app.secondments.lists import NEXT_MONTH, ending_range
from app.secondments.records import PostingData
from db.models.directory import OrgLevel, UnitCategory
from db.models.secondments import Posting, PostingKind


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "g.db"
    database = Database(str(path))
    today = beijing_today()
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("建宁路街道", OrgLevel.STREET)).id
        grid = directory.org_units.create(s, OrgUnitData("第一网格", OrgLevel.GRID, street)).id
        organ = directory.resident_units.create(
            s, ResidentUnitData("江苏省教育厅", UnitCategory.PROVINCIAL_ORGAN)
        ).id
        for name, kind, start, end in (
            ("王喆", PostingKind.CROSS, -100, 10),  # ends in 10 days
            ("李堃", PostingKind.FIRST_COMMUNITY_HEAD, -100, 200),
            ("张玥", PostingKind.CROSS, -400, -35),  # ended
        ):
            person = directory.people.create(s, PersonData(name)).id
            service.create_posting(
                s,
                PostingData(
                    person_id=person,
                    kind=kind,
                    home_unit_id=organ,
                    host_org_unit_id=grid,
                    host_post="第一社长" if kind is PostingKind.FIRST_COMMUNITY_HEAD else "挂职",
                    starts_on=today + timedelta(days=start),
                    ends_on=today + timedelta(days=end),
                ),
            )
    database.close()
    return path


def test_list_table(capsys: pytest.CaptureFixture[str], db_file: Path) -> None:
    code, out, err = run(capsys, "--db", str(db_file), "secondments", "list")
    assert code == 0, err
    assert "姓名" in out and "第一社长" in out and "共 3 项挂职。" in out


def test_an_extended_posting_lists_its_agreed_end(
    capsys: pytest.CaptureFixture[str], db_file: Path
) -> None:
    database = Database(str(db_file))
    with database.session() as s:
        posting = s.scalars(select(Posting).order_by(Posting.ends_on)).all()[1]  # 王喆's
        agreed = posting.ends_on
        service.extend(s, posting.id, posting.version, agreed + timedelta(days=90), "工作需要")
    database.close()
    _, out, _ = run(capsys, "--db", str(db_file), "secondments", "list", "--json")
    rows = {r["person"]: r for r in json.loads(out)}
    assert rows["王喆"]["planned_ends_on"] == agreed.isoformat()
    assert rows["李堃"]["planned_ends_on"] is None  # a term as agreed
    _, out, _ = run(capsys, "--db", str(db_file), "secondments", "list")
    assert "原定结束" in out and agreed.isoformat() in out


def test_list_json_active_and_ending(capsys: pytest.CaptureFixture[str], db_file: Path) -> None:
    code, out, err = run(capsys, "--db", str(db_file), "secondments", "list", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert {r["person"] for r in rows} == {"王喆", "李堃", "张玥"}
    assert {"id", "kind", "status", "starts_on", "ends_on", "home", "host"} <= set(rows[0])
    _, out, _ = run(capsys, "--db", str(db_file), "secondments", "list", "--active", "--json")
    assert {r["person"] for r in json.loads(out)} == {"王喆", "李堃"}
    args = ("--db", str(db_file), "secondments", "list", "--ending-days", "30", "--json")
    _, out, _ = run(capsys, *args)
    assert [r["person"] for r in json.loads(out)] == ["王喆"]
    _, out, _ = run(capsys, "--db", str(db_file), "secondments", "list", "--ending-days", "0")
    assert "没有符合条件的挂职" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["secondments"],
        ["secondments", "list", "--ending-days", "soon"],
        ["secondments", "list", "--ending-days", "-3"],
    ],  # fmt: skip
)
def test_bad_arguments_give_one_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "参数错误" in err


def test_missing_database_gives_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--db", str(tmp_path / "none.db"), "secondments", "list")
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1


def test_form_exports_pdf(
    capsys: pytest.CaptureFixture[str], db_file: Path, tmp_path: Path
) -> None:
    _, out, _ = run(capsys, "--db", str(db_file), "secondments", "list", "--json")
    posting = json.loads(out)[0]["id"]
    output = tmp_path / "assessment.pdf"
    args = ("--db", str(db_file), "secondments", "form", posting, "--kind", "assessment")
    code, out, err = run(capsys, *args, "-o", str(output))
    assert code == 0, err
    assert output.read_bytes().startswith(b"%PDF")
    code, _, err = run(capsys, "--db", str(db_file), "secondments", "form", posting, "-o", "x.pdf")
    assert code == 1 and "--period" in err and len(err.strip().splitlines()) == 1
    blank = tmp_path / "blank.pdf"
    code, _, err = run(
        capsys, "--db", str(db_file), "secondments", "form", posting,
        "--period", "annual", "--year", "2026", "-o", str(blank),
    )  # fmt: skip
    assert code == 0, err
    assert blank.stat().st_size > 1000
    code, _, err = run(capsys, "--db", str(db_file), "secondments", "form", "nope", "-o", "x.pdf")
    assert code == 1 and "找不到挂职" in err


def test_list_ending_next_month(capsys: pytest.CaptureFixture[str], db_file: Path) -> None:
    """下月到期: the running postings whose end falls in the calendar month after today's."""
    first, last = ending_range(NEXT_MONTH, beijing_today())
    assert first.day == 1 and first.month != beijing_today().month and last.month == first.month
    args = ("--db", str(db_file), "secondments", "list", "--json")
    _, out, _ = run(capsys, *args)
    expected = {
        r["person"]
        for r in json.loads(out)
        if r["status"] in ("active", "extended")
        and first.isoformat() <= r["ends_on"] <= last.isoformat()
    }
    _, out, _ = run(capsys, *args, "--ending-next-month")
    assert {r["person"] for r in json.loads(out)} == expected


@pytest.mark.parametrize(
    ("today", "first", "last"),
    [
        (date(2026, 11, 28), date(2026, 12, 1), date(2026, 12, 31)),
        (date(2026, 12, 1), date(2027, 1, 1), date(2027, 1, 31)),
        (date(2027, 1, 31), date(2027, 2, 1), date(2027, 2, 28)),
    ],
)
def test_next_month_runs_over_the_year_end_and_february(
    today: date, first: date, last: date
) -> None:
    assert ending_range(NEXT_MONTH, today) == (first, last)
    assert ending_range(30, today) == (today, today + timedelta(days=30))


def test_ending_days_and_next_month_exclude_each_other(
    capsys: pytest.CaptureFixture[str], db_file: Path
) -> None:
    argv = ["--db", str(db_file), "secondments", "list", "--ending-days", "3"]
    code, _, err = run(capsys, *argv, "--ending-next-month")
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_forms_of_a_year_in_one_file_or_a_folder(
    capsys: pytest.CaptureFixture[str], db_file: Path, tmp_path: Path
) -> None:
    from decimal import Decimal

    from app.secondments import evaluations
    from app.secondments.records import EvaluationData
    from db.models.secondments import EvaluationPeriod, EvaluatorSide, Grade

    today = beijing_today()
    database = Database(str(db_file))
    with database.session() as s:
        running = s.scalars(select(Posting).where(Posting.ends_on >= today)).all()
        for posting in running:
            for side in EvaluatorSide:
                evaluations.add_evaluation(
                    s,
                    posting.id,
                    EvaluationData(
                        side,
                        EvaluationPeriod.MID_TERM,
                        today.year,
                        Grade.COMPETENT,
                        Decimal(85),
                        "",
                        "党委",
                        today,
                    ),  # fmt: skip
                )
    database.close()
    base = ("--db", str(db_file), "secondments", "forms", "--year", str(today.year))
    code, out, err = run(capsys, *base, "-o", str(tmp_path / "all.pdf"))
    assert code == 0, err
    assert f"已导出 {len(running)} 份评价表" in out
    assert (tmp_path / "all.pdf").read_bytes().startswith(b"%PDF")
    folder = tmp_path / "forms"
    folder.mkdir()
    code, out, err = run(capsys, *base, "--folder", str(folder))
    assert code == 0, err
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{name}双向评价表（{today.year}年中期）.pdf" for name in ("王喆", "李堃")
    )
    code, out, err = run(capsys, *base, "--disagreement-only", "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and out == "" and "没有符合条件的双向评价" in err
    assert not (tmp_path / "x.pdf").exists()
