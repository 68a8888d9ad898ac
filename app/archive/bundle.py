"""The archive bundle (归档包) of a meeting or of a month: the documents an office files.

A meeting's bundle is a folder (or a .zip of it) named after the meeting's date and minutes
heading, holding the final minutes (纪要.pdf), the sign-in sheet (签到表.pdf), the meeting's
attachments (附件/, read through ``app.attachments``), the decisions and action items
(议定事项.xlsx) and ``SHA256SUMS``: the SHA-256 of every other file, in the format
``sha256sum -c`` checks. A month's bundle holds the bundle of every final meeting that started
in the month and the month's report (工作月报.pdf), with one ``SHA256SUMS`` for all of it.

Only final minutes are archived (a draft is refused, saying so). The bundle is built in a
temporary folder beside the target and moved into place whole, so a failure leaves nothing
behind; an existing bundle of the same name is refused rather than overwritten. Every bundle
is recorded in the audit log with its files and their hashes.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.attachments import attachment_bytes, attachments_of
from app.dashboard.period import Period
from app.errors import UserError, refuse
from app.i18n import QT_TRANSLATE_NOOP
from app.labels import label
from app.localtime import to_beijing
from app.meetings.detail import sorted_action_items
from app.meetings.minutes import minutes_document, signin_sheet
from app.meetings.names import Names
from app.meetings.store import live_meeting
from db.models.issues import Issue
from db.models.meetings import ActionItem, Meeting, MeetingStatus

MANIFEST = "SHA256SUMS"
MINUTES_FILE = "纪要.pdf"
SIGNIN_FILE = "签到表.pdf"
DECISIONS_FILE = "议定事项.xlsx"
ATTACHMENTS_FOLDER = "附件"
REPORT_FILE = "工作月报.pdf"
DECISION_HEADERS = ("议题", "议定事项", "牵头单位/责任人", "完成时限", "状态", "民生事项")
DECISION_WIDTHS = (180, 360, 160, 90, 70, 110)  # pixels
FORBIDDEN_IN_NAMES = str.maketrans({c: "_" for c in '<>:"/\\|?*'})


@dataclass(frozen=True)
class Bundle:
    path: Path  # the folder or the .zip written
    files: dict[str, str]  # relative path (with /) -> SHA-256


def safe_name(text: str) -> str:
    """A file or folder name Windows accepts, from a title."""
    cleaned = "".join(c for c in text.translate(FORBIDDEN_IN_NAMES) if ord(c) >= 32)
    return cleaned.strip(" .") or "归档"


def archive_meeting(
    session: Session, meeting_id: str, folder: Path, *, as_zip: bool = False
) -> Bundle:
    """Writes the meeting's bundle into ``folder``; UserError for a draft or a bad target."""
    meeting = live_meeting(session, meeting_id)
    name = _meeting_folder_name(meeting)
    with _building(folder, name, as_zip) as root:
        _write_meeting(session, meeting, root)
        files = _write_manifest(root)
    bundle = Bundle(_target(folder, name, as_zip), files)
    _audit(session, Meeting.__tablename__, meeting.id, bundle)
    return bundle


def archive_month(
    session: Session, period: Period, folder: Path, now: datetime, *, as_zip: bool = False
) -> Bundle:
    """Writes the bundle of the month's final meetings and its report into ``folder``."""
    from app.dashboard.report import monthly_report
    from app.exports.pdf.report import render_report

    meetings = session.scalars(
        select(Meeting)
        .where(Meeting.deleted_at.is_(None), Meeting.status == MeetingStatus.FINAL)
        .where(Meeting.starts_at >= period.start_moment, Meeting.starts_at < period.end_moment)
        .order_by(Meeting.starts_at)
    ).all()
    name = f"{period.start:%Y-%m} 归档"
    with _building(folder, name, as_zip) as root:
        for meeting in meetings:
            inner = root / _meeting_folder_name(meeting)
            inner.mkdir()
            _write_meeting(session, meeting, inner)
        (root / REPORT_FILE).write_bytes(render_report(monthly_report(session, period, now)))
        files = _write_manifest(root)
    bundle = Bundle(_target(folder, name, as_zip), files)
    _audit(session, "archive_month", f"{period.start:%Y-%m}", bundle)
    return bundle


def _meeting_folder_name(meeting: Meeting) -> str:
    return safe_name(f"{to_beijing(meeting.starts_at):%Y-%m-%d} {meeting.title}")


def _write_meeting(session: Session, meeting: Meeting, root: Path) -> None:
    from app.exports.pdf import render_minutes, render_signin_sheet

    if meeting.status is not MeetingStatus.FINAL:
        raise refuse(
            QT_TRANSLATE_NOOP("errors", "“{title}”的纪要还是草稿：定稿后才能归档。"),
            title=meeting.title,
        )
    (root / MINUTES_FILE).write_bytes(render_minutes(minutes_document(session, meeting.id)))
    (root / SIGNIN_FILE).write_bytes(render_signin_sheet(signin_sheet(session, meeting.id)))
    (root / DECISIONS_FILE).write_bytes(decisions_workbook(session, meeting))
    attached = attachments_of(session, meeting_id=meeting.id)
    if attached:
        target = root / ATTACHMENTS_FOLDER
        target.mkdir()
        used: set[str] = set()
        for info in attached:
            name = _unique(safe_name(info.file_name), used)
            (target / name).write_bytes(attachment_bytes(session, info))


def _unique(name: str, used: set[str]) -> str:
    """``name``, or ``name (2)``, … when two attachments share a file name."""
    stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
    candidate, number = name, 1
    while candidate.lower() in used:
        number += 1
        candidate = f"{stem} ({number}){dot}{suffix}"
    used.add(candidate.lower())
    return candidate


def decisions_workbook(session: Session, meeting: Meeting) -> bytes:
    """The meeting's decisions, one row per action item (a decision without any: one row)."""
    from app.excel.writing import header_cell, set_widths

    every = [a for item in meeting.agenda_items for d in item.decisions for a in d.action_items]
    names = Names(session, [a.owner_person_id for a in every], [a.owner_unit_id for a in every])
    issue_ids = [a.issue_id for a in every if a.issue_id]
    found = session.execute(select(Issue.id, Issue.number).where(Issue.id.in_(issue_ids)))
    numbers = {issue_id: number for issue_id, number in found}
    book = Workbook(write_only=True)
    sheet = book.create_sheet("议定事项")
    set_widths(sheet, list(DECISION_WIDTHS))
    sheet.append([header_cell(sheet, text) for text in DECISION_HEADERS])
    for item in meeting.agenda_items:
        for decision in item.decisions:
            actions: list[ActionItem | None] = [*sorted_action_items(decision)] or [None]
            for action in actions:
                owner = due = status = issue = ""
                if action is not None:
                    owner = names.owner(
                        action.owner_person_id, action.owner_unit_id, action.owner_org_unit_id
                    )
                    due = action.due_on.isoformat() if action.due_on else ""
                    status = label(action.status)
                    issue = numbers.get(action.issue_id or "", "")
                texts = (item.title, decision.text, owner, due, status, issue)
                sheet.append([_text(sheet, text) for text in texts])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _text(sheet: Any, value: str) -> WriteOnlyCell:
    """Typed text as text: openpyxl makes a formula of a string starting with ``=``."""
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def _write_manifest(root: Path) -> dict[str, str]:
    files = {
        path.relative_to(root).as_posix(): sha256(path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }
    lines = "".join(f"{digest}  {name}\n" for name, digest in files.items())
    (root / MANIFEST).write_text(lines, encoding="utf-8", newline="\n")
    return files


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _target(folder: Path, name: str, as_zip: bool) -> Path:
    return folder / (f"{name}.zip" if as_zip else name)


@contextmanager
def _building(folder: Path, name: str, as_zip: bool) -> Iterator[Path]:
    """A temporary folder beside the target to build in; moved (or zipped) into place whole
    when the block ends without error, else removed."""
    if not folder.is_dir():
        missing = QT_TRANSLATE_NOOP("errors", "无法归档：文件夹不存在：{folder}")
        raise refuse(missing, folder=folder)
    target = _target(folder, name, as_zip)
    if target.exists():
        raise refuse(
            QT_TRANSLATE_NOOP("errors", "无法归档：{path} 已存在，请换一个文件夹或先移走它。"),
            path=target,
        )
    try:
        work = Path(tempfile.mkdtemp(prefix=".归档-", dir=folder))
    except OSError as error:
        raise _failed(
            QT_TRANSLATE_NOOP("errors", "无法归档：不能写入 {folder}（{reason}）"), folder, error
        ) from error
    try:
        root = work / name
        root.mkdir()
        yield root
        if as_zip:
            _zip(root, work / target.name)
            (work / target.name).replace(target)
        else:
            root.replace(target)
    except OSError as error:
        raise _failed(
            QT_TRANSLATE_NOOP("errors", "无法归档：写入 {folder} 时出错（{reason}）"), folder, error
        ) from error
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _failed(template: str, folder: Path, error: OSError) -> UserError:
    """The refusal of an archive the system would not write, with the system's reason."""
    return refuse(template, folder=folder, reason=error.strerror or type(error).__name__)


def _zip(root: Path, path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(root.rglob("*")):
            if file.is_file():
                archive.write(file, f"{root.name}/{file.relative_to(root).as_posix()}")


def _audit(session: Session, entity: str, entity_id: str, bundle: Bundle) -> None:
    detail = {"path": str(bundle.path), "files": bundle.files}
    audit.event_entry(session, "archive", entity=entity, entity_id=entity_id, detail=detail)
