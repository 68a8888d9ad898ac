"""A folder of backups: their names, their manifests, listing them, and which to keep.

Beside ``gongjian.db`` lives ``backups/``; each backup is ``gongjian-YYYYmmdd-HHMMSS-REASON.db``
(local time; ``-damaged`` at the end when SQLite found the source damaged) with a manifest
``….db.json`` holding what was verified when it was made: the schema revision, the rows of
every table, and the attachment contents moved to ``backups/contents/``. The manifest is
renamed into place before the backup itself, so a backup under its final name always has one.
Backups made before upgrades by earlier versions (``NAME-before-upgrade-REV-STAMP.db``, UTC,
no manifest) are listed and thinned too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from db.snapshot import Facts

BACKUP_DIR_NAME = "backups"
MANIFEST_SUFFIX = ".json"
PARTIAL_SUFFIX = ".partial"
DAMAGED = "-damaged"
STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9-]+?)(?P<damaged>-damaged)?\.db$"
)
_LEGACY = re.compile(r"^(?P<stem>.+)-before-upgrade-(?P<rev>[^-]+)-(?P<stamp>\d{8}-\d{6})\.db$")

# thinning: every backup of the last 48 hours, then the newest of each day for 12 days, of
# each week for 10 weeks, of each month for 9 months
RECENT = timedelta(hours=48)
DAILY = RECENT + timedelta(days=12)
WEEKLY = DAILY + timedelta(weeks=10)
MONTHLY = WEEKLY + timedelta(days=9 * 31)
DAMAGED_KEPT = 2  # copies of a damaged source kept to show what happened; they never count


@dataclass(frozen=True)
class Backup:
    """One backup file. ``facts`` come from the manifest (checked when it was made), or, for
    an old pre-upgrade backup without one, are None until read from the file."""

    path: Path
    taken_at: datetime  # aware, local time
    reason: str
    damaged: bool
    facts: Facts | None
    stripped: tuple[str, ...]  # attachment contents kept in the folder's contents/
    problems: tuple[str, ...] = ()  # what SQLite found in the source (a damaged backup)

    @property
    def manifest(self) -> Path:
        return manifest_path(self.path)

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


def backup_folder(db_file: Path) -> Path:
    return db_file.parent / BACKUP_DIR_NAME


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + MANIFEST_SUFFIX)


def backup_name(stem: str, taken_at: datetime, reason: str, damaged: bool) -> str:
    return f"{stem}-{taken_at.strftime(STAMP)}-{reason}{DAMAGED if damaged else ''}.db"


def write_manifest(path: Path, facts: Facts, stripped: list[str], problems: list[str]) -> None:
    data = {"format": 1, **facts.to_json(), "stripped": stripped, "problems": problems}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _read_manifest(path: Path) -> tuple[Facts, tuple[str, ...], tuple[str, ...]] | None:
    try:
        data = json.loads(manifest_path(path).read_text(encoding="utf-8"))
        stripped, problems = data.get("stripped") or (), data.get("problems") or ()
        return Facts.from_json(data), tuple(stripped), tuple(problems)
    except (OSError, ValueError, AssertionError, AttributeError):
        return None


def parse(path: Path, stem: str | None = None) -> Backup | None:
    """The backup a file name describes (of the database ``stem`` if given), else None."""
    local = datetime.now().astimezone().tzinfo
    if match := _NAME.match(path.name):
        taken_at = datetime.strptime(match["stamp"], STAMP).replace(tzinfo=local)
        reason, damaged = match["reason"], bool(match["damaged"])
        manifest = _read_manifest(path)
        if manifest is None:  # its manifest is gone: nothing proves what it holds
            return None
        facts, stripped, problems = manifest
    elif match := _LEGACY.match(path.name):
        taken_at = datetime.strptime(match["stamp"], STAMP).replace(tzinfo=UTC).astimezone(local)
        reason, damaged, facts, stripped, problems = f"upgrade-{match['rev']}", False, None, (), ()
    else:
        return None
    if stem is not None and match["stem"] != stem:
        return None
    return Backup(path, taken_at, reason, damaged, facts, stripped, problems)


def list_folder(folder: Path, stem: str | None = None) -> list[Backup]:
    """The backups in ``folder`` (of one database if ``stem`` is given), newest first."""
    if not folder.is_dir():
        return []
    found = [b for p in folder.glob("*.db") if (b := parse(p, stem)) is not None]
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def to_remove(backups: list[Backup], now: datetime) -> list[Backup]:
    """The backups thinning removes: outside the last 48 hours, only the newest of each day
    (12 days), week (10 weeks) and month (9 months) stay. Copies of a damaged source take no
    place of a good backup: they are kept apart, the newest few only."""
    good = sorted((b for b in backups if not b.damaged), key=lambda b: b.taken_at, reverse=True)
    damaged = sorted((b for b in backups if b.damaged), key=lambda b: b.taken_at, reverse=True)
    seen: set[tuple[str, object]] = set()
    removed = damaged[DAMAGED_KEPT:]
    for backup in good:
        age = now - backup.taken_at
        day = backup.taken_at.date()
        if age <= RECENT:
            continue
        if age <= DAILY:
            bucket: tuple[str, object] = ("day", day)
        elif age <= WEEKLY:
            bucket = ("week", day.isocalendar()[:2])
        elif age <= MONTHLY:
            bucket = ("month", (day.year, day.month))
        else:
            removed.append(backup)
            continue
        if bucket in seen:
            removed.append(backup)
        seen.add(bucket)
    return removed
