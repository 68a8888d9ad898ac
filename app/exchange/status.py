"""The exchange as each site stands: what was sent and received when, what waits, what is
missing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.exchange.conflicts import open_conflict_count
from app.exchange.importing import missing_range
from app.exchange.sites import local_site_or_none
from db.models.exchange import Change, Site, SiteKind, SiteState, WaitingPackage


@dataclass(frozen=True)
class SiteStatus:
    id: str
    name: str
    kind: SiteKind
    code: str
    state: SiteState
    last_sent_at: datetime | None
    last_received_at: datetime | None
    unsent: int  # changes in this site's log not yet put in a package for the site
    unacknowledged: bool  # sent, but the site has not said it has them
    waiting: int  # packages from the site waiting for an earlier one
    missing: tuple[int, int] | None


@dataclass(frozen=True)
class ExchangeStatus:
    local: str | None  # this site's name; None outside any exchange
    local_kind: SiteKind | None
    sites: tuple[SiteStatus, ...]
    open_conflicts: int


def exchange_status(session: Session) -> ExchangeStatus:
    local = local_site_or_none(session)
    if local is None:
        return ExchangeStatus(None, None, (), 0)
    head = int(session.scalar(select(func.coalesce(func.max(Change.seq), 0))) or 0)
    waiting = dict(
        session.execute(
            select(WaitingPackage.sender_id, func.count()).group_by(WaitingPackage.sender_id)
        ).all()
    )
    sites = session.scalars(
        select(Site).where(Site.is_local.is_(False)).order_by(Site.kind.desc(), Site.code)
    ).all()
    rows = tuple(
        SiteStatus(
            site.id,
            site.name,
            site.kind,
            site.code,
            site.state,
            site.last_sent_at,
            site.last_received_at,
            _unsent(session, site, head),
            site.acked_upto < site.sent_upto,
            int(waiting.get(site.id, 0)),
            missing_range(session, site),
        )
        for site in sites
    )
    return ExchangeStatus(local.name, local.kind, rows, open_conflict_count(session))


def _unsent(session: Session, site: Site, head: int) -> int:
    if head <= site.sent_upto:
        return 0
    return int(
        session.scalar(
            select(func.count())
            .where(Change.seq > site.sent_upto)
            .where(Change.origin_site_id != site.id)
        )
        or 0
    )
