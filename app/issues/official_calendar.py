"""On opening a database: the shipped official holiday years it lacks are installed.

Kept apart from ``app.issues.holidays`` so that opening a database maps the issues area (and
what writing holidays needs) only when a year is due: a new file, or a program with a new
year's notice.
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.issues.holiday_files import shipped_files
from db.engine import writing
from db.models.security import Setting

INSTALLED = "official_calendar_years"  # Setting: the shipped years already installed

log = logging.getLogger(__name__)


def ensure_official_calendar(engine: Engine) -> None:
    """Installs the shipped years the database lacks (a new file: all of them). A file that
    cannot be written now (read-only) is left alone and tried again next time."""
    settings = Setting.__table__  # Core, not the ORM: opening stays cheap when nothing is due
    with engine.connect() as connection:
        done = connection.scalar(select(settings.c.value).where(settings.c.key == INSTALLED))
    if {f.year for f in shipped_files()} <= set(done or []):
        return
    from app.issues.holidays import install_shipped_years

    try:  # with the write lock from the start, like every write (db.engine.writing)
        with Session(writing(engine)) as session, session.begin():
            install_shipped_years(session)
    except DBAPIError:
        log.warning("the official holiday calendar could not be installed", exc_info=True)
