"""The gongjian command: each subcommand, and one clear line for every kind of bad input."""

from __future__ import annotations

import importlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.cli import main
from app.database import Database
from app.directory import service as directory
from app.directory.records import PersonData, ResidentUnitData
from db.models.directory import UnitCategory


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
    Database(str(path)).close()
    return path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"gongjian {__version__}"


def test_check_passes_on_a_sound_database(
    capsys: pytest.CaptureFixture[str], db_file: Path
) -> None:
    code, out, err = run(capsys, "--db", str(db_file), "check")
    assert code == 0, err
    assert "检查通过" in out


def test_check_fails_on_a_damaged_file(capsys: pytest.CaptureFixture[str], db_file: Path) -> None:
    with db_file.open("r+b") as f:
        f.write(b"\0" * 100)
    code, _, err = run(capsys, "--db", str(db_file), "check")
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and "损坏" in err
    assert "Traceback" not in err


def test_check_reports_broken_references(capsys: pytest.CaptureFixture[str], db_file: Path) -> None:
    with sqlite3.connect(db_file) as connection:  # foreign keys are off in a bare connection
        connection.execute(
            "INSERT INTO people (id, name, mobile, employer_unit_id, post, is_party_member,"
            " is_grid_worker, note, created_at, updated_at, version)"
            " VALUES ('p1', '王喆', '', 'gone', '', 0, 0, '', '2026-01-01', '2026-01-01', 1)"
        )
    code, out, _ = run(capsys, "--db", str(db_file), "check")
    assert code == 1 and "foreign_key_check" in out


def test_check_reports_a_bad_id_number(capsys: pytest.CaptureFixture[str], db_file: Path) -> None:
    with sqlite3.connect(db_file) as connection:
        connection.execute(
            "INSERT INTO people (id, name, mobile, id_number, post, is_party_member,"
            " is_grid_worker, note, created_at, updated_at, version)"
            " VALUES ('p1', '李堃', '', '110105194912310021', '', 0, 0, '', '2026-01-01',"
            " '2026-01-01', 1)"
        )
    code, out, _ = run(capsys, "--db", str(db_file), "check")
    assert code == 1 and "李堃" in out


def test_check_reports_a_posting_planned_to_end_before_it_starts(
    capsys: pytest.CaptureFixture[str], db_file: Path
) -> None:
    database = Database(str(db_file))
    with database.session() as s:
        person = directory.people.create(s, PersonData("王喆")).id
        unit = directory.resident_units.create(
            s, ResidentUnitData("某厅", UnitCategory.PROVINCIAL_ORGAN)
        ).id
    database.close()
    with sqlite3.connect(db_file) as connection:
        connection.execute(
            "INSERT INTO postings (id, person_id, kind, home_unit_id, home_post, host_unit_id,"
            " host_post, starts_on, ends_on, planned_ends_on, objectives, status,"
            " extension_reason, early_end_reason, created_at, updated_at, version)"
            " VALUES ('x1', ?, 'cross', ?, '', ?, '', '2026-03-01', '2026-09-01',"
            " '2026-02-01', '', 'active', '', '', '2026-01-01', '2026-01-01', 1)",
            (person, unit, unit),
        )
    code, out, _ = run(capsys, "--db", str(db_file), "check")
    assert code == 1 and "1 条挂职的开始日期晚于原定结束日期" in out
    assert "晚于结束日期" not in out


@pytest.mark.parametrize(
    "command",
    [
        "check",
        "backup -o /tmp/x.db",
        "screenshot home -o x.png",
        "meetings list",
        "minutes m1 -o x.pdf",
        "signin-sheet m1 -o x.pdf",
    ],
)
def test_a_missing_folder_gives_one_line(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, err = run(capsys, "--db", "/no/such/dir/x.db", *command.split())
    assert code != 0 and out == ""
    assert err.strip().splitlines() == ["gongjian: 数据库所在的文件夹不存在：/no/such/dir"]


def test_a_missing_file_is_not_created_by_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "absent.db"), "check")
    assert code != 0 and "不存在" in err
    assert not (tmp_path / "absent.db").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["screenshot", "nowhere", "-o", "x.png"],
        ["screenshot", "home", "-o", "x.png", "--size", "big"],
        ["backup", "lists"],
        ["restore"],
        ["meetings"],
        ["meetings", "delete"],
        ["minutes", "m1"],
        ["signin-sheet", "-o", "x.pdf"],
    ],
)
def test_bad_arguments_give_one_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "参数错误" in err


def test_backup_is_a_verified_copy(
    capsys: pytest.CaptureFixture[str], db_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "copy.db"
    code, out, err = run(capsys, "--db", str(db_file), "backup", "-o", str(target))
    assert code == 0, err
    with sqlite3.connect(target) as connection:
        assert connection.execute("PRAGMA quick_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
    code, _, err = run(capsys, "--db", str(db_file), "backup", "-o", str(db_file))
    assert code == 1 and "数据库文件本身" in err


def test_the_environment_variable_chooses_the_database(
    capsys: pytest.CaptureFixture[str], db_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GONGJIAN_DB", str(db_file))
    code, out, _ = run(capsys, "check")
    assert code == 0 and "检查通过" in out


def test_screenshot_writes_a_png_of_the_requested_size(
    capsys: pytest.CaptureFixture[str], db_file: Path, tmp_path: Path, qapp: object
) -> None:
    from PySide6.QtGui import QImage

    target = tmp_path / "home.png"
    code, _, err = run(
        capsys, "--db", str(db_file), "screenshot", "home", "-o", str(target), "--size", "1024x700"
    )
    assert code == 0, err
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1024, 700)


def test_python_dash_m_app_is_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"gongjian {__version__}"


def test_demo_refuses_a_database_that_has_data(
    capsys: pytest.CaptureFixture[str], db_file: Path
) -> None:
    from app.directory import service
    from app.directory.records import OrgUnitData
    from db.models.directory import OrgLevel

    database = Database(str(db_file))
    with database.session() as s:
        service.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET))
    database.close()
    code, _, err = run(capsys, "--db", str(db_file), "demo")
    assert code == 1
    assert err.strip().splitlines()[-1].startswith("gongjian: 数据库里已经有组织架构")


# --- meetings -----------------------------------------------------------------------------------


@pytest.fixture
def meeting_db(db_file: Path) -> tuple[Path, str]:
    """A database with one draft meeting (and the id of the meeting)."""
    from datetime import datetime

    from app.directory import service as directory
    from app.directory.records import OrgUnitData, PersonData
    from app.localtime import BEIJING
    from app.meetings import service
    from app.meetings.records import AttendeeData, MeetingContent, MeetingData
    from db.models.directory import OrgLevel
    from db.models.meetings import AttendanceStatus

    database = Database(str(db_file))
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("宁海路街道", OrgLevel.STREET)).id
        chair = directory.people.create(s, PersonData("王喆", org_unit_id=street)).id
        meeting_id = service.create_meeting(
            s,
            MeetingContent(
                MeetingData(
                    kind="联络员会议",
                    title="宁海路街道联络员会议",
                    starts_at=datetime(2026, 3, 12, 8, 30, tzinfo=BEIJING),
                    host_org_unit_id=street,
                    chair_id=chair,
                    recorder_id=chair,
                ),
                [AttendeeData(chair, status=AttendanceStatus.PRESENT)],
            ),
        )
    database.close()
    return db_file, meeting_id


def test_meetings_list(capsys: pytest.CaptureFixture[str], meeting_db: tuple[Path, str]) -> None:
    import json

    db, meeting_id = meeting_db
    code, out, err = run(capsys, "--db", str(db), "meetings", "list", "--json")
    assert code == 0, err
    assert json.loads(out) == [
        {
            "id": meeting_id,
            "date": "2026-03-12",
            "starts_at": "2026-03-12T08:30:00+08:00",  # Beijing time, whatever the PC's zone
            "kind": "联络员会议",
            "title": "宁海路街道联络员会议",
            "status": "draft",
        }
    ]
    code, out, err = run(capsys, "--db", str(db), "meetings", "list")
    assert code == 0, err
    header, row, total = out.splitlines()
    assert header.split() == ["ID", "时间", "会议类型", "状态", "会议名称"]
    assert row.split() == [
        meeting_id,
        "2026-03-12",
        "08:30",
        "联络员会议",
        "草稿",
        "宁海路街道联络员会议",
    ]
    assert total == "共 1 次会议。"


def test_meetings_list_of_an_empty_database(
    capsys: pytest.CaptureFixture[str], db_file: Path
) -> None:
    assert run(capsys, "--db", str(db_file), "meetings", "list", "--json")[:2] == (0, "[]\n")
    assert run(capsys, "--db", str(db_file), "meetings", "list")[:2] == (0, "还没有会议。\n")


def _pdf_export_available() -> bool:
    try:
        from app.exports.pdf import write_minutes, write_signin_sheet  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not _pdf_export_available(), reason="app.exports.pdf is not there yet")
def test_minutes_and_signin_sheet_are_written_as_pdf(
    capsys: pytest.CaptureFixture[str], meeting_db: tuple[Path, str], tmp_path: Path
) -> None:
    from app.meetings import service

    db, meeting_id = meeting_db
    minutes = tmp_path / "纪要.pdf"
    code, out, err = run(capsys, "--db", str(db), "minutes", meeting_id, "-o", str(minutes))
    assert code == 0, err
    assert minutes.read_bytes().startswith(b"%PDF") and str(minutes) in out
    sheet = tmp_path / "签到表.pdf"
    code, out, err = run(capsys, "--db", str(db), "signin-sheet", meeting_id, "-o", str(sheet))
    assert code == 0, err
    assert sheet.read_bytes().startswith(b"%PDF")
    database = Database(str(db))
    with database.reader() as s:
        detail = service.get_meeting(s, meeting_id)
    database.close()
    assert detail.exported_at is not None and detail.version == 1


@pytest.mark.parametrize("command", ["minutes", "signin-sheet"])
def test_an_unknown_or_deleted_meeting_gives_one_line(
    capsys: pytest.CaptureFixture[str],
    meeting_db: tuple[Path, str],
    tmp_path: Path,
    command: str,
) -> None:
    from app.meetings import service

    db, meeting_id = meeting_db
    target = tmp_path / "x.pdf"
    code, out, err = run(capsys, "--db", str(db), command, "nope", "-o", str(target))
    assert (code, out) == (1, "")
    assert err.strip().splitlines() == ["gongjian: 找不到会议：nope"]
    database = Database(str(db))
    with database.session() as s:
        service.delete_meeting(s, meeting_id)
    database.close()
    code, _, err = run(capsys, "--db", str(db), command, meeting_id, "-o", str(target))
    assert code == 1 and err.strip().splitlines() == [f"gongjian: 找不到会议：{meeting_id}"]
    assert not target.exists()


def test_screenshot_gives_plain_offscreen_qt_the_screen_asked_for(
    db_file: Path, tmp_path: Path
) -> None:
    """Editors fit themselves to the screen: with ``QT_QPA_PLATFORM=offscreen`` alone, Qt's
    offscreen screen would be 800 × 800 and an editor drawn narrower than on a PC."""
    script = (
        "import sys; from pathlib import Path; from ui.screenshot import take_screenshot\n"
        "from PySide6.QtWidgets import QApplication\n"
        "take_screenshot(sys.argv[1], 'home', Path(sys.argv[2]), (1366, 768))\n"
        "size = QApplication.primaryScreen().size(); print(size.width(), size.height())"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", script, str(db_file), str(tmp_path / "home.png")],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split()[-2:] == ["1366", "768"]


def test_each_area_registers_the_commands_the_table_names() -> None:
    from app.cli import AREA_COMMANDS
    from app.cli.base import Parser

    for module, names in AREA_COMMANDS.items():
        commands = Parser(prog="gongjian").add_subparsers(dest="command", parser_class=Parser)
        handlers = importlib.import_module(module).register(commands)
        assert sorted(handlers) == sorted(commands.choices) == sorted(names), module


@pytest.mark.parametrize(
    ("argv", "areas"),
    [
        (["--db", "x.db", "minutes", "M1", "-o", "m.pdf"], ["app.cli.meetings"]),
        (["import-template", "people", "-o", "t.xlsx"], ["app.cli.excel"]),
        (["--user", "minutes", "check"], ["app.cli.maintenance"]),  # a user named minutes
        (["--help"], None),
        (["minute", "M1"], None),  # not a command: the error lists them all
    ],
)
def test_a_command_builds_only_its_own_areas_parser(
    argv: list[str], areas: list[str] | None
) -> None:
    from app.cli import AREA_COMMANDS, command_areas

    assert command_areas(argv) == (areas or list(AREA_COMMANDS))


def test_a_mistyped_command_is_told_with_every_command_it_could_be(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "minute", "M1")
    assert code == 2 and "minutes" in err and "postgres-roles" in err
