"""The audit log's hash chain: each entry's hash covers the entry and the previous entry's hash.

Changing an entry breaks its hash; deleting one leaves a gap in ``seq`` and a following entry
whose hash no longer fits; deleting the newest entries (or all) no longer matches the chain's
head (``audit_head``). ``gongjian check`` walks the chain (``chain_findings``).

Personal data enters an entry's hash only as a salted digest of the value (the entry's own
random ``salt``). Erasure (app/erasure.py) replaces such a value in ``before``/``after`` with
``{"erased": digest}`` and clears the salt: the hash stays the same, and the digest cannot be
turned back into an ID number by trying them all, since the salt is gone.

Migration 0006 holds a copy of this algorithm (version 1) to chain the entries written before
it; the two must agree.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.personal_data import PERSONAL_FIELDS
from db.models.security import AuditEntry, AuditHead

ERASED = "erased"
HEAD_ID = "head"
HEAD_REBUILT = "audit_head_rebuilt"  # the action of the entry made when the head was missing
GENESIS = ""  # the "previous hash" of the first entry
CHECK_BATCH = 2000


def is_erased(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {ERASED}


def digest(salt: str | None, field: str, value: Any) -> str:
    """The salted digest that stands for a personal value in the hash."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(f"{salt or ''}\x1f{field}\x1f{text}".encode()).hexdigest()


def sealed(
    entity: str, snapshot: Mapping[str, Any] | None, salt: str | None
) -> dict[str, Any] | None:
    """The snapshot as the hash sees it: personal values (or their erasure marks) as digests."""
    if snapshot is None:
        return None
    result = dict(snapshot)
    for field in PERSONAL_FIELDS.get(entity, {}):
        if field in result:
            value = result[field]
            result[field] = value[ERASED] if is_erased(value) else digest(salt, field, value)
    return result


@dataclass(frozen=True)
class Link:
    """What an entry's hash covers."""

    seq: int
    at: datetime
    user_id: str | None
    action: str
    entity: str
    entity_id: str
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None
    reason: str
    salt: str | None

    @classmethod
    def of(cls, entry: AuditEntry) -> Link:
        return cls(
            entry.seq,
            entry.at,
            entry.user_id,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.before,
            entry.after,
            entry.reason,
            entry.salt,
        )

    def hash(self, previous: str) -> str:
        body = [
            1,  # the algorithm's version
            previous,
            self.seq,
            self.at.astimezone(UTC).isoformat(),
            self.user_id,
            self.action,
            self.entity,
            self.entity_id,
            sealed(self.entity, self.before, self.salt),
            sealed(self.entity, self.after, self.salt),
            self.reason,
        ]
        text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()


def locked_head(session: Session) -> AuditHead | None:
    """The chain's head, locked until the transaction ends (a row lock on PostgreSQL; on
    SQLite every writing transaction already holds the file's write lock)."""
    return session.scalar(select(AuditHead).where(AuditHead.id == HEAD_ID).with_for_update())


def last_link(session: Session) -> tuple[int, str]:
    """The newest entry's number and hash, read from the entries themselves."""
    row = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    return (row[0], row[1]) if row else (0, GENESIS)


# checking


@dataclass(frozen=True)
class ChainFinding:
    seq: int
    problem: str  # "changed", "deleted" (``count`` entries from ``seq`` on), "head" (missing
    # or not matching the newest entry; or rebuilt at entry ``seq``)
    count: int = 1


def chain_findings(session: Session) -> list[ChainFinding]:
    """Every place where the stored chain does not hold."""
    findings: list[ChainFinding] = []
    expected, previous = 1, GENESIS
    for entry in _entries(session):
        if entry.seq != expected:
            findings.append(ChainFinding(expected, "deleted", entry.seq - expected))
        elif Link.of(entry).hash(previous) != entry.hash:
            findings.append(ChainFinding(entry.seq, "changed"))
        if entry.action == HEAD_REBUILT:
            findings.append(ChainFinding(entry.seq, "head"))
        expected, previous = entry.seq + 1, entry.hash
    head = session.get(AuditHead, HEAD_ID)
    if head is None:
        findings.append(ChainFinding(expected, "head"))
    elif head.seq >= expected:
        findings.append(ChainFinding(expected, "deleted", head.seq - expected + 1))
    elif head.seq != expected - 1 or head.hash != previous:
        findings.append(ChainFinding(head.seq, "head"))
    return findings


def _entries(session: Session) -> Iterator[AuditEntry]:
    after = 0
    while True:
        batch = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.seq > after)
            .order_by(AuditEntry.seq)
            .limit(CHECK_BATCH)
        ).all()
        if not batch:
            return
        yield from batch
        after = batch[-1].seq
        session.expunge_all()
