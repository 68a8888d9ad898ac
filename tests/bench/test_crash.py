"""The crash harness itself, at a small size: ten kills at random moments of each operation
that writes (demo, an upgrade from revision 0001, an import, a backup, a restore, a series of
edits), and nothing lost or left half done after any of them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def test_ten_kills_of_each_operation_leave_every_file_whole() -> None:
    result = subprocess.run(
        [sys.executable, "bench/run.py", "crash", "--trials", "10", "--small", "--people", "300"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["trials"] == dict.fromkeys(
        ("demo", "upgrade", "import", "backup", "restore", "edits"), 10
    )
    assert summary["failures"] == dict.fromkeys(summary["trials"], 0), result.stdout
    assert sum(summary["killed"].values()) >= 30  # most runs were killed, not finished
    assert result.returncode == 0
