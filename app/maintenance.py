"""Database health check and backup, for the command line and the window alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, aliased

from app.audit_chain import chain_findings
from app.validation import is_valid_id_number
from db.engine import make_engine, sqlite_path
from db.errors import DatabaseError
from db.migrate import backup_sqlite, current_revision
from db.models.agreements import Agreement
from db.models.directory import OrgLevel, OrgUnit, Person
from db.models.issues import Issue, IssueStatus
from db.models.secondments import Posting
from db.revision import HEAD_REVISION

ALLOWED_PARENTS: dict[OrgLevel, set[OrgLevel | None]] = {
    OrgLevel.STREET: {None},
    OrgLevel.ZONE: {OrgLevel.STREET},
    OrgLevel.COMMUNITY: {OrgLevel.ZONE, OrgLevel.STREET},
    OrgLevel.GRID: {OrgLevel.COMMUNITY},
    OrgLevel.DEPARTMENT: {OrgLevel.STREET, None},
}


@dataclass(frozen=True)
class Finding:
    check: str
    detail: str


def check_database(target: str) -> list[Finding]:
    """SQLite's integrity and foreign-key checks, then the application's own invariants.

    Never changes the database: an older schema is reported, not upgraded.
    """
    engine = make_engine(target, must_exist=True)
    try:
        with engine.connect() as connection:
            findings = _storage_checks(connection)
            if findings:
                return findings
            revision = current_revision(connection)
            if revision != HEAD_REVISION:
                return [Finding("schema", f"结构版本为 {revision}，本程序为 {HEAD_REVISION}")]
            with Session(bind=connection) as session:
                return _invariant_checks(session)
    except DBAPIError as exc:
        raise DatabaseError(f"无法读取数据库（文件损坏或不是数据库）：{target}") from exc
    finally:
        engine.dispose()


def _storage_checks(connection: Connection) -> list[Finding]:
    if connection.dialect.name != "sqlite":
        return []
    findings = [
        Finding("quick_check", row[0])
        for row in connection.execute(text("PRAGMA quick_check"))
        if row[0] != "ok"
    ]
    findings += [
        Finding("foreign_key_check", f"{row[0]} 第 {row[1]} 行引用了不存在的 {row[2]}")
        for row in connection.execute(text("PRAGMA foreign_key_check"))
    ]
    return findings


def _invariant_checks(session: Session) -> list[Finding]:
    checks: list[Callable[[Session], list[Finding]]] = [
        _org_tree_levels,
        _id_numbers,
        _date_ranges,
        _issue_timestamps,
        _audit_log,
    ]
    return [finding for check in checks for finding in check(session)]


def _org_tree_levels(session: Session) -> list[Finding]:
    parent = aliased(OrgUnit)
    rows = session.execute(
        select(OrgUnit.name, OrgUnit.level, parent.level)
        .outerjoin(parent, parent.id == OrgUnit.parent_id)
        .where(OrgUnit.deleted_at.is_(None))
    ).all()
    return [
        Finding("org_tree", f"“{name}”（{level}）不能隶属于 {parent_level}")
        for name, level, parent_level in rows
        if parent_level not in ALLOWED_PARENTS[level]
    ]


def _id_numbers(session: Session) -> list[Finding]:
    rows = session.execute(
        select(Person.name, Person.id_number).where(Person.id_number.is_not(None))
    ).all()
    return [
        Finding("id_number", f"“{name}”的身份证号校验位不对")
        for name, number in rows
        if number and not is_valid_id_number(number)
    ]


def _date_ranges(session: Session) -> list[Finding]:
    findings = [
        Finding("agreement_dates", f"协议 {number} 的有效期起始晚于终止")
        for (number,) in session.execute(
            select(Agreement.number).where(Agreement.valid_from > Agreement.valid_to)
        )
    ]
    for end, what in ((Posting.ends_on, "结束日期"), (Posting.planned_ends_on, "原定结束日期")):
        bad_postings = session.scalar(
            select(func.count()).select_from(Posting).where(Posting.starts_on > end)
        )
        if bad_postings:
            text = f"{bad_postings} 条挂职的开始日期晚于{what}"
            findings.append(Finding("posting_dates", text))
    return findings


def _issue_timestamps(session: Session) -> list[Finding]:
    closed_without_time = session.scalar(
        select(func.count())
        .select_from(Issue)
        .where(Issue.status == IssueStatus.CLOSED, Issue.closed_at.is_(None))
    )
    if closed_without_time:
        return [Finding("issue_closed_at", f"{closed_without_time} 条已归档的民生事项缺少归档时间")]
    return []


def _audit_log(session: Session) -> list[Finding]:
    texts = {
        "changed": "第 {seq} 条审计记录与它的哈希不符：这一条或它前一条被改动过",
        "deleted": "第 {seq} 条起的 {count} 条审计记录被删除了",
        "head": "审计日志的链头丢失或与最后一条记录不符（第 {seq} 条）：最后几条可能被删除",
    }
    return [
        Finding("audit_log", texts[f.problem].format(seq=f.seq, count=f.count))
        for f in chain_findings(session)
    ]


def backup_database(target: str, destination: Path) -> Path:
    """A consistent, verified copy of an SQLite database, safe while the app is running."""
    source = sqlite_path(target)
    if source is None:
        raise DatabaseError("服务器数据库请用 pg_dump 备份；本命令只备份 SQLite 数据库文件。")
    make_engine(target, must_exist=True).dispose()  # the same location checks as opening
    if destination.resolve() == source.resolve():
        raise DatabaseError("备份文件不能是数据库文件本身，请换一个文件名。")
    if not destination.parent.is_dir():
        raise DatabaseError(f"备份所在的文件夹不存在：{destination.parent}")
    try:
        return backup_sqlite(source, destination)
    except Exception as exc:
        if isinstance(exc, DatabaseError):
            raise
        raise DatabaseError(f"无法备份（文件损坏或不是数据库）：{source}（{exc}）") from exc


def default_backup_name(target: str) -> str:
    path = sqlite_path(target)
    stem = path.stem if path is not None else "gongjian"
    return f"{stem}-{datetime.now(UTC).astimezone().strftime('%Y%m%d-%H%M')}.db"
