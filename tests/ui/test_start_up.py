"""Start-up: what the first paint waits for, errors that come before the log is set up, and
what it prepares ahead, once the data shows, for the tabs not built yet."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar

import pytest
from pytestqt.qtbot import QtBot

from app.logs import setup_logging

from PySide6.QtWidgets import QApplication
from ui import errors

ROOT = Path(__file__).resolve().parents[2]
OURS = ("app", "db", "ui", "sqlalchemy", "pyqtgraph")  # what a tab's first build may import
ID_NUMBER = "32010219800101123X"

# Starts the window as `gongjian` does and reports, at its first paint, which of the modules
# that only later steps need are already loaded; at the end, whether the log was set up.
PROBE = """
import sys
from PySide6.QtCore import QEvent
import app.logs
import ui.application as application

LATER = ("json", "logging.handlers", "sqlalchemy", "pyqtgraph")
seen = {}
watch = application.FirstPaint.eventFilter

def at_first_paint(self, watched, event):
    if not self._done and event.type() == QEvent.Type.Paint:
        seen["loaded"] = [name for name in LATER if name in sys.modules]
    return watch(self, watched, event)

application.FirstPaint.eventFilter = at_first_paint
application.run(sys.argv[1])
seen["log_set_up"] = app.logs._configured is not None
import json
print(json.dumps(seen), flush=True)
"""


def profile_env(home: Path) -> dict[str, str]:
    """The environment of a window started offscreen whose settings and files stay in ``home``."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home)}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    env["PYTHONPATH"] = str(ROOT)
    return env


def window_on_directory(qtbot: QtBot, demo_street: Path, folder: Path) -> Any:
    """The main window opened on the directory tab, over a copy of the demo street."""
    from tests.ui.conftest import show_main_window

    database = shutil.copyfile(demo_street, folder / "street.db")
    return show_main_window(qtbot, str(database), folder, last_tab="directory")


def test_the_first_paint_does_not_wait_for_the_log_handler(tmp_path: Path) -> None:
    env = profile_env(tmp_path)
    env["GONGJIAN_STARTUP_PROBE"] = "1"
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "new.db")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    lines = [line for line in result.stdout.splitlines() if line.startswith('{"loaded"')]
    assert lines, result.stderr[-2000:]
    seen = json.loads(lines[-1])
    assert seen["loaded"] == []
    assert seen["log_set_up"]


def test_an_error_before_the_log_is_set_up_goes_to_the_log_not_to_stderr(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import logging

    import app.logs

    handlers = list(logging.getLogger().handlers)
    shown: list[str] = []
    monkeypatch.setattr(app.logs, "_configured", None)  # as at start-up, before the first paint
    monkeypatch.setattr(errors, "show_unexpected_error", lambda _ref, path: shown.append(path))
    previous = sys.excepthook
    errors.install_exception_hook()
    try:
        try:
            raise RuntimeError(f"row ('王喆', '{ID_NUMBER}') could not be read")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
        log_file = setup_logging()
        logged = log_file.read_text(encoding="utf-8")
    finally:
        sys.excepthook = previous
        for handler in set(logging.getLogger().handlers) - set(handlers):  # the one set up here
            logging.getLogger().removeHandler(handler)
            handler.close()
    assert shown == [str(log_file)]
    assert "RuntimeError" in logged and ID_NUMBER not in logged
    assert ID_NUMBER not in capsys.readouterr().err


# Opens the window on a tab as start-up does, lets it prepare ahead, then clicks every tab and
# reports which of our modules (and SQLAlchemy's, pyqtgraph's) each first build still imported.
AHEAD_PROBE = """
import json, sys
from PySide6.QtCore import QEventLoop, QTimer
from ui.application import create_application, prepare_for_work
from ui.main_window import TAB_KEYS, MainWindow
from ui.settings import Settings

app = create_application(sys.argv[:1])
settings = Settings()
settings.last_tab = sys.argv[2]
window = MainWindow(sys.argv[1], settings, interactive=False)
window.resize(1366, 768)
window.show()
prepare_for_work(app)
assert window.open_database()
waiting = QEventLoop()
window.prepare_ahead().finished.connect(waiting.quit)
waiting.exec()
late = {}
for key in TAB_KEYS:
    before = set(sys.modules)
    window.show_tab(key)
    while not window.current_page().data_ready():
        app.processEvents()
    settled = QEventLoop()  # what the tab builds after its first paint (the home tab's charts)
    QTimer.singleShot(300, settled.quit)
    settled.exec()
    late[key] = sorted(name for name in set(sys.modules) - before if name.split(".")[0] in OURS)
print(json.dumps(late), flush=True)
"""


@pytest.mark.parametrize("start", ["home", "directory"])
def test_once_start_up_has_imported_ahead_a_first_click_imports_nothing_more(
    demo_street: Path, tmp_path: Path, start: str
) -> None:
    """``TabPage.imports_ahead`` stays true: every module a tab's first build imports inside
    functions is named there, so the first click on a tab builds widgets and reads data only."""
    database = shutil.copyfile(demo_street, tmp_path / "street.db")
    env = profile_env(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", f"OURS = {OURS!r}\n{AHEAD_PROBE}", str(database), start],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, result.stderr[-2000:]
    late = json.loads(lines[-1])
    assert late == {key: [] for key in late} and len(late) == 6


class AheadPage:
    """A tab's page class as PrepareAhead reads it."""

    imports_ahead = ("gongjian_ahead_one",)
    reads: ClassVar[list[object]] = []

    @classmethod
    def read_ahead(cls, database: object) -> None:
        cls.reads.append(database)


class BrokenPage(AheadPage):
    imports_ahead = ("gongjian_ahead_missing", "gongjian_ahead_two")


@pytest.fixture
def ahead_modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("gongjian_ahead_one", "gongjian_ahead_two"):
        (tmp_path / f"{name}.py").write_text("VALUE = 1\n", encoding="utf-8")
        monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(AheadPage, "reads", [])


@pytest.mark.usefixtures("ahead_modules")
def test_preparing_ahead_imports_then_reads_from_the_next_turn_of_the_event_loop(
    qtbot: QtBot,
) -> None:
    from PySide6.QtCore import QObject
    from ui.ahead import PrepareAhead

    owner, database = QObject(), object()
    ahead = PrepareAhead([(__name__, "AheadPage")], lambda: database, owner)
    assert "gongjian_ahead_one" not in sys.modules  # nothing before the next turn of the loop
    with qtbot.waitSignal(ahead.finished, timeout=5000):
        pass
    assert "gongjian_ahead_one" in sys.modules
    assert AheadPage.reads == [database]
    # once the database is closed, nothing is read
    with qtbot.waitSignal(PrepareAhead([(__name__, "AheadPage")], lambda: None, owner).finished):
        pass
    assert AheadPage.reads == [database]


@pytest.mark.usefixtures("ahead_modules")
def test_an_import_error_ends_preparing_ahead_with_a_line_in_the_log(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    from PySide6.QtCore import QObject
    from ui.ahead import PrepareAhead

    owner = QObject()
    ahead = PrepareAhead([(__name__, "BrokenPage")], object, owner)
    with qtbot.waitSignal(ahead.finished, timeout=5000):
        pass
    assert "gongjian_ahead_two" not in sys.modules  # the error ended it; the tab will say why
    assert AheadPage.reads == []
    assert "preparing ahead stopped" in caplog.text


def test_a_tab_clicked_while_the_window_prepares_ahead_opens_and_preparing_goes_on(
    qtbot: QtBot, demo_street: Path, tmp_path: Path
) -> None:
    window = window_on_directory(qtbot, demo_street, tmp_path)
    ahead = window.prepare_ahead()
    with qtbot.waitSignal(ahead.finished, timeout=30000):
        page = window.show_tab("home")  # the user does not wait for it
        assert page is not None and page.data_ready()
    assert window.current_page() is page


def test_closing_the_window_while_it_prepares_ahead_reads_nothing_more(
    qtbot: QtBot, demo_street: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Preparing ahead asks the window for its open database: once closed, nothing is read."""
    from ui.home.tab import HomeTab

    window = window_on_directory(qtbot, demo_street, tmp_path)
    reads: list[object] = []
    monkeypatch.setattr(HomeTab, "read_ahead", classmethod(lambda _cls, db: reads.append(db)))
    ahead = window.prepare_ahead()
    with qtbot.waitSignal(ahead.finished, timeout=30000):
        window.close()  # the database closes with it
    assert window.database is None and reads == []
