"""Logging to a file in the user's log folder, for the window and the command line alike."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE_NAME = "gongjian.log"
_configured: Path | None = None


def setup_logging() -> Path:
    """Sends log records to a rotating file; returns the file's path. Safe to call twice."""
    global _configured
    if _configured is not None:
        return _configured
    from app.paths import log_dir

    path = log_dir() / LOG_FILE_NAME
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = path
    return path
