"""Dependencies point one way: ui → app → db. Checked by reading every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The command line starts the window and renders screenshots: the one place app/ hands over
# to ui/, always by a local import inside the function that needs it.
ALLOWED_UI_IMPORTS = {
    ("app/cli/__init__.py", "ui.application"),
    ("app/cli/screenshot.py", "ui.screenshot"),
}


def imported_modules(path: Path) -> list[tuple[str, bool]]:
    """(module, at top level) for every import statement in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_level = {id(node) for node in tree.body}
    found: list[tuple[str, bool]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, id(node) in top_level))
    return found


def python_files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", ["app", "db"])
def test_no_qt_below_the_ui(package: str) -> None:
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in python_files(package)
        for module, _ in imported_modules(path)
        if module.split(".")[0] in {"PySide6", "shiboken6", "pyqtgraph"}
    ]
    assert offenders == []


def test_db_imports_neither_app_nor_ui() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in python_files("db")
        for module, _ in imported_modules(path)
        if module.split(".")[0] in {"app", "ui"}
    ]
    assert offenders == []


def test_app_reaches_ui_only_from_the_command_line_and_lazily() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in python_files("app")
        for module, top_level in imported_modules(path)
        if module.split(".")[0] == "ui"
        and (top_level or (str(path.relative_to(ROOT)), module) not in ALLOWED_UI_IMPORTS)
    ]
    assert offenders == []


def test_the_walk_sees_imports() -> None:
    """Guards the guard: the walker finds a known import in a known file."""
    assert ("sqlalchemy", True) in imported_modules(ROOT / "db" / "engine.py")


# Undo commands name the row they guard against a change made elsewhere by its model class;
# they are the last screens that reach db.models (an allow-list that only shrinks).
UI_MODEL_IMPORTS = {
    ("ui/agreements/claims_commands.py", "db.models.agreements"),
    ("ui/agreements/commands.py", "db.models.agreements"),
    ("ui/agreements/matrix_commands.py", "db.models.agreements"),
    ("ui/agreements/removal_commands.py", "db.models.agreements"),
    ("ui/meetings/commands.py", "db.models.meetings"),
    ("ui/secondments/commands.py", "db.models.secondments"),
}


def test_ui_takes_its_enums_from_app_not_from_the_models() -> None:
    found = {
        (str(path.relative_to(ROOT)), module)
        for path in python_files("ui")
        for module, _ in imported_modules(path)
        if module.startswith("db.models")
    }
    assert found - UI_MODEL_IMPORTS == set(), "import the enum from app.enums"
    assert UI_MODEL_IMPORTS - found == set(), "shrink UI_MODEL_IMPORTS to what is left"


AREAS = ("agreements", "directory", "issues", "meetings", "secondments")
# the directory tab shows the members view of the agreements area, which edits people
TWO_WAY_ALLOWED = {("ui.agreements", "ui.directory")}


def area_imports(layer: str) -> set[tuple[str, str]]:
    """(area, area it imports) between the feature areas of ``layer`` (app or ui)."""
    edges = set()
    for area in AREAS:
        for path in python_files(f"{layer}/{area}"):
            for module, _ in imported_modules(path):
                parts = module.split(".")
                if parts[0] == layer and len(parts) > 1 and parts[1] in AREAS:
                    if parts[1] != area:
                        edges.add((f"{layer}.{area}", f"{layer}.{parts[1]}"))
    return edges


@pytest.mark.parametrize("layer", ["app", "ui"])
def test_no_two_areas_import_each_other(layer: str) -> None:
    edges = area_imports(layer)
    both_ways = {(a, b) for a, b in edges if (b, a) in edges and a < b}
    assert both_ways <= TWO_WAY_ALLOWED
