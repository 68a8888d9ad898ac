"""The Windows bundle leaves out modules the application never loads; this keeps it from
leaving out one the charts do load (pyqtgraph imports some Qt modules by name, which
PyInstaller cannot see)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

SPEC = Path(__file__).resolve().parent.parent / "build.spec"


def _spec_list(name: str) -> list[str]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            assert isinstance(node.value, ast.List)
            return [e.value for e in node.value.elts if isinstance(e, ast.Constant)]
    raise AssertionError(f"build.spec has no list {name}")


def test_the_charts_load_without_the_modules_the_bundle_leaves_out() -> None:
    excluded = _spec_list("excludes")
    script = (
        "import importlib.abc, sys\n"
        f"EXCLUDED = {excluded!r}\n"
        "class LeftOut(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if any(name == e or name.startswith(e + '.') for e in EXCLUDED):\n"
        "            raise ModuleNotFoundError(name)\n"
        "sys.meta_path.insert(0, LeftOut())\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from ui.home.charts import Charts\n"
        "import pyqtgraph\n"
        "chart = pyqtgraph.PlotWidget()\n"
        "chart.plot([1, 2, 3])\n"
        "print('charts ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "charts ok"
