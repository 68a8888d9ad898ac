"""Enrolment files: the street office makes one for a new community site; on the community's
PC a new database becomes that site from it.

The file carries the site's identity, the key of its packages and a snapshot of what the
community holds (app/exchange/scope.py), sealed with a key scrypt derives from a passphrase
the street office sees once and the community types in.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.exchange.exporting import contents_for, head_seq, snapshot
from app.exchange.held import hold
from app.exchange.importing import apply_changes, defer_foreign_keys
from app.exchange.packages import Manifest, packed, unpacked
from app.exchange.rights import require_admin
from app.exchange.scope import community_scope
from app.exchange.sealing import (
    header_of,
    new_kdf,
    new_key,
    new_passphrase,
    passphrase_key,
    seal,
    unseal,
)
from app.exchange.sites import (
    community_unit,
    local_site_or_none,
    next_code,
    record_sent,
    refused,
    street_for_enrolment,
)
from app.i18n import QT_TRANSLATE_NOOP
from db.base import utcnow
from db.models.directory import OrgUnit
from db.models.exchange import Site, SiteKind
from db.revision import HEAD_REVISION

ENROLMENT_MAGIC = b"GJENROL1\n"
_SITE = "site.json"
_SNAPSHOT = "snapshot.zip"


@dataclass(frozen=True)
class Enrolment:
    site_id: str
    name: str
    code: str
    passphrase: str  # shown once to the street office, typed in at the community
    data: bytes
    records: int


@dataclass(frozen=True)
class Enrolled:
    name: str
    street: str
    records: int


def add_community_site(session: Session, community: str) -> Enrolment:
    """A community site, and its enrolment file holding what the community needs to start."""
    street = street_for_enrolment(session)
    unit = community_unit(session, community)
    site = Site(
        name=unit.name,
        kind=SiteKind.COMMUNITY,
        community_id=unit.id,
        code=next_code(session),
        key=new_key(),
    )
    session.add(site)
    session.flush()
    connection = session.connection()
    last = head_seq(connection)
    changes = snapshot(connection, community_scope(connection, unit.id), street.id)
    hold(connection, site.id, ((c.table, c.record_id) for c in changes), 0)
    manifest = Manifest(street.id, site.id, 1, last, 0, HEAD_REVISION, utcnow().isoformat())
    identity = {
        "street": {"id": street.id, "name": street.name},
        "site": {"id": site.id, "name": site.name, "code": site.code, "community_id": unit.id},
        "key": (site.key or b"").hex(),
    }
    payload = io.BytesIO()
    with zipfile.ZipFile(payload, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(_SITE, json.dumps(identity, ensure_ascii=False))
        contents = contents_for(connection, site, changes, resend=False)
        archive.writestr(_SNAPSHOT, packed(manifest, changes, contents), zipfile.ZIP_STORED)
    passphrase = new_passphrase()
    kdf = new_kdf()
    header = {"site": site.id, "name": site.name, "kdf": kdf}
    key = passphrase_key(passphrase, kdf)
    data = seal(ENROLMENT_MAGIC, header, key, payload.getvalue())
    detail = {"name": site.name, "code": site.code, "records": len(changes)}
    record_sent(session, site, last, "site_create", detail)
    return Enrolment(site.id, site.name, site.code, passphrase, data, len(changes))


def enrolment_name(data: bytes) -> str:
    """The community an enrolment file is for (read before the passphrase is asked)."""
    return str(header_of(ENROLMENT_MAGIC, data).get("name", ""))


def enrol(session: Session, data: bytes, passphrase: str) -> Enrolled:
    """Makes this new database the community site of the enrolment file."""
    require_admin(session)
    if local_site_or_none(session) is not None:
        raise refused(QT_TRANSLATE_NOOP("exchange", "本数据库已经是一个站点，不能再登记。"))
    if session.scalar(select(func.count()).select_from(OrgUnit)):
        raise refused(
            QT_TRANSLATE_NOOP(
                "exchange",
                "社区登记须用新的空数据库（这个数据库已有数据）：用 --db 指定一个新文件。",
            )
        )
    header = header_of(ENROLMENT_MAGIC, data)
    key = passphrase_key(passphrase, header.get("kdf") or {})
    try:
        payload = unseal(ENROLMENT_MAGIC, data, key)
    except Exception:
        raise refused(
            QT_TRANSLATE_NOOP("exchange", "口令不对，或登记文件已损坏：请核对街道给出的口令。")
        ) from None
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        identity: dict[str, Any] = json.loads(archive.read(_SITE))
        package = unpacked(archive.read(_SNAPSHOT))
    street = Site(
        id=identity["street"]["id"],
        name=identity["street"]["name"],
        kind=SiteKind.STREET,
        code="",
        received_upto=package.manifest.last_seq,
        last_received_at=utcnow(),
    )
    site = identity["site"]
    local = Site(
        id=site["id"],
        name=site["name"],
        kind=SiteKind.COMMUNITY,
        community_id=site["community_id"],
        code=site["code"],
        is_local=True,
        key=bytes.fromhex(identity["key"]),
    )
    session.add_all([street, local])
    session.flush()
    connection = session.connection()
    defer_foreign_keys(connection)
    applied = apply_changes(connection, local, street, package.changes, package.contents)
    audit.event_entry(
        session,
        "site_enrol",
        entity="exchange_sites",
        entity_id=local.id,
        detail={"name": local.name, "street": street.name, "records": applied.applied},
    )
    return Enrolled(local.name, street.name, applied.applied)
