"""Where things live: bundled resources, the user's data, log and backup folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Gongjian"
APP_AUTHOR = "Gongjian"
DB_ENV = "GONGJIAN_DB"
DB_FILE_NAME = "gongjian.db"


def resource_path(*parts: str) -> Path:
    """A file under resources/, from a checkout or from inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR, ensure_exists=True)


def cache_dir() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, APP_AUTHOR, ensure_exists=True)


def log_dir() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, APP_AUTHOR, ensure_exists=True)


def default_database() -> str:
    return str(data_dir() / DB_FILE_NAME)


def database_target(cli_value: str | None) -> str:
    """The database the user asked for: ``--db``, else ``$GONGJIAN_DB``, else the default."""
    return cli_value or os.environ.get(DB_ENV) or default_database()
