"""The audit log as a list for administrators: filtered by user, record and period, searched,
exported like every list; and one entry's record before and after."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, literal, or_, select
from sqlalchemy.orm import Session

from app.errors import UserError, not_found
from app.i18n import QT_TRANSLATE_NOOP, Label, Message
from app.list_shape import Column, ColumnKind
from app.listing import ListQuery, ListSource, RowsSelect, contains
from app.operator import Operator
from db.base import utcnow
from db.models.security import AuditEntry, User

CONTEXT = "audit"
# the codes entries are written with, and what the list shows (context "audit")
ACTIONS = {
    "create": QT_TRANSLATE_NOOP("audit", "新建"),
    "update": QT_TRANSLATE_NOOP("audit", "修改"),
    "delete": QT_TRANSLATE_NOOP("audit", "删除"),
    "restore": QT_TRANSLATE_NOOP("audit", "恢复"),
    "purge": QT_TRANSLATE_NOOP("audit", "清除"),
    "undo": QT_TRANSLATE_NOOP("audit", "撤销"),
    "status": QT_TRANSLATE_NOOP("audit", "状态变化"),
    "sign_in": QT_TRANSLATE_NOOP("audit", "登录"),
    "sign_in_failed": QT_TRANSLATE_NOOP("audit", "登录失败"),
    "sign_in_refused": QT_TRANSLATE_NOOP("audit", "暂停期内登录"),
    "export": QT_TRANSLATE_NOOP("audit", "导出个人信息"),
    "print": QT_TRANSLATE_NOOP("audit", "打印个人信息"),
    "import": QT_TRANSLATE_NOOP("audit", "导入"),
    "erase": QT_TRANSLATE_NOOP("audit", "删除个人信息"),
    "restore_backup": QT_TRANSLATE_NOOP("audit", "从备份恢复"),
    "audit_head_rebuilt": QT_TRANSLATE_NOOP("audit", "审计链头重建"),
}
RECORDS = {
    "people": QT_TRANSLATE_NOOP("audit", "人员"),
    "resident_units": QT_TRANSLATE_NOOP("audit", "驻区单位"),
    "party_orgs": QT_TRANSLATE_NOOP("audit", "党组织"),
    "org_units": QT_TRANSLATE_NOOP("audit", "组织"),
    "issues": QT_TRANSLATE_NOOP("audit", "民生事项"),
    "meetings": QT_TRANSLATE_NOOP("audit", "联席会议"),
    "action_items": QT_TRANSLATE_NOOP("audit", "议定事项"),
    "agreements": QT_TRANSLATE_NOOP("audit", "共建协议"),
    "commitments": QT_TRANSLATE_NOOP("audit", "承诺事项"),
    "fulfilment_records": QT_TRANSLATE_NOOP("audit", "履约记录"),
    "list_entries": QT_TRANSLATE_NOOP("audit", "三张清单"),
    "member_registrations": QT_TRANSLATE_NOOP("audit", "报到登记"),
    "service_records": QT_TRANSLATE_NOOP("audit", "服务记录"),
    "postings": QT_TRANSLATE_NOOP("audit", "干部挂职"),
    "work_logs": QT_TRANSLATE_NOOP("audit", "工作记录"),
    "evaluations": QT_TRANSLATE_NOOP("audit", "双向评价"),
    "attachments": QT_TRANSLATE_NOOP("audit", "附件"),
    "users": QT_TRANSLATE_NOOP("audit", "用户"),
    "settings": QT_TRANSLATE_NOOP("audit", "设置"),
}


class AuditList(ListSource):
    columns = (
        Column("at", QT_TRANSLATE_NOOP("columns", "时间"), ColumnKind.DATETIME, width=130),
        Column("user", QT_TRANSLATE_NOOP("columns", "用户"), width=90),
        Column("action", QT_TRANSLATE_NOOP("columns", "操作"), width=100),
        Column("entity", QT_TRANSLATE_NOOP("columns", "记录类别"), width=90),
        Column("record", QT_TRANSLATE_NOOP("columns", "记录"), width=250),
        Column("reason", QT_TRANSLATE_NOOP("columns", "说明"), width=220, stretch=True),
        Column("seq", QT_TRANSLATE_NOOP("columns", "序号"), ColumnKind.NUMBER, width=60),
    )
    default_sort = "seq"
    default_descending = True

    def select_rows(self) -> RowsSelect:
        return select(
            AuditEntry.id.label("id"),
            AuditEntry.version,
            AuditEntry.at.label("at"),
            func.coalesce(User.display_name, literal("")).label("user"),
            AuditEntry.action.label("action"),
            AuditEntry.entity.label("entity"),
            AuditEntry.entity_id.label("record"),
            AuditEntry.reason.label("reason"),
            AuditEntry.seq.label("seq"),
        ).outerjoin(User, User.id == AuditEntry.user_id)

    def where(self, query: ListQuery) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        if user_id := query.filters.get("user_id"):
            conditions.append(AuditEntry.user_id == user_id)
        if days := query.filters.get("days"):
            now: datetime = query.filters.get("now") or utcnow()
            conditions.append(AuditEntry.at >= now - timedelta(days=days))
        if query.search:
            text = query.search.strip()
            conditions.append(or_(AuditEntry.entity_id == text, contains(AuditEntry.reason, text)))
        return conditions

    def post_process(self, values: tuple[Any, ...], query: ListQuery) -> tuple[Any, ...]:
        at, user, action, entity, record, reason, seq = values
        return (
            at,
            user,
            ACTIONS.get(action, action),
            RECORDS.get(entity, entity),
            record,
            reason,
            seq,
        )


def _label(labels: dict[str, str], code: str) -> str:
    """A code's label (translated on screen, Chinese in a file), or the code when it has none."""
    return Label(CONTEXT, labels[code]) if code in labels else code


@dataclass(frozen=True)
class EntryDetail:
    before: str  # the record before, as indented JSON ("" when none)
    after: str


def require_auditor(operator: Operator) -> None:
    """Only administrators read the audit log: it holds every record's history."""
    if not operator.may_manage_users:
        raise UserError(
            Message(CONTEXT, QT_TRANSLATE_NOOP("audit", "只有管理员可以查看审计日志。"))
        )


def entry_detail(session: Session, entry_id: str) -> EntryDetail:
    entry = session.get(AuditEntry, entry_id)
    if entry is None:
        raise not_found(QT_TRANSLATE_NOOP("fields", "审计记录"), entry_id)
    return EntryDetail(_pretty(entry.before), _pretty(entry.after))


def _pretty(snapshot: dict[str, Any] | None) -> str:
    if snapshot is None:
        return ""
    return json.dumps(snapshot, ensure_ascii=False, indent=2, sort_keys=True)
