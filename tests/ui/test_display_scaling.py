"""Windows habits: the window and its dialogs at 125 % and 150 % display scaling on a
1366×768 and a 1920×1080 screen, and in English at 1366×768, with nothing clipped; Qt's own
dialogs (the file dialog) speak Chinese.

Each screen setup runs in a process of its own (the scale is fixed when Qt starts), driven by
``tests.ui.layout_probe``; its screenshots stay in the test's tmp folder to be looked at.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.database import Database

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel
from ui.home.tab import HomeTab
from ui.i18n import install_language
from ui.tab import DataEvents, TabContext

ROOT = Path(__file__).resolve().parents[2]
SETUPS = [
    pytest.param(1366, 768, "1.25", "zh_CN", id="1366x768-125%"),
    pytest.param(1366, 768, "1.5", "zh_CN", id="1366x768-150%"),
    pytest.param(1920, 1080, "1.25", "zh_CN", id="1920x1080-125%"),
    pytest.param(1920, 1080, "1.5", "zh_CN", id="1920x1080-150%"),
    pytest.param(1366, 768, "1", "en", id="1366x768-english"),
]
CJK = re.compile(r"[\u3400-\u9fff]")
CHINESE_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


def probe(demo: Path, out: Path, width: int, height: int, scale: str, language: str) -> Any:
    screen = out / "screen.json"
    out.mkdir(parents=True, exist_ok=True)
    geometry = {"name": "probe", "x": 0, "y": 0, "width": width, "height": height}
    dpi = {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    screen.write_text(json.dumps({"screens": [{**geometry, **dpi}]}))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "QT_SCALE_FACTOR": scale,
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.layout_probe", str(demo), str(out), language],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("width", "height", "scale", "language"), SETUPS)
def test_nothing_is_clipped(
    demo_street: Path, tmp_path: Path, width: int, height: int, scale: str, language: str
) -> None:
    result = probe(demo_street, tmp_path, width, height, scale, language)
    assert len(result["shots"]) >= 20  # every tab and view, each dialog and its pages
    assert all((tmp_path / shot).stat().st_size > 10_000 for shot in result["shots"])
    assert result["problems"] == []


def test_the_home_reminders_give_dates_in_english(
    english: None, demo_street: Path, tmp_path: Path, qtbot: Any
) -> None:
    copy = tmp_path / "street.db"
    shutil.copyfile(demo_street, copy)
    database = Database(str(copy))
    home = HomeTab(TabContext(database, QUndoStack(), DataEvents()))
    qtbot.addWidget(home)
    lines = [home.reminders.item(i).text() for i in range(home.reminders.count())]
    database.close()
    assert any(re.search(r"\d{4}-\d{2}-\d{2}", line) for line in lines)
    assert not [line for line in lines if CHINESE_DATE.search(line)]


def test_the_file_dialog_speaks_chinese(qtbot: Any) -> None:
    install_language("zh_CN")
    dialog = QFileDialog(None, "保存 PDF")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as off Windows
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)]
    shown = [t for t in texts if t]
    assert any(CJK.search(t) for t in shown)
    assert not {"Cancel", "&Save", "Save", "File &name:", "Look in:"} & set(shown)
