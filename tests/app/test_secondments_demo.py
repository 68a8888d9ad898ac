"""The demo's postings keep their planned end: extended and ended-early terms as the service
would leave them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.database import Database
from app.demo import generate
from db.models.secondments import Posting, PostingStatus

TODAY = date(2026, 11, 28)


def test_demo_terms_agree_with_their_status(tmp_path: Path) -> None:
    database = Database(str(tmp_path / "demo.db"))
    generate(database, "street", today=TODAY)
    with database.reader() as session:
        postings = session.scalars(select(Posting)).all()
    database.close()
    extended_and_over = 0
    for p in postings:
        if p.status is PostingStatus.EXTENDED:
            assert p.ends_on > p.planned_ends_on >= p.starts_on and p.extension_reason
        elif p.status is PostingStatus.ENDED_EARLY:
            assert p.starts_on <= p.ends_on < p.planned_ends_on and p.early_end_reason
            assert not p.extension_reason
        elif p.extension_reason:  # extended, and the extension has run out
            assert p.status is PostingStatus.ENDED and p.ends_on > p.planned_ends_on
            extended_and_over += 1
        else:
            assert p.ends_on == p.planned_ends_on and not p.early_end_reason, p.status
    assert extended_and_over == 1
    statuses = {p.status for p in postings}
    assert {PostingStatus.EXTENDED, PostingStatus.ENDED_EARLY} <= statuses
