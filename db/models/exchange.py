"""Offline exchange between the street office and community centres: the sites, the change
log every write adds to, packages waiting for a gap to fill, the records each community
holds, conflicts kept for a person.

None of these tables travels in a package: they describe this database's view of its peers.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Index, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Entity, enum_type, utcnow


class SiteKind(StrEnum):
    STREET = "street"  # 街道办事处
    COMMUNITY = "community"  # 社区党群服务中心


class SiteState(StrEnum):
    ACTIVE = "active"
    RETIRED = "retired"  # 停用: no longer exchanges, its data stays
    REVOKED = "revoked"  # 吊销: a lost laptop; its packages are refused from now on


class Site(Entity):
    """A site this database exchanges with, or (``is_local``) this database itself.

    The counters are this database's view of the link with the site: the last sequence of
    our change log sent to it and acknowledged by it, and the last of its log received."""

    __tablename__ = "exchange_sites"

    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[SiteKind] = mapped_column(enum_type(SiteKind))
    community_id: Mapped[str | None] = mapped_column(String(36))
    code: Mapped[str] = mapped_column(String(8))  # issue numbers made there start with it
    is_local: Mapped[bool] = mapped_column(default=False)
    state: Mapped[SiteState] = mapped_column(enum_type(SiteState), default=SiteState.ACTIVE)
    key: Mapped[bytes | None] = mapped_column(LargeBinary)  # AES-256-GCM, shared with the street
    sent_upto: Mapped[int] = mapped_column(default=0)
    acked_upto: Mapped[int] = mapped_column(default=0)
    received_upto: Mapped[int] = mapped_column(default=0)
    last_sent_at: Mapped[datetime | None]
    last_received_at: Mapped[datetime | None]


class Change(Base):
    """One write, in the order this database learnt of it (``seq``, its per-site sequence).

    A record's revision is (``version``, ``origin_site_id``); ``base_*`` names the revision
    the change was made on, so a receiver can tell a plain update from two sites editing the
    same record since they last shared it."""

    __tablename__ = "exchange_changes"
    __table_args__ = (
        Index("ix_exchange_changes_record", "table_name", "record_id", "seq"),
        # the lists' exchange state: a page's records' newest change made here, from the index
        Index("ix_exchange_changes_origin", "table_name", "record_id", "origin_site_id", "seq"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(64))
    operation: Mapped[str] = mapped_column(String(8))  # create, update, delete
    version: Mapped[int]
    origin_site_id: Mapped[str] = mapped_column(String(36))
    base_version: Mapped[int | None]
    base_site_id: Mapped[str | None] = mapped_column(String(36))
    resolves: Mapped[bool] = mapped_column(default=False)  # ends the record's conflicts
    values: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(default=utcnow)


class WaitingPackage(Base):
    """A package that arrived before an earlier one from the same site: it waits, sealed,
    until the gap is filled."""

    __tablename__ = "exchange_waiting"
    __table_args__ = (UniqueConstraint("sender_id", "first_seq", "last_seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sender_id: Mapped[str] = mapped_column(String(36), index=True)
    first_seq: Mapped[int]
    last_seq: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)
    arrived_at: Mapped[datetime] = mapped_column(default=utcnow)


class SharedContent(Base):
    """An attachment's content a site is known to hold, so a package carries it once."""

    __tablename__ = "exchange_contents"

    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)


class HeldRecord(Base):
    """A record the street office knows a community site holds: sent to it from the package
    ending at ``since_seq`` on (0: in its enrolment file, or made there). A record of the
    site's scope not held is sent whole; one held that left the scope is sent a last time."""

    __tablename__ = "exchange_held"

    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    since_seq: Mapped[int] = mapped_column(default=0)


class ConflictState(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


class Conflict(Entity):
    """Two sites changed one record since the version they shared: both versions are kept.

    The record holds the winner meanwhile (the higher revision, the same on every site);
    ``winner``/``loser`` are the two versions' values (None: deleted)."""

    __tablename__ = "exchange_conflicts"
    __table_args__ = (Index("ix_exchange_conflicts_record", "table_name", "record_id"),)

    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(64))
    state: Mapped[ConflictState] = mapped_column(
        enum_type(ConflictState), default=ConflictState.OPEN, index=True
    )
    winner_version: Mapped[int]
    winner_site_id: Mapped[str | None] = mapped_column(String(36))
    winner: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    loser_version: Mapped[int]
    loser_site_id: Mapped[str | None] = mapped_column(String(36))
    loser: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    detected_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]
    resolution: Mapped[str] = mapped_column(String(20), default="")
