"""Start-up: what the first paint waits for, and errors that come before the log is set up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.logs import setup_logging

from PySide6.QtWidgets import QApplication
from ui import errors

ROOT = Path(__file__).resolve().parents[2]
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


def test_the_first_paint_does_not_wait_for_the_log_handler(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    env["PYTHONPATH"] = str(ROOT)
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
