"""Shared fixtures: offscreen Qt with the bundled font, and a fresh database per test."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep settings, logs and default databases of test runs out of the user's own folders.
_HOME = tempfile.mkdtemp(prefix="gongjian-tests-")
for _variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_variable] = os.path.join(_HOME, _variable.lower())
os.environ.pop("GONGJIAN_DB", None)

from app.database import Database  # noqa: E402


@pytest.fixture(autouse=True)
def quick_password_hashing(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt at OWASP's cost takes most of a second on a busy two-core machine; tests that
    are not about the cost hash passwords and seal enrolment files with a small one
    (``@pytest.mark.real_scrypt`` keeps it; an enrolment file records its cost)."""
    if request.node.get_closest_marker("real_scrypt") is None:
        from app import passwords
        from app.exchange import sealing

        monkeypatch.setattr(passwords, "COST", passwords.ScryptCost(n=2**10, r=8, p=1))
        monkeypatch.setattr(sealing, "SCRYPT_N", 2**10)


@pytest.fixture(scope="session")
def empty_database_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database, migrated and given the official calendar once per test run: a test's
    own copy of it is the same as a new file, and much faster to make."""
    path = tmp_path_factory.mktemp("template") / "empty.db"
    Database(str(path)).close()
    return path


@pytest.fixture
def database(tmp_path: Path, empty_database_file: Path) -> Iterator[Database]:
    target = tmp_path / "gongjian.db"
    shutil.copyfile(empty_database_file, target)
    db = Database(str(target))
    yield db
    db.close()


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str]) -> Iterator[Any]:
    """pytest-qt's application, set up as ui.application.create_application does."""
    from PySide6.QtWidgets import QApplication
    from ui.fonts import register_fonts
    from ui.qt_workarounds import guard_bool_refcounts
    from ui.widgets.wheel_guard import install_wheel_guard

    guard_bool_refcounts()
    app = QApplication.instance() or QApplication(qapp_args)
    register_fonts(app)  # type: ignore[arg-type]
    install_wheel_guard(app)  # type: ignore[arg-type]
    yield app
