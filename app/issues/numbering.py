"""Issue numbers (``MS2026-000124``): one more than the year's highest, never taken twice.

Every allocation in a transaction first updates a settings row (the numbering lock), so two
offices on one server, or two windows on one file, wait for each other instead of taking the
same number. The lock holds until the transaction ends, so within one transaction the lock is
taken once and the numbers count on in memory: an import of thousands of issues asks the
database once per year, not once per issue. An import writes the lock row with everything
else at its end; a number taken meanwhile by another office makes its write fail on the
unique number, and nothing is written.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.issues.store import transaction_cache
from db.base import utcnow
from db.models.exchange import Site
from db.models.issues import Issue
from db.models.security import Setting

ISSUE_PREFIX = "MS"
ISSUE_DIGITS = 6
NUMBERING_LOCK = "issue_numbering"  # a settings row every allocation updates first
_TAKEN = "issue_numbers"  # session.info key: {year: the last number taken}


def allocate_issue_number(session: Session, year: int) -> str:
    """The next number of ``year``, taken for this transaction."""
    taken = transaction_cache(session, _TAKEN)
    if not taken:
        _lock_numbering(session)
    prefix = issue_prefix(session)
    if year not in taken:
        taken[year] = _highest(session, prefix, year)
    taken[year] += 1
    return _number(prefix, year, taken[year])


def next_issue_number(session: Session, year: int) -> str:
    """The number the next issue of ``year`` would get (nothing is taken)."""
    prefix = issue_prefix(session)
    return _number(prefix, year, _highest(session, prefix, year) + 1)


def issue_prefix(session: Session) -> str:
    """Issues a community site registers carry its code (``MSA-2026-000001``), so that its
    numbers never clash with the street's or another community's in an exchange."""
    code = session.scalar(select(Site.code).where(Site.is_local.is_(True)))
    return f"{ISSUE_PREFIX}{code}-" if code else ISSUE_PREFIX


def _number(site_prefix: str, year: int, serial: int) -> str:
    return f"{site_prefix}{year}-{serial:0{ISSUE_DIGITS}d}"


def _highest(session: Session, site_prefix: str, year: int) -> int:
    """The year's highest serial (deleted issues count too)."""
    prefix = f"{site_prefix}{year}-"
    # a range on the unique index instead of LIKE, which SQLite cannot serve from an index
    in_year = (Issue.number >= prefix, Issue.number < f"{site_prefix}{year}.")
    highest = session.scalar(select(Issue.number).where(*in_year).order_by(Issue.number.desc()))
    suffix = highest[len(prefix) :] if highest else "0"
    if suffix.isdigit() and len(suffix) == ISSUE_DIGITS:
        return int(suffix)
    numbers = session.scalars(select(Issue.number).where(*in_year)).all()  # odd ones, imported
    return max((int(n[len(prefix) :]) for n in numbers if n[len(prefix) :].isdigit()), default=0)


def _lock_numbering(session: Session) -> None:
    lock = session.scalar(select(Setting).where(Setting.key == NUMBERING_LOCK).with_for_update())
    if lock is None:
        session.add(Setting(key=NUMBERING_LOCK, value={"at": utcnow().isoformat()}))
    else:
        lock.value = {"at": utcnow().isoformat()}
    if not session.info.get(audit.DEFER_FLUSH):  # else the import's final write takes it
        session.flush()
