"""Shared-folder mode: a folder on a USB stick or a network share both sides read and write.

A sync imports every package in the folder addressed to this site (in order; what is here
already is skipped before it is even opened), then writes a package for each site it
exchanges with, and removes this site's packages the receiver has acknowledged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.database import Database
from app.errors import UserError
from app.exchange.exporting import export_package, head_seq
from app.exchange.importing import Imported, import_package
from app.exchange.packages import PACKAGE_MAGIC
from app.exchange.sealing import header_of
from app.exchange.sites import local_site
from db.models.exchange import Site, SiteState

SUFFIX = ".gjpkg"


@dataclass
class SyncReport:
    imported: list[Imported] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    refused: list[tuple[Path, str]] = field(default_factory=list)  # file, why


def sync_folder(database: Database, folder: Path) -> SyncReport:
    report = SyncReport()
    with database.reader() as session:
        local = local_site(session)
        local_id, local_code = local.id, local.code or "JD"
    for path in _packages_for(database, folder, local_id):
        try:
            with database.session() as session:
                report.imported.append(import_package(session, path.read_bytes()))
        except UserError as error:
            report.refused.append((path, str(error)))
    with database.reader() as session:
        peers = session.scalars(
            select(Site).where(Site.is_local.is_(False), Site.state == SiteState.ACTIVE)
        ).all()
        head = head_seq(session.connection())
    heard_from = {result.sender for result in report.imported}
    for peer in peers:
        if head > peer.sent_upto or peer.name in heard_from:  # news, or an acknowledgement
            with database.session() as session:
                exported = export_package(session, peer.id)
                name = f"{local_code}-{peer.code or 'JD'}-{exported.last_seq:08d}{SUFFIX}"
                path = folder / name
                partial = path.with_name(name + ".part")
                partial.write_bytes(exported.data)
                partial.replace(path)
            report.written.append(path)
        _remove_acknowledged(folder, local_id, peer.id, peer.acked_upto)
    return report


def _packages_for(database: Database, folder: Path, local_id: str) -> list[Path]:
    """This site's packages in the folder it does not hold yet, oldest first."""
    with database.reader() as session:
        received = {
            row.id: row.received_upto
            for row in session.execute(select(Site.id, Site.received_upto))
        }
    found: list[tuple[int, Path]] = []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        try:
            header = header_of(PACKAGE_MAGIC, path.read_bytes()[:4096])
        except (OSError, UserError):
            continue
        if header.get("receiver") != local_id:
            continue
        if int(header.get("last", 0)) <= received.get(str(header.get("sender")), 0):
            continue
        found.append((int(header.get("first", 0)), path))
    return [path for _first, path in sorted(found)]


def _remove_acknowledged(folder: Path, local_id: str, peer_id: str, acked: int) -> None:
    for path in folder.glob(f"*{SUFFIX}"):
        try:
            header = header_of(PACKAGE_MAGIC, path.read_bytes()[:4096])
        except (OSError, UserError):
            continue
        ours = header.get("sender") == local_id and header.get("receiver") == peer_id
        if ours and int(header.get("last", 0)) <= acked:
            path.unlink(missing_ok=True)
