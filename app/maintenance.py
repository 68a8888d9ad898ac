"""Database health check, a backup to a chosen file, and a new empty database: for the command
line and the window alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, inspect, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, aliased

from app.audit_chain import chain_findings
from app.validation import is_valid_id_number
from db import backups
from db.engine import make_engine, sqlite_path
from db.errors import (
    DamagedDatabaseError,
    DatabaseError,
    PartialSchemaError,
    disk_full_error,
    is_disk_full,
)
from db.migrate import current_revision, open_database, opening_error
from db.models.agreements import Agreement
from db.models.directory import OrgLevel, OrgUnit, Person
from db.models.issues import Issue, IssueStatus
from db.models.secondments import Posting
from db.revision import HEAD_REVISION
from db.snapshot import check_file, copy_database, facts_of, verify_file
from db.sqlite_files import durable_replace, remove, set_aside

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
    path = sqlite_path(target)
    if path is not None:
        make_engine(target, must_exist=True, read_only=True).dispose()  # the location checks
        if found := check_file(path):
            return [Finding(check, detail) for check, detail in found]
    engine = make_engine(target, must_exist=True, read_only=path is not None)
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
            if revision != HEAD_REVISION:
                return [Finding("schema", f"结构版本为 {revision}，本程序为 {HEAD_REVISION}")]
            with Session(bind=connection) as session:
                return _invariant_checks(session)
    except DBAPIError as exc:
        raise opening_error(exc, target) from exc
    finally:
        engine.dispose()


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
    """A consistent, whole copy of an SQLite database in a file the user chose (attachments
    included), safe while the application runs. It is checked as automatic backups are, and
    a damaged database is refused rather than copied over an older, good backup."""
    source = sqlite_path(target)
    if source is None:
        raise DatabaseError(backups.SERVER_BACKUP)
    make_engine(target, must_exist=True, read_only=True).dispose()  # the location checks
    if destination.resolve() == source.resolve():
        raise DatabaseError("备份文件不能是数据库文件本身，请换一个文件名。")
    if not destination.parent.is_dir():
        raise DatabaseError(f"备份所在的文件夹不存在：{destination.parent}")
    partial = destination.with_name(destination.name + ".partial")
    remove(partial)  # left by a backup that was interrupted
    try:
        facts = copy_database(source, partial)
        found = verify_file(partial)
        if found:
            raise DamagedDatabaseError(
                f"数据库已损坏（{found[0]}），没有写入备份：{source}。"
                "请用“从备份恢复”取回最近的完好备份。"
            )
        if facts_of(partial) != facts:
            raise DatabaseError(f"备份与数据库的记录数不一致，没有写入备份：{destination}")
        durable_replace(partial, destination)
    except OSError as exc:
        if is_disk_full(exc):
            raise disk_full_error(destination.parent) from exc
        raise
    finally:
        remove(partial)
    return destination


def init_database(target: str, *, recreate: bool = False) -> str:
    """Creates an empty database at ``target`` (a new file, or a server database without
    tables). ``recreate`` replaces a file whose creation was interrupted (some tables and no
    data), which is renamed aside; any other existing file is refused."""
    path = sqlite_path(target)
    if path is not None and path.exists():
        if not recreate:
            raise DatabaseError(f"文件已存在，init 只建立新的数据库：{path}")
        try:
            open_database(target).dispose()
        except PartialSchemaError:
            set_aside(path, "incomplete")
        else:
            raise DatabaseError(f"这个数据库是完整的，没有重新建立：{path}")
    elif path is None:
        engine = make_engine(target)
        try:
            with engine.connect() as connection:
                if inspect(connection).get_table_names():
                    raise DatabaseError(
                        f"服务器上的这个数据库已经有表，init 只建立新的数据库：{target}"
                    )
        finally:
            engine.dispose()
    open_database(target).dispose()
    return str(path.resolve()) if path is not None else target


def default_backup_name(target: str) -> str:
    path = sqlite_path(target)
    stem = path.stem if path is not None else "gongjian"
    return f"{stem}-{datetime.now(UTC).astimezone().strftime('%Y%m%d-%H%M')}.db"
