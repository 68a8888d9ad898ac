"""A command pays only for what it touches: which modules a fresh interpreter has loaded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
HEAVY = ("sqlalchemy", "reportlab", "PySide6", "openpyxl", "alembic", "pyqtgraph", "zxcvbn")


def loaded_after(code: str) -> set[str]:
    """The modules loaded once ``code`` has run in a new interpreter."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def packages(modules: set[str]) -> set[str]:
    return {name.partition(".")[0] for name in modules}


def test_the_command_line_parser_loads_no_library() -> None:
    modules = loaded_after("from app.cli import build_parser\nbuild_parser()")
    assert packages(modules).isdisjoint(HEAVY)


def test_the_minutes_command_maps_only_the_areas_it_reads() -> None:
    modules = loaded_after(
        "import app.database, app.meetings.minutes, app.meetings.service, app.exports.pdf.minutes"
    )
    models = {name for name in modules if name.startswith("db.models.")}
    # meetings, with the areas their foreign keys point at, and the exchange's own small
    # tables, which the change log listening to every session names
    areas = ("directory", "exchange", "issues", "meetings", "security")
    assert models == {f"db.models.{area}" for area in areas}
    assert packages(modules).isdisjoint({"PySide6", "openpyxl", "alembic", "pyqtgraph"})


def test_load_all_puts_every_table_on_the_metadata() -> None:
    modules = loaded_after(
        "from db.models import load_all\nload_all()\nfrom db.base import Base\n"
        "assert len(Base.metadata.tables) >= 33, sorted(Base.metadata.tables)"
    )
    assert {f"db.models.{area}" for area in ("agreements", "files", "secondments")} <= modules


def test_a_model_is_found_through_the_package() -> None:
    modules = loaded_after("from db.models import Posting\nassert Posting.__tablename__")
    assert "db.models.secondments" in modules
    assert "db.models.agreements" not in modules


def test_pdfs_are_written_with_reportlabs_c_speed_ups() -> None:
    """reportlab falls back to pure Python for number formatting and stream encoding without
    rl_accel (the ``accel`` extra): a third slower on a long set of minutes."""
    modules = loaded_after("from reportlab.lib.rl_accel import fp_str\nfp_str(1.5)")
    assert "_rl_accel" in modules
