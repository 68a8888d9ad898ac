"""Logging to a file in the user's log folder, for the window and the command line alike.

Every line passes ``app.redaction`` on its way out: no password, ID number or phone reaches
the file, tracebacks included. An unexpected error is logged under a reference
(``incident_reference``) that the dialog or the command line shows instead of its details.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from app.redaction import redacted

LOG_FILE_NAME = "gongjian.log"
_configured: Path | None = None


def setup_logging() -> Path:
    """Sends log records to a rotating file; returns the file's path. Safe to call twice."""
    global _configured
    if _configured is not None:
        return _configured
    from logging.handlers import RotatingFileHandler  # sockets, pickle, queues: not at import

    from app.paths import log_dir

    path = log_dir() / LOG_FILE_NAME
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = path
    return path


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redacted(super().format(record))


def incident_reference() -> str:
    """A short reference for one unexpected error, written with it to the log (E-时分秒-xxxx)."""
    import secrets  # only when an error happens: not on the way to the first paint

    return f"E-{datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"
